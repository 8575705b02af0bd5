/**
 * `weaklink token create --role R --name N`, `weaklink token revoke NAME`,
 * `weaklink token list` — the API tokens of a workspace (`--workspace DIR`, else
 * WEAKLINK_WORKSPACE, else `.weaklink/`). `create` prints the token once, on standard
 * output, and never again: only its SHA-256 is kept. `list` shows name, role, created
 * and revoked — never a token.
 */
import { type Command, Option } from 'commander';
import { NotFoundError, UsageError } from '../../errors.ts';
import { ROLES, type Role } from '../../auth/roles.ts';
import { TokenStore, workspaceDir } from '../../auth/token-store.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';

const workspaceOption = (): Option =>
  new Option('--workspace <dir>', 'workspace folder holding tokens.json (default WEAKLINK_WORKSPACE or .weaklink)');

async function open(io: Io, workspace: string | undefined): Promise<TokenStore> {
  const store = await TokenStore.open(workspaceDir(workspace));
  return store;
}

export function registerToken(program: Command, io: Io): void {
  const token = program.command('token').description('Create, revoke and list the API tokens of a workspace.');
  token
    .command('create')
    .description('Create a token and print it once (store it now: only its hash is kept).')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .requiredOption(
      '--name <name>',
      'a unique name for the token (letters, digits, . _ -), shown in lists and the audit log',
    )
    .addOption(workspaceOption())
    .action(async (options: { role: Role; name: string; workspace?: string }) => {
      const store = await open(io, options.workspace);
      const { token: secret, record } = await store.create(options.name, options.role);
      io.out(`${secret}\n`);
      io.err(
        `weaklink: created ${record.role} token "${record.name}" in ${store.file}; it is shown only this once — send it as "Authorization: Bearer <token>"\n`,
      );
    });
  token
    .command('revoke')
    .description('Revoke a token by name; requests with it are refused from then on.')
    .argument('<name>', 'the token name')
    .addOption(workspaceOption())
    .action(async (name: string, options: { workspace?: string }) => {
      const store = await open(io, options.workspace);
      const record = await store.revoke(name).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new UsageError(error.message, 'name') : error;
      });
      io.out(`revoked "${record.name}" (${record.role}) at ${record.revoked}\n`);
    });
  token
    .command('list')
    .description('List the tokens: name, role, created, revoked (never the tokens themselves).')
    .addOption(workspaceOption())
    .action(async (options: { workspace?: string }) => {
      const store = await open(io, options.workspace);
      const records = store.list();
      if (records.length === 0) {
        io.out(`no tokens in ${store.file}; create one with: weaklink token create --role viewer --name NAME\n`);
        return;
      }
      io.out(
        `${renderTable(
          ['name', 'role', 'created', 'revoked'],
          records.map((r) => [r.name, r.role, r.created, r.revoked ?? '']),
          'table',
        )}\n`,
      );
    });
  for (const c of token.commands)
    c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}
