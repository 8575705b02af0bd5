/**
 * `weaklink audit verify [--workspace DIR]` — checks the hash chain of the workspace's
 * audit log (`audit.log`): every line names the SHA-256 of the line before it, so an
 * edited, removed or inserted line breaks the chain there. Exit 0 when it holds; exit 1
 * naming the first line that breaks it.
 */
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
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`${file}: cannot be read (${error.code ?? error.message}); is --workspace right?`);
      });
      const { lines, broken } = verifyAuditText(text);
      if (broken !== null) throw new InputError(`${file}: line ${broken.line} ${broken.why}.`);
      io.out(`${file}: ${lines} lines, the chain holds: no line was edited, removed or inserted.\n`);
    });
}
