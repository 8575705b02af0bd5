/**
 * Builds the map page: root web/, bundle to web/dist (served by the API server as its
 * static web root). In development `npx vite --config web/vite.config.ts` serves the page
 * and proxies /api to the API server on 127.0.0.1:8080.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // The web's components are Preact function components in .tsx (tsconfig: jsxImportSource preact).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the bundle the server serves (set WEAKLINK_SOURCEMAP=1 to debug a build).
    sourcemap: process.env['WEAKLINK_SOURCEMAP'] === '1',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
