/** A deterministic network of any size for load, crash and throughput tests; ids are `${tag}${i}`. */
import type { Network } from '../../src/model/types.ts';

export function bigNetwork(companies: number, supplies: number, tag: string): Network {
  return {
    companies: Array.from({ length: companies }, (_, i) => ({
      id: `${tag}${i}`,
      name: `${tag} company ${i}`,
      country: i % 3 === 0 ? null : 'JP',
      industry: i % 4 === 0 ? 'castings' : null,
      size: i % 2 === 0 ? 'sme' : 'large',
      scsLevel: i % 7 === 6 ? null : i % 6,
      securityScore: i % 5 === 0 ? (i % 101) + 0.5 : null,
      revenue: i * 1.5,
      focal: i === 0,
    })),
    supplies: Array.from({ length: supplies }, (_, j) => ({
      supplier: `${tag}${(j * 7919 + 1) % companies}`,
      buyer: `${tag}${(j * 31) % companies}`,
      commodity: `k${j % 7}`,
      share: j % 4 === 0 ? 0.25 : null,
      spend: j % 3 === 0 ? null : j * 0.1,
      access: j % 2 === 0 ? 'data' : null,
      bufferDays: j % 10,
    })),
  };
}
