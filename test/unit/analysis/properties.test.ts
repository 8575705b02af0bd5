/**
 * Properties of the engine on random networks, with and without cycles (fast-check):
 * the cascade equals the plain fixed-point definition and is monotone in the hit set;
 * eff ≤ own; x ∈ criticalSuppliers(v) ⇔ v ∈ blastRadius(x); eff(v) equals the
 * brute-force attacker characterisation; eff is a fixed point of its defining formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { companyReport } from '../../../src/analysis/company-report.ts';
import { disruptedSet } from '../../../src/analysis/cascade.ts';
import { groupThreshold } from '../../../src/analysis/effective-score.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { arbitraryNetwork, referenceCascade, referenceOwn } from '../../helpers/network.ts';

const thetas = fc.constantFrom(0.5, 0.3, 0.7, 1);

describe.each([true, false])('engine properties (cycles allowed: %s)', (cyclic) => {
  const networks = arbitraryNetwork({ maxCompanies: 9, cyclic });

  it('disruptedSet equals the reference fixed point for any hit set', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.nat(), { maxLength: 4 }), thetas, (network, picks, theta) => {
        const idx = indexNetwork(network);
        const hit = [...new Set(picks.map((p) => p % idx.n))];
        const ours = Array.from(disruptedSet(idx, hit, { theta }), (i) => idx.ids[i]!).sort();
        expect(ours).toEqual(
          referenceCascade(
            network,
            hit.map((i) => idx.ids[i]!),
            theta,
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('disruptedSet is monotone in the hit set', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), thetas, (network, picks, extra, theta) => {
        const idx = indexNetwork(network);
        const hit = picks.map((p) => p % idx.n);
        const small = new Set(disruptedSet(idx, hit, { theta }));
        const big = new Set(disruptedSet(idx, [...hit, extra % idx.n], { theta }));
        for (const v of small) expect(big.has(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('runAnalysis gives eff ≤ own, the attacker characterisation, and a fixed point of the formula', () => {
    fc.assert(
      fc.property(networks, thetas, (network, theta) => {
        const idx = indexNetwork(network);
        const a = runAnalysis(idx, { theta });
        const owns = [...new Set(network.companies.map(referenceOwn))];
        for (let v = 0; v < idx.n; v++) {
          const eff = a.effective[v]!;
          expect(eff).toBeLessThanOrEqual(a.own[v]!);
          expect(a.own[v]).toBe(referenceOwn(network.companies[v]!));
          // An attacker breaking every company of own score below s disrupts v exactly when s > eff(v).
          for (const s of [...owns, ...owns.map((o) => o + 0.5), 101]) {
            const broken = network.companies.filter((c) => referenceOwn(c) < s).map((c) => c.id);
            expect(referenceCascade(network, broken, theta).includes(idx.ids[v]!)).toBe(s > eff);
          }
          let formula = a.own[v]!;
          for (let g = idx.buyerGroupStart[v]!; g < idx.buyerGroupStart[v + 1]!; g++) {
            formula = Math.min(formula, groupThreshold(idx, a.effective, g, theta));
          }
          expect(eff).toBe(formula);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('companyReport: x ∈ criticalSuppliers(v) ⇔ v ∈ blastRadius(x), and blast radii match the reference', () => {
    fc.assert(
      fc.property(networks, thetas, (network, theta) => {
        const idx = indexNetwork(network);
        const a = runAnalysis(idx, { theta });
        const reports = network.companies.map((_, i) => companyReport(a, i));
        for (const x of reports) {
          expect(x.blastRadius).toEqual(referenceCascade(network, [x.id], theta).filter((id) => id !== x.id));
          for (const v of reports) {
            expect(v.criticalSuppliers.includes(x.id)).toBe(x.blastRadius.includes(v.id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('companyReport exposure paths end at a company whose eff equals its own score', () => {
    fc.assert(
      fc.property(networks, thetas, (network, theta) => {
        const idx = indexNetwork(network);
        const a = runAnalysis(idx, { theta });
        for (let v = 0; v < idx.n; v++) {
          const path = companyReport(a, v).exposurePath;
          expect(path[0]).toBe(idx.ids[v]);
          expect(new Set(path).size).toBe(path.length);
          for (const id of path) expect(a.effective[idx.indexOf.get(id)!]).toBe(a.effective[v]);
          const last = idx.indexOf.get(path.at(-1)!)!;
          expect(a.effective[last]).toBe(a.own[last]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
