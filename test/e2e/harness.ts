/**
 * What the browser tests and the map benchmark share: the web bundle (built with vite
 * when web/dist is missing or older than web/'s sources), the real API app
 * (`createApp` from server/app.ts) over a MemoryStore, listening on a free port of
 * 127.0.0.1 with a throw-away token workspace (a viewer token, handed to the page in
 * the `#token=` fragment as the server's start script does, and an analyst token for
 * the pages that save), and Debian's Chromium
 * driven by playwright-core. A missing Chromium is an
 * error, never a skip: the message says how to install it.
 *
 * @example
 *   const server = await startServer(await loadNetwork('data/sample'));
 *   const browser = await launchChromium();
 *   const page = await openMap(browser, server.pageUrl);
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { TokenStore } from '../../src/auth/token-store.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import type { Network } from '../../src/model/types.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_ROOT = join(ROOT, 'web/dist');
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The newest modification time (ms) of the files under `dir`, skipping `skip`. */
function newestMtime(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist with vite when it is missing or older than the sources in web/. */
export function ensureWebBundle(): void {
  const index = join(WEB_ROOT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'web'), WEB_ROOT)) return;
  execFileSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Reads a network folder (relative to the repository root). */
export async function loadNetwork(dir = 'data/sample'): Promise<Network> {
  return (await readNetwork(join(ROOT, dir))).network;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RunningServer {
  url: string;
  /** A viewer token of the server's throw-away workspace. */
  token: string;
  /** The page's address with the token in its fragment, as the server prints it. */
  pageUrl: string;
  /** An analyst token (may save scenarios and edit the network). */
  analystToken: string;
  /** The page's address with the analyst token. */
  analystPageUrl: string;
  /** An admin token (may also upload networks and manage tokens), and the page's address with it. */
  adminToken: string;
  adminPageUrl: string;
  /** GET `path` from the API as JSON (what the page should show), as the viewer. */
  get<T>(path: string): Promise<T>;
  /** POST `body` to `path` as JSON, as the viewer. */
  post<T>(path: string, body: unknown): Promise<T>;
  /** Any request as JSON; `token` defaults to the viewer's. Throws unless 2xx. */
  request<T>(method: Method, path: string, body?: unknown, token?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real API app over a MemoryStore holding `network`, serving web/dist, on a free port,
 * with a throw-away token workspace holding a viewer, an analyst and an admin token.
 */
export async function startServer(network: Network): Promise<RunningServer> {
  const store = new MemoryStore();
  await store.load(network);
  const workspace = mkdtempSync(join(tmpdir(), 'weaklink-e2e-'));
  const tokens = await TokenStore.open(workspace);
  const { token } = await tokens.create('e2e-viewer', 'viewer');
  const { token: analystToken } = await tokens.create('e2e-analyst', 'analyst');
  const { token: adminToken } = await tokens.create('e2e-admin', 'admin');
  const app = createApp({
    store,
    auth: { tokens },
    webRoot: WEB_ROOT,
    logger: { info: () => {}, error: (message) => console.error(message) },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((done, fail) => server.once('listening', done).once('error', fail));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const json = async <T>(
    path: string,
    body?: unknown,
    method: Method = body === undefined ? 'GET' : 'POST',
    as = token,
  ): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${as}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    token,
    pageUrl: `${url}/#token=${token}`,
    analystToken,
    analystPageUrl: `${url}/#token=${analystToken}`,
    adminToken,
    adminPageUrl: `${url}/#token=${adminToken}`,
    get: (path) => json(path),
    post: (path, body) => json(path, body),
    request: (method, path, body, as) => json(path, body, method, as),
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * WebGL without a GPU (the overview's sigma.js): SwiftShader, the software renderer
 * Chromium ships, allowed for WebGL. The page itself stays composited in software
 * (`--disable-gpu`), which is faster than compositing through SwiftShader too.
 */
const WEBGL_ARGS = ['--enable-unsafe-swiftshader'];

/**
 * Debian's Chromium, headless; `webgl` gives it WebGL by software rendering (WEBGL_ARGS).
 * Throws (in CI and locally alike) when it is not installed.
 */
export async function launchChromium(options: { webgl?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const how = 'install it with `apt-get install chromium` (or point CHROMIUM_PATH at a Chromium binary)';
    throw new Error(
      process.env['CI']
        ? `CI: the browser tests need Chromium at ${CHROMIUM}, which is missing; ${how}.`
        : `The browser tests need Chromium at ${CHROMIUM}, which is missing; ${how}. They are not skipped.`,
    );
  }
  const args = options.webgl ? [...CHROMIUM_ARGS, ...WEBGL_ARGS] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args, headless: true });
}

const pageProblems = new WeakMap<Page, string[]>();
const pageAllowed = new WeakMap<Page, RegExp[]>();

/**
 * Lets page `page` report console errors matching `pattern` without failing: for a test
 * that provokes a refusal on purpose (a viewer token saving: Chromium logs the 403 of
 * every failed request). Everything else still fails the test.
 */
export function allowProblems(page: Page, pattern: RegExp): void {
  pageAllowed.set(page, [...(pageAllowed.get(page) ?? []), pattern]);
}

/**
 * A page showing the map at `url`, once `window.__weaklink.ready` has resolved and nothing
 * is pending. Throws when the page reported an error meanwhile; `closeMap` checks again.
 */
export async function openMap(browser: Browser, url: string, viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on('pageerror', (error) => problems.push(error.message));
  // Console errors include Content-Security-Policy refusals and failed requests.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!(pageAllowed.get(page) ?? []).some((pattern) => pattern.test(text))) problems.push(text);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__weaklink?.isReady === true);
  await settle(page);
  if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
  return page;
}

/** Closes a page from `openMap`; throws when it reported an error (an exception, a CSP refusal, a failed request). */
export async function closeMap(page: Page): Promise<void> {
  const problems = pageProblems.get(page) ?? [];
  await page.close();
  if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
}

/** Waits until the page has no request or redraw in flight. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__weaklink !== undefined && window.__weaklink.pending() === 0);
  // One more frame so Cytoscape has drawn what the last answer changed.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** What a browser test file shares: the API over data/sample and one Chromium. */
export interface SampleSession {
  server: RunningServer;
  browser: Browser;
}

/**
 * Before the file's tests: the web bundle, the screenshots folder, the API app over
 * data/sample and Chromium; after them, both closed. Read `session.server` and
 * `session.browser` inside the tests.
 */
export function sampleSession(): SampleSession {
  const session = {} as SampleSession;
  beforeAll(async () => {
    ensureWebBundle();
    mkdirSync(SCREENSHOTS, { recursive: true });
    session.server = await startServer(await loadNetwork('data/sample'));
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Saves the page (or all of it) as test/e2e/screenshots/NAME.png. */
export const shot = (page: Page, name: string, fullPage = false): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

/** Ids of the map's nodes with class `cls`, sorted. */
export const idsWithClass = (page: Page, cls: string): Promise<string[]> =>
  page.evaluate(
    (c) =>
      window
        .__weaklink!.cy.nodes(`.${c}`)
        .map((n) => n.id())
        .sort(),
    cls,
  );
