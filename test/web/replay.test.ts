/**
 * The pure helpers of the Scenario tab and the executive view (web/src/replay.ts): the
 * day-by-day replay of a scenario's timeline, yen and percent formats, the plan headline
 * and the worst-breach sentence. (The revenue-at-risk chart's tests are in
 * scenario-chart.test.ts: its data, and the Plot chart drawn from it.)
 */
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse, ScenarioRun } from '../../src/contract/api-types.ts';
import {
  downByDay,
  eventsOn,
  formatPercent,
  formatYen,
  formatYenFull,
  joinNames,
  pathText,
  planHeadline,
  reasonLine,
  stopDays,
  worstEventSentence,
} from '../../web/src/replay.ts';

/** a hit for 3 days; b stops on day 1 (buffer 1), c on day 2; all back on day 3. */
const run: Pick<ScenarioRun, 'timeline' | 'lastDay'> = {
  lastDay: 3,
  timeline: [
    { day: 0, stopped: ['a'], recovered: [], down: 1 },
    { day: 1, stopped: ['b'], recovered: [], down: 2 },
    { day: 2, stopped: ['c'], recovered: [], down: 3 },
    { day: 3, stopped: [], recovered: ['a', 'b', 'c'], down: 0 },
  ],
};

describe('downByDay', () => {
  it('downByDay replays the timeline: each day adds what stops and drops what recovers', () => {
    expect(downByDay(run)).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c'], []]);
  });

  it('downByDay keeps the set of the day before on days without an event, and sorts ids', () => {
    const sparse = {
      lastDay: 4,
      timeline: [
        { day: 0, stopped: ['z', 'm'], recovered: [], down: 2 },
        { day: 3, stopped: ['a'], recovered: ['z'], down: 2 },
      ],
    };
    expect(downByDay(sparse)).toEqual([
      ['m', 'z'],
      ['m', 'z'],
      ['m', 'z'],
      ['a', 'm'],
      ['a', 'm'],
    ]);
  });

  it('downByDay agrees with the timeline counts of a run', () => {
    const days = downByDay(run);
    for (const event of run.timeline) expect(days[event.day]!.length).toBe(event.down);
  });

  it('downByDay gives one empty day for a run of 0 days with no events', () => {
    expect(downByDay({ lastDay: 0, timeline: [] })).toEqual([[]]);
  });
});

describe('eventsOn and stopDays', () => {
  it('eventsOn names what stops and recovers on a day, nothing on a quiet day', () => {
    expect(eventsOn(run, 1)).toEqual({ stopped: ['b'], recovered: [] });
    expect(eventsOn(run, 3)).toEqual({ stopped: [], recovered: ['a', 'b', 'c'] });
    expect(eventsOn({ timeline: [] }, 5)).toEqual({ stopped: [], recovered: [] });
  });

  it('stopDays gives the first day each company stops, in any order of the timeline', () => {
    const shuffled = { timeline: [...run.timeline].reverse() };
    expect(Object.fromEntries(stopDays(shuffled))).toEqual({ a: 0, b: 1, c: 2 });
  });
});

describe('formats', () => {
  it('formatYen is compact, keeps two digits below one yen and marks negatives', () => {
    expect(formatYen(411_016.4)).toBe('¥411K');
    expect(formatYen(1_234_567)).toBe('¥1.2M');
    expect(formatYen(50_000_000)).toBe('¥50M');
    expect(formatYen(980)).toBe('¥980');
    expect(formatYen(0)).toBe('¥0');
    expect(formatYen(0.6575)).toBe('¥0.66');
    expect(formatYen(-2500)).toBe('−¥2.5K');
    expect(formatYen(Number.NaN)).toBe('—');
  });

  it('formatYenFull groups thousands', () => {
    expect(formatYenFull(1_234_567.8)).toBe('¥1,234,568');
    expect(formatYenFull(0.5)).toBe('¥0.50');
  });

  it('formatPercent keeps one decimal unless whole', () => {
    expect(formatPercent(0.4567)).toBe('45.7%');
    expect(formatPercent(0.04)).toBe('4%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('joinNames and pathText read as English', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(
      pathText(
        [{ name: 'Kirishima Motor Corporation' }, { name: 'Kanazawa Interior Trim Co., Ltd.' }],
        (n) => n.split(' ')[0]!,
      ),
    ).toBe('Kirishima ← Kanazawa');
  });
});

