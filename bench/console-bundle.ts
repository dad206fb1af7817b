import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from './console-build';

/** The budget for the first load (JS and CSS that index.html pulls in, gzip). */
const BUDGET_KB = 450;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Files index.html loads before anything runs: the entry script, its static imports, styles. */
export function initialAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || !/\.(?:js|css)$/.test(url)) continue;
    if (tag.startsWith('<script') || rel === 'modulepreload' || rel === 'stylesheet')
      found.add(url);
  }
  return [...found];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one VLQ-encoded source-map segment. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * Bytes of a minified file attributed to each original source, from its source map (what
 * source-map-explorer does): each mapping segment owns the text up to the next one.
 */
export function bytesBySource(
  code: string,
  map: { sources: string[]; mappings: string },
): Map<string, number> {
  const totals = new Map<string, number>();
  const lines = code.split('\n');
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineNumber) => {
    const line = lines[lineNumber] ?? '';
    let column = 0;
    const segments = lineMappings === '' ? [] : lineMappings.split(',');
    const starts: Array<{ column: number; source: number | undefined }> = [];
    for (const segment of segments) {
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta ?? 0;
      let source: number | undefined;
      if (sourceDelta !== undefined) {
        sourceIndex += sourceDelta;
        source = sourceIndex;
      }
      starts.push({ column, source });
    }
    starts.forEach((start, i) => {
      const end = starts[i + 1]?.column ?? line.length;
      const name =
        start.source === undefined ? '(unmapped)' : (map.sources[start.source] ?? '(unknown)');
      totals.set(name, (totals.get(name) ?? 0) + Math.max(0, end - start.column));
    });
  });
  return totals;
}

/** "react-dom", "@cloudscape-design/components/table", "src/session", … */
export function groupOf(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    if (parts[0] === '@cloudscape-design' && parts[1] === 'components') {
      return `@cloudscape-design/components/${parts[2] === 'internal' ? 'internal' : parts[2]}`;
    }
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = source.indexOf('src/');
  if (src >= 0) return source.slice(src).split('/').slice(0, 2).join('/');
  return source.replace(/^(\.\.\/)+/, '');
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

export async function benchConsoleBundle(): Promise<string> {
  const dist = await buildConsole();
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = initialAssets(html);
  const rows = initial.map((url) => {
    const path = join(dist, url.replace(/^\//, ''));
    return { url, raw: readFileSync(path).length, gzip: gzipSize(path), path };
  });
  const total = rows.reduce((sum, row) => sum + row.gzip, 0);
  const js = rows.filter((r) => r.url.endsWith('.js')).reduce((s, r) => s + r.gzip, 0);
  const css = total - js;

  // What dominates the initial JS, by package, from the source maps.
  const groups = new Map<string, number>();
  let mappedTotal = 0;
  for (const row of rows.filter((r) => r.url.endsWith('.js'))) {
    if (!existsSync(`${row.path}.map`)) {
      groups.set('(no source map)', (groups.get('(no source map)') ?? 0) + row.raw);
      mappedTotal += row.raw;
      continue;
    }
    const map = JSON.parse(readFileSync(`${row.path}.map`, 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    for (const [source, bytes] of bytesBySource(readFileSync(row.path, 'utf8'), map)) {
      const group = groupOf(source);
      groups.set(group, (groups.get(group) ?? 0) + bytes);
      mappedTotal += bytes;
    }
  }
  const top = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);

  // Route chunks loaded later (code-split), largest first.
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((file) => file.endsWith('.js') && !initial.includes(`/assets/${file}`))
    .map((file) => ({ file, gzip: gzipSize(join(dist, 'assets', file)) }))
    .sort((a, b) => b.gzip - a.gzip);
  const lazyTotal = lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);

  const lines = [
    '## Console bundle: first load',
    '',
    `Production build (vite.config.ts). The first load is what index.html pulls in: the entry script, its \`modulepreload\` static imports and stylesheets; sizes are gzip (level 6). Budget ${BUDGET_KB} KB.`,
    '',
    `**Initial load: ${kb(total)} KB gzip** (JS ${kb(js)} KB, CSS ${kb(css)} KB) in ${rows.length} files — ${total / 1024 <= BUDGET_KB ? 'within' : 'OVER'} the ${BUDGET_KB} KB budget.`,
    '',
    '| file | raw KB | gzip KB |',
    '|---|---:|---:|',
    ...rows
      .sort((a, b) => b.gzip - a.gzip)
      .map((r) => `| ${r.url} | ${kb(r.raw)} | ${kb(r.gzip)} |`),
    '',
    'What dominates the initial JS (minified bytes by package, from the source maps):',
    '',
    '| package or folder | minified KB | share |',
    '|---|---:|---:|',
    ...top.map(
      ([group, bytes]) =>
        `| ${group} | ${kb(bytes)} | ${((bytes / mappedTotal) * 100).toFixed(1)}% |`,
    ),
    '',
    `Code-split chunks loaded on demand: ${lazy.length} files, ${kb(lazyTotal)} KB gzip in all; largest: ${lazy
      .slice(0, 8)
      .map((c) => `${c.file.replace(/-[\w-]{8}\.js$/, '')} ${kb(c.gzip)} KB`)
      .join(', ')}.`,
  ];
  return lines.join('\n');
}
