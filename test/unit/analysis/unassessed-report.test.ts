/**
 * Who to ask for an SCS assessment first: every unassessed supplier in a focal company's
 * supply chain, highest risk contribution first, with what its hit stops.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { members } from '../../../src/analysis/blast-radius.ts';
import { unassessedReports } from '../../../src/analysis/unassessed-report.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

describe('unassessedReports', () => {
  it('lists the unassessed suppliers by risk contribution, with the focal companies their hit stops', () => {
    const index = indexNetwork(
      net(
        [
          { id: 'oem', focal: true, revenue: 1000 },
          { id: 'a', revenue: 10 },
          { id: 'b', revenue: 10, scsLevel: 3 },
          { id: 'c', revenue: 10 },
          { id: 'idle' },
        ],
        [
          ['a', 'oem', 'x'],
          ['c', 'a', 'y'],
          ['b', 'oem', 'z'],
        ],
      ),
    );
    const a = runAnalysis(index);
    const list = unassessedReports(a);
    // b is assessed, oem is focal, idle is in no focal company's supply chain.
    expect(list.map((u) => u.id)).toEqual(['c', 'a']);
    expect(list.map((u) => u.rank)).toEqual([1, 2]);
    expect(list[0]).toMatchObject({ tier: 2, blastRadiusSize: 2, focalStopped: ['oem'] });
    expect(list[1]).toMatchObject({ tier: 1, blastRadiusSize: 1, focalStopped: ['oem'] });
    expect(list[0]!.riskContribution).toBe(a.risk[index.indexOf.get('c')!]);
  });

  it('on the sample: exactly the unassessed companies with a tier, in order', async () => {
    const index = indexNetwork((await readNetwork('data/sample')).network);
    const a = runAnalysis(index);
    const list = unassessedReports(a);
    const expected = Array.from({ length: index.n }, (_, i) => i).filter(
      (i) => a.unassessed[i] === 1 && a.tier[i]! > 0,
    );
    expect(list.map((u) => u.id).sort()).toEqual(expected.map((i) => index.ids[i]!).sort());
    for (let k = 1; k < list.length; k++)
      expect(list[k - 1]!.riskContribution).toBeGreaterThanOrEqual(list[k]!.riskContribution);
    for (const u of list)
      expect(u.blastRadiusSize).toBe(members(a.failures.blastRadius, index.indexOf.get(u.id)!).length);
  });
});
