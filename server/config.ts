/**
 * The server's configuration, from command-line options and the environment (an option
 * wins over its variable), validated with zod at start: `--data DIR` / WEAKLINK_DATA
 * (default `data/sample`), `--neo4j URI` / NEO4J_URI with NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE, `--port N` / PORT (default 8080), `--host H` / HOST (default
 * 127.0.0.1: this machine only), `--workspace DIR` / WEAKLINK_WORKSPACE (tokens, audit
 * log and, on the memory store, saved scenarios and the saved network; default
 * `.weaklink`), `--reset` / WEAKLINK_RESET=1 (drop the saved network and serve --data), `--cors ORIGIN[,ORIGIN]` / WEAKLINK_CORS (browser
 * origins allowed to call the API; none by default), `--rate-limit-token N` /
 * WEAKLINK_RATE_LIMIT_TOKEN and `--rate-limit-address N` / WEAKLINK_RATE_LIMIT_ADDRESS
 * (requests per minute; default 600 and 1200), `--max-upload-rows N` /
 * WEAKLINK_MAX_UPLOAD_ROWS (default 200,000) and `--max-upload-mb N` /
 * WEAKLINK_MAX_UPLOAD_MB (default 20), the heavy-job pool — `--workers N` / WEAKLINK_WORKERS
 * (default the cores but one, at least 1), `--job-queue N` / WEAKLINK_JOB_QUEUE (jobs that may wait; default 4
 * per worker), `--job-deadline S` / WEAKLINK_JOB_DEADLINE (default 120 s) — and the most
 * one job may cost per role, `--job-budget-viewer|analyst|admin UNITS` /
 * WEAKLINK_JOB_BUDGET_VIEWER|ANALYST|ADMIN (default 2e10, 1e11, 1e11). Anything wrong is one UsageError naming the
 * option, so start can fail fast with one line.
 *
 * @example
 *   loadConfig(['--port', '9000'], process.env) // → { port: 9000, data: 'data/sample', dataGiven: false, … }
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../src/errors.ts';
import { POOL_DEFAULTS } from '../src/analysis-runtime/analysis-pool.ts';
import { COST_DEFAULTS } from '../src/app/job-cost.ts';

export const DEFAULTS = {
  data: 'data/sample',
  port: 8080,
  host: '127.0.0.1',
  workspace: '.weaklink',
  perToken: 600,
  perAddress: 1200,
  uploadRows: 200_000,
  uploadMb: 20,
  scenarios: 100,
  scenarioMb: 10,
  auditMb: 50,
  auditKeep: 5,
  /** The heavy-job pool (src/analysis-runtime/analysis-pool.ts) and the budgets per job (src/app/job-cost.ts). */
  workers: POOL_DEFAULTS.workers,
  jobQueuePerWorker: POOL_DEFAULTS.queuePerWorker,
  jobDeadlineSeconds: POOL_DEFAULTS.deadlineSeconds,
  budgetViewer: COST_DEFAULTS.budgets.viewer,
  budgetAnalyst: COST_DEFAULTS.budgets.analyst,
  budgetAdmin: COST_DEFAULTS.budgets.admin,
};

export const USAGE =
  'usage: npm start -- [--data DIR] [--neo4j URI] [--port N] [--host HOST] [--workspace DIR] [--cors ORIGIN[,ORIGIN]] ' +
  '[--reset] [--rate-limit-token N] [--rate-limit-address N] [--max-upload-rows N] [--max-upload-mb N] [--max-scenarios N] [--max-scenario-mb N] [--audit-max-mb N] [--audit-keep N] ' +
  '[--workers N] [--job-queue N] [--job-deadline SECONDS] [--job-budget-viewer UNITS] [--job-budget-analyst UNITS] [--job-budget-admin UNITS]';

const count = (max: number) =>
  z.coerce.number().int('must be a whole number').min(1, `must be 1–${max}`).max(max, `must be 1–${max}`);

