/**
 * Server benchmark: `npm start -- --data DIR` on a generated network (src/generate,
 * seed 7) as a child process, as a user runs it — the time until it says it is serving
 * (read, memory store, analysis and the first page's lists, each as it reports them) and
 * its peak memory; then GET /api/executive the first time (the annual loss distribution,
 * the contributors and the plan of the largest focal company, computed on demand) and
 * again (from the cache). Sizes: 100,000 companies, and 1,000,000 with `--full`.
 * Figures, not pass/fail; not part of `npm test`.
 *
 *     npx tsx test/bench/server.ts [--full] [--sizes 100000,1000000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CsvNetworkSink } from '../../src/generate/csv-sink.ts';
import { generateNetwork } from '../../src/generate/generate-network.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { full: { type: 'boolean', default: false }, sizes: { type: 'string' } } });
const sizes = values.sizes
  ? values.sizes.split(',').map(Number)
  : [100_000, ...(values.full || process.env.BENCH_FULL === '1' ? [1_000_000] : [])];

interface Row {
  companies: number;
  readyS: number;
  lines: string[];
  peakMb: number;
  executiveFirstS: number;
  executiveAgainS: number;
  aal: number;
}

async function run(companies: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-bench-server-'));
  try {
    const data = join(dir, 'network');
    const sink = CsvNetworkSink.open(data);
    generateNetwork({ companies, seed: 7 }, sink);
    sink.close();
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=16384',
        '--import',
        'tsx',
        'server/start.ts',
        '--data',
        data,
        '--port',
        '0',
        '--workspace',
        join(dir, 'ws'),
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let peakMb = 0;
    const sampler = setInterval(() => {
      const status = spawn('ps', ['-o', 'rss=', '-p', String(child.pid)]);
      status.stdout.on('data', (d: Buffer) => (peakMb = Math.max(peakMb, Number(d.toString().trim()) / 1024)));
    }, 500);
    const url = await new Promise<{ base: string; token: string; readyS: number }>((resolve, reject) => {
      let text = '';
      const onData = (d: Buffer): void => {
        text += d.toString();
        for (const line of d.toString().split('\n')) if (line.trim()) lines.push(line.trim());
        const m = /serving .* at (http:\/\/[^/\s]+)\/#token=(wl_[\w-]+)/.exec(text);
        if (m) resolve({ base: m[1]!, token: m[2]!, readyS: (performance.now() - started) / 1000 });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`server exited (${code}) before serving:\n${text}`)));
    });
    const get = async (path: string): Promise<{ seconds: number; body: { loss: { expectedAnnualLoss: number } } }> => {
      const t = performance.now();
      const res = await fetch(`${url.base}${path}`, { headers: { authorization: `Bearer ${url.token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { loss: { expectedAnnualLoss: number } };
      return { seconds: (performance.now() - t) / 1000, body };
    };
    const first = await get('/api/executive');
    const again = await get('/api/executive');
    clearInterval(sampler);
    child.kill('SIGTERM');
    return {
      companies,
      readyS: url.readyS,
      lines,
      peakMb,
      executiveFirstS: first.seconds,
      executiveAgainS: again.seconds,
      aal: first.body.loss.expectedAnnualLoss,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const n of sizes) {
  process.stderr.write(`bench server: ${n.toLocaleString('en-US')} companies …\n`);
  const r = await run(n);
  console.log(`\n${n.toLocaleString('en-US')} companies`);
  for (const line of r.lines.filter((l) => !l.includes('token'))) console.log(`  ${line}`);
  console.log(
    `  ready to serve after ${r.readyS.toFixed(1)} s (peak ${Math.round(r.peakMb).toLocaleString('en-US')} MB)`,
  );
  console.log(
    `  GET /api/executive: first ${r.executiveFirstS.toFixed(2)} s, again ${r.executiveAgainS.toFixed(3)} s (expected annual loss ¥${Math.round(r.aal).toLocaleString('en-US')} per year)`,
  );
}
