/**
 * Nothing acknowledged is lost (F4): a real server (server/start.ts, a child process) on
 * the memory store takes a stream of writes — uploads, edits of a company's level and
 * scenario saves, one at a time — and is killed with SIGKILL at a random moment, round
 * after round. After each restart on the same workspace the state served must be the
 * state after the last acknowledged write, or after the one in flight when the kill
 * came; anything else counts as acknowledged writes lost (target 0); every acknowledged
 * write has its audit outcome. And a full
 * workspace database refuses a write with 503, never silently: the audit log holds
 * both its intent and its refused outcome.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { Workspace } from '../../src/workspace/workspace.ts';
import { auditText, get, quietLogger, send, serve, testAuth } from '../server/helpers.ts';

const START = resolve('server/start.ts');
const TSX_LOADER = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const ROUNDS = 6;
const COMPANIES = 8;

/** What the server should hold: the upload's marker, each company's level, the scenario names. */
interface State {
  marker: string;
  levels: number[];
  scenarios: string[];
}

type Write =
  | { kind: 'upload'; marker: string }
  | { kind: 'edit'; company: number; level: number }
  | { kind: 'scenario'; name: string };

function apply(state: State, write: Write): State {
  if (write.kind === 'upload')
    return { marker: write.marker, levels: Array(COMPANIES).fill(1), scenarios: state.scenarios };
  if (write.kind === 'edit') {
    const levels = state.levels.slice();
    levels[write.company] = write.level;
    return { ...state, levels };
  }
  return { ...state, scenarios: [...new Set([...state.scenarios, write.name])].sort() };
}

function uploadBody(marker: string): unknown {
  return {
    companies: [
      { id: 'oem', name: marker, focal: 'true' },
      ...Array.from({ length: COMPANIES }, (_, i) => ({ id: `c${i}`, scs_level: '1' })),
    ],
    supplies: Array.from({ length: COMPANIES }, (_, i) => ({ supplier: `c${i}`, buyer: 'oem', commodity: `k${i}` })),
  };
}

/** Starts the server in `cwd`; resolves with the child and its base URL once it serves. */
function startServer(cwd: string, data: string): Promise<{ child: ChildProcess; base: string; out: () => string }> {
  // node itself, not the tsx wrapper: SIGKILL must reach the server's process.
  const child = spawn(process.execPath, ['--import', TSX_LOADER, START, '--data', data, '--port', '0'], {
    cwd,
    env: { ...process.env, PORT: '', WEAKLINK_DATA: '', NEO4J_URI: '', WEAKLINK_WORKSPACE: '', WEAKLINK_CORS: '' },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving .+? at (http:\/\/localhost:\d+)/.exec(out);
      if (m) done({ child, base: m[1]!.replace('localhost', '127.0.0.1'), out: () => out });
    });
    child.on('exit', (code) => fail(new Error(`the server exited (${code}): ${err}`)));
  });
}

/** The state the server serves now. */
async function served(base: string, token: string): Promise<State> {
  const oem = await get<{ company: { name: string } }>(base, '/api/companies/oem', { token });
  const levels: number[] = [];
  for (let i = 0; i < COMPANIES; i++)
    levels.push(
      (await get<{ company: { ownLevel: number } }>(base, `/api/companies/c${i}`, { token })).body.company.ownLevel,
    );
  const scenarios = (await get<{ items: { name: string }[] }>(base, '/api/scenarios', { token })).body.items
    .map((s) => s.name)
    .sort();
  return { marker: oem.body.company.name, levels, scenarios };
}

