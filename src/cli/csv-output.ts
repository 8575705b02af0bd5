/**
 * CSV output of the CLI's tables (`--format csv`): the CSV of src/io/table-file.ts, with
 * its formula-injection guard (a text cell starting with =, +, -, @, tab or CR gets a
 * single quote first, as OWASP's CSV-injection guidance recommends); numbers as they are.
 */
export { safeText as safeCsvText, toCsv, type Cell as CsvCell } from '../io/table-file.ts';
