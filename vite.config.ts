import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Cloudscape's global styles inline eight Open Sans faces as base64 (≈140 KB gzip of the first
 * load). This writes each face to node_modules/.cache and points the CSS at it, so Vite emits it
 * as an ordinary hashed asset that the browser fetches only when a page uses that face.
 */
function externalFonts(): Plugin {
  const DATA_FONT = /url\((['"]?)data:font\/woff2;base64,([A-Za-z0-9+/=]+)\1\)/g;
  const cacheDir = resolve('node_modules/.cache/kms-console-fonts');
  return {
    name: 'kms-console-external-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@cloudscape-design/global-styles') || !id.endsWith('.css')) return null;
      mkdirSync(cacheDir, { recursive: true });
      return code.replace(DATA_FONT, (_match, _quote, base64: string) => {
        const bytes = Buffer.from(base64, 'base64');
        const file = join(
          cacheDir,
          `open-sans-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.woff2`,
        );
        writeFileSync(file, bytes);
        return `url('${relative(dirname(id), file)}')`;
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), externalFonts()],
  build: { outDir: 'dist', sourcemap: true },
  server: { port: 5173 },
});
