/**
 * Starting the server: the configuration (options over environment, fail fast with one
 * line), `npm start`'s entry point as a child process (serves, then shuts down cleanly
 * on SIGTERM; exits 1 on an invalid network, 2 on a bad option), and the web bundle
 * served with a fallback to index.html outside /api.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { CsvNetworkSink } from '../../src/generate/csv-sink.ts';
import { generateNetwork } from '../../src/generate/generate-network.ts';
import { get, quietLogger, send, serve, testAuth } from './helpers.ts';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { scenarioRecord } from '../integration/store-contract.ts';

async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

describe('loadConfig', () => {
  it('refuses a bad value or an unknown option with one line naming it', () => {
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow(/^--port \/ PORT: .*usage: npm start/);
    expect(() => loadConfig([], { PORT: '70000' })).toThrow(/^--port \/ PORT: must be 0–65535/);
    expect(() => loadConfig(['--neo4j', 'http://db:7474'], {})).toThrow(
      /^--neo4j \/ NEO4J_URI: must be a neo4j:\/\/ or bolt:\/\/ URI/,
    );
    expect(() => loadConfig(['--verbose'], {})).toThrow(/Unknown option '--verbose'/);
    expect(() => loadConfig(['extra'], {})).toThrow(/usage: npm start/);
    expect(() => loadConfig(['--data', ''], {})).toThrow(/^--data \/ WEAKLINK_DATA: must name a folder/);
    expect(() => loadConfig(['--reset=yes'], {})).toThrow(/--reset.* does not take an argument/);
  });

  it('--reset or WEAKLINK_RESET=1 asks to drop the saved network', () => {
    expect(loadConfig(['--reset'], {}).reset).toBe(true);
    expect(loadConfig([], { WEAKLINK_RESET: '1' }).reset).toBe(true);
    expect(loadConfig([], { WEAKLINK_RESET: '' }).reset).toBe(false);
  });

  it('refuses a CORS wildcard or an origin with a path, and limits out of range', () => {
    expect(() => loadConfig(['--cors', '*'], {})).toThrow(/^--cors \/ WEAKLINK_CORS: must be origins like/);
    expect(() => loadConfig([], { WEAKLINK_CORS: 'https://a.example/path' })).toThrow(/^--cors \/ WEAKLINK_CORS: /);
    expect(() => loadConfig(['--rate-limit-token', '0'], {})).toThrow(
      /^--rate-limit-token \/ WEAKLINK_RATE_LIMIT_TOKEN: must be 1–/,
    );
    expect(() => loadConfig([], { WEAKLINK_MAX_UPLOAD_ROWS: '1.5' })).toThrow(
      /^--max-upload-rows \/ WEAKLINK_MAX_UPLOAD_ROWS: must be a whole number/,
    );
    expect(() => loadConfig(['--workspace', ''], {})).toThrow(/^--workspace \/ WEAKLINK_WORKSPACE: must name a folder/);
  });

  it('defaults to the sample on the memory store at 127.0.0.1:8080, workspace .weaklink, CORS closed', () => {
    expect(loadConfig([], {})).toEqual({
      data: 'data/sample',
      dataGiven: false,
      port: 8080,
      host: '127.0.0.1',
      workspace: '.weaklink',
      reset: false,
      cors: [],
      limits: {
        perToken: 600,
        perAddress: 1200,
        uploadRows: 200_000,
        uploadMb: 20,
        scenarios: 100,
        scenarioMb: 10,
        auditMb: 50,
        auditKeep: 5,
        jobWorkers: Math.max(1, availableParallelism() - 1),
        jobQueue: 4 * Math.max(1, availableParallelism() - 1),
        jobDeadlineSeconds: 120,
        budgetViewer: 2e10,
        budgetAnalyst: 1e11,
        budgetAdmin: 1e11,
      },
    });
  });

  it('reads the heavy-job pool and the budgets per role, and names a bad one', () => {
    expect(
      loadConfig(['--workers', '3', '--job-deadline', '30', '--job-budget-viewer', '5e8'], {
        WEAKLINK_JOB_BUDGET_ADMIN: '1e12',
      }).limits,
    ).toMatchObject({ jobWorkers: 3, jobQueue: 12, jobDeadlineSeconds: 30, budgetViewer: 5e8, budgetAdmin: 1e12 });
    expect(loadConfig([], { WEAKLINK_WORKERS: '2', WEAKLINK_JOB_QUEUE: '1' }).limits).toMatchObject({
      jobWorkers: 2,
      jobQueue: 1,
    });
    expect(() => loadConfig(['--workers', '0'], {})).toThrow(/^--workers \/ WEAKLINK_WORKERS: must be 1–/);
    expect(() => loadConfig([], { WEAKLINK_JOB_DEADLINE: 'soon' })).toThrow(
      /^--job-deadline \/ WEAKLINK_JOB_DEADLINE: /,
    );
  });

  it('reads the environment, and options win over it', () => {
    const env = {
      WEAKLINK_DATA: 'nets/a',
      PORT: '9000',
      HOST: '0.0.0.0',
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'weak',
      WEAKLINK_WORKSPACE: '/srv/ws',
      WEAKLINK_CORS: 'https://risk.example.com, http://localhost:5173',
      WEAKLINK_RATE_LIMIT_TOKEN: '100',
      WEAKLINK_RATE_LIMIT_ADDRESS: '200',
      WEAKLINK_MAX_UPLOAD_ROWS: '1000',
      WEAKLINK_MAX_UPLOAD_MB: '5',
      WEAKLINK_MAX_SCENARIOS: '12',
      WEAKLINK_MAX_SCENARIO_MB: '3',
    };
    expect(loadConfig([], env)).toEqual({
      data: 'nets/a',
      dataGiven: true,
      port: 9000,
      host: '0.0.0.0',
      neo4j: { uri: 'bolt://db:7687', user: 'u', password: 'p', database: 'weak' },
      workspace: '/srv/ws',
      reset: false,
      cors: ['https://risk.example.com', 'http://localhost:5173'],
      limits: {
        perToken: 100,
        perAddress: 200,
        uploadRows: 1000,
        uploadMb: 5,
        scenarios: 12,
        scenarioMb: 3,
        auditMb: 50,
        auditKeep: 5,
        jobWorkers: Math.max(1, availableParallelism() - 1),
        jobQueue: 4 * Math.max(1, availableParallelism() - 1),
        jobDeadlineSeconds: 120,
        budgetViewer: 2e10,
        budgetAnalyst: 1e11,
        budgetAdmin: 1e11,
      },
    });
    expect(
      loadConfig(
        [
          '--data',
          'b',
          '--port',
          '0',
          '--neo4j',
          'neo4j+s://x:7687',
          '--host',
          'localhost',
          '--workspace',
          'w',
          '--cors',
          'https://b.example',
          '--rate-limit-token',
          '7',
          '--max-upload-mb',
          '1',
          '--max-scenarios',
          '5',
        ],
        env,
      ),
    ).toMatchObject({
      data: 'b',
      port: 0,
      host: 'localhost',
      neo4j: { uri: 'neo4j+s://x:7687' },
      workspace: 'w',
      cors: ['https://b.example'],
      limits: {
        perToken: 7,
        perAddress: 200,
        uploadRows: 1000,
        uploadMb: 1,
        scenarios: 5,
        scenarioMb: 3,
        auditMb: 50,
        auditKeep: 5,
      },
    });
  });
});

const TSX = resolve('node_modules/.bin/tsx');
const START = resolve('server/start.ts');

/** Runs start.ts in `cwd` (default a new empty folder, so no web/ bundle is built); resolves with its exit. */
function startServer(
  args: string[],
  onLine?: (line: string, child: ReturnType<typeof spawn>, cwd: string) => void,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; out: string; err: string; cwd: string }> {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'weaklink-start-'));
  const child = spawn(TSX, [START, ...args], {
    cwd,
    env: {
      ...process.env,
      PORT: '',
      WEAKLINK_DATA: '',
      NEO4J_URI: '',
      WEAKLINK_WORKSPACE: '',
      WEAKLINK_CORS: '',
      ...options.env,
    },
  });
  let out = '';
  let err = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line) onLine?.(line, child, cwd);
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // 'close', not 'exit': the output pipes may still hold data when the process exits.
  return new Promise((done) => child.on('close', (code) => done({ code, out, err, cwd })));
}

