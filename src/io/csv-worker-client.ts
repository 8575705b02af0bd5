/**
 * `readCsvInWorker`: reads a CSV file in a worker thread (csv-worker.ts) and hands its
 * records and quoting errors to a `CsvReceiver` on this thread, in file order, exactly
 * as `streamParser` would here; the parse and the checks of the rows then run on two
 * cores. Used for large files, where it saves the parse time; a small file is cheaper
 * to read on this thread than to start a worker for.
 */
import { startWorker, workerFile } from '../analysis-runtime/workers.ts';
import type { CsvReceiver } from './csv-records.ts';
import type { CsvWorkerData, CsvWorkerMessage } from './csv-worker.ts';
import { EncodingError, type TextEncodingName } from './text-decode.ts';

export const DEFAULTS = { batchChars: 1 << 20, maxInFlight: 8 };

const ENTRY = workerFile(import.meta.url, 'csv-worker');

/**
 * Reads `path` in a worker; `onBytes` gets the bytes read so far; resolves with how the
 * text was decoded. Rejects when the file cannot be read (the message says why), as a read
 * stream would; with an EncodingError naming the line when it does not decode.
 */
export function readCsvInWorker(
  path: string,
  receiver: CsvReceiver,
  onBytes?: (bytesRead: number) => void,
  delimiter = ',',
): Promise<TextEncodingName> {
  const data: CsvWorkerData = { path, batchChars: DEFAULTS.batchChars, maxInFlight: DEFAULTS.maxInFlight, delimiter };
  const worker = startWorker(ENTRY, { workerData: data });
  return new Promise<TextEncodingName>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error, encoding: TextEncodingName = 'ASCII'): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(encoding);
    };
    worker.on('message', (message: CsvWorkerMessage) => {
      try {
        switch (message.kind) {
          case 'rows':
            deliver(message, receiver);
            worker.postMessage(0);
            onBytes?.(message.bytesRead);
            break;
          case 'fault':
            receiver.fault(message.fault, message.line);
            break;
          case 'end':
            onBytes?.(message.bytesRead);
            settle(undefined, message.encoding);
            break;
          case 'fail':
            settle(
              message.line === undefined
                ? new Error(message.message)
                : new EncodingError(message.message, message.line),
            );
            break;
        }
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new Error(`the CSV reader stopped (exit code ${code})`)));
  });
}

/** Cuts a batch back into records. */
function deliver(batch: Extract<CsvWorkerMessage, { kind: 'rows' }>, receiver: CsvReceiver): void {
  const { text, cellLengths, rowWidths, lines } = batch;
  let offset = 0;
  let c = 0;
  for (let r = 0; r < rowWidths.length; r++) {
    const width = rowWidths[r]!;
    const cells = new Array<string>(width);
    for (let j = 0; j < width; j++) {
      const length = cellLengths[c++]!;
      cells[j] = text.slice(offset, offset + length);
      offset += length;
    }
    receiver.row(cells, lines[r]!);
  }
}
