import { invalidMarker } from '../protocol/errors';
import type { InputValidator } from './validation';

/** The model's MarkerType: 1–1024 characters of Latin-1. */
const MARKER_PATTERN = /^[\u0020-\u00FF]*$/;

export interface PageRequest {
  limit: number;
  marker?: string;
}

export interface Page<T> {
  items: T[];
  Truncated: boolean;
  NextMarker?: string;
}

/**
 * Reads Limit and Marker as the List* operations take them. The model allows Limit up to 1000
 * everywhere, but some operations document a lower maximum ("it might return fewer"), so the
 * page is capped at `max` without rejecting larger values.
 */
export function readPageRequest(
  v: InputValidator,
  defaults: { limit: number; max: number },
): PageRequest {
  const limit = v.integer('Limit', { min: 1, max: 1000 }) ?? defaults.limit;
  const marker = v.string('Marker', { min: 1, max: 1024, pattern: MARKER_PATTERN });
  return { limit: Math.min(limit, defaults.max), marker };
}

/** Markers are opaque to callers; ours carry the id of the last item returned. */
export const encodeMarker = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export const decodeMarker = (marker: string) => Buffer.from(marker, 'base64url').toString('utf8');

/**
 * Pages through a list the caller already ordered, resuming after the item the marker names.
 * A marker naming an item that no longer exists is InvalidMarkerException, as for an expired one.
 */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  idOf: (item: T) => string,
): Page<T> {
  let start = 0;
  if (request.marker !== undefined) {
    const after = decodeMarker(request.marker);
    const index = items.findIndex((item) => idOf(item) === after);
    if (index < 0) throw invalidMarker();
    start = index + 1;
  }
  const page = items.slice(start, start + request.limit);
  const truncated = start + request.limit < items.length;
  return {
    items: page,
    Truncated: truncated,
    NextMarker: truncated ? encodeMarker(idOf(page[page.length - 1])) : undefined,
  };
}
