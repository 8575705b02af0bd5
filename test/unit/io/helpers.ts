/**
 * Fixtures for the io tests: a small valid network as CSV lines, temporary network
 * folders removed after each test, and `readIssues`, which reads a folder that must fail
 * and returns the issues of the `InputError`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import type { Issue } from '../../../src/model/types.ts';
import { readNetwork } from '../../../src/io/read-network.ts';

export const COMPANIES = [
  'id,name,country,industry,size,scs_level,security_score,revenue,focal',
  'a,Alpha,JP,castings,sme,3,,100,true',
  'b,Beta,DE,,large,,70,200,',
  'c,Gamma,US,,,,,,',
];

export const SUPPLIES = [
  'supplier,buyer,commodity,share,spend,access,buffer_days',
  'b,a,castings,0.6,10,none,5',
  'c,a,castings,0.4,20,data,',
  'c,b,logistics,,,,',
];

/**
 * The awkward lines of a companies table, to be joined with CRLF: a BOM, CRLF and LF
 * inside quoted values, blank lines, a lone CR, multi-byte characters. Physical lines:
 * header 1, a 2–3, b 5–6, c 7–9, lone CR and blank 10–11, d 12.
 */
export const TRICKY_COMPANY_LINES = [
  '\uFEFFid,name,revenue',
  'a,"Älpha\r\nGroup",1',
  '',
  'b,"Beta\nCo ✓",x',
  'c,"C,""quoted""\r\n\r\nthree lines",2',
  '\r', // a lone CR ends a line too: lines 10 and 11 are blank
  'd,D,-1',
] as const;

/** The lines joined as a file, with a final newline. */
export const csv = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

/** `lines` with line `n` (1-based, header = 1) replaced by `text`. */
export function withLine(lines: readonly string[], n: number, text: string): string[] {
  return lines.map((line, i) => (i === n - 1 ? text : line));
}

/** A temporary folder holding `files`; removed when the test ends. */
export async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-io-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** A folder with the valid CSV network, each table replaced when given. */
export function csvFolder(
  tables: { companies?: readonly string[]; supplies?: readonly string[] } = {},
): Promise<string> {
  return folder({
    'companies.csv': csv(tables.companies ?? COMPANIES),
    'supplies.csv': csv(tables.supplies ?? SUPPLIES),
  });
}

/** The `InputError` that reading `dir` must throw. */
export async function readError(dir: string): Promise<InputError> {
  const error: unknown = await readNetwork(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

/** The errors (not warnings) of the `InputError` that reading `dir` must throw. */
export async function readErrors(dir: string): Promise<Issue[]> {
  return (await readError(dir)).issues.filter((issue) => issue.severity === 'error');
}
