/**
 * A worker thread that reads one CSV file through csv-parse (`streamParser`) and posts
 * its records to the thread that started it, decoded from UTF-8 or Shift_JIS (decode-stream.ts), in batches: the cells of a batch as one
 * string with their lengths, and each record's width and line. Reading a big network
 * then takes two cores: this thread parses while the other checks the rows already
 * parsed. At most `maxInFlight` batches are unanswered at a time (the other side acks
 * each one), so memory stays bounded however large the file.
 *
 * Started by `readCsvInWorker` (csv-worker-client.ts) through csv-worker-entry.mjs.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { streamParser, type CsvFault } from './csv-records.ts';
import { decodeStream } from './decode-stream.ts';
import { EncodingError, type TextEncodingName } from './text-decode.ts';

export interface CsvWorkerData {
  path: string;
  /** A batch is posted once its cells hold this many characters. */
  batchChars: number;
  maxInFlight: number;
  /** The field separator. */
  delimiter: string;
}

export type CsvWorkerMessage =
  | { kind: 'rows'; text: string; cellLengths: Int32Array; rowWidths: Int32Array; lines: Int32Array; bytesRead: number }
  | { kind: 'fault'; fault: CsvFault; line: number }
  | { kind: 'end'; bytesRead: number; encoding: TextEncodingName }
  | { kind: 'fail'; message: string; line?: number };

const port = parentPort!;
const { path, batchChars, maxInFlight, delimiter } = workerData as CsvWorkerData;

let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  wake?.();
});

let cells: string[] = [];
let lengths: number[] = [];
let widths: number[] = [];
let lines: number[] = [];
let chars = 0;
const source = createReadStream(path, { highWaterMark: 1 << 20 });

function flush(): void {
  if (widths.length === 0) return;
  const cellLengths = Int32Array.from(lengths);
  const rowWidths = Int32Array.from(widths);
  const rowLines = Int32Array.from(lines);
  const message: CsvWorkerMessage = {
    kind: 'rows',
    text: cells.join(''),
    cellLengths,
    rowWidths,
    lines: rowLines,
    bytesRead: source.bytesRead,
  };
  port.postMessage(message, [cellLengths.buffer, rowWidths.buffer, rowLines.buffer]);
  inFlight++;
  cells = [];
  lengths = [];
  widths = [];
  lines = [];
  chars = 0;
}

const parser = streamParser(
  {
    row(record, line) {
      for (const cell of record) {
        cells.push(cell);
        lengths.push(cell.length);
        chars += cell.length;
      }
      widths.push(record.length);
      lines.push(line);
    },
    fault(fault, line) {
      flush();
      port.postMessage({ kind: 'fault', fault, line } satisfies CsvWorkerMessage);
    },
  },
  delimiter,
);

async function* throttled(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    yield chunk;
    if (chars >= batchChars) flush();
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
  }
}

const decode = decodeStream();
try {
  await pipeline(source, throttled, decode, parser, async (records: AsyncIterable<unknown>) => {
    for await (const _ of records) {
      // nothing is emitted: records go to the receiver
    }
  });
  flush();
  port.postMessage({ kind: 'end', bytesRead: source.bytesRead, encoding: decode.encoding } satisfies CsvWorkerMessage);
} catch (error) {
  port.postMessage({
    kind: 'fail',
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof EncodingError ? { line: error.line } : {}),
  } satisfies CsvWorkerMessage);
}
