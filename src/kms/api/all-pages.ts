/** One page of a KMS list operation that pages with Marker, Truncated and NextMarker. */
export interface MarkerPage {
  Truncated?: boolean;
  NextMarker?: string;
}

/**
 * Every item of a list operation, fetching page after page until KMS says the list is complete.
 * `page` sends one request for the given marker; `items` picks the page's entries.
 */
export async function allPages<P extends MarkerPage, T>(
  page: (marker: string | undefined) => Promise<P>,
  items: (page: P) => T[] | undefined,
): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const answer = await page(marker);
    all.push(...(items(answer) ?? []));
    marker = answer.Truncated ? answer.NextMarker : undefined;
  } while (marker);
  return all;
}