describe('planHeadline and worstEventSentence', () => {
  const plan: ExecutiveResponse['plan'] = {
    budget: 50_000_000,
    spent: 18_400_000,
    suppliers: 7,
    lossBefore: 2_000_000,
    lossAfter: 1_240_000,
    avoided: 760_000,
    cutPercent: 38,
    optimal: true,
    gapPercent: 0,
    method: 'dynamic-programming',
    lifts: [],
  };

  it('planHeadline says what is spent on how many suppliers, whose loss it cuts by how much, and how good the plan is', () => {
    expect(planHeadline(plan, "Kirishima Motor's")).toBe(
      "¥18.4M spent on 7 suppliers cuts Kirishima Motor's expected annual loss by 38% — the best possible plan",
    );
    expect(
      planHeadline({ ...plan, suppliers: 1, spent: 300_000, cutPercent: 12.345, optimal: false, gapPercent: 0.42 }),
    ).toBe('¥300K spent on 1 supplier cuts the expected annual loss by 12.3% — within 0.4% of the best possible plan');
  });

  it('planHeadline says so when no lift fits the budget', () => {
    expect(
      planHeadline({ ...plan, budget: 100_000, spent: 0, suppliers: 0, lossAfter: 2_000_000, cutPercent: 0 }),
    ).toBe('No supplier lift fits a budget of ¥100K: the expected annual loss stays at ¥2M a year');
  });

  it('worstEventSentence says when the focal company stops and what the event costs it', () => {
    const event = { id: 'ota', name: 'Ota Precision Springs', days: 120, loss: 8.9e12, focalStopDay: 3, stopped: 3 };
    expect(worstEventSentence(event, 'Kirishima Motor')).toBe(
      'A 120-day outage at Ota Precision Springs stops Kirishima Motor on day 3 and costs it ¥8.9T.',
    );
    expect(worstEventSentence({ ...event, focalStopDay: null }, 'Kirishima Motor')).toBe(
      'A 120-day outage at Ota Precision Springs does not stop Kirishima Motor.',
    );
    expect(
      worstEventSentence(
        { ...event, id: 'oem', name: 'Kirishima Motor', focalStopDay: 0, stopped: 1 },
        'Kirishima Motor',
      ),
    ).toBe('A 120-day outage at Kirishima Motor costs Kirishima Motor ¥8.9T.');
    expect(worstEventSentence(event, null)).toBe(
      'A 120-day outage at Ota Precision Springs stops 3 companies and costs ¥8.9T.',
    );
    expect(worstEventSentence(null, 'X')).toBeNull();
  });

  it('reasonLine names the focal companies by name, the first three, and counts the rest', () => {
    const focal = new Map([
      ['auto-oem', 'Kirishima Motor Corporation'],
      ['retail-hq', 'Hinoki Living Co., Ltd.'],
    ]);
    const stops = [
      { id: 'auto-oem', day: 0 },
      { id: 'retail-hq', day: 3 },
    ];
    expect(reasonLine({ ownScore: 6, unassessed: false, blastRadiusSize: 14, focalStops: stops }, focal)).toBe(
      'own score 6; 14 companies stop if it is hit, including Kirishima Motor Corporation on day 0, Hinoki Living Co., Ltd. on day 3',
    );
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, day) => ({ id, day }));
    expect(
      reasonLine({ ownScore: 40, unassessed: false, blastRadiusSize: 1, focalStops: five }, new Map(), (n) => n),
    ).toBe(
      'own score 40; 1 company stops if it is hit, including a on day 0, b on day 1, c on day 2 and 2 more focal companies',
    );
    expect(reasonLine({ ownScore: 0, unassessed: true, blastRadiusSize: 0 }, focal)).toBe(
      'unassessed (scored 0); no other company stops if it alone is hit',
    );
    expect(
      reasonLine(
        { ownScore: 6, unassessed: false, blastRadiusSize: 3, focalStops: stops },
        focal,
        (n) => n.split(' ')[0]!,
      ),
    ).toBe('own score 6; 3 companies stop if it is hit, including Kirishima on day 0, Hinoki on day 3');
  });
});
