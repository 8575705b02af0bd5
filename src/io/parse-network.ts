/**
 * `parseNetwork`: the in-memory twin of `readNetwork`, for networks that arrive as text
 * (an upload through the API). Same rules, same issues, same result; bytes are decoded as
 * the reader decodes a file (UTF-8 or Shift_JIS/CP932, text-decode.ts); CSV is parsed with
 * csv-parse's synchronous parser record by record, JSON with `JSON.parse`.
 *
 * @example
 *   const { network, warnings } = parseNetwork(
 *     { companies: { name: 'companies.csv', text: 'id\na\nb\n' },
 *       supplies: { name: 'supplies.csv', text: 'supplier,buyer,commodity\na,b,steel\n' } },
 *     'csv');
 */
import { parse } from 'csv-parse/sync';
import { CsvTable } from './csv-table.ts';
import { readJsonTable } from './json-table.ts';
import { decodeText, EncodingError } from './text-decode.ts';
import { NetworkCheck, type ReadResult } from './network-check.ts';
import { ASSESSMENT_TABLE, COMPANY_TABLE, SUPPLY_TABLE, type RecordSink, type TableSpec } from './table-spec.ts';

export type { ReadResult } from './network-check.ts';

/** A table as text: `name` is the file name used in issues. */
export interface TableText {
  name: string;
  text: string | Buffer;
}

/** Checks and builds a network from its tables (assessments optional); throws `InputError` listing every error. */
export function parseNetwork(
  input: { companies: TableText; supplies: TableText; assessments?: TableText },
  format: 'csv' | 'json',
  delimiter?: string,
): ReadResult {
  const { companies, supplies } = input;
  const check = new NetworkCheck(`${companies.name}, ${supplies.name}`);
  const complete = parseTable(check, companies, COMPANY_TABLE, check.companySink(), format, delimiter);
  parseTable(check, supplies, SUPPLY_TABLE, check.supplySink(companies.name, complete), format, delimiter);
  const { assessments } = input;
  if (assessments !== undefined) {
    const sink = check.assessmentSink(companies.name, complete);
    parseTable(check, assessments, ASSESSMENT_TABLE, sink, format, delimiter);
  }
  return check.finish();
}

function parseTable(
  check: NetworkCheck,
  table: TableText,
  spec: TableSpec,
  sink: RecordSink,
  format: 'csv' | 'json',
  delimiter: string | undefined,
): boolean {
  let text: string;
  if (typeof table.text === 'string') text = table.text;
  else {
    try {
      const decoded = decodeText(table.text);
      check.encoding(table.name, decoded.encoding);
      text = decoded.text;
    } catch (error) {
      if (!(error instanceof EncodingError)) throw error;
      check.log.error({ file: table.name, line: error.line }, error.message);
      return false;
    }
  }
  if (format === 'json') return readJsonTable(table.name, text, spec, check.log, sink);
  const csv = new CsvTable(table.name, spec, check.log, sink, delimiter);
  try {
    parse(text, csv.parserOptions());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    check.log.error(
      { file: table.name },
      `${table.name} cannot be read as CSV (${reason}); check that it is UTF-8 text`,
    );
    return false;
  }
  return csv.end();
}
