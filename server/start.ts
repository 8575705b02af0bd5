/**
 * `npm start`: serves the weaklink API and the map. Validates the configuration first
 * (config.ts; a bad option is one line and exit 2), opens the workspace database
 * (`<workspace>/weaklink.db`; refused while another server holds it), opens the store —
 * the memory store serving the network saved in the workspace (the last upload and its
 * edits; `--reset` drops it) or else loaded from `--data` (default data/sample), keeping
 * saved scenarios in the workspace, or Neo4j with `--neo4j` (loaded from `--data` only
 * when one is given; scenarios in the database) — opens the workspace's tokens (creating a local
 * admin token when the workspace has none: its login link, with the token in the URL's
 * fragment `#token=…` (which browsers never send to a server), goes to the owner-only
 * file `<workspace>/admin-login.url`, and is printed only when standard output is a
 * terminal), builds the web bundle when it is
 * missing or older than web/, listens (on 127.0.0.1 unless `--host` says otherwise,
 * with a warning then), and on SIGINT/SIGTERM stops accepting connections, lets requests
 * in flight finish (answering them with `Connection: close`), and closes the store.
 * Exit codes as the CLI: 1 invalid network, 2 usage, 3 a database that cannot be used.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { chmod, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TokenStore } from '../src/auth/token-store.ts';
import { terminateWorkers } from '../src/analysis-runtime/workers.ts';
import { failureReport, formatIssue } from '../src/errors.ts';
import { readNetwork } from '../src/io/read-network.ts';
import type { GraphStore, LoadOptions } from '../src/store/graph-store.ts';
import { MemoryStore } from '../src/store/memory-store.ts';
import { LoginCodes } from '../src/workspace/login-codes.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { AnalysisCache } from '../src/app/analysis-cache.ts';
import { AnalysisPool } from '../src/analysis-runtime/analysis-pool.ts';
import { consoleLogger, createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';

export const DEFAULTS = {
  webDir: 'web',
  shutdownGraceMs: 10_000,
  /** Name of the admin token created when the workspace has none. */
  localAdmin: 'local-admin',
  /** The file (in the workspace, owner-only) that holds the new admin token's login link. */
  loginFile: 'admin-login.url',
  /** How long a Neo4j read retries before the API answers 503 (the driver's default is 15 s per transaction). */
  neo4jRetryMs: 5_000,
};

const say = (line: string): void => console.log(`weaklink: ${line}`);

/** "2026-12-04 10:12 UTC" */
const minute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * Opens the configured store and loads the network into it; returns it with a label for
 * the log. The memory store serves the network saved in the workspace database when
 * there is one (`--reset` drops it first), else `--data`, which is not saved (it stays
 * where it is) until an edit changes it.
 */
export async function openStore(
  config: Config,
  workspace: Workspace = Workspace.open(config.workspace),
): Promise<{ store: GraphStore; label: string }> {
  if (config.neo4j) {
    const { Neo4jStore } = await import('../src/store/neo4j-store.ts');
    const store = await Neo4jStore.connect({ ...config.neo4j, maxRetryTimeMs: DEFAULTS.neo4jRetryMs });
    if (config.dataGiven) await loadFolder(store, config.data);
    else if ((await store.version()) === null)
      say(`${config.neo4j.uri} holds no network yet; start with --data DIR to load one`);
    return {
      store,
      label: config.dataGiven
        ? `${config.data} (Neo4j ${config.neo4j.uri})`
        : `the network in Neo4j ${config.neo4j.uri}`,
    };
  }
  const store = new MemoryStore({ workspace });
  await store.importFiles();
  if (config.reset && (await store.dropSavedNetwork())) say(`--reset: dropped the network saved in ${workspace.file}`);
  const restored = await store.restore();
  if (restored === null) {
    await loadFolder(store, config.data, { transient: true, origin: `loaded from ${config.data}` });
    return { store, label: config.data };
  }
  const edits = `${restored.edits} edit${restored.edits === 1 ? '' : 's'} since`;
  say(
    `restored the network ${restored.origin} ${minute(restored.at)} by ${restored.by} (version ${restored.version}, ` +
      `${restored.companies} companies, ${restored.supplies} supplies, ${edits}); --reset starts again from --data`,
  );
  return { store, label: `the network saved in ${workspace.file}` };
}

