/**
 * The synthetic network generator and `weaklink generate`: bad options are refused; the
 * files it writes pass the import checks with no warning and read back as the network it
 * generated; the same seed gives byte-identical files; and the network has the intended
 * shape — tiers 0..6, a heavy tail of buyers per supplier, sole, dual and multi-sourced
 * groups, rare back edges, about K supplies per company, Japan first.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiers } from '../../../src/analysis/tiers.ts';
import type { Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { CsvNetworkSink } from '../../../src/generate/csv-sink.ts';
import { collectNetwork, generateNetwork, type GenerateOptions } from '../../../src/generate/generate-network.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';

async function written(options: GenerateOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-generate-'));
  const sink = CsvNetworkSink.open(dir);
  generateNetwork(options, sink);
  sink.close();
  return dir;
}

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['companies.csv', 'supplies.csv']) hash.update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

describe('generateNetwork', () => {
  it('generateNetwork refuses bad options with a message naming the option', () => {
    expect(() => generateNetwork({ companies: 0 }, collectNetwork())).toThrow(/generate: companies/);
    expect(() => generateNetwork({ companies: 10, focal: 11 }, collectNetwork())).toThrow(/generate: focal/);
    expect(() => generateNetwork({ companies: 10, seed: -1 }, collectNetwork())).toThrow(/generate: seed/);
    expect(() => generateNetwork({ companies: 10, suppliersPerCompany: 0 }, collectNetwork())).toThrow(
      /generate: suppliersPerCompany/,
    );
  });

  it.each([1, 2, 7, 60, 3000])(
    'generateNetwork writes files that read back exactly, without errors or warnings (%i companies)',
    async (companies) => {
      const dir = await written({ companies, seed: 5 });
      const { network, warnings } = await readNetwork(dir);
      expect(warnings).toEqual([]);
      expect(network).toEqual(generateNetwork({ companies, seed: 5 }, collectNetwork()).network);
    },
  );

  it('generateNetwork gives byte-identical files for the same seed, other files for another', async () => {
    const a = await digest(await written({ companies: 2000, seed: 42 }));
    expect(await digest(await written({ companies: 2000, seed: 42 }))).toBe(a);
    expect(await digest(await written({ companies: 2000, seed: 43 }))).not.toBe(a);
  });

  it('generateNetwork makes a tiered, heavy-tailed network with hubs, mixed sourcing and rare cycles', () => {
    const { network } = generateNetwork({ companies: 20_000, seed: 1 }, collectNetwork());
    const index = indexNetwork(network);
    const perCompany = index.m / index.n;
    expect(perCompany).toBeGreaterThan(2.6);
    expect(perCompany).toBeLessThan(3.4);

    const tier = tiers(index);
    const sizes = Array.from({ length: 7 }, (_, t) => tier.filter((x) => x === t).length);
    expect(sizes[0]).toBe(4); // 20,000 / 5,000 focal companies
    for (let t = 1; t < 6; t++) expect(sizes[t + 1]!).toBeGreaterThan(sizes[t]!);
    expect(tier.filter((x) => x < 0).length).toBeLessThan(index.n / 100);

    const buyers = Array.from(
      { length: index.n },
      (_, u) =>
        new Set(
          Array.from(index.outEdges.subarray(index.outStart[u]!, index.outStart[u + 1]!), (e) => index.edgeBuyer[e]),
        ).size,
    ).sort((a, b) => a - b);
    const median = buyers[index.n >> 1]!;
    expect(median).toBeLessThanOrEqual(3);
    expect(buyers.at(-1)!).toBeGreaterThan(100 * median); // hubs

    const groupSizes = Array.from(
      { length: index.groupCount },
      (_, g) => index.groupEdgeStart[g + 1]! - index.groupEdgeStart[g]!,
    );
    const share = (size: (s: number) => boolean): number => groupSizes.filter(size).length / index.groupCount;
    expect(share((s) => s === 1)).toBeGreaterThan(0.4);
    expect(share((s) => s === 2)).toBeGreaterThan(0.2);
    expect(share((s) => s >= 3)).toBeGreaterThan(0.05);

    const back = network.supplies.filter((s) => s.commodity === 'supplied-material').length / 2;
    expect(back / index.m).toBeGreaterThan(0.002);
    expect(back / index.m).toBeLessThan(0.01);

    const jp = network.companies.filter((c) => c.country === 'JP').length;
    expect(jp / index.n).toBeGreaterThan(0.5);
    const unassessed = network.companies.filter((c) => c.scsLevel === null && c.securityScore === null).length;
    expect(unassessed / index.n).toBeGreaterThan(0.05);
    expect(
      network.supplies.some((s) => s.access === 'network') && network.supplies.some((s) => s.access === 'software'),
    ).toBe(true);
  });
});

describe('weaklink generate', () => {
  it('weaklink generate exits 2 for a bad option', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weaklink-generate-cli-'));
    expect((await cli('generate', dir, '--companies', '0')).code).toBe(2);
    expect((await cli('generate', dir, '--companies', '10', '--focal', '11')).code).toBe(2);
    expect((await cli('generate', dir)).code).toBe(2);
  });

  it('weaklink generate writes a valid network folder and says what it wrote', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'weaklink-generate-cli-')), 'net');
    const r = await cli(
      'generate',
      dir,
      '--companies',
      '500',
      '--seed',
      '3',
      '--suppliers-per-company',
      '2',
      '--focal',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/500 companies, \d+ supplies \(seed 3\)/);
    const { network } = await readNetwork(dir);
    expect(network.companies.filter((c) => c.focal)).toHaveLength(2);
    expect(await digest(dir)).toBe(
      await digest(await written({ companies: 500, seed: 3, suppliersPerCompany: 2, focal: 2 })),
    );
  });
});
