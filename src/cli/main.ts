/**
 * The `weaklink` command line. Each command lives in `commands/`; this file wires them
 * into commander; failures map to exit codes through `failureReport` (src/errors.ts), the
 * same table `npm start` uses: 0 ok, 1 invalid input (the located errors printed), 2 usage
 * (unknown option, unknown id), 3 a database that cannot be used (one line). Nothing runs
 * at import time: `main(argv)` returns the exit code.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, failureReport } from '../errors.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerAssess } from './commands/assess.ts';
import { registerAudit } from './commands/audit.ts';
import { registerLogin } from './commands/login.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerLoad } from './commands/load.ts';
import { registerPlan } from './commands/plan.ts';
import { registerRequest } from './commands/request.ts';
import { registerRisk } from './commands/risk.ts';
import { registerScenario } from './commands/scenario.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerToken } from './commands/token.ts';
import { registerValidate } from './commands/validate.ts';
import type { Io } from './io.ts';
import { processIo } from './io.ts';

/** Builds the program; `io` is where output goes (tests pass their own). */
export function buildProgram(io: Io): Command {
  const program = new Command('weaklink')
    .description(
      'Find the weak links in a supply chain: propagated security scores, single points of failure, level gaps.',
    )
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run weaklink --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerAnalyze(program, io);
  registerSimulate(program, io);
  registerValidate(program, io);
  registerAssess(program, io);
  registerScenario(program, io);
  registerRisk(program, io);
  registerPlan(program, io);
  registerRequest(program, io);
  registerLoad(program, io);
  registerGenerate(program, io);
  registerToken(program, io);
  registerAudit(program, io);
  registerLogin(program, io);
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI on `argv` (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    return EXIT.usage;
  }
  const { code, lines } = failureReport(error);
  for (const l of lines) io.err(`${l}\n`);
  return code;
}
