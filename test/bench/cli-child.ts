/**
 * Runs the weaklink CLI (`main`, as bin/weaklink.js does) in this process and, on exit,
 * prints the process's peak resident memory on standard error as `BENCH_PEAK_MB <mb>`,
 * so the benchmark can report the peak memory of a real end-to-end run.
 */
import { main } from '../../src/cli/main.ts';
import { peakRssMb } from './memory.ts';

process.exitCode = await main(process.argv);
process.stderr.write(`BENCH_PEAK_MB ${peakRssMb().toFixed(0)}\n`);