/**
 * The base URL (127.0.0.1) of a "serving … at http://localhost:N" line, and the token of
 * the login link when the line names the file holding it (read relative to `cwd`).
 */
function servingLine(
  line: string,
  cwd?: string,
): { label: string; base: string; token: string | undefined; loginFile: string | undefined } | null {
  const m = /serving (.+?) at (http:\/\/localhost:\d+)(?:\/#token=(wl_[A-Za-z0-9_-]+))?/.exec(line);
  if (!m) return null;
  const loginFile = /the admin login link is in (\S+) \(readable only by you/.exec(line)?.[1];
  const link = loginFile && cwd ? readFileSync(join(cwd, loginFile), 'utf8') : '';
  const token = m[3] ?? /#token=(wl_[A-Za-z0-9_-]+)/.exec(link)?.[1];
  return { label: m[1]!.replace(/;.*$/, ''), base: m[2]!.replace('localhost', '127.0.0.1'), token, loginFile };
}

/** POSTs `body` in two halves, calling `between` after the first has reached the server. */
function slowPost(
  base: string,
  path: string,
  token: string,
  body: string,
  between: () => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const half = Math.floor(body.length / 2);
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    setTimeout(() => {
      between();
      setTimeout(() => req.end(body.slice(half)), 400);
    }, 300);
  });
}

