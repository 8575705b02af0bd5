/**
 * The CSV worker (large files are parsed in a worker thread) against the parser on this
 * thread: the same records with the same lines and the same quoting errors, whatever the
 * batch size and however few batches may be in flight; and readNetwork gives the same
 * network, warnings and errors either way.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { streamParser, type CsvFault, type CsvReceiver } from '../../../src/io/csv-records.ts';
import { DEFAULTS as WORKER, readCsvInWorker } from '../../../src/io/csv-worker-client.ts';
import { DEFAULTS as READ, readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, TRICKY_COMPANY_LINES, csv, folder, withLine } from './helpers.ts';

const TEXT = [
  ...TRICKY_COMPANY_LINES,
  ...Array.from({ length: 300 }, (_, i) => `f${i},Row ${i},${i}`),
  'e,"x"y,3',
  'g,"never closed,3',
].join('\r\n');

type Event = ['row', string[], number] | ['fault', CsvFault, number];

function recorder(): { receiver: CsvReceiver; events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    receiver: {
      row: (cells, line) => events.push(['row', cells, line]),
      fault: (fault, line) => events.push(['fault', fault, line]),
    },
  };
}

const saved = { ...WORKER, workerFromBytes: READ.workerFromBytes };
afterEach(() => {
  Object.assign(WORKER, { batchChars: saved.batchChars, maxInFlight: saved.maxInFlight });
  READ.workerFromBytes = saved.workerFromBytes;
});

describe('readCsvInWorker', () => {
  it('readCsvInWorker hands over the same records, lines and errors as the parser on this thread', async () => {
    const dir = await folder({ 'companies.csv': TEXT });
    const here = recorder();
    await pipeline(
      Readable.from([Buffer.from(TEXT)]),
      streamParser(here.receiver),
      async (s: AsyncIterable<unknown>) => {
        for await (const _ of s) {
          // records go to the receiver
        }
      },
    );
    // csv-parse does not recover after a bad closing quote: the rest of the file belongs to
    // that row, whose start (line 313) every later error names.
    expect(here.events.filter(([kind]) => kind === 'fault').map(([, , line]) => line)).toEqual([313, 313, 313]);
    expect(here.events.filter(([kind]) => kind === 'row').map(([, , line]) => line)).toEqual([
      1,
      2,
      5,
      7,
      12,
      ...Array.from({ length: 300 }, (_, i) => 13 + i),
    ]);
    for (const [batchChars, maxInFlight] of [
      [1 << 20, 8],
      [1, 1],
      [40, 2],
    ] as const) {
      Object.assign(WORKER, { batchChars, maxInFlight });
      const there = recorder();
      let bytes = 0;
      await readCsvInWorker(join(dir, 'companies.csv'), there.receiver, (n) => (bytes = n));
      expect(there.events, `batches of ${batchChars} characters`).toEqual(here.events);
      expect(bytes).toBe(Buffer.byteLength(TEXT));
    }
  });

  it('readCsvInWorker rejects with the reason when the file cannot be read', async () => {
    const dir = await folder({});
    await expect(readCsvInWorker(join(dir, 'missing.csv'), recorder().receiver)).rejects.toThrow(/ENOENT/);
  });
});

describe('readNetwork with the CSV worker', () => {
  async function both(dir: string): Promise<[unknown, unknown]> {
    const outcome = (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        (r) => ({ ok: r }),
        (e: unknown) => ({ error: e }),
      );
    READ.workerFromBytes = Infinity;
    const here = await outcome(readNetwork(dir));
    READ.workerFromBytes = 0;
    const there = await outcome(readNetwork(dir));
    return [there, here];
  }

  it.each([
    ['the sample', 'data/sample'],
    ['a network with warnings', null],
  ])('readNetwork reads %s the same in a worker', async (_what, path) => {
    const dir =
      path ??
      (await folder({
        'companies.csv': csv([...COMPANIES, '']),
        'supplies.csv': csv(withLine(SUPPLIES, 2, 'b,a,castings,0.5,,,')),
      }));
    const [there, here] = await both(dir);
    expect(there).toEqual(here);
    expect(there).toHaveProperty('ok');
  });

  it('readNetwork reports the same located errors in a worker', async () => {
    const dir = await folder({
      'companies.csv': `${csv(COMPANIES)}x,"bad"quote,,\ny,Y,,,,9\n`,
      'supplies.csv': csv([...SUPPLIES, 'ghost,a,steel', 'a,a,steel']),
    });
    const [there, here] = await both(dir);
    expect(there).toEqual(here);
    expect(there).toHaveProperty('error');
  });

  it('readNetwork reports a table it cannot read in a worker as on this thread', async () => {
    const dir = await folder({ 'supplies.csv': csv(SUPPLIES) });
    await mkdir(join(dir, 'companies.csv'));
    const [there, here] = await both(dir);
    expect(there).toEqual(here);
    expect(there).toHaveProperty('error');
  });
});
