/**
 * `weaklink load DIR [--neo4j URI] [--batch N]` — validates a network folder and loads
 * it into Neo4j, replacing the active network atomically (a new import generation,
 * switched in one final transaction), with a progress bar on a terminal and plain lines
 * otherwise. `weaklink export DIR --neo4j URI` writes the active network back to CSV.
 */
import type { Command } from 'commander';
import { writeNetworkCsv } from '../../io/write-network.ts';
import { UsageError } from '../../errors.ts';
import { Neo4jStore } from '../../store/neo4j-store.ts';
import { progress, type Io } from '../io.ts';
import { loadFolder, warningLines } from '../load.ts';
import { neo4jConnection, withNeo4jOptions, type Neo4jCliOptions } from '../neo4j-options.ts';
import { numberIn, delimiter, DELIMITER_HELP } from '../options.ts';

interface LoadOptions extends Neo4jCliOptions {
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  batch?: number;
}

/** Connects with the flags/environment, or fails with a usage error naming both. */
export async function connectNeo4j(o: Neo4jCliOptions, batchSize?: number): Promise<Neo4jStore> {
  const connection = neo4jConnection(o);
  if (!connection)
    throw new UsageError(
      'no Neo4j to talk to: pass --neo4j bolt://HOST:7687 or set NEO4J_URI (npm run neo4j starts one here)',
      'neo4j',
    );
  return Neo4jStore.connect({ ...connection, ...(batchSize ? { batchSize } : {}) });
}

export function registerLoad(program: Command, io: Io): void {
  withNeo4jOptions(
    program
      .command('load')
      .description('Validate a network folder and load it into Neo4j, replacing the active network atomically.')
      .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)'),
  )
    .option('--batch <n>', 'rows per UNWIND batch', numberIn('--batch', 1, 1_000_000, true))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter)
    .action(async (dir: string, o: LoadOptions) => {
      const { network, warnings } = await loadFolder(dir, io, o.delimiter);
      for (const line of warningLines(warnings)) io.err(`  ${line}\n`);
      const store = await connectNeo4j(o, o.batch);
      try {
        const started = Date.now();
        const summary = await store.load(network, { onProgress: progress(io, 'loading rows') });
        const seconds = (Date.now() - started) / 1000;
        const rows = summary.companies + summary.supplies;
        io.out(
          `loaded ${dir}: ${summary.companies} companies, ${summary.supplies} supplies in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s); active version ${summary.version}\n`,
        );
      } finally {
        await store.close();
      }
    });

  withNeo4jOptions(
    program
      .command('export')
      .description('Write the network active in Neo4j back to companies.csv and supplies.csv.')
      .argument('<dir>', 'folder to write (created if missing)'),
  ).action(async (dir: string, o: Neo4jCliOptions) => {
    const store = await connectNeo4j(o);
    try {
      const network = await store.read();
      await writeNetworkCsv(network, dir);
      io.out(`exported ${network.companies.length} companies and ${network.supplies.length} supplies to ${dir}\n`);
    } finally {
      await store.close();
    }
  });
}
