/**
 * readNetwork loads every folder of the shared test vectors (`../shared/vectors` from the
 * project root) without errors, with as many companies as its expected.json describes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { VECTORS_DIR as VECTORS } from '../../vectors-dir.ts';

const folders = readdirSync(VECTORS).filter((name) => statSync(join(VECTORS, name)).isDirectory());

describe('readNetwork on the shared vectors', () => {
  it('readNetwork finds the vector folders', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)('readNetwork loads vectors/%s with no errors', async (name) => {
    const dir = join(VECTORS, name);
    const expected: unknown = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const { network, warnings } = await readNetwork(dir);
    expect(warnings.every((issue) => issue.severity === 'warning')).toBe(true);
    const companies =
      typeof expected === 'object' && expected !== null && 'companies' in expected ? expected.companies : {};
    expect(network.companies.map((c) => c.id).sort()).toEqual(Object.keys(companies ?? {}).sort());
    expect(network.supplies.length).toBeGreaterThan(0);
  });

  it.each([...folders.map((name) => join(VECTORS, name)), 'data/sample'])(
    "indexNetwork gives the same index with the reader's resolved ids for %s",
    async (dir) => {
      const { network, resolved } = await readNetwork(dir);
      expect(resolved?.supplier.length).toBe(network.supplies.length);
      const fast = indexNetwork(network, resolved);
      const plain = indexNetwork(network);
      for (const key of Object.keys(plain) as (keyof typeof plain)[]) {
        if (key === 'network') continue;
        expect(fast[key], key).toEqual(plain[key]);
      }
    },
  );
});
