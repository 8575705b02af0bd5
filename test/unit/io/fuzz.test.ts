/**
 * Fuzzing the importers through parseNetwork (fast-check): random bytes, CSV-shaped
 * noise, mutated and truncated valid files, random JSON, invalid UTF-8, UTF-16 with a
 * BOM, huge fields and 1M-character lines, formula-injection cells. Each case runs in a
 * child process (fuzz-worker.ts) with its own time limit, so a hang is caught and
 * reported as a failure instead of stalling the run. Every case must end in either a
 * clean import (a network whose supplies name its companies) or an InputError whose
 * issues each name the file and a location: a line (CSV) or a field (JSON path, column)
 * — or, for a problem of the whole file (empty, unreadable, not an array; the "and N
 * more" summary), a message that says so. Never a crash, never a hang.
 *
 * And formula-injection cells survive the import verbatim, while writeNetworkCsv never
 * writes a text cell that a spreadsheet would run as a formula.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, writeNetworkCsv } from '../../../src/io/write-network.ts';
import type { Issue } from '../../../src/model/types.ts';
import type { FuzzCase, FuzzOutcome } from './fuzz-worker.ts';
import { folder } from './helpers.ts';

const WORKER = resolve('test/unit/io/fuzz-worker.ts');
/** Per case: the most a single parse may take (a generous bound; typical cases take milliseconds). */
const CASE_TIMEOUT_MS = 5_000;
const TEST_TIMEOUT_MS = 180_000;

type Outcome =
  FuzzOutcome | { id: number; kind: 'timeout'; message: string } | { id: number; kind: 'died'; message: string };

/** One worker process, restarted when a case kills or hangs it. */
class FuzzRunner {
  #child: ChildProcess | undefined;
  #next = 0;
  #waiting = new Map<number, (outcome: Outcome) => void>();

  async run(input: Omit<FuzzCase, 'id'>, timeoutMs = CASE_TIMEOUT_MS): Promise<Outcome> {
    const child = this.#child ?? (await this.#start());
    const id = this.#next++;
    return new Promise<Outcome>((done) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        this.#stop();
        done({ id, kind: 'timeout', message: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      this.#waiting.set(id, (outcome) => {
        clearTimeout(timer);
        done(outcome);
      });
      child.send({ ...input, id });
    });
  }

  close(): void {
    this.#stop();
  }

  async #start(): Promise<ChildProcess> {
    const child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (message: FuzzOutcome | { ready: true }) => {
      if ('id' in message) this.#waiting.get(message.id)?.(message);
    });
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = undefined;
      for (const [id, done] of this.#waiting)
        done({ id, kind: 'died', message: `the worker exited (${signal ?? code})` });
      this.#waiting.clear();
    });
    await once(child, 'message');
    this.#child = child;
    return child;
  }

  #stop(): void {
    this.#child?.kill('SIGKILL');
    this.#child = undefined;
  }
}

const runner = new FuzzRunner();
afterAll(() => runner.close());

/** A problem of the whole file, which has no line or field: its message starts by naming the file, or sums up the issues left out. */
function wholeFile(issue: Issue): boolean {
  return issue.message.startsWith(`${issue.file} `) || /^and \d+ more (errors|warnings) not listed/.test(issue.message);
}

function show(input: Omit<FuzzCase, 'id'>): string {
  const text = (t: string | Uint8Array): string =>
    typeof t === 'string'
      ? JSON.stringify(t.slice(0, 300))
      : `bytes[${t.length}] ${Buffer.from(t.subarray(0, 60)).toString('hex')}`;
  return `${input.format}: companies ${text(input.companies.text)}; supplies ${text(input.supplies.text)}`;
}