async function loadFolder(store: GraphStore, dir: string, options: LoadOptions = {}): Promise<void> {
  const { network, warnings, notes } = await readNetwork(dir);
  for (const note of notes ?? []) say(note);
  for (const w of warnings) console.warn(formatIssue(w));
  const summary = await store.load(network, options);
  say(`loaded ${dir}: ${summary.companies} companies, ${summary.supplies} supplies`);
}

/**
 * The map's bundle, web/dist, or undefined (the API only). In a checkout with the dev
 * dependencies it is built with the project's own vite when it is missing or older than a
 * web source; a production install (no vite) serves the bundle `npm run build` made, and
 * never fetches a build tool.
 */
export async function ensureWebBundle(webDir = DEFAULTS.webDir): Promise<string | undefined> {
  const dist = join(webDir, 'dist');
  const index = join(dist, 'index.html');
  const config = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'].find((f) => existsSync(join(webDir, f)));
  const vite = viteCommand();
  if (config === undefined || vite === undefined) {
    if (existsSync(index)) return dist;
    say(
      config === undefined
        ? `${webDir}/ has no vite config yet: serving the API only`
        : `${index} is missing and vite (a dev dependency) is not installed: serving the API only; build the map with \`npm run build\` in a checkout with the dev dependencies`,
    );
    return undefined;
  }
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(webDir)) return dist;
  say(`building the map (vite build --config ${join(webDir, config)})…`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', join(webDir, config)], { stdio: 'inherit' });
    child.on('error', () => resolve(null));
    child.on('exit', (c) => resolve(c));
  });
  if (code === 0 && existsSync(index)) return dist;
  say(`the map did not build (vite exit ${code ?? 'error'}): serving the API only`);
  return undefined;
}

