/**
 * Encodings: a CSV saved by Japanese Excel (CP932), by Excel's "CSV UTF-8" (a BOM) and
 * plain UTF-8 read with the right names, on this thread and in the CSV worker, whatever
 * the chunk boundaries; any other encoding, or a line that does not decode, is an error
 * naming the file and line, and nothing is loaded. Fixtures are made here, with
 * encoding-japanese.
 */
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS as READ, readNetwork } from '../../../src/io/read-network.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import { decodeText, EncodingError, TextDecoding } from '../../../src/io/text-decode.ts';
import { folder, readError } from './helpers.ts';

const COMPANIES = [
  'id,name,size,scs_level',
  'ota,太田精密スプリング株式会社,sme,1',
  'kiri,霧島自動車株式会社,large,3',
  'hank,ﾊﾝｶｸ工業 ①㈱,sme,2', // half-width katakana and CP932's NEC extensions
].join('\r\n');
const SUPPLIES = ['supplier,buyer,commodity', 'ota,kiri,ばね', 'hank,kiri,ねじ'].join('\r\n');

const sjis = (text: string): Buffer =>
  Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
const eucjp = (text: string): Buffer =>
  Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'EUCJP', from: 'UNICODE' }));
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const saved = READ.workerFromBytes;
afterEach(() => {
  READ.workerFromBytes = saved;
});

const names = (result: Awaited<ReturnType<typeof readNetwork>>): string[] =>
  result.network.companies.map((c) => c.name);

describe.each([
  ['on this thread', Infinity],
  ['in the CSV worker', 0],
])('reading a network folder %s', (_, workerFromBytes) => {
  it("reads Japanese Excel's CSV (CP932) with the right names, and notes the encoding", async () => {
    READ.workerFromBytes = workerFromBytes;
    const dir = await folder({ 'companies.csv': sjis(COMPANIES), 'supplies.csv': sjis(SUPPLIES) });
    const result = await readNetwork(dir);
    expect(names(result)).toEqual(['太田精密スプリング株式会社', '霧島自動車株式会社', 'ﾊﾝｶｸ工業 ①㈱']);
    expect(result.network.supplies.map((s) => s.commodity)).toEqual(['ばね', 'ねじ']);
    expect(result.notes).toEqual([
      `read companies.csv as Shift_JIS (CP932): Japanese Excel's "CSV"`,
      `read supplies.csv as Shift_JIS (CP932): Japanese Excel's "CSV"`,
    ]);
  });

  it('reads UTF-8 with a BOM and without one', async () => {
    READ.workerFromBytes = workerFromBytes;
    const dir = await folder({
      'companies.csv': Buffer.concat([BOM, utf8(COMPANIES)]),
      'supplies.csv': utf8(SUPPLIES),
    });
    const result = await readNetwork(dir);
    expect(names(result)[0]).toBe('太田精密スプリング株式会社');
    expect(result.network.companies[0]!.id).toBe('ota'); // the BOM is not part of the first column's name
    expect(result.notes).toEqual([
      `read companies.csv as UTF-8 with a BOM: Excel's "CSV UTF-8"`,
      'read supplies.csv as UTF-8',
    ]);
  });

  it('refuses a line that decodes in neither encoding, naming file and line; nothing is loaded', async () => {
    READ.workerFromBytes = workerFromBytes;
    const bad = Buffer.from([0xff, 0xfe, 0x41]);
    const broken = Buffer.concat([utf8(COMPANIES), utf8('\r\nbad,'), bad, utf8(',sme,1\r\n')]);
    const error = await readError(await folder({ 'companies.csv': broken, 'supplies.csv': utf8(SUPPLIES) }));
    expect(error.issues[0]).toMatchObject({ file: 'companies.csv', line: 5 });
    expect(error.issues[0]!.message).toMatch(/neither UTF-8 nor Shift_JIS \(CP932\) text: line 5 cannot be read/);
  });

  it('refuses a line far down that is not in the encoding detected from the lines before it', async () => {
    READ.workerFromBytes = workerFromBytes;
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},株式会社${i},sme,1`);
    const bad = Buffer.from([0x93, 0xfa]); // 日 in Shift_JIS
    const text = [...COMPANIES.split('\r\n'), ...rows].join('\n');
    const broken = Buffer.concat([utf8(text), utf8('\nx,'), bad, utf8('\n')]);
    const error = await readError(await folder({ 'companies.csv': broken, 'supplies.csv': utf8(SUPPLIES) }));
    expect(error.issues[0]).toMatchObject({ file: 'companies.csv', line: 3005 });
    expect(error.issues[0]!.message).toMatch(
      /^line 3005 is not UTF-8 text, the encoding detected from the lines before it; /,
    );
  });

  it('refuses EUC-JP and UTF-16 by name, with what to do', async () => {
    READ.workerFromBytes = workerFromBytes;
    const euc = await readError(await folder({ 'companies.csv': eucjp(COMPANIES), 'supplies.csv': utf8(SUPPLIES) }));
    expect(euc.issues[0]).toMatchObject({ file: 'companies.csv', line: 2 });
    expect(euc.issues[0]!.message).toMatch(/EUC-JP text: line 2 cannot be read.*"CSV UTF-8/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(COMPANIES, 'utf16le')]);
    const u16 = await readError(await folder({ 'companies.csv': utf16, 'supplies.csv': utf8(SUPPLIES) }));
    expect(u16.issues[0]).toMatchObject({ file: 'companies.csv', line: 1 });
    expect(u16.issues[0]!.message).toMatch(/UTF-16 text \(Excel's "Unicode text"\)/);
  });
});

describe('TextDecoding', () => {
  it('decodes the same text however the bytes are cut into chunks', () => {
    const text = `${COMPANIES}\r\n${'x,'.repeat(40)}日本語の名前\r\n`;
    for (const [encode, encoding] of [
      [sjis, 'Shift_JIS (CP932)'],
      [utf8, 'UTF-8'],
    ] as const) {
      const bytes = encode(text);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const decoding = new TextDecoding();
          let out = '';
          for (let i = 1; i < points.length; i++) out += decoding.push(bytes.subarray(points[i - 1], points[i]));
          out += decoding.end();
          expect(out).toBe(text);
          expect(decoding.encoding).toBe(encoding);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('detects CP932 even when the first non-ASCII byte comes after many ASCII lines', () => {
    const text = `${'id,name\n'}${Array.from({ length: 20_000 }, (_, i) => `c${i},Company ${i}`).join('\n')}\nz,全角の名前\n`;
    expect(decodeText(sjis(text))).toEqual({ text, encoding: 'Shift_JIS (CP932)' });
    expect(decodeText(utf8('id\na\n'))).toEqual({ text: 'id\na\n', encoding: 'ASCII' });
  });

  it('names the first line that decodes in neither encoding', () => {
    const bytes = Buffer.concat([utf8('id\na\n'), Buffer.from([0x80, 0x80, 0xff, 0x0a])]);
    expect(() => decodeText(bytes)).toThrow(EncodingError);
    expect(() => decodeText(bytes)).toThrow(/line 3 cannot be read as either encoding/);
  });
});

describe('an upload as bytes', () => {
  it('decodes CP932 as the folder reader does', () => {
    const result = parseNetwork(
      {
        companies: { name: 'companies.csv', text: sjis(COMPANIES) },
        supplies: { name: 'supplies.csv', text: sjis(SUPPLIES) },
      },
      'csv',
    );
    expect(result.network.companies[1]!.name).toBe('霧島自動車株式会社');
    expect(result.notes?.[0]).toMatch(/Shift_JIS/);
  });
});
