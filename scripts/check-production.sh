#!/usr/bin/env bash
# The production install, checked as a user would do it (called by .ci/run after `npm ci`):
# `npm run build` (tsc to dist/, vite to web/dist), then in a copy of the committed files
# with only those two folders added, `npm ci --omit=dev` and `npm start`. The server must
# answer the health check and the map, refuse source maps, and run a heavy request on its
# worker threads, with none of tsx, esbuild or vite installed.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
dir=$(mktemp -d)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$dir"' EXIT
git archive HEAD | tar -x -C "$dir"
cp -r dist "$dir/dist"
cp -r web/dist "$dir/web/dist"
cd "$dir"
npm ci --omit=dev --no-audit --no-fund
# (typescript may be there: i18next names it as an optional peer, and npm installs a present
# optional peer; nothing runs it)
for dev in tsx esbuild vite; do
  if [ -e "node_modules/$dev" ]; then echo "check-production: node_modules/$dev is installed by npm ci --omit=dev" >&2; exit 1; fi
done
node bin/weaklink.js --version
node bin/weaklink.js analyze data/sample > /dev/null
port=18$((RANDOM % 900 + 100))
npm start -- --port "$port" --workspace "$dir/.weaklink" > "$dir/server.log" 2>&1 &
pid=$!
node --input-type=module - "$port" "$dir" <<'JS'
import { readFileSync, existsSync } from 'node:fs';
const [port, dir] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const fail = (why) => { console.error(`check-production: ${why}\n${readFileSync(`${dir}/server.log`, 'utf8')}`); process.exit(1); };
for (let i = 0; i < 100 && !existsSync(`${dir}/.weaklink/admin-login.url`); i++) await new Promise((r) => setTimeout(r, 200));
let health;
for (let i = 0; i < 50; i++) {
  health = await fetch(`${base}/api/health`).then((r) => r.json(), () => undefined);
  if (health) break;
  await new Promise((r) => setTimeout(r, 200));
}
if (health?.status !== 'ok') fail(`/api/health answered ${JSON.stringify(health)}`);
const page = await fetch(`${base}/`).then((r) => r.text());
if (!page.includes('<title>weaklink')) fail('/ does not serve the map');
const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
if (!script) fail('the map page names no script');
if ((await fetch(`${base}${script}.map`)).status !== 404) fail(`${script}.map is served`);
const token = readFileSync(`${dir}/.weaklink/admin-login.url`, 'utf8').trim().split('#token=')[1];
const risk = await fetch(`${base}/api/risk`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ runs: 20000 }),
}).then((r) => r.json());
if (!(risk.expectedAnnualLoss > 0)) fail(`/api/risk answered ${JSON.stringify(risk).slice(0, 300)}`);
console.log(`check-production: npm ci --omit=dev && npm start serves the map, the API and a 20,000-run risk request`);
JS
