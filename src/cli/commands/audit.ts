/**
 * `weaklink audit verify [--workspace DIR]` — checks the hash chain of the workspace's
 * audit log (the `audit` table of `weaklink.db`, oldest first): every line names the
 * SHA-256 of the line before it, so an edited, removed or inserted line breaks the chain
 * there. (When retention dropped the oldest lines, the first line kept is taken as the
 * chain's start.) Exit 0 when it holds; exit 1 naming the first entry that breaks it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { AuditLog, verifyAuditRows } from '../../auth/audit-log.ts';
import { workspaceDir } from '../../auth/token-store.ts';
import { InputError } from '../../errors.ts';
import { DEFAULTS as WORKSPACE } from '../../workspace/workspace.ts';
import type { Io } from '../io.ts';

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description("Check the workspace's audit log.");
  audit
    .command('verify')
    .description('Check that no line of the audit log was edited, removed or inserted (its hash chain).')
    .addOption(
      new Option('--workspace <dir>', 'workspace folder holding weaklink.db (default WEAKLINK_WORKSPACE or .weaklink)'),
    )
    .action((options: { workspace?: string }) => {
      const dir = workspaceDir(options.workspace);
      if (!existsSync(join(dir, WORKSPACE.file)) && !existsSync(join(dir, 'audit.log')))
        throw new InputError(`${join(dir, WORKSPACE.file)}: cannot be read (ENOENT); is --workspace right?`);
      const log = new AuditLog(dir); // imports an earlier audit.log once
      try {
        const { lines, broken } = verifyAuditRows(log.workspace);
        if (broken !== null) throw new InputError(`${log.file}: audit entry ${broken.seq} ${broken.why}.`);
        io.out(`${log.file}: ${lines} lines, the chain holds: no line was edited, removed or inserted.\n`);
      } finally {
        log.workspace.close();
      }
    });
}