/** `http(s)://host[:port]`, as browsers send it in the Origin header. */
const Origin = z
  .string()
  .regex(
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/,
    'must be origins like https://risk.example.com or http://localhost:5173, comma-separated (no path, no *)',
  );

const ConfigSchema = z.object({
  data: z.string().min(1, 'must name a folder'),
  /** The data folder was asked for (option or variable), not the default. */
  dataGiven: z.boolean(),
  neo4j: z
    .object({
      uri: z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j:// or bolt:// URI, e.g. bolt://127.0.0.1:7687'),
      user: z.string().min(1).optional(),
      password: z.string().optional(),
      database: z.string().min(1).optional(),
    })
    .optional(),
  port: z.coerce.number().int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535'),
  host: z.string().min(1, 'must not be empty'),
  workspace: z.string().min(1, 'must name a folder'),
  /** Drop the network saved in the workspace and serve --data (memory store). */
  reset: z.boolean(),
  cors: z.array(Origin),
  limits: z.object({
    perToken: count(10_000_000),
    perAddress: count(10_000_000),
    uploadRows: count(50_000_000),
    uploadMb: count(2048),
    scenarios: count(100_000),
    scenarioMb: count(1024),
    auditMb: count(100_000),
    auditKeep: count(1000),
    jobWorkers: count(1024),
    jobQueue: count(100_000),
    jobDeadlineSeconds: count(86_400),
    budgetViewer: count(1e15),
    budgetAnalyst: count(1e15),
    budgetAdmin: count(1e15),
  }),
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
  workspace: '--workspace / WEAKLINK_WORKSPACE',
  reset: '--reset / WEAKLINK_RESET',
  cors: '--cors / WEAKLINK_CORS',
  'limits.perToken': '--rate-limit-token / WEAKLINK_RATE_LIMIT_TOKEN',
  'limits.perAddress': '--rate-limit-address / WEAKLINK_RATE_LIMIT_ADDRESS',
  'limits.uploadRows': '--max-upload-rows / WEAKLINK_MAX_UPLOAD_ROWS',
  'limits.uploadMb': '--max-upload-mb / WEAKLINK_MAX_UPLOAD_MB',
  'limits.scenarios': '--max-scenarios / WEAKLINK_MAX_SCENARIOS',
  'limits.scenarioMb': '--max-scenario-mb / WEAKLINK_MAX_SCENARIO_MB',
  'limits.auditMb': '--audit-max-mb / WEAKLINK_AUDIT_MAX_MB',
  'limits.auditKeep': '--audit-keep / WEAKLINK_AUDIT_KEEP',
  'limits.jobWorkers': '--workers / WEAKLINK_WORKERS',
  'limits.jobQueue': '--job-queue / WEAKLINK_JOB_QUEUE',
  'limits.jobDeadlineSeconds': '--job-deadline / WEAKLINK_JOB_DEADLINE',
  'limits.budgetViewer': '--job-budget-viewer / WEAKLINK_JOB_BUDGET_VIEWER',
  'limits.budgetAnalyst': '--job-budget-analyst / WEAKLINK_JOB_BUDGET_ANALYST',
  'limits.budgetAdmin': '--job-budget-admin / WEAKLINK_JOB_BUDGET_ADMIN',
};

const OPTIONS = [
  'data',
  'neo4j',
  'port',
  'host',
  'workspace',
  'cors',
  'rate-limit-token',
  'rate-limit-address',
  'max-upload-rows',
  'max-upload-mb',
  'max-scenarios',
  'max-scenario-mb',
  'audit-max-mb',
  'audit-keep',
  'workers',
  'job-queue',
  'job-deadline',
  'job-budget-viewer',
  'job-budget-analyst',
  'job-budget-admin',
] as const;

/** Throws UsageError (one line) for an unknown option or a bad value. */
export function loadConfig(argv: string[], env: Record<string, string | undefined>): Config {
  let values: Partial<Record<(typeof OPTIONS)[number], string | undefined>> & { reset?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(OPTIONS.map((name) => [name, { type: 'string' as const }])),
        reset: { type: 'boolean' as const },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Partial<Record<(typeof OPTIONS)[number], string | undefined>> & { reset?: boolean } });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
  }
  const given = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
  const data = values.data ?? given(env.WEAKLINK_DATA);
  const uri = values.neo4j ?? given(env.NEO4J_URI);
  const workers = values.workers ?? given(env.WEAKLINK_WORKERS) ?? DEFAULTS.workers;
  const parsed = ConfigSchema.safeParse({
    data: data ?? DEFAULTS.data,
    dataGiven: data !== undefined,
    neo4j:
      uri === undefined
        ? undefined
        : { uri, user: given(env.NEO4J_USER), password: env.NEO4J_PASSWORD, database: given(env.NEO4J_DATABASE) },
    port: values.port ?? given(env.PORT) ?? DEFAULTS.port,
    host: values.host ?? given(env.HOST) ?? DEFAULTS.host,
    workspace: values.workspace ?? given(env.WEAKLINK_WORKSPACE) ?? DEFAULTS.workspace,
    reset: values.reset === true || /^(1|true|yes)$/i.test(env.WEAKLINK_RESET ?? ''),
    cors: (values.cors ?? given(env.WEAKLINK_CORS) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    limits: {
      perToken: values['rate-limit-token'] ?? given(env.WEAKLINK_RATE_LIMIT_TOKEN) ?? DEFAULTS.perToken,
      perAddress: values['rate-limit-address'] ?? given(env.WEAKLINK_RATE_LIMIT_ADDRESS) ?? DEFAULTS.perAddress,
      uploadRows: values['max-upload-rows'] ?? given(env.WEAKLINK_MAX_UPLOAD_ROWS) ?? DEFAULTS.uploadRows,
      uploadMb: values['max-upload-mb'] ?? given(env.WEAKLINK_MAX_UPLOAD_MB) ?? DEFAULTS.uploadMb,
      scenarios: values['max-scenarios'] ?? given(env.WEAKLINK_MAX_SCENARIOS) ?? DEFAULTS.scenarios,
      scenarioMb: values['max-scenario-mb'] ?? given(env.WEAKLINK_MAX_SCENARIO_MB) ?? DEFAULTS.scenarioMb,
      auditMb: values['audit-max-mb'] ?? given(env.WEAKLINK_AUDIT_MAX_MB) ?? DEFAULTS.auditMb,
      auditKeep: values['audit-keep'] ?? given(env.WEAKLINK_AUDIT_KEEP) ?? DEFAULTS.auditKeep,
      jobWorkers: workers,
      jobQueue:
        values['job-queue'] ?? given(env.WEAKLINK_JOB_QUEUE) ?? DEFAULTS.jobQueuePerWorker * (Number(workers) || 1),
      jobDeadlineSeconds: values['job-deadline'] ?? given(env.WEAKLINK_JOB_DEADLINE) ?? DEFAULTS.jobDeadlineSeconds,
      budgetViewer: values['job-budget-viewer'] ?? given(env.WEAKLINK_JOB_BUDGET_VIEWER) ?? DEFAULTS.budgetViewer,
      budgetAnalyst: values['job-budget-analyst'] ?? given(env.WEAKLINK_JOB_BUDGET_ANALYST) ?? DEFAULTS.budgetAnalyst,
      budgetAdmin: values['job-budget-admin'] ?? given(env.WEAKLINK_JOB_BUDGET_ADMIN) ?? DEFAULTS.budgetAdmin,
    },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0] === 'cors' ? 'cors' : issue.path.map(String).join('.');
    throw new UsageError(`${NAMES[key] ?? key}: ${issue.message}; ${USAGE}`, key);
  }
  return parsed.data;
}