/** Runs one case and checks it ended cleanly; returns the outcome. */
async function expectClean(input: Omit<FuzzCase, 'id'>, timeoutMs?: number): Promise<FuzzOutcome> {
  const outcome = await runner.run(input, timeoutMs);
  if (outcome.kind === 'timeout' || outcome.kind === 'died' || outcome.kind === 'crash') {
    throw new Error(`${outcome.kind}: ${outcome.message}\ncase ${show(input)}`);
  }
  if (outcome.kind === 'ok') {
    const ids = new Set(outcome.network.companies.map((c) => c.id));
    expect(ids.size).toBe(outcome.network.companies.length);
    for (const s of outcome.network.supplies) expect(ids.has(s.supplier) && ids.has(s.buyer), show(input)).toBe(true);
    return outcome;
  }
  expect(outcome.message).toMatch(/nothing was loaded/);
  expect(outcome.issues.length, show(input)).toBeGreaterThan(0);
  const files = [input.companies.name, input.supplies.name];
  for (const issue of outcome.issues) {
    expect(files, JSON.stringify(issue)).toContain(issue.file);
    const located = issue.line !== undefined || issue.field !== undefined || wholeFile(issue);
    expect(located, `issue without a location: ${JSON.stringify(issue)}\ncase ${show(input)}`).toBe(true);
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
  }
  return outcome;
}

const csvCase = (companies: string | Uint8Array, supplies: string | Uint8Array): Omit<FuzzCase, 'id'> => ({
  format: 'csv',
  companies: { name: 'companies.csv', text: companies },
  supplies: { name: 'supplies.csv', text: supplies },
});
const jsonCase = (companies: string | Uint8Array, supplies: string | Uint8Array): Omit<FuzzCase, 'id'> => ({
  format: 'json',
  companies: { name: 'companies.json', text: companies },
  supplies: { name: 'supplies.json', text: supplies },
});

const COMPANIES =
  'id,name,country,industry,size,scs_level,security_score,revenue,focal\noem,OEM,JP,automotive,large,4,,1000,true\ncast,"Cast, Co.",JP,castings,sme,2,,100,\nfoam,Foam,CN,,,,35.5,5,\n';
const SUPPLIES =
  'supplier,buyer,commodity,share,spend,access,buffer_days\ncast,oem,castings,,100,none,2\nfoam,oem,seats,0.6,60,data,\ncast,oem,seats,0.4,40,,0\nfoam,cast,foam,,,network,1\n';
const COMPANY_ROWS = [
  { id: 'oem', focal: true, revenue: 1000 },
  { id: 'cast', scs_level: 2 },
  { id: 'foam', security_score: 35.5 },
];
const SUPPLY_ROWS = [
  { supplier: 'cast', buyer: 'oem', commodity: 'castings' },
  { supplier: 'foam', buyer: 'cast', commodity: 'foam', share: 1 },
];

