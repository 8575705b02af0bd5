/**
 * The server's configuration, from command-line options and the environment (an option
 * wins over its variable), validated with zod at start: `--data DIR` / WEAKLINK_DATA
 * (default `data/sample`), `--neo4j URI` / NEO4J_URI with NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE, `--port N` / PORT (default 8080), `--host H` / HOST (default
 * 127.0.0.1). Anything wrong is one UsageError naming the option, so start can fail fast
 * with one line.
 *
 * @example
 *   loadConfig(['--port', '9000'], process.env) // → { port: 9000, data: 'data/sample', dataGiven: false, … }
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../src/errors.ts';

export const DEFAULTS = { data: 'data/sample', port: 8080, host: '127.0.0.1' };

export const USAGE = 'usage: npm start -- [--data DIR] [--neo4j URI] [--port N] [--host HOST]';

const ConfigSchema = z.object({
  data: z.string().min(1, 'must name a folder'),
  /** The data folder was asked for (option or variable), not the default. */
  dataGiven: z.boolean(),
  neo4j: z
    .object({
      uri: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j:// or bolt:// URI, e.g. bolt://127.0.0.1:7687'),
      user: z.string().min(1).optional(),
      password: z.string().optional(),
      database: z.string().min(1).optional(),
    })
    .optional(),
  port: z.coerce.number().int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535'),
  host: z.string().min(1, 'must not be empty'),
});

export type Config = z.output<typeof ConfigSchema>;

const NAMES: Record<string, string> = {
  data: '--data / WEAKLINK_DATA',
  'neo4j.uri': '--neo4j / NEO4J_URI',
  'neo4j.user': 'NEO4J_USER',
  'neo4j.password': 'NEO4J_PASSWORD',
  'neo4j.database': 'NEO4J_DATABASE',
  port: '--port / PORT',
  host: '--host / HOST',
};

/** Throws UsageError (one line) for an unknown option or a bad value. */
export function loadConfig(argv: string[], env: Record<string, string | undefined>): Config {
  let values: { data?: string | undefined; neo4j?: string | undefined; port?: string | undefined; host?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, neo4j: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
  }
  const given = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
  const data = values.data ?? given(env.WEAKLINK_DATA);
  const uri = values.neo4j ?? given(env.NEO4J_URI);
  const parsed = ConfigSchema.safeParse({
    data: data ?? DEFAULTS.data,
    dataGiven: data !== undefined,
    neo4j:
      uri === undefined
        ? undefined
        : { uri, user: given(env.NEO4J_USER), password: env.NEO4J_PASSWORD, database: given(env.NEO4J_DATABASE) },
    port: values.port ?? given(env.PORT) ?? DEFAULTS.port,
    host: values.host ?? given(env.HOST) ?? DEFAULTS.host,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map(String).join('.');
    throw new UsageError(`${NAMES[key] ?? key}: ${issue.message}; ${USAGE}`, key);
  }
  return parsed.data;
}
