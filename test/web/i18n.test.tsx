// @vitest-environment happy-dom
/**
 * The page in Japanese and English (web/src/i18n.ts): the first language from the
 * browser's preference (or the reader's stored choice), the header switch that changes
 * every text at once and sets <html lang>, and the executive report written in Japanese —
 * 円 with 万/億/兆, the plan headline, the tiles, the table heads, the SCS terms — while
 * the English page stays as it was.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExecutiveReport } from '../../web/src/executive/ExecutiveReport.tsx';
import { notes, planSub } from '../../web/src/executive/headline.ts';
import { createExecutiveStore } from '../../web/src/executive/state.ts';
import { applyLang, initialLang, lang, preferredLang, STORAGE_KEY, t } from '../../web/src/i18n.ts';
import { planHeadline, reasonLine } from '../../web/src/replay.ts';
import { LangSwitch } from '../../web/src/shell/LangSwitch.tsx';
import { createStore, DEFAULT_FILTERS, emptyViewMessage } from '../../web/src/state.ts';
import { assumptionsText, checkAssumptions } from '../../web/src/executive/assumptions.ts';
import { dayCount, opText } from '../../web/src/scenario/text.ts';
import { rowsNote, weakLinkTable, yenPer } from '../../web/src/tabs/columns.ts';
import { tabTitle } from '../../web/src/tabs/state.ts';
import { EXECUTIVE_DATA } from './executive-fixture.ts';

beforeEach(() => {
  lang.value = 'en';
});
afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const DATA = EXECUTIVE_DATA;

async function renderReport() {
  const api = { executive: vi.fn(async () => DATA) };
  const store = createExecutiveStore({ api, storage: undefined });
  const view = render(<ExecutiveReport store={store} track={(w) => w} summary={() => null} onClose={() => {}} />);
  await store.load();
  await waitFor(() => expect(view.container.querySelector('#exec-title')).not.toBeNull());
  return view;
}

const text = (root: Element, selector: string): string | null | undefined => root.querySelector(selector)?.textContent;

/** A Storage over a Map. */
function memoryStorage(entries: Record<string, string> = {}): Storage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('preferredLang', () => {
  it('takes the first Japanese or English entry of navigator.languages, English when there is none', () => {
    expect(preferredLang(['ja-JP', 'en-US'])).toBe('ja');
    expect(preferredLang(['ja'])).toBe('ja');
    expect(preferredLang(['fr-FR', 'ja', 'en'])).toBe('ja');
    expect(preferredLang(['en-GB', 'ja-JP'])).toBe('en');
    expect(preferredLang(['de-DE', 'fr'])).toBe('en');
    expect(preferredLang([])).toBe('en');
    expect(preferredLang(undefined)).toBe('en');
    // "jav" (Javanese) is not Japanese
    expect(preferredLang(['jv', 'jav'])).toBe('en');
  });
});

describe('initialLang', () => {
  it('prefers the stored choice to the browser, and ignores a stored value that is no language', () => {
    expect(initialLang(memoryStorage({ [STORAGE_KEY]: 'en' }), ['ja-JP'])).toBe('en');
    expect(initialLang(memoryStorage({ [STORAGE_KEY]: 'ja' }), ['en-US'])).toBe('ja');
    expect(initialLang(memoryStorage({ [STORAGE_KEY]: 'xx' }), ['ja-JP'])).toBe('ja');
    expect(initialLang(null, ['ja-JP'])).toBe('ja');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(initialLang(refusing, ['ja'])).toBe('ja');
  });
});

