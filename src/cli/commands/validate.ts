/**
 * `weaklink validate DIR` — the import checks only: every error located, warnings
 * listed, exit 1 when any error exists.
 */
import type { Command } from 'commander';
import type { Io } from '../io.ts';
import { delimiter, DELIMITER_HELP } from '../options.ts';
import { loadFolder, warningLines } from '../load.ts';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('Check a network folder against the data format; print every error with its file:line:column.')
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .option('--delimiter <char>', DELIMITER_HELP, delimiter)
    .action(async (dir: string, o: { delimiter?: string }) => {
      const { index, warnings } = await loadFolder(dir, io, o.delimiter);
      for (const line of warningLines(warnings)) io.err(`  ${line}\n`);
      io.out(
        `${dir}: valid — ${index.n} companies, ${index.m} supplies, ${index.groupCount} (buyer, commodity) groups, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.\n`,
      );
    });
}