/** The installed vite's command-line script, or undefined when vite is not installed (a production install). */
function viteCommand(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

/** Latest modification time of the files under `dir`, skipping dist/ and node_modules/. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The workspace's tokens; when it holds none at all, a new admin token (returned, to be
 * printed once). When every token is revoked none is made: an admin revoked them on purpose.
 */
export async function openTokens(
  dir: string,
  workspace?: Workspace,
): Promise<{ tokens: TokenStore; created?: string }> {
  const tokens = await TokenStore.open(dir, workspace === undefined ? {} : { workspace });
  if (tokens.list().length > 0) {
    if (tokens.list().every((t) => t.revoked !== null))
      say(
        `every token in ${tokens.file} is revoked; create one with: npx weaklink token create --role admin --name NAME`,
      );
    return { tokens };
  }
  const { token } = await tokens.create(DEFAULTS.localAdmin, 'admin');
  say(
    `created the admin token "${DEFAULTS.localAdmin}" in ${tokens.file} (only its hash is stored; revoke it with: npx weaklink token revoke ${DEFAULTS.localAdmin})`,
  );
  return { tokens, created: token };
}

/**
 * Analyses the network, and computes what the first page asks for, before the server
 * listens, so that the first page does not wait for it (seconds at 100k companies, about
 * a minute at a million).
 */
async function warmAnalysis(store: GraphStore, pool: AnalysisPool): Promise<AnalysisCache> {
  const cache = new AnalysisCache(store, {}, pool.runner);
  if ((await store.version()) === null) return cache;
  const started = Date.now();
  const view = await cache.view();
  view.warm();
  await pool.prepare(view);
  say(`analysed the network in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return cache;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Starts the server with the command-line arguments `args` (bin/weaklink-server.js, `npm start`). */
export async function main(args: string[]): Promise<void> {
  const config = loadConfig(args, process.env);
  const workspace = Workspace.open(config.workspace);
  workspace.claimServer();
  const { store, label } = await openStore(config, workspace);
  const { tokens, created } = await openTokens(config.workspace, workspace);
  const webRoot = await ensureWebBundle();
  const { uploadMb, scenarioMb, auditMb, ...limits } = config.limits;
  // Heavy jobs run on this pool's worker threads; finish() ends them (terminateWorkers).
  const pool = new AnalysisPool({
    workers: limits.jobWorkers,
    queue: limits.jobQueue,
    deadlineSeconds: limits.jobDeadlineSeconds,
  });
  const cache = await warmAnalysis(store, pool);
  const app = createApp({
    store,
    pool,
    cache,
    auth: { tokens, login: new LoginCodes(workspace) },
    logger: consoleLogger,
    accessLog: true,
    cors: config.cors,
    limits: {
      ...limits,
      uploadBytes: `${uploadMb}mb`,
      scenarioBytes: scenarioMb * 1024 * 1024,
      auditBytes: auditMb * 1024 * 1024,
    },
    ...(webRoot ? { webRoot } : {}),
  });
  let closing = false;
  const server = createServer((req, res) => {
    if (closing) res.setHeader('Connection', 'close');
    app(req, res);
  });
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  const host =
    config.host === '127.0.0.1' || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  if (!LOOPBACK.has(config.host)) {
    console.warn(
      `weaklink: warning: listening on ${config.host}: other machines can reach the API. Every request but /api/health needs a token, ` +
        'but the traffic is plain HTTP — put a TLS proxy in front of it, or use --host 127.0.0.1.',
    );
  }
  if (config.cors.length > 0) say(`browsers may call the API from ${config.cors.join(', ')} (CORS)`);
  const url = `http://${host}:${port}`;
  workspace.recordServerUrl(url);
  if (created === undefined) {
    say(`serving ${label} at ${url} (open ${url}/#token=YOUR_TOKEN; tokens: npx weaklink token list)`);
  } else {
    // The new admin token's link goes to an owner-only file; the link itself is printed only to
    // a terminal, never to a log that standard output may be going to.
    const loginFile = join(config.workspace, DEFAULTS.loginFile);
    await writeFile(loginFile, `${url}/#token=${created}\n`, { mode: 0o600 });
    await chmod(loginFile, 0o600);
    say(
      process.stdout.isTTY
        ? `serving ${label} at ${url}/#token=${created} (the link is also in ${loginFile}, readable only by you)`
        : `serving ${label} at ${url}; the admin login link is in ${loginFile} (readable only by you; open it from there)`,
    );
  }

  const graceMs = Number(process.env['WEAKLINK_SHUTDOWN_MS']) || DEFAULTS.shutdownGraceMs;
  let finished = false;
  /** Ends the worker threads (their jobs are cancelled), closes the store and exits. */
  const finish = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    const ended = await terminateWorkers();
    await store
      .close()
      .catch((error: unknown) =>
        console.error(`weaklink: closing the store failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    try {
      workspace.releaseServer();
      workspace.close();
    } catch (error) {
      console.error(
        `weaklink: closing ${workspace.file} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    say(`stopped${ended > 0 ? ` (${ended} worker thread${ended === 1 ? '' : 's'} cancelled)` : ''}`);
    process.exit(0);
  };
  const shutdown = (signal: string): void => {
    if (closing) {
      say(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    say(`${signal}: finishing requests in flight (at most ${graceMs / 1000} s), then closing`);
    server.close(() => void finish());
    server.closeIdleConnections();
    setTimeout(() => {
      say(`${graceMs / 1000} s passed: cancelling the work still running`);
      server.closeAllConnections();
      void finish();
    }, graceMs).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT')).on('SIGTERM', () => shutdown('SIGTERM'));
}

/** A failure at start: the lines of `failureReport` and its exit code (the CLI's table). */
export function fail(error: unknown): never {
  const { code, lines } = failureReport(error);
  for (const line of lines) console.error(line);
  process.exit(code);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch(fail);
}
