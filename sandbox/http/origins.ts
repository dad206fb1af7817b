/**
 * Parses an origin given on the command line (`--cors-origin`, `--connect-src`) into the form
 * browsers serialize it (lower-case host, no default port, no trailing slash). Throws a message
 * that says what is wrong and what to write instead.
 */
export function parseOrigin(option: string, value: string): string {
  if (value === 'null') {
    throw new Error(
      `${option} null would match every sandboxed frame and file:// page at once; name the console's real origin.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${option} takes an origin such as http://localhost:5173, not '${value}'.`);
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (
    !web ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    const example = web ? url.origin : 'http://localhost:5173';
    throw new Error(
      `${option} takes an origin (http or https, host, optional port, no path), e.g. ${example}, not '${value}'.`,
    );
  }
  return url.origin;
}
