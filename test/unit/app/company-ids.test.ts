/**
 * companyIndicesOf: the one check of user-given company ids, for the CLI and the API.
 */
import { describe, expect, it } from 'vitest';
import { companyIndicesOf } from '../../../src/app/company-ids.ts';
import { NotFoundError } from '../../../src/errors.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

const idx = indexNetwork(net([{ id: 'a' }, { id: 'b' }, { id: 'c' }], []));

describe('companyIndicesOf', () => {
  it('companyIndicesOf refuses unknown ids with a NotFoundError naming the field and the ids', () => {
    let error: unknown;
    try {
      companyIndicesOf(idx, ['a', 'ghost', 'spook'], 'companies');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).field).toBe('companies');
    expect((error as NotFoundError).id).toBe('ghost');
    expect((error as Error).message).toMatch(/unknown company ids "ghost", "spook" in companies/);
  });
  it('companyIndicesOf names at most ten unknown ids and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => `x${i}`);
    expect(() => companyIndicesOf(idx, many, 'hit')).toThrow(/"x9" and 3 more in hit/);
  });
  it('companyIndicesOf gives the indices in the order asked', () => {
    expect(companyIndicesOf(idx, ['c', 'a'], 'hit')).toEqual([idx.indexOf.get('c'), idx.indexOf.get('a')]);
  });
});
