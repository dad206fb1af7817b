import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type ConsoleFileServer = (urlPath: string, res: ServerResponse) => void;

/**
 * Serves the built console from `root`. Every path is resolved to its real path (symlinks
 * followed) and served only if that lies inside the root's real path, so neither `..` nor a
 * symlink in the directory can expose other files. Unknown paths without an extension get
 * index.html, so deep links such as /keys/<id> load the single-page app, which routes them.
 */
export function createConsoleFileServer(
  root: string,
  contentSecurityPolicy: string,
): ConsoleFileServer {
  let base: string;
  try {
    base = realpathSync(root);
  } catch {
    throw new Error(
      `--console ${root}: no such directory (npm run build writes the console to dist).`,
    );
  }
  if (!statSync(base).isDirectory()) throw new Error(`--console ${root} is not a directory.`);
  const inside = base.endsWith(sep) ? base : base + sep;

  /** The real path of a regular file inside the root, or undefined. */
  function fileInside(path: string): string | undefined {
    try {
      const real = realpathSync(path);
      if (!real.startsWith(inside)) return undefined;
      return statSync(real).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  }

  return (urlPath, res) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      decoded = '/';
    }
    // join() normalizes `..` against the root first; the real-path check catches symlinks.
    let file = fileInside(join(base, decoded));
    if (!file && extname(decoded) === '') file = fileInside(join(base, 'index.html'));
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const hashedAsset = file.startsWith(join(base, 'assets') + sep);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': contentSecurityPolicy,
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
