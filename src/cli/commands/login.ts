/**
 * `weaklink login [--workspace DIR] [--url URL] [--minutes N]` — for a returning local
 * user: prints a fresh single-use login link `http://HOST:PORT/#login=CODE` to the
 * workspace's server (the address it last recorded, or `--url`). The code is kept hashed
 * in the workspace database and works once within `--minutes` (default 10): the page
 * exchanges it (`POST /api/login`) for a new admin token of its own, shown once.
 * Anyone who can read the workspace folder can do this — the same people who could
 * create a token with `weaklink token create`.
 */
import { type Command, Option } from 'commander';
import { workspaceDir } from '../../auth/token-store.ts';
import { UsageError } from '../../errors.ts';
import { DEFAULTS, LoginCodes } from '../../workspace/login-codes.ts';
import type { Io } from '../io.ts';

/** `http(s)://host[:port]` without a trailing slash, or a UsageError naming --url. */
function baseUrl(url: string): string {
  if (!/^https?:\/\/[^\s/#?]+\/?$/.test(url))
    throw new UsageError(
      `--url must be the server's address like http://localhost:8080, got "${url.slice(0, 100)}"`,
      'url',
    );
  return url.replace(/\/$/, '');
}

export function registerLogin(program: Command, io: Io): void {
  program
    .command('login')
    .description(
      "Print a fresh single-use login link to the workspace's server (a new admin session for a returning local user).",
    )
    .addOption(new Option('--workspace <dir>', 'workspace folder (default WEAKLINK_WORKSPACE or .weaklink)'))
    .addOption(new Option('--url <url>', "the server's address (default: the one it last recorded in the workspace)"))
    .addOption(new Option('--minutes <n>', `how long the link works (default ${DEFAULTS.ttlMinutes})`))
    .action((options: { workspace?: string; url?: string; minutes?: string }) => {
      const dir = workspaceDir(options.workspace);
      const codes = new LoginCodes(dir);
      try {
        const recorded = options.url ?? codes.lastServerUrl();
        if (recorded === undefined)
          throw new UsageError(
            `no server has recorded its address in ${dir} yet; start it (npm start) or give --url http://HOST:PORT`,
            'url',
          );
        const url = baseUrl(recorded);
        const minutes = options.minutes === undefined ? undefined : Number(options.minutes);
        const { code, expires } = codes.create(minutes === undefined ? {} : { ttlMinutes: minutes });
        io.out(`${url}/#login=${code}\n`);
        io.err(
          `weaklink: the link works once, until ${expires.slice(0, 16).replace('T', ' ')} UTC; it makes a new admin token for that browser tab\n`,
        );
      } finally {
        codes.close();
      }
    });
}
