/**
 * `weaklink request DIR --supplier ID [--buyer ID] [--lang ja|en] [--format html|md|pdf]
 * [--budget YEN] [--date YYYY-MM-DD] [--out FILE]` — the request letter a buyer can send
 * to one supplier (src/request/): the level asked and why, where the supplier stands,
 * the lift's estimated cost and proposed split, and an agreement record. HTML and
 * Markdown go to standard output (or --out); PDF needs --out and Chromium.
 *
 * Tracking, in the workspace database (`--workspace DIR`, else WEAKLINK_WORKSPACE, else
 * `.weaklink`): `--issue` records the letter as sent; `weaklink request --record ID
 * requested|agreed|declined [--share YEN] [--date D] [--by NAME]` records a letter or
 * the supplier's answer; `weaklink request --list` lists every supplier's state.
 */
import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { runAnalysis } from '../../analysis/analyze.ts';
import { DEFAULTS as PLAN_DEFAULTS } from '../../analysis/cost-plan.ts';
import { NetworkView } from '../../app/network-view.ts';
import { workspaceDir } from '../../auth/token-store.ts';
import { UsageError } from '../../errors.ts';
import { RequestLog, REQUEST_STATUSES, type RequestRecord, type RequestStatus } from '../../workspace/request-log.ts';
import { isIsoDate } from '../../model/iso-date.ts';
import { toCsv } from '../csv-output.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { htmlToPdf } from '../../request/letter-pdf.ts';
import { letterHtml, letterMarkdown } from '../../request/render-letter.ts';
import { DEFAULTS as LETTER_DEFAULTS, requestLetter } from '../../request/request-letter.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { delimiter, DELIMITER_HELP, moneyOptions, numberIn, withLangOption, withMoneyOptions } from '../options.ts';
import type { MoneyCliOptions } from '../options.ts';

interface RequestOptions extends MoneyCliOptions {
  supplier?: string;
  buyer?: string;
  list?: boolean;
  record?: string[];
  issue?: boolean;
  share?: number;
  by?: string;
  workspace?: string;
  format: 'html' | 'md' | 'pdf';
  lang: Lang;
  budget: number;
  date?: string;
  out?: string;
  delimiter?: string;
}

/** A commander parser for an ISO date (YYYY-MM-DD, a real calendar day). */
export function isoDate(flag: string): (value: string) => string {
  return (value) => {
    if (!isIsoDate(value))
      throw new InvalidArgumentError(`${flag} must be a date YYYY-MM-DD (e.g. 2027-04-30), got "${value}".`);
    return value;
  };
}

export function registerRequest(program: Command, io: Io): void {
  const command = withMoneyOptions(program.command('request'))
    .description(
      'The request letter a buyer can send to one supplier: the SCS level asked and why, the cost of the lift and its proposed split, an agreement record.',
    )
    .argument('[dir]', 'network folder, or an Excel workbook (.xlsx) (not needed with --list or --record)')
    .option('--supplier <id>', 'the supplier the letter is addressed to')
    .option('--buyer <id>', 'the sending buyer (default: the focal company that stops first, else the first buyer)')
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'md', 'pdf']).default('html'))
    .option(
      '--budget <yen>',
      `budget of the cost-sharing plan that proposes the split (default ${LETTER_DEFAULTS.budget})`,
      numberIn('--budget', 0, PLAN_DEFAULTS.maxBudget),
      LETTER_DEFAULTS.budget,
    )
    .option('--date <date>', "the letter's date, YYYY-MM-DD (default today)", isoDate('--date'))
    .option('--out <file>', 'write the letter to this file (required for pdf)')
    .option('--delimiter <char>', DELIMITER_HELP, delimiter)
    .option('--issue', 'record the letter as issued in the workspace')
    .option('--list', "list every supplier's letters and answers recorded in the workspace (CSV)")
    .option('--record <id_and_status...>', 'record a letter or an answer: ID requested|agreed|declined')
    .option('--share <yen>', 'with --record ID agreed: the cost share agreed (yen)', numberIn('--share', 0, 1e15))
    .option('--by <name>', 'who records it (default: the USER environment variable)')
    .option('--workspace <dir>', 'workspace folder (default WEAKLINK_WORKSPACE or .weaklink)');
  withLangOption(command).action(async (dir: string | undefined, o: RequestOptions) => {
    if (o.list || o.record) {
      trackingAction(io, o);
      return;
    }
    if (dir === undefined || o.supplier === undefined)
      throw new UsageError(
        'request: give the network folder and --supplier ID (or --list, or --record ID STATUS).',
        'supplier',
      );
    if (o.format === 'pdf' && o.out === undefined)
      throw new UsageError(
        'request: --format pdf writes a binary file; give it with --out FILE (e.g. --out letter.pdf).',
        'out',
      );
    const { index } = await loadFolder(dir, io, o.delimiter);
    const view = new NetworkView('cli', runAnalysis(index, moneyOptions(o)));
    const letter = await requestLetter(view, o.supplier, {
      budget: o.budget,
      ...(o.buyer !== undefined ? { buyer: o.buyer } : {}),
      ...(o.date !== undefined ? { issuedOn: o.date } : {}),
    });
    if (o.issue) {
      const log = new RequestLog(workspaceDir(o.workspace));
      try {
        log.record({
          supplier: letter.supplier.id,
          status: 'requested',
          level: letter.requiredLevel,
          on: letter.issuedOn,
          by: who(o),
        });
      } finally {
        log.close();
      }
      io.err(`request: recorded the letter to ${letter.supplier.id} as issued on ${letter.issuedOn}\n`);
    }
    if (o.format === 'pdf') {
      await writeFile(o.out!, await htmlToPdf(letterHtml(letter, o.lang)));
      io.err(`request: wrote ${o.out}\n`);
      return;
    }
    const text = o.format === 'md' ? letterMarkdown(letter, o.lang) : letterHtml(letter, o.lang);
    if (o.out === undefined) io.out(text);
    else {
      await writeFile(o.out, text);
      io.err(`request: wrote ${o.out}\n`);
    }
  });
}

const who = (o: RequestOptions): string => o.by ?? process.env['USER'] ?? 'cli';

const COLUMNS: (keyof RequestRecord)[] = [
  'supplier',
  'status',
  'level',
  'requestedOn',
  'requestedBy',
  'decidedOn',
  'decidedBy',
  'agreedShare',
  'letters',
];

/** --list and --record: the tracking in the workspace database. */
function trackingAction(io: Io, o: RequestOptions): void {
  const log = new RequestLog(workspaceDir(o.workspace));
  try {
    if (o.record) {
      const [supplier, status, ...rest] = o.record;
      if (
        supplier === undefined ||
        status === undefined ||
        rest.length > 0 ||
        !REQUEST_STATUSES.includes(status as RequestStatus)
      )
        throw new UsageError(
          `request: --record takes a supplier id and one of ${REQUEST_STATUSES.join(', ')} (e.g. --record kanazawa-trim agreed --share 7000000), got "${o.record.join(' ')}".`,
          'record',
        );
      const r = log.record({
        supplier,
        status: status as RequestStatus,
        by: who(o),
        ...(o.share !== undefined ? { share: o.share } : {}),
        ...(o.date !== undefined ? { on: o.date } : {}),
      });
      io.err(`request: ${r.supplier} is now ${r.status} (${r.decidedOn ?? r.requestedOn})\n`);
    }
    if (o.list)
      io.out(
        toCsv(
          COLUMNS,
          log.list().map((r) => COLUMNS.map((c) => r[c])),
        ),
      );
  } finally {
    log.close();
  }
}
