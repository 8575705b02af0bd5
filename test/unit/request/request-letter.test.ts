/**
 * requestLetter: the facts of one request letter — the level asked and why (METI's three
 * questions answered from the graph), where the supplier stands, the lift's cost and split.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { letterMarkdown } from '../../../src/request/render-letter.ts';
import { requestLetter } from '../../../src/request/request-letter.ts';
import { net } from '../../helpers/network.ts';

const small = () =>
  new NetworkView(
    'v1',
    runAnalysis(
      indexNetwork(
        net(
          [
            { id: 'oem', name: 'OEM', focal: true, size: 'large', revenue: 1e12, scsLevel: 4 },
            { id: 'tier1', size: 'large', revenue: 1e10, scsLevel: 3 },
            { id: 'trim', name: 'Trim Co.', size: 'sme', revenue: 1e8, scsLevel: 1 },
            { id: 'bolt', size: 'sme', revenue: 1e8, scsLevel: 3 },
          ],
          [
            ['trim', 'tier1', 'trim', 1, { access: 'data', bufferDays: 0 }],
            ['tier1', 'oem', 'seats', 1, { access: 'none', bufferDays: 0 }],
            ['bolt', 'oem', 'bolts', 0.5, { access: 'none', bufferDays: 30 }],
          ],
        ),
      ),
    ),
  );

describe('requestLetter', () => {
  it('requestLetter refuses an unknown supplier, an unknown buyer and a company that supplies nobody', async () => {
    const view = small();
    await expect(requestLetter(view, 'nope')).rejects.toThrow(/unknown supplier id "nope"/);
    await expect(requestLetter(view, 'trim', { buyer: 'nope' })).rejects.toThrow(/unknown buyer id "nope"/);
    await expect(requestLetter(view, 'oem')).rejects.toThrow(/supplies nobody/);
  });

  it('requestLetter answers the three questions from the graph and sends from the focal company', async () => {
    const letter = await requestLetter(small(), 'trim', { issuedOn: '2026-12-05' });
    expect(letter.issuedOn).toBe('2026-12-05');
    expect(letter.sender).toEqual({ id: 'oem', name: 'OEM' });
    expect(letter.requiredLevel).toBe(4);
    expect(letter.questions.data).toEqual({ yes: true, buyers: ['tier1'] });
    expect(letter.questions.access.yes).toBe(false);
    expect(letter.questions.halt.yes).toBe(true);
    expect(letter.questions.halt.day).toBe(0);
    expect(letter.standing).toMatchObject({ level: 1, meetsRequired: false, validUntil: null });
    expect(letter.agreement.signatures).toEqual(['buyer', 'supplier']);
  });

  it('requestLetter proposes the plan’s split among the large buyers when the plan funds the lift', async () => {
    const letter = await requestLetter(small(), 'trim', { budget: 1e9 });
    expect(letter.cost.inPlan).toBe(true);
    expect(letter.cost.fromLevel).toBe(1);
    expect(letter.cost.split.map((s) => s.company).sort()).toEqual(['oem', 'tier1']);
    expect(letter.cost.split.reduce((s, x) => s + x.amount, 0)).toBe(letter.cost.amount);
  });

  it('requestLetter falls back on the assumed cost table when the plan does not fund the lift', async () => {
    const letter = await requestLetter(small(), 'trim', { budget: 0 });
    expect(letter.cost).toMatchObject({
      inPlan: false,
      fromLevel: 1,
      toLevel: 4,
      amount: 1_000_000 + 3_000_000 + 10_000_000,
    });
    expect(letter.cost.split).toEqual([]);
  });

  it('requestLetter on the sample: Kanazawa Interior Trim can reach Kirishima Motor, which stops on day 0', async () => {
    const view = new NetworkView('s', runAnalysis(indexNetwork((await readNetwork('data/sample')).network)));
    const letter = await requestLetter(view, 'kanazawa-trim');
    expect(letter.sender.id).toBe('auto-oem');
    expect(letter.requiredLevel).toBe(4);
    expect(letter.questions.access).toEqual({ yes: true, buyers: ['Kirishima Motor Corporation'] });
    expect(letter.questions.halt.day).toBe(0);
  });
});

describe('requestLetter with assessments', () => {
  it("says until when the supplier's level holds, from the assessment that gives it", async () => {
    const network = net(
      [
        { id: 'oem', name: 'OEM', focal: true, size: 'large', revenue: 1e12, scsLevel: 4 },
        { id: 'trim', name: 'Trim Co.', size: 'sme', revenue: 1e8, scsLevel: null },
      ],
      [['trim', 'oem', 'trim', 1, { access: 'data', bufferDays: 0 }]],
    );
    const assessed = {
      ...network,
      assessments: [
        {
          company: 'trim',
          level: 3,
          method: 'expert' as const,
          assessedOn: '2026-07-01',
          validUntil: '2027-06-30',
          evidence: null,
        },
        {
          company: 'trim',
          level: 2,
          method: 'self' as const,
          assessedOn: '2026-01-10',
          validUntil: null,
          evidence: null,
        },
      ],
    };
    const view = new NetworkView('v1', runAnalysis(indexNetwork(assessed), { asOf: '2026-12-05' }));
    const letter = await requestLetter(view, 'trim', { issuedOn: '2026-12-05' });
    expect(letter.standing.level).toBe(3);
    expect(letter.standing.validUntil).toBe('2027-06-30');
    const later = new NetworkView('v1', runAnalysis(indexNetwork(assessed), { asOf: '2027-08-01' }));
    const lapsed = await requestLetter(later, 'trim', { issuedOn: '2027-08-01' });
    expect(lapsed.standing.level).toBe(2); // the ★3 lapsed; the ★2 self-declaration holds two years
    expect(lapsed.standing.validUntil).toBe('2028-01-10');
    expect(lapsed.standing.lapsed).toBeNull();
    const gone = new NetworkView('v1', runAnalysis(indexNetwork(assessed), { asOf: '2028-02-01' }));
    const none = await requestLetter(gone, 'trim', { issuedOn: '2028-02-01' });
    expect(none.standing).toMatchObject({ level: 0, validUntil: null, lapsed: { level: 3, validUntil: '2027-06-30' } });
    expect(letterMarkdown(none, 'en')).toContain(
      'Your ★3 assessment was valid until 30 June 2027: it has lapsed and counts for nothing until renewed.',
    );
    expect(letterMarkdown(none, 'ja')).toContain('★3 の評価は2027年6月30日までで失効しており');
  });
});
