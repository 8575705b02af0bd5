/**
 * Turns a csv-parse error (`CsvFault`) into a sentence a user can act on: what is wrong with the
 * quoting of the row and how to write it instead. The location is added by the caller.
 */
import type { CsvFault } from './csv-records.ts';

export function describeCsvError(error: CsvFault, maxRecordChars: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value starting on this row is never closed; add the closing double quote';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted value is followed by more text before the next comma; write a double quote inside a quoted value as two ("")';
    case 'INVALID_OPENING_QUOTE':
      return 'a double quote appears inside an unquoted value; put the whole value in double quotes and write the quote inside as two ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row starting here is longer than ${maxRecordChars} characters; an unclosed double quote is the usual cause`;
    default:
      return `the CSV cannot be read here (${error.message}); check the quotes and commas of this row`;
  }
}