describe('the server under SIGKILL during a stream of writes (F4)', () => {
  it('loses no acknowledged upload, edit or scenario save', { timeout: 180_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'weaklink-durable-'));
    const data = mkdtempSync(join(tmpdir(), 'weaklink-durable-data-'));
    writeFileSync(join(data, 'companies.csv'), 'id,name,focal\noem,from-data,true\n');
    writeFileSync(join(data, 'supplies.csv'), 'supplier,buyer,commodity\n');
    let token = '';
    let acked: State | null = null;
    let pending: Write | null = null;
    let acknowledged = 0;
    let lost = 0;
    let n = 0;
    const running = new Set<ChildProcess>();
    try {
      for (let round = 0; round <= ROUNDS; round++) {
        const server = await startServer(cwd, data);
        running.add(server.child);
        server.child.once('exit', () => running.delete(server.child));
        if (token === '')
          token = /#token=(wl_[A-Za-z0-9_-]+)/.exec(
            readFileSync(join(cwd, '.weaklink', 'admin-login.url'), 'utf8'),
          )![1]!;
        if (acked !== null) {
          const now = await served(server.base, token);
          const possible = [acked, ...(pending === null ? [] : [apply(acked, pending)])];
          if (!possible.some((s) => JSON.stringify(s) === JSON.stringify(now))) lost++;
          expect(now, `round ${round}: acknowledged writes lost`).toBeOneOf(possible);
          expect(server.out()).toMatch(/restored the network uploaded .* by local-admin/);
          acked = now;
        }
        if (round === ROUNDS) {
          server.child.kill('SIGTERM');
          break;
        }
        let killed = false;
        const killAt = 300 + Math.floor(Math.random() * 900);
        setTimeout(() => {
          killed = true;
          server.child.kill('SIGKILL');
        }, killAt);
        let version =
          acked === null ? '' : (await get<{ version: string }>(server.base, '/api/summary', { token })).body.version;
        while (!killed) {
          n++;
          const write: Write =
            acked === null || n % 10 === 0
              ? { kind: 'upload', marker: `upload-${n}` }
              : n % 3 === 0
                ? { kind: 'scenario', name: `s-${n % 40}` }
                : { kind: 'edit', company: n % COMPANIES, level: n % 6 };
          pending = write;
          try {
            const answer =
              write.kind === 'upload'
                ? await send<{ version: string }>('PUT', server.base, '/api/network', uploadBody(write.marker), {
                    token,
                  })
                : write.kind === 'edit'
                  ? await send<{ version: string }>(
                      'PATCH',
                      server.base,
                      `/api/companies/c${write.company}`,
                      { version, scsLevel: write.level },
                      { token },
                    )
                  : await send<{ version: string }>(
                      'POST',
                      server.base,
                      '/api/scenarios',
                      { name: write.name, hit: ['c1'], days: 3 },
                      { token },
                    );
            expect(answer.status, answer.text).toBe(200);
            if (write.kind !== 'scenario') version = answer.body.version;
            acked = apply(acked ?? { marker: '', levels: [], scenarios: [] }, write);
            acknowledged++;
            pending = null;
          } catch (error) {
            if (!killed) throw error; // the connection broke because of the kill: the write stays pending
          }
        }
        if (server.child.exitCode === null && server.child.signalCode === null)
          await new Promise((done) => server.child.once('exit', done));
      }
    } finally {
      for (const child of running) child.kill('SIGKILL');
    }
    // Every acknowledged write has its audit outcome: it is committed before the answer is sent.
    const outcomes = (await auditText(join(cwd, '.weaklink')))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { phase?: string; status: number; method: string })
      .filter((l) => l.phase === 'outcome' && l.status === 200 && l.method !== 'GET').length;
    console.log(
      `kill -9 in ${ROUNDS} rounds: writes acknowledged ${acknowledged}, acknowledged writes lost: ${lost}, audit outcomes ${outcomes}`,
    );
    expect(acknowledged).toBeGreaterThan(ROUNDS * 3);
    expect(lost).toBe(0);
    expect(outcomes).toBeGreaterThanOrEqual(acknowledged);
  });
});

describe('a full workspace database (F4, F5)', () => {
  it('refuses an upload and a scenario save with 503, and the audit log holds their intent and outcome', async () => {
    const auth = await testAuth();
    const ws = Workspace.open(mkdtempSync(join(tmpdir(), 'weaklink-full-')));
    const store = new MemoryStore({ workspace: ws });
    const app = createApp({ store, auth, logger: quietLogger() });
    const server = await serve(app, auth.admin);
    try {
      const first = await send<{ version: string }>('PUT', server.url, '/api/network', uploadBody('first'));
      expect(first.status).toBe(200);
      ws.db.pragma(`max_page_count = ${ws.db.pragma('page_count', { simple: true }) as number}`);
      const big = uploadBody('second') as { companies: { id: string; name?: string }[] };
      big.companies.push(...Array.from({ length: 2000 }, (_, i) => ({ id: `x${i}`, name: 'n'.repeat(40) })));
      const refused = await send<{ error: { message: string } }>('PUT', server.url, '/api/network', big);
      expect(refused.status).toBe(503);
      expect(refused.body.error.message).toMatch(/saving the network was refused: the disk .* is full/);
      const scenario = await send('POST', server.url, '/api/scenarios', {
        name: 'late',
        hit: ['c1'],
        days: 3,
      });
      expect([200, 503], scenario.text).toContain(scenario.status); // a small row may still fit in a free page
      expect((await get<{ company: { name: string } }>(server.url, '/api/companies/oem')).body.company.name).toBe(
        'first',
      );
      await auth.audit.flush();
      const lines = (await auditText(auth.dir))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { phase: string; method: string; status: number; id: string });
      const puts = lines.filter((l) => l.method === 'PUT');
      expect(puts.map((l) => [l.phase, l.status])).toEqual([
        ['intent', 0],
        ['outcome', 200],
        ['intent', 0],
        ['outcome', 503],
      ]);
    } finally {
      await server.close();
    }
  });
});
