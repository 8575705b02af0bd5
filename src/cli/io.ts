/**
 * Where the CLI writes: standard output for results, standard error for messages and
 * progress. Injected so tests capture output without touching the process; `progress`
 * draws a one-line bar on a terminal and plain lines otherwise.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';

export interface Io {
  /** Writes to standard output; `false` means the stream is full: wait for `drained` before writing more. */
  out(text: string): void | boolean;
  /** Resolves when standard output has room again (or is closed). */
  drained?(): Promise<void>;
  err(text: string): void;
  /** True when standard error is a terminal (progress bars redraw in place). */
  isTty: boolean;
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    drained: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          process.stdout.off('drain', done).off('close', done).off('error', done);
          resolve();
        };
        process.stdout.once('drain', done).once('close', done).once('error', done);
      }),
    err: (s) => process.stderr.write(s),
    isTty: Boolean(process.stderr.isTTY),
  };
}

/** Writes `chunks` to standard output, waiting whenever it is full, so a large report never piles up in memory. */
export async function writeOut(io: Io, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (io.out(chunk) === false && io.drained) await io.drained();
  }
}

/** Shows a count of bytes as megabytes: `12.3 MB`. */
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A progress reporter: a redrawn bar on a terminal, a plain line every ~10% otherwise.
 * `show` formats the counts (e.g. `megabytes`).
 */
export function progress(
  io: Io,
  label: string,
  quiet = false,
  show: (n: number) => string = String,
): (done: number, total: number) => void {
  const started = Date.now();
  let lastTenth = -1;
  let lastDraw = 0;
  return (done, total) => {
    if (quiet) return;
    const now = Date.now();
    const fraction = total > 0 ? done / total : 1;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const eta = rate > 0 ? (total - done) / rate : 0;
    if (io.isTty) {
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 24;
      const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
      io.err(`\r${label} [${bar}] ${show(done)}/${show(total)} ${show(Math.round(rate))}/s ETA ${eta.toFixed(0)}s `);
      if (done >= total) io.err('\n');
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth || (now - started < 1000 && done < total)) return;
      lastTenth = tenth;
      io.err(`${label}: ${show(done)}/${show(total)} (${Math.round(100 * fraction)}%), ${show(Math.round(rate))}/s\n`);
    }
  };
}

/** Writes `chunks` to `file` through a temp file and a rename, so a reader never sees half a file. */
export async function writeFileStreamed(file: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(temp);
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  await rename(temp, file);
}
