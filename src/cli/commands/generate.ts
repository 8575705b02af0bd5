/**
 * `weaklink generate DIR --companies N` — writes a synthetic network (see
 * `src/generate/generate-network.ts`) as DIR/companies.csv and DIR/supplies.csv, streamed
 * to disk row by row; progress goes to standard error. The same options give
 * byte-identical files.
 */
import type { Command } from 'commander';
import { CsvNetworkSink } from '../../generate/csv-sink.ts';
import { generateNetwork } from '../../generate/generate-network.ts';
import { progress, type Io } from '../io.ts';
import { numberIn } from '../options.ts';

interface GenerateCliOptions {
  companies: number;
  seed: number;
  suppliersPerCompany: number;
  focal?: number;
}

export function registerGenerate(program: Command, io: Io): void {
  program
    .command('generate')
    .description('Write a realistic synthetic network (tiered, heavy-tailed, with hubs and a few cycles) to a folder.')
    .argument('<dir>', 'folder to write companies.csv and supplies.csv into (created if needed)')
    .requiredOption('--companies <n>', 'number of companies', numberIn('--companies', 1, 50_000_000, true))
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same files',
      numberIn('--seed', 0, 4_294_967_295, true),
      1,
    )
    .option(
      '--suppliers-per-company <k>',
      'mean supplies per company, about',
      numberIn('--suppliers-per-company', 0.1, 50),
      3,
    )
    .option(
      '--focal <f>',
      'focal companies (tier 0); default companies/5000, at least 1',
      numberIn('--focal', 1, 50_000_000, true),
    )
    .action((dir: string, options: GenerateCliOptions) => {
      const started = Date.now();
      const sink = CsvNetworkSink.open(dir);
      const bars = {
        companies: progress(io, 'companies', options.companies < 100_000),
        supplies: progress(io, 'supplies', options.companies < 100_000),
      };
      try {
        generateNetwork(
          {
            companies: options.companies,
            seed: options.seed,
            suppliersPerCompany: options.suppliersPerCompany,
            ...(options.focal !== undefined ? { focal: options.focal } : {}),
            onProgress: (stage, done, total) => bars[stage](done, total),
          },
          sink,
        );
        sink.close();
      } catch (error) {
        sink.abort();
        throw error;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      io.out(`${dir}: ${sink.companies} companies, ${sink.supplies} supplies (seed ${options.seed}) in ${seconds} s\n`);
    });
}