describe('LangSwitch', () => {
  it('switches the page, remembers the choice and keeps <html lang> and the static texts in step', () => {
    const storage = memoryStorage();
    const store = createStore();
    expect(store.lang).toBe(lang);
    document.body.innerHTML =
      '<a id="skip" data-i18n="web.page.skip">Skip to company panel</a><div id="map" data-i18n-label="web.page.map"></div>';
    const stop = applyLang(document);
    try {
      const { getByRole, container } = render(<LangSwitch store={store} storage={storage} />);
      expect(document.documentElement.lang).toBe('en');
      expect(getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      fireEvent.click(getByRole('button', { name: '日本語' }));
      expect(lang.value).toBe('ja');
      expect(storage.map.get(STORAGE_KEY)).toBe('ja');
      expect(document.documentElement.lang).toBe('ja');
      expect(document.getElementById('skip')?.textContent).toBe('企業パネルへ移動');
      expect(document.getElementById('map')?.getAttribute('aria-label')).toBe('サプライチェーンのマップ');
      expect(container.querySelector('[data-lang="ja"]')?.getAttribute('aria-pressed')).toBe('true');
      expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('表示言語');
      fireEvent.click(getByRole('button', { name: 'English' }));
      expect(document.documentElement.lang).toBe('en');
      expect(document.getElementById('skip')?.textContent).toBe('Skip to company panel');
      expect(storage.map.get(STORAGE_KEY)).toBe('en');
    } finally {
      stop();
    }
  });
});

describe('the executive report in Japanese', () => {
  it('writes the plan headline, the tiles, the chart and the table as a Japanese analyst would', async () => {
    lang.value = 'ja';
    const { container } = await renderReport();
    expect(text(container, '#exec-plan-headline')).toBe(
      '4,810万円を取引先1社の対策に充てると、Kirishima Motorの予想年間損失額を38.9%削減できます（最適な計画）',
    );
    expect(text(container, '[data-kpi="expected-loss"] .kpi-label')).toBe('Kirishima Motorの予想年間損失額');
    expect(text(container, '[data-kpi="expected-loss"] .kpi-value')).toBe('2,001億円');
    expect(text(container, '[data-kpi="expected-loss"] .kpi-note')).toBe('/年 · 売上高の0.7% — 長期的な平均');
    expect(text(container, '[data-kpi="p99"] .kpi-label')).toBe('「100年に1度」の年間損失');
    expect(text(container, '[data-kpi="p99"] .kpi-value')).toBe('4.9兆円');
    expect(container.querySelector('[data-kpi="p99"] .kpi-value')?.getAttribute('title')).toBe('4,900,000,000,000円');
    expect(text(container, '[data-kpi="p99"] .kpi-note')).toContain('「200年に1度」の年は8.7兆円');
    expect(text(container, '.plan-headline .sub')).toContain('SCS評価 (★3 基本/★4 標準/★5)');
    expect(text(container, '.plan-headline .sub')).toContain('任意の制度');
    expect(text(container, '.plan-headline .sub')).toContain('契約に基づく要請');
    expect(text(container, '.plan-headline .sub')).not.toMatch(/法的義務です|義務付け/);
    expect(text(container, '.plan-lifts li')).toBe(
      'Ota Precision Springs ★0 → ★3: 費用430万円 (1回限り)、損失削減 182億円/年',
    );
    expect(text(container, '#exec-event')).toBe(
      'Kanazawa Interior Trimが120日間停止すると、Kirishima Motorは0日目に停止し、損失は9.9兆円に達します。',
    );
    const heads = [...container.querySelectorAll('.exec-table th')].map((th) => th.textContent);
    expect(heads).toEqual(['#', '取引先と重要な理由', '取引の経路', 'リスク寄与額 (円/年)']);
    expect(text(container, '.exec-table .reason')).toBe('未評価 (スコア0)。被害を受けると2社が停止');
    expect(text(container, '.exec-table .stops')).toBe(' · 3日目にKirishima Motorが停止');
    expect(text(container, '.weak-links h2')).toBe('Kirishima Motorの予想年間損失額への寄与が大きい上位1社');
    expect(text(container, '#exec-budget-hint')).toBe('= 5,000万円');
    expect(text(container, 'label[for="exec-budget"]')).toBe('共通のセキュリティ予算 (円、1回限り)');
    expect(text(container, '#exec-assumptions summary')).toBe('前提条件 — 文書に記載の既定値。開くと変更できます');
    expect(container.querySelector('.report-meta')?.textContent).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    await waitFor(() => expect(container.querySelector('#exec-chart svg.exceedance-plot')).not.toBeNull());
    expect(text(container, '#exec-chart')).toContain('100年に1度: 4.9兆円');
    expect(text(container, '#exec-chart')).toContain('再現期間: …年に1度');
    // no English left in the report's own words
    expect(text(container, '#exec-report')).not.toMatch(/\b(?:per year|spent on|stops|Chain|once|Expected)\b/);
  });

  it('switches back to English in place, with the English texts unchanged', async () => {
    lang.value = 'ja';
    const { container } = await renderReport();
    expect(text(container, '[data-kpi="expected-loss"] .kpi-value')).toBe('2,001億円');
    lang.value = 'en';
    await waitFor(() => expect(text(container, '[data-kpi="expected-loss"] .kpi-value')).toBe('¥200.1B'));
    expect(text(container, '#exec-plan-headline')).toBe(
      '¥48.1M spent on 1 supplier cuts Kirishima Motor’s expected annual loss by 38.9% — the best possible plan',
    );
    expect(text(container, '.exec-table th:nth-child(4)')).toBe('¥ / year');
    expect(text(container, '.plan-headline .sub')).toBe(
      'Expected annual loss ¥200.1B → ¥122.3B a year for a one-off budget of ¥50M, by funding SCS evaluations (★3/★4/★5) where a yen avoids the most loss.',
    );
  });

  it('planHeadline: the network as a whole, a plan short of the best, and no lift that fits', () => {
    lang.value = 'ja';
    expect(planHeadline({ ...DATA.plan, suppliers: 12, optimal: false, gapPercent: 0.4 })).toBe(
      '4,810万円を取引先12社の対策に充てると、予想年間損失額を38.9%削減できます（最適な計画との差は0.4%以内）',
    );
    expect(planHeadline({ ...DATA.plan, suppliers: 0 })).toBe(
      '予算5,000万円で実施できる対策はありません。予想年間損失額は2,001億円/年のままです',
    );
    expect(planSub(DATA.plan, [3, 4])).toContain('SCS評価 (★3 基本/★4 標準)');
    const [loss, limits] = notes(DATA, false, 0.5);
    expect(loss).toContain('1、14日間停止します (確率はそれぞれ50%、50%)');
    expect(limits).toContain('供給が50%を下回ると停止');
  });
});

describe('reasonLine', () => {
  it('writes a reason in Japanese from the structured fields, and in English', () => {
    const parts = {
      ownScore: 25,
      unassessed: false,
      blastRadiusSize: 3,
      focalStops: ['auto-oem', 'b', 'c', 'd', 'e'].map((id) => ({ id, day: 3 })),
    };
    const focal = new Map([['auto-oem', 'Kirishima Motor']]);
    lang.value = 'ja';
    expect(reasonLine(parts, focal)).toBe(
      '自社スコア 25。被害を受けると3社が停止。重点企業 Kirishima Motorは3日目に停止、bは3日目に停止、cは3日目に停止 ほか重点企業2社',
    );
    expect(reasonLine({ ownScore: 0, unassessed: true, blastRadiusSize: 0 }, focal)).toBe(
      '未評価 (スコア0)。単独で被害を受けても他社は停止しない',
    );
    lang.value = 'en';
    expect(reasonLine(parts, focal)).toBe(
      'own score 25; 3 companies stop if it is hit, including Kirishima Motor on day 3, b on day 3, c on day 3 and 2 more focal companies',
    );
  });
});

describe('t', () => {
  it('has the same keys for the web in both languages (the plural forms included)', () => {
    expect(t('web.plan.suppliers', { count: 1 })).toBe('1 supplier');
    expect(t('web.plan.suppliers', { count: 2 })).toBe('2 suppliers');
    lang.value = 'ja';
    expect(t('web.plan.suppliers', { count: 1 })).toBe('1社');
    expect(t('web.plan.the')).toBe('');
  });
});

describe('the tables in Japanese', () => {
  it('names the columns and writes the yen figures in the page language, read when the table draws', () => {
    const spec = weakLinkTable({ nameOf: (id) => id, focal: () => new Map() });
    expect(spec.columns.map((c) => c.head)).toEqual(['#', 'Company', 'Own', 'Risk ¥/yr', 'Stops', 'Loss ¥/hit', 'Why']);
    lang.value = 'ja';
    expect(spec.columns.map((c) => c.head)).toEqual([
      '#',
      '企業',
      '自社',
      'リスク寄与額 (円/年)',
      '停止',
      '損失 (円/件)',
      '理由',
    ]);
    expect(spec.columns[2]?.title).toBe('自社のセキュリティスコア (? = 未評価、スコア0)');
    expect(yenPer(23.2e9, 'yr')).toBe('232億円/年');
    expect(rowsNote(500, 1234)).toBe('1,234件のうち先頭の500件を表示しています。');
    expect(tabTitle('level-gaps')).toBe('★の不足');
  });
});

describe('messages in Japanese', () => {
  it('checkAssumptions names the faulty entry; the scenario texts count days and companies in Japanese', () => {
    lang.value = 'ja';
    const checked = checkAssumptions({ ...assumptionsText(DATA.assumptions), durations: '1:0.5, 14days:0.5' });
    expect(checked.ok ? null : checked.errors.durations).toBe(
      '2番目の「14days:0.5」は 日数:確率 の形ではありません (例: 14:0.25)。日数は整数です',
    );
    expect(dayCount(5)).toBe('5日間');
    expect(opText({ op: 'raise-level', company: 'springs', level: 4 }, (id) => id)).toBe('springsを★4に引き上げ');
    expect(emptyViewMessage({ ...DEFAULT_FILTERS, criticalOnly: true }, { edges: 0 }, null)).toBe(
      '重点企業から3階層以内に重要取引先はありません。',
    );
  });
});
