// How weaklink's commands load their code. In a checkout with the dev dependencies (tsx)
// they run the TypeScript sources as they are, so nothing stale is ever run; in a
// production install (`npm run build`, then `npm ci --omit=dev`: no tsx, no esbuild) they
// run the compiled JavaScript in dist/, built by `npm run build` (tsc).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

/** Imports `path` (relative to the package, without extension: 'src/cli/main') from the sources or from dist/. */
export async function load(path) {
  const source = new URL(`${path}.ts`, root);
  if (existsSync(source)) {
    const tsx = await import('tsx/esm/api').catch(() => null);
    if (tsx !== null) {
      tsx.register();
      return import(source.href);
    }
  }
  const compiled = new URL(`dist/${path}.js`, root);
  if (existsSync(compiled)) return import(compiled.href);
  console.error(
    `weaklink: ${fileURLToPath(compiled)} is missing. Build it first with \`npm run build\` ` +
      '(which needs the dev dependencies: `npm ci`), or install the dev dependencies to run the sources.',
  );
  process.exit(2);
}
