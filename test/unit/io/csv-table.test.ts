/**
 * CsvTable fed by the streaming parser in chunks of every small size: the line numbers of
 * records and of errors do not depend on where the chunks split the text (CRLF, multi-line
 * quoted values, blank lines, multi-byte characters).
 */
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTable } from '../../../src/io/csv-table.ts';
import { IssueLog } from '../../../src/io/issue-log.ts';
import { COMPANY_TABLE } from '../../../src/io/table-spec.ts';
import { TRICKY_COMPANY_LINES } from './helpers.ts';

const TEXT = [...TRICKY_COMPANY_LINES, 'e,"never closed,3'].join('\r\n');

async function read(bytes: Buffer, size: number, how: 'on_record' | 'stream parser' = 'on_record') {
  const log = new IssueLog();
  const lines: number[] = [];
  const table = new CsvTable('companies.csv', COMPANY_TABLE, log, (record) => lines.push(record.ref));
  const parser = how === 'on_record' ? parse(table.parserOptions()) : table.streamParser();
  const done = (async () => {
    for await (const _ of parser) {
      // records go to the table
    }
  })();
  for (let i = 0; i < bytes.length; i += size) parser.write(bytes.subarray(i, i + size));
  parser.end();
  await done;
  table.end();
  return { lines, issues: log.issues().map((issue) => [issue.line, issue.column, issue.field]) };
}

describe('CsvTable', () => {
  it('CsvTable reports the same lines whatever the chunk size', async () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const whole = await read(bytes, bytes.length);
    expect(whole).toEqual({ lines: [2, 5, 7, 12], issues: [[13, 2, 'name']] });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 16 }), async (size) => {
        expect(await read(bytes, size)).toEqual(whole);
        expect(await read(bytes, size, 'stream parser')).toEqual(whole);
      }),
      { numRuns: 16 },
    );
  });
});