function networkFolder(companies: string, supplies: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-net-'));
  writeFileSync(join(dir, 'companies.csv'), companies);
  writeFileSync(join(dir, 'supplies.csv'), supplies);
  return dir;
}

describe('server/start.ts', () => {
  it('serves the network given with --data behind a new admin token printed once, and stops cleanly on SIGTERM', async () => {
    const dir = networkFolder(
      'id,name,focal\noem,OEM,true\nsup,Supplier,\n',
      'supplier,buyer,commodity\nsup,oem,parts\n',
    );
    let summary: unknown;
    let without = 0;
    let token = '';
    let loginFile: string | undefined;
    const result = await startServer(['--data', dir, '--port', '0'], (line, child, cwd) => {
      const serving = servingLine(line, cwd);
      if (!serving) return;
      expect(serving.label).toBe(dir);
      loginFile = serving.loginFile;
      token = serving.token ?? '';
      void Promise.all([
        get(serving.base, '/api/summary', { token }),
        get(serving.base, '/api/summary', { token: null }),
      ]).then(([a, b]) => {
        summary = a.body;
        without = b.status;
        child.kill('SIGTERM');
      });
    });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(token).toMatch(/^wl_[A-Za-z0-9_-]{43}$/);
    expect(summary).toMatchObject({ companies: 2, supplies: 1, focal: [{ id: 'oem', name: 'OEM' }] });
    expect(without).toBe(401);
    expect(result.out).toMatch(/created the admin token "local-admin" in \.weaklink\/weaklink\.db/);
    expect(result.out).toMatch(/GET \/api\/summary 200 [\d.]+ ms local-admin/);
    expect(result.out).toMatch(/GET \/api\/summary 401 [\d.]+ ms -/);
    // Standard output is not a terminal here: the link is in an owner-only file, never printed or logged.
    expect(result.out.split(token)).toHaveLength(1);
    expect(loginFile).toBe('.weaklink/admin-login.url');
    expect(statSync(join(result.cwd, loginFile!)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(result.cwd, loginFile!), 'utf8')).toMatch(
      new RegExp(`^http://localhost:\\d+/#token=${token}\n$`),
    );
    expect(result.out).toMatch(/SIGTERM: finishing requests in flight/);
    expect(result.out).toMatch(/stopped/);
  });

  it('creates no token when the workspace has one, and says how to open the map', async () => {
    const dir = networkFolder('id,focal\noem,true\n', 'supplier,buyer,commodity\n');
    const first = await startServer(
      ['--data', dir, '--port', '0'],
      (line, child) => void (servingLine(line) && child.kill('SIGTERM')),
    );
    const lines: string[] = [];
    const second = await startServer(
      ['--data', dir, '--port', '0'],
      (line, child) => void (lines.push(line), servingLine(line) && child.kill('SIGTERM')),
      { cwd: first.cwd },
    );
    expect(second.code).toBe(0);
    const serving = lines.map((line) => servingLine(line)).find((s) => s !== null)!;
    expect(serving.token).toBeUndefined();
    expect(lines.join('\n')).toMatch(
      /\(open http:\/\/localhost:\d+\/#token=YOUR_TOKEN; tokens: npx weaklink token list\)/,
    );
    expect(second.out).not.toMatch(/created the admin token/);
  });

  it('finishes a request in flight on SIGTERM, refuses new connections, then exits 0', async () => {
    const dir = networkFolder('id,focal\noem,true\nsup,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    let inFlight: Promise<{ status: number; text: string }> | undefined;
    let late: Promise<unknown> | undefined;
    const result = await startServer(['--data', dir, '--port', '0'], (line, child, cwd) => {
      const serving = servingLine(line, cwd);
      if (!serving) return;
      inFlight = slowPost(
        serving.base,
        '/api/simulate',
        serving.token!,
        JSON.stringify({ hit: ['sup'], theta: 0.5 }),
        () => {
          child.kill('SIGTERM');
          late = new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
            get(serving.base, '/api/health').then(
              () => 'answered',
              (error: unknown) => error,
            ),
          );
        },
      );
    });
    expect(result.code).toBe(0);
    const answer = await inFlight!;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ hit: ['sup'], disrupted: ['oem', 'sup'] });
    expect(await late).toBeInstanceOf(Error); // the listening socket was closed
    expect(result.out).toMatch(/POST \/api\/simulate 200 [\d.]+ ms local-admin/);
    expect(result.out).toMatch(/stopped/);
  });

  it('on SIGTERM, cancels what is still running after the deadline (WEAKLINK_SHUTDOWN_MS) and exits 0 (F3)', async () => {
    const dir = networkFolder('id,focal\noem,true\nsup,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    const started = Date.now();
    let signalled = 0;
    const result = await startServer(
      ['--data', dir, '--port', '0'],
      (line, child, cwd) => {
        const serving = servingLine(line, cwd);
        if (!serving) return;
        // Half a request body that never completes: the request cannot finish by itself.
        const req = request(`${serving.base}/api/simulate`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${serving.token!}`,
            'content-type': 'application/json',
            'content-length': 1000,
          },
        });
        req.on('error', () => {});
        req.write('{"hit":');
        setTimeout(() => {
          signalled = Date.now();
          child.kill('SIGTERM');
        }, 200);
      },
      { env: { WEAKLINK_SHUTDOWN_MS: '800' } },
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/SIGTERM: finishing requests in flight \(at most 0\.8 s\)/);
    expect(result.out).toMatch(/0\.8 s passed: cancelling the work still running/);
    expect(result.out).toMatch(/stopped/);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(signalled).toBeGreaterThan(started);
  });

  it('on SIGTERM with a plan and a risk job running on the worker pool, ends the pool threads and exits 0 (F3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-net-'));
    generateNetwork({ companies: 40_000, seed: 3 }, CsvNetworkSink.open(dir)).close();
    const jobs = { plan: randomUUID(), risk: randomUUID() };
    let signalled = 0;
    let states: string[] = [];
    const result = await startServer(
      ['--data', dir, '--port', '0', '--workers', '2'],
      (line, child, cwd) => {
        const serving = servingLine(line, cwd);
        if (!serving) return;
        const ask = (path: string, id: string, body: unknown): void => {
          void fetch(`${serving.base}${path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${serving.token!}`, 'content-type': 'application/json', 'x-job-id': id },
            body: JSON.stringify(body),
          }).catch(() => {});
        };
        ask('/api/plan', jobs.plan, { budget: 1e12 });
        ask('/api/risk', jobs.risk, { runs: 100_000, seed: 2 });
        const poll = async (): Promise<void> => {
          const state = async (id: string): Promise<string> =>
            (
              (await (
                await fetch(`${serving.base}/api/jobs/${id}`, {
                  headers: { authorization: `Bearer ${serving.token!}` },
                })
              ).json()) as { state: string }
            ).state;
          states = [await state(jobs.plan), await state(jobs.risk)];
          if (states.every((s) => s === 'running')) {
            signalled = Date.now();
            child.kill('SIGTERM');
          } else setTimeout(() => void poll(), 50);
        };
        void poll();
      },
      { env: { WEAKLINK_SHUTDOWN_MS: '1000' } },
    );
    expect(states).toEqual(['running', 'running']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/1 s passed: cancelling the work still running/);
    expect(result.out).toMatch(/stopped \(2 worker threads cancelled\)/);
    expect(Date.now() - signalled).toBeLessThan(8_000);
  }, 120_000);

  it('warns when listening beyond this machine', async () => {
    const dir = networkFolder('id,focal\noem,true\n', 'supplier,buyer,commodity\n');
    const result = await startServer(
      ['--data', dir, '--port', '0', '--host', '0.0.0.0'],
      (line, child) => void (servingLine(line) && child.kill('SIGTERM')),
    );
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^weaklink: warning: listening on 0\.0\.0\.0: other machines can reach the API/);
  });

  it('exits 3 for an unreachable Neo4j without printing its password', async () => {
    const dir = networkFolder('id,focal\noem,true\n', 'supplier,buyer,commodity\n');
    const result = await startServer(['--data', dir, '--port', '0', '--neo4j', 'bolt://127.0.0.1:1'], undefined, {
      env: { NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'pw-Secret-4711' },
    });
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/unreachable/);
    expect(result.out + result.err).not.toContain('pw-Secret-4711');
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

describe('server/start.ts with the workspace database (F4)', () => {
  /** Starts the server in `cwd`; calls `act` with the base URL once it serves, then stops it with SIGTERM. */
  async function session(
    args: string[],
    act: (base: string, token: string | undefined) => Promise<void>,
    cwd?: string,
  ): Promise<{ code: number | null; out: string; err: string; cwd: string }> {
    let acted: Promise<void> = Promise.resolve();
    const result = await startServer(
      args,
      (line, child, dir) => {
        const serving = servingLine(line, dir);
        if (!serving) return;
        acted = act(serving.base, serving.token).finally(() => child.kill('SIGTERM'));
      },
      cwd === undefined ? {} : { cwd },
    );
    await acted;
    return result;
  }

  it('a restart serves the uploaded network with its edit, saying so in one line; --reset serves --data again', async () => {
    const dir = networkFolder('id,focal\noem,true\nsup,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    let token = '';
    const first = await session(['--data', dir, '--port', '0'], async (base, t) => {
      token = t!;
      const up = await send<{ version: string }>(
        'PUT',
        base,
        '/api/network',
        {
          companies: [{ id: 'oem', focal: 'true' }, { id: 'a' }, { id: 'b' }],
          supplies: [{ supplier: 'a', buyer: 'oem', commodity: 'x' }],
        },
        { token },
      );
      expect(up.status).toBe(200);
      const edit = await send('PATCH', base, '/api/companies/a', { version: up.body.version, scsLevel: 4 }, { token });
      expect(edit.status).toBe(200);
    });
    expect(first.code).toBe(0);

    const second = await session(
      ['--data', dir, '--port', '0'],
      async (base) => {
        const company = await get<{ company: { ownLevel: number } }>(base, '/api/companies/a', { token });
        expect(company.status).toBe(200);
        expect(company.body.company.ownLevel).toBe(4);
        expect((await get<{ companies: number }>(base, '/api/summary', { token })).body.companies).toBe(3);
      },
      first.cwd,
    );
    expect(second.code).toBe(0);
    const restoredLines = second.out.split('\n').filter((l) => l.includes('restored the network'));
    expect(restoredLines).toHaveLength(1);
    expect(restoredLines[0]).toMatch(
      /^weaklink: restored the network uploaded \d{4}-\d\d-\d\d \d\d:\d\d UTC by local-admin \(version \S+, 3 companies, 1 supplies, 1 edit since\); --reset starts again from --data$/,
    );
    expect(second.out).toMatch(/serving the network saved in \.weaklink\/weaklink\.db at/);

    const third = await session(
      ['--data', dir, '--port', '0', '--reset'],
      async (base) => {
        expect((await get<{ companies: number }>(base, '/api/summary', { token })).body.companies).toBe(2);
      },
      first.cwd,
    );
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/--reset: dropped the network saved in \.weaklink\/weaklink\.db/);
    expect(third.out).not.toMatch(/restored the network/);
  });

  it('a restart keeps an assessment recorded through the API, with those of the --data folder', async () => {
    const dir = networkFolder('id,focal\noem,true\nsup,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    writeFileSync(join(dir, 'assessments.csv'), 'company,level,method,assessed_on\nsup,2,self,2026-01-10\n');
    let token = '';
    const first = await session(['--data', dir, '--port', '0'], async (base, t) => {
      token = t!;
      const recorded = await send<{ version: string; assessment: { validUntil: string } }>(
        'POST',
        base,
        '/api/assessments',
        { company: 'sup', level: 3, method: 'expert', assessedOn: '2026-11-20', evidence: 'SCS-0001' },
        { token },
      );
      expect(recorded.status, recorded.text).toBe(201);
      expect(recorded.body.assessment.validUntil).toBe('2027-11-20');
    });
    expect(first.code).toBe(0);

    const second = await session(
      ['--data', dir, '--port', '0'],
      async (base) => {
        const list = await get<{ assessments: { level: number; assessedOn: string; evidence: string | null }[] }>(
          base,
          '/api/assessments?company=sup&asOf=2026-12-01',
          { token },
        );
        expect(list.status, list.text).toBe(200);
        expect(list.body.assessments.map((a) => [a.level, a.assessedOn, a.evidence])).toEqual([
          [3, '2026-11-20', 'SCS-0001'],
          [2, '2026-01-10', null],
        ]);
        const company = await get<{ company: { ownLevel: number } }>(base, '/api/companies/sup?asOf=2026-12-01', {
          token,
        });
        expect(company.body.company.ownLevel).toBe(3);
      },
      first.cwd,
    );
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/restored the network loaded from .* and edited/);
  });

  it("imports an earlier workspace's tokens.json, scenarios.json and audit.log once: the token works, the scenario is there, the chain goes on", async () => {
    const dir = networkFolder('id,focal\noem,true\nsup,\n', 'supplier,buyer,commodity\nsup,oem,parts\n');
    const cwd = mkdtempSync(join(tmpdir(), 'weaklink-start-'));
    const ws = join(cwd, '.weaklink');
    mkdirSync(ws);
    const token = `wl_${'k'.repeat(43)}`;
    const sha256 = createHash('sha256').update(token).digest('hex');
    const created = '2026-01-01T00:00:00.000Z';
    writeFileSync(
      join(ws, 'tokens.json'),
      JSON.stringify({
        format: 'weaklink-tokens',
        version: 1,
        tokens: [{ name: 'old-admin', role: 'admin', created, revoked: null, sha256 }],
      }),
    );
    writeFileSync(
      join(ws, 'scenarios.json'),
      JSON.stringify({
        format: 'weaklink-scenarios',
        version: 1,
        scenarios: [scenarioRecord('kept', ['s1'], 2, created)],
      }),
    );
    const first = JSON.stringify({
      time: created,
      token: 'old-admin',
      role: 'admin',
      method: 'PUT',
      path: '/api/network',
      status: 200,
      change: null,
      prev: '',
    });
    writeFileSync(join(ws, 'audit.log'), first + '\n');
    const result = await session(
      ['--data', dir, '--port', '0'],
      async (base) => {
        expect((await get<{ name: string }>(base, '/api/me', { token })).body).toMatchObject({ name: 'old-admin' });
        const list = await get<{ items: { name: string }[] }>(base, '/api/scenarios', { token });
        expect(list.body.items.map((i) => i.name)).toEqual(['kept']);
        const version = (await get<{ version: string }>(base, '/api/summary', { token })).body.version;
        expect((await send('PATCH', base, '/api/companies/sup', { version, scsLevel: 2 }, { token })).status).toBe(200);
      },
      cwd,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/imported 1 token of \.weaklink\/tokens\.json into \.weaklink\/weaklink\.db/);
    expect(result.out).toMatch(/imported 1 saved scenario of scenarios\.json into \.weaklink\/weaklink\.db/);
    expect(result.out).toMatch(/imported the audit log \(1 file\) into \.weaklink\/weaklink\.db/);
    expect(result.out).not.toMatch(/created the admin token/);
    expect(
      readdirSync(ws)
        .filter((f) => f.endsWith('.imported'))
        .sort(),
    ).toEqual(['audit.log.imported', 'scenarios.json.imported', 'tokens.json.imported']);
    const verify = await runCli('audit', 'verify', '--workspace', ws);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toMatch(/: 3 lines, the chain holds/); // the imported line, then the edit's intent and outcome
  });

  it('refuses a second server on the same workspace, naming the first (exit 3)', async () => {
    const dir = networkFolder('id,focal\noem,true\n', 'supplier,buyer,commodity\n');
    let secondRun: { code: number | null; err: string } | undefined;
    let firstPid = 0;
    const first = await startServer(['--data', dir, '--port', '0'], (line, child, cwd) => {
      if (!servingLine(line)) return;
      firstPid = child.pid!;
      void startServer(['--data', dir, '--port', '0'], undefined, { cwd }).then((r) => {
        secondRun = r;
        child.kill('SIGTERM');
      });
    });
    expect(first.code).toBe(0);
    expect(secondRun!.code).toBe(3);
    expect(secondRun!.err).toMatch(
      /the workspace \.weaklink is in use by another weaklink server \(process \d+, http:\/\/localhost:\d+\); stop that one first/,
    );
    expect(firstPid).toBeGreaterThan(0);
  });
});

describe('createApp with webRoot', () => {
  it('serves the bundle, falls back to index.html outside /api, and keeps /api JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'weaklink-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>weaklink</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.js.map'), '{"sources":["../../src/secret.ts"]}');
    const auth = await testAuth();
    const served = await serve(
      createApp({ store: new MemoryStore(), webRoot: root, logger: quietLogger(), auth }),
      auth.viewer,
    );
    try {
      expect((await get(served.url, '/')).text).toContain('<title>weaklink</title>');
      expect((await get(served.url, '/company/oem')).text).toContain('<title>weaklink</title>');
      expect((await get(served.url, '/assets/app.js')).text).toBe('console.log(1)');
      expect((await get(served.url, '/assets/missing.js')).status).toBe(404);
      // A source map left in the web root is never served (F15).
      const map = await get(served.url, '/assets/app.js.map', { token: null });
      expect(map.status).toBe(404);
      expect(map.text).not.toContain('secret');
      const api = await get(served.url, '/api/missing');
      expect(api.status).toBe(404);
      expect(api.body).toMatchObject({ error: { code: 'not_found' } });
      expect((await get(served.url, '/api/health')).body).toEqual({ status: 'ok' });
    } finally {
      await served.close();
    }
  });
});
