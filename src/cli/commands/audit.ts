/**
 * `weaklink audit verify [--workspace DIR]` — checks the hash chain of the workspace's
 * audit log (`audit.log` and its rotated files `audit.log.1` … , oldest first): every
 * line names the SHA-256 of the line before it, across files, so an edited, removed or
 * inserted line breaks the chain there. (The oldest file kept starts where rotation cut
 * it: its first link is taken as given.) Exit 0 when it holds; exit 1 naming the first
 * file and line that breaks it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { verifyAuditText } from '../../auth/audit-log.ts';
import { workspaceDir } from '../../auth/token-store.ts';
import { InputError } from '../../errors.ts';
import type { Io } from '../io.ts';

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description("Check the workspace's audit log.");
  audit
    .command('verify')
    .description('Check that no line of the audit log was edited, removed or inserted (its hash chain).')
    .addOption(
      new Option('--workspace <dir>', 'workspace folder holding audit.log (default WEAKLINK_WORKSPACE or .weaklink)'),
    )
    .action(async (options: { workspace?: string }) => {
      const file = join(workspaceDir(options.workspace), 'audit.log');
      const rotated: string[] = [];
      for (let i = 1; existsSync(`${file}.${i}`); i++) rotated.unshift(`${file}.${i}`);
      if (!existsSync(file) && rotated.length === 0)
        throw new InputError(`${file}: cannot be read (ENOENT); is --workspace right?`);
      let prev: string | undefined;
      let total = 0;
      for (const path of [...rotated, ...(existsSync(file) ? [file] : [])]) {
        const text = await readFile(path, 'utf8');
        const firstLine = text.split('\n').find((l) => l !== '');
        // The oldest file kept: its first link points into a file rotation deleted.
        prev ??= firstLine ? String((JSON.parse(firstLine) as { prev?: unknown }).prev ?? '') : '';
        const { lines, broken, last } = verifyAuditText(text, prev);
        if (broken !== null) throw new InputError(`${path}: line ${broken.line} ${broken.why}.`);
        total += lines;
        prev = last;
      }
      const files = rotated.length + 1;
      io.out(
        `${file}: ${total} lines${files > 1 ? ` in ${files} files` : ''}, the chain holds: no line was edited, removed or inserted.\n`,
      );
    });
}
