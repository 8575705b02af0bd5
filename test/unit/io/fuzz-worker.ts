/**
 * The child process of fuzz.test.ts: runs `parseNetwork` on each case it is sent (over
 * IPC, v8 serialisation) and answers how it ended — a network, an InputError with its
 * issues, or anything else (a crash, with its message). Parsing is synchronous, so only
 * a separate process can be stopped when a case hangs; the test kills this one then.
 */
import { InputError } from '../../../src/errors.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import type { Issue, Network } from '../../../src/model/types.ts';

export interface FuzzCase {
  id: number;
  format: 'csv' | 'json';
  companies: { name: string; text: string | Uint8Array };
  supplies: { name: string; text: string | Uint8Array };
}

export type FuzzOutcome =
  | { id: number; kind: 'ok'; network: Network; warnings: number }
  | { id: number; kind: 'input'; message: string; issues: Issue[] }
  | { id: number; kind: 'crash'; message: string };

const bytes = (text: string | Uint8Array): string | Buffer =>
  typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);

process.on('message', (message: FuzzCase) => {
  let outcome: FuzzOutcome;
  try {
    const { network, warnings } = parseNetwork(
      {
        companies: { name: message.companies.name, text: bytes(message.companies.text) },
        supplies: { name: message.supplies.name, text: bytes(message.supplies.text) },
      },
      message.format,
    );
    outcome = { id: message.id, kind: 'ok', network, warnings: warnings.length };
  } catch (error) {
    outcome =
      error instanceof InputError
        ? { id: message.id, kind: 'input', message: error.message, issues: error.issues }
        : {
            id: message.id,
            kind: 'crash',
            message: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
          };
  }
  process.send!(outcome);
});
process.send!({ ready: true });
