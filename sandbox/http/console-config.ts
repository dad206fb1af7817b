import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONNECT_SOURCES } from './security-headers';

/**
 * The origin of the endpoint the console's runtime config (`<console>/config.json`) names, if
 * any: the console calls it from the first page, so the CSP must allow it.
 */
export function configuredEndpointOrigin(consoleDir: string): string | undefined {
  let endpoint: unknown;
  try {
    endpoint = (
      JSON.parse(readFileSync(join(consoleDir, 'config.json'), 'utf8')) as {
        endpoint?: unknown;
      }
    ).endpoint;
  } catch {
    return undefined; // No or unreadable config: the console falls back to its defaults.
  }
  if (typeof endpoint !== 'string' || endpoint === '') return undefined;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Everything the console served from `consoleDir` may connect to, besides its own origin. */
export function consoleConnectSources(consoleDir: string, extra: readonly string[]): string[] {
  const configured = configuredEndpointOrigin(consoleDir);
  return [...new Set([...DEFAULT_CONNECT_SOURCES, ...(configured ? [configured] : []), ...extra])];
}
