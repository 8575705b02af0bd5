/**
 * Starting the server: the configuration (options over environment, fail fast with one
 * line), `npm start`'s entry point as a child process (serves, then shuts down cleanly
 * on SIGTERM; exits 1 on an invalid network, 2 on a bad option), and the web bundle
 * served with a fallback to index.html outside /api.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { get, quietLogger, serve } from './helpers.ts';

describe('loadConfig', () => {
  it('refuses a bad value or an unknown option with one line naming it', () => {
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow(/^--port \/ PORT: .*usage: npm start/);
    expect(() => loadConfig([], { PORT: '70000' })).toThrow(/^--port \/ PORT: must be 0–65535/);
    expect(() => loadConfig(['--neo4j', 'http://db:7474'], {})).toThrow(/^--neo4j \/ NEO4J_URI: must be a neo4j:\/\/ or bolt:\/\/ URI/);
    expect(() => loadConfig(['--verbose'], {})).toThrow(/Unknown option '--verbose'/);
    expect(() => loadConfig(['extra'], {})).toThrow(/usage: npm start/);
    expect(() => loadConfig(['--data', ''], {})).toThrow(/^--data \/ WEAKLINK_DATA: must name a folder/);
  });

  it('defaults to the sample on the memory store at 127.0.0.1:8080', () => {
    expect(loadConfig([], {})).toEqual({ data: 'data/sample', dataGiven: false, port: 8080, host: '127.0.0.1' });
  });

  it('reads the environment, and options win over it', () => {
    const env = { WEAKLINK_DATA: 'nets/a', PORT: '9000', HOST: '0.0.0.0', NEO4J_URI: 'bolt://db:7687', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'weak' };
    expect(loadConfig([], env)).toEqual({ data: 'nets/a', dataGiven: true, port: 9000, host: '0.0.0.0', neo4j: { uri: 'bolt://db:7687', user: 'u', password: 'p', database: 'weak' } });
    expect(loadConfig(['--data', 'b', '--port', '0', '--neo4j', 'neo4j+s://x:7687', '--host', 'localhost'], env)).toMatchObject({
      data: 'b',
      port: 0,
      host: 'localhost',
      neo4j: { uri: 'neo4j+s://x:7687' },
    });
  });
});

const TSX = resolve('node_modules/.bin/tsx');
const START = resolve('server/start.ts');

/** Runs start.ts in an empty folder (so no web/ bundle is built); resolves with its exit. */
function startServer(args: string[], onLine?: (line: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; out: string; err: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'weaklink-start-'));
  const child = spawn(TSX, [START, ...args], { cwd, env: { ...process.env, PORT: '', WEAKLINK_DATA: '', NEO4J_URI: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (line) onLine?.(line, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, out, err })));
}

function networkFolder(companies: string, supplies: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-net-'));
  writeFileSync(join(dir, 'companies.csv'), companies);
  writeFileSync(join(dir, 'supplies.csv'), supplies);
  return dir;
}

describe('server/start.ts', () => {
  it('serves the network given with --data, and stops cleanly on SIGTERM', async () => {
    const dir = networkFolder('id,name,focal\noem,OEM,true\nsup,Supplier,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    let summary: unknown;
    const result = await startServer(['--data', dir, '--port', '0'], (line, child) => {
      const m = /serving (.+) at (http:\/\/localhost:\d+)/.exec(line);
      if (!m) return;
      expect(m[1]).toBe(dir);
      void get(m[2]!.replace('localhost', '127.0.0.1'), '/api/summary').then((a) => {
        summary = a.body;
        child.kill('SIGTERM');
      });
    });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(summary).toMatchObject({ companies: 2, supplies: 1, focal: [{ id: 'oem', name: 'OEM' }] });
    expect(result.out).toMatch(/SIGTERM: finishing requests in flight/);
    expect(result.out).toMatch(/stopped/);
  });

  it('exits 1 listing the located issues of an invalid network', async () => {
    const dir = networkFolder('id\noem\n', 'supplier,buyer,commodity\nghost,oem,parts\n');
    const { code, err } = await startServer(['--data', dir, '--port', '0']);
    expect(code).toBe(1);
    expect(err).toMatch(/supplies\.csv:2:\d+: error: .*ghost/);
  });

  it('exits 2 with one line for a bad option', async () => {
    const { code, err } = await startServer(['--port', 'x']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^weaklink: --port \/ PORT: /);
  });
});

describe('createApp with webRoot', () => {
  it('serves the bundle, falls back to index.html outside /api, and keeps /api JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'weaklink-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>weaklink</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    const served = await serve(createApp({ store: new MemoryStore(), webRoot: root, logger: quietLogger() }));
    try {
      expect((await get(served.url, '/')).text).toContain('<title>weaklink</title>');
      expect((await get(served.url, '/company/oem')).text).toContain('<title>weaklink</title>');
      expect((await get(served.url, '/assets/app.js')).text).toBe('console.log(1)');
      expect((await get(served.url, '/assets/missing.js')).status).toBe(404);
      const api = await get(served.url, '/api/missing');
      expect(api.status).toBe(404);
      expect(api.body).toMatchObject({ error: { code: 'not_found' } });
      expect((await get(served.url, '/api/health')).body).toEqual({ status: 'ok', version: null });
    } finally {
      await served.close();
    }
  });
});
