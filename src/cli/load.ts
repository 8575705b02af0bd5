/**
 * Loads a network folder for a command: reads and validates it (a progress bar on
 * standard error for large files; a note there for each file not in plain ASCII, naming
 * its encoding), indexes it with the ids the reader resolved, and
 * returns the warnings as printable lines.
 */
import { formatIssue } from '../errors.ts';
import { readNetwork } from '../io/read-network.ts';
import { indexNetwork, type IndexedNetwork } from '../model/index-network.ts';
import type { Issue, Network } from '../model/types.ts';
import { megabytes, progress, type Io } from './io.ts';

export interface Loaded {
  network: Network;
  index: IndexedNetwork;
  warnings: Issue[];
}

/** Inputs at least this large get a progress bar while they are read. */
export const DEFAULTS = { progressFromBytes: 20e6 };

export async function loadFolder(dir: string, io: Io, delimiter?: string): Promise<Loaded> {
  const bar = progress(io, `reading ${dir}`, false, megabytes);
  const { network, warnings, resolved, notes } = await readNetwork(dir, {
    ...(delimiter === undefined ? {} : { delimiter }),
    onProgress: (_rows, bytes, total) => {
      if (total >= DEFAULTS.progressFromBytes) bar(bytes, total);
    },
  });
  for (const note of notes ?? []) io.err(`note: ${note}\n`);
  return { network, index: indexNetwork(network, resolved), warnings };
}

export function warningLines(warnings: Issue[]): string[] {
  return warnings.map(formatIssue);
}
