/** Runs the CLI in process with captured output: its exit code, standard output and standard error. */
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';

export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  const code = await main(['node', 'weaklink', ...args], io);
  return { code, out, err };
}
