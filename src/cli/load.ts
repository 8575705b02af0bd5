/**
 * Loads a network folder for a command: reads and validates it (progress on standard
 * error for large files), indexes it, and returns the warnings as printable lines.
 */
import { formatIssue } from '../errors.ts';
import { readNetwork } from '../io/read-network.ts';
import { indexNetwork, type IndexedNetwork } from '../model/index-network.ts';
import type { Issue, Network } from '../model/types.ts';
import type { Io } from './io.ts';

export interface Loaded {
  network: Network;
  index: IndexedNetwork;
  warnings: Issue[];
}

export async function loadFolder(dir: string, io: Io): Promise<Loaded> {
  let lastReport = Date.now();
  const { network, warnings, resolved } = await readNetwork(dir, {
    onProgress: (rows) => {
      const now = Date.now();
      if (now - lastReport < 2000) return;
      lastReport = now;
      io.err(`${io.isTty ? '\r' : ''}reading ${dir}: ${rows} rows${io.isTty ? ' ' : '\n'}`);
    },
  });
  return { network, index: indexNetwork(network, resolved), warnings };
}

export function warningLines(warnings: Issue[]): string[] {
  return warnings.map(formatIssue);
}