/** Edits of a text: cut it short, insert, delete, or repeat a slice. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({
      unit: fc.constantFrom(',', '"', '\n', '\r', ' ', 'x', '0', '-1', '1e999', 'NaN', '\u0000', '\ufeff', '=1+1', ';'),
      maxLength: 8,
    }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    times: fc.integer({ min: 1, max: 3 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edits: Mutation[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1);
    if (edit.op === 'truncate') out = out.slice(0, at);
    else if (edit.op === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.op === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else out = out.slice(0, at) + out.slice(at, at + edit.length).repeat(edit.times + 1) + out.slice(at + edit.length);
  }
  return out;
}

const CSV_UNITS = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  'id',
  'name',
  'supplier',
  'buyer',
  'commodity',
  'share',
  'scs_level',
  'a',
  'b',
  '0',
  '1',
  '0.5',
  '-3',
  '101',
  'true',
  'x',
  '\ufeff',
  'é',
  '漢',
];
const csvNoise = fc.string({ unit: fc.constantFrom(...CSV_UNITS), maxLength: 120 });
const header = (file: 'companies' | 'supplies'): string =>
  (file === 'companies' ? COMPANIES : SUPPLIES).split('\n')[0]! + '\n';

describe('parseNetwork under fuzzing', () => {
  it('parseNetwork ends cleanly on random bytes, as CSV and as JSON', { timeout: TEST_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        async (a, b, asJson) => {
          await expectClean(asJson ? jsonCase(a, b) : csvCase(a, b));
        },
      ),
      { numRuns: 150 },
    );
  });

  it(
    'parseNetwork ends cleanly on CSV-shaped noise under valid and random headers',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(csvNoise, csvNoise, fc.boolean(), async (a, b, withHeader) => {
          await expectClean(withHeader ? csvCase(header('companies') + a, header('supplies') + b) : csvCase(a, b));
        }),
        { numRuns: 200 },
      );
    },
  );

  it('parseNetwork ends cleanly on valid files mutated and truncated', { timeout: TEST_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), async (ca, sa) => {
        await expectClean(csvCase(mutate(COMPANIES, ca), mutate(SUPPLIES, sa)));
      }),
      { numRuns: 250 },
    );
    await expectClean(csvCase(COMPANIES, SUPPLIES)).then((o) => expect(o.kind).toBe('ok'));
  });

  it(
    'parseNetwork ends cleanly on random JSON, truncated JSON and odd rows',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const cell = fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.double(),
        fc.integer({ min: -5, max: 200 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.nat(), { maxLength: 2 }),
        fc.constant({}),
      );
      const keys = fc.constantFrom(
        'id',
        'name',
        'scs_level',
        'security_score',
        'revenue',
        'focal',
        'supplier',
        'buyer',
        'commodity',
        'share',
        'access',
        'buffer_days',
        'x',
        '',
        '__proto__',
        'constructor',
      );
      const rows = fc.array(fc.dictionary(keys, cell, { maxKeys: 6 }), { maxLength: 6 }).map((r) => JSON.stringify(r));
      const text = fc.oneof(
        fc.json(),
        rows,
        fc.constant(JSON.stringify(COMPANY_ROWS)),
        fc.constant(JSON.stringify(SUPPLY_ROWS)),
      );
      await fc.assert(
        fc.asyncProperty(text, text, fc.nat(), fc.boolean(), async (a, b, cut, truncate) => {
          await expectClean(jsonCase(truncate ? a.slice(0, cut % (a.length + 1)) : a, b));
        }),
        { numRuns: 200 },
      );
      await expectClean(jsonCase(JSON.stringify(COMPANY_ROWS), JSON.stringify(SUPPLY_ROWS))).then((o) =>
        expect(o.kind).toBe('ok'),
      );
    },
  );

  it(
    'parseNetwork ends cleanly on invalid UTF-8 and on UTF-16 with a byte order mark',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const invalid = fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0xc3],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xc0, 0xaf],
        [0x00],
      );
      await fc.assert(
        fc.asyncProperty(invalid, fc.nat(), fc.boolean(), async (bad, at, inSupplies) => {
          const base = Buffer.from(inSupplies ? SUPPLIES : COMPANIES, 'utf8');
          const i = at % (base.length + 1);
          const broken = Buffer.concat([base.subarray(0, i), Buffer.from(bad), base.subarray(i)]);
          await expectClean(inSupplies ? csvCase(COMPANIES, broken) : csvCase(broken, SUPPLIES));
          await expectClean(
            inSupplies ? jsonCase(JSON.stringify(COMPANY_ROWS), broken) : jsonCase(broken, JSON.stringify(SUPPLY_ROWS)),
          );
        }),
        { numRuns: 60 },
      );
      const utf16le = (text: string): Buffer =>
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const utf16be = (text: string): Buffer => utf16le(text).swap16();
      for (const encode of [utf16le, utf16be]) {
        await expectClean(csvCase(encode(COMPANIES), encode(SUPPLIES)));
        await expectClean(csvCase(COMPANIES, encode(SUPPLIES)));
        await expectClean(jsonCase(encode(JSON.stringify(COMPANY_ROWS)), encode(JSON.stringify(SUPPLY_ROWS))));
      }
    },
  );

  it(
    'parseNetwork ends cleanly, in bounded time, on huge fields and 1M-character lines',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const big = (n: number, unit = 'x'): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const cases: [string, Omit<FuzzCase, 'id'>][] = [
        ['a 200k-character name', csvCase(`id,name\na,${big(200_000)}\n`, 'supplier,buyer,commodity\n')],
        ['a name just under the record limit', csvCase(`id,name\na,${big(999_000)}\n`, 'supplier,buyer,commodity\n')],
        ['a 1M-character line', csvCase(`id,name\na,${big(1_000_000)}\nb,B\n`, 'supplier,buyer,commodity\n')],
        ['a 1.1M-character field', csvCase(`id,name\na,${big(1_100_000)}\nb,B\n`, 'supplier,buyer,commodity\n')],
        [
          'a 1.2M-character line with no line break',
          csvCase(`id,name\n${big(1_200_000, 'ab,')}`, 'supplier,buyer,commodity\n'),
        ],
        [
          'an unclosed quote before 1M characters',
          csvCase(`id,name\na,"${big(1_100_000, 'y\n')}`, 'supplier,buyer,commodity\n'),
        ],
        ['a 1M-character header', csvCase(`${big(1_000_000, 'id,')}\na\n`, 'supplier,buyer,commodity\n')],
        ['a 1M-character commodity', csvCase('id\na\nb\n', `supplier,buyer,commodity\na,b,${big(1_000_000)}\n`)],
        ['200k one-character lines', csvCase(`id\n${big(400_000, 'a\n')}`, 'supplier,buyer,commodity\n')],
        ['200k duplicate ids', csvCase(`id\n${big(400_000, 'd\n')}`, 'supplier,buyer,commodity\n')],
        ['a 1M-character JSON string', jsonCase(JSON.stringify([{ id: 'a', name: big(1_000_000) }]), '[]')],
        ['JSON nested 100k deep', jsonCase('['.repeat(100_000) + ']'.repeat(100_000), '[]')],
        [
          'JSON with 100k keys in a row',
          jsonCase(JSON.stringify([Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))]), '[]'),
        ],
      ];
      for (const [what, input] of cases) {
        const started = Date.now();
        const outcome = await expectClean(input, 20_000);
        expect(Date.now() - started, what).toBeLessThan(20_000);
        if (what === 'a 200k-character name') expect(outcome.kind, what).toBe('ok');
        // Over csv-table's record limit (1,000,000 characters): a located error, not a crash.
        if (what === 'a 1.1M-character field' || what === 'an unclosed quote before 1M characters')
          expect(outcome.kind, what).toBe('input');
      }
    },
  );

  it(
    'parseNetwork imports formula-injection cells as plain text, and writeNetworkCsv neutralises them',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const FORMULAS = [
        "=cmd|' /C calc'!A0",
        '+1+1',
        '-2+3',
        "@SUM(1+1)*cmd|' /C calc'!A0",
        '=HYPERLINK("http://evil.example","x")',
        '\t=1',
        '\r=1',
        '=1',
      ];
      const csvQuote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...FORMULAS),
          fc.constantFrom(...FORMULAS),
          fc.constantFrom(...FORMULAS),
          async (name, industry, commodity) => {
            const outcome = await expectClean(
              csvCase(
                `id,name,industry\na,${csvQuote(name)},${csvQuote(industry)}\nb,B,\n`,
                `supplier,buyer,commodity\nb,a,${csvQuote(commodity)}\n`,
              ),
            );
            expect(outcome.kind).toBe('ok');
            if (outcome.kind !== 'ok') return;
            const a = outcome.network.companies[0]!;
            expect([a.name, a.industry, outcome.network.supplies[0]!.commodity]).toEqual([
              name.trim(),
              industry.trim(),
              commodity.trim(),
            ]);
            const dir = await folder({});
            await writeNetworkCsv(outcome.network, dir);
            for (const file of ['companies.csv', 'supplies.csv']) {
              const rows = parse(await readFile(join(dir, file), 'utf8')) as string[][];
              for (const cell of rows.flat())
                expect(FORMULA_TRIGGERS.test(cell), `${file}: ${JSON.stringify(cell)}`).toBe(false);
            }
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
