/**
 * Reports in Japanese: `analyze --lang ja` (or a Japanese locale) writes the report in
 * Japanese — money in 円 with 億/兆, SCS terms as METI writes them, reasons rebuilt from
 * their parts — aligned by terminal width; every English text has its Japanese twin.
 */
import stringWidth from 'string-width';
import { runCli } from './run-cli.ts';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/locales/en.ts';
import { ja } from '../../../src/i18n/locales/ja.ts';
import { SECTIONS } from '../../../src/app/sections.ts';
import { langOfLocale } from '../../../src/i18n/i18n.ts';

const run = runCli;

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && !Array.isArray(v) ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('Japanese reports', () => {
  it('has a Japanese text for every English one, and every section with as many columns', () => {
    const { sections, ...rest } = ja;
    expect(keys(rest).sort()).toEqual(keys(en).sort());
    for (const section of SECTIONS) expect(sections[section.key]!.columns).toHaveLength(section.columns.length);
  });

  it('analyze --lang ja writes the report in Japanese, aligned by display width', async () => {
    const { code, out } = await run('analyze', 'data/sample', '--lang', 'ja', '--limit', '3');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('weaklink 分析結果');
    expect(out).toMatch(/予想年間損失額 [\d,]+億円\/年/);
    expect(out).toContain('サプライチェーンの弱点 (リスク寄与額の上位3社)');
    expect(out).toMatch(/未評価 \(スコア0\)。被害を受けると2社が停止。重点企業 auto-oemは3日目に停止/);
    expect(out).toContain('まずSCS評価 (★3 基本の自己評価) を依頼する先');
    // the table's rule and its rows line up in terminal columns, full-width text included
    const start = lines.indexOf('サプライチェーンの弱点 (リスク寄与額の上位3社)') + 2;
    const [header, rule, ...rows] = lines.slice(start, start + 5);
    const reasonAt = rule!.lastIndexOf('  ') + 2;
    expect(stringWidth(header!.slice(0, header!.indexOf('理由')))).toBe(reasonAt);
    for (const row of rows) expect(stringWidth(row.slice(0, row.search(/未評価 \(|自社スコア /)))).toBe(reasonAt);
  });

  it('risk --lang ja writes the annual loss in 円 with its return periods in Japanese, labels aligned', async () => {
    const { code, out } = await run('risk', 'data/sample', '--lang', 'ja', '--runs', '2000');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('年間損失 (モンテカルロ法 2,000回、シード 1):');
    expect(lines[1]).toMatch(/^ {2}予想年間損失額 +[\d,]+億円\/年 \(解析解/);
    const valueAt = new Set(lines.slice(1, 6).map((l) => stringWidth(l.slice(0, l.search(/[\d.,]+[億兆万]?円/)))));
    expect(valueAt.size).toBe(1);
    expect(out).toContain('100年に1度');
    expect(out).toMatch(/仮定: 各社は年に最大1回/);
  });

  it('plan --lang ja writes the cost-sharing plan in Japanese, money in 円', async () => {
    const { code, out } = await run('plan', 'data/sample', '--budget', '50000000', '--lang', 'ja');
    expect(code).toBe(0);
    expect(out).toMatch(/^コスト分担計画: 予算 5,000万円。取引先\d+社の対策に [\d,]+万円 \(一時費用\)\n/);
    expect(out).toMatch(/予想年間損失額 [\d,]+億円\/年 → [\d,]+億円\/年: 年 [\d,]+億円 の損失を回避 — 最適な計画/);
    expect(out).toContain('★0 → ★3');
    expect(out).toMatch(/仮定値: 中小企業 30万円\/100万円/);
  });

  it('scenario --lang ja writes the day-by-day scenario in Japanese', async () => {
    const { code, out } = await run('scenario', 'data/sample', '--hit', 'ota-springs', '--days', '30', '--lang', 'ja');
    expect(code).toBe(0);
    expect(out).toMatch(/^シナリオ: ota-springs が30日間停止\n\d+社が停止。/);
    expect(out).toMatch(/重点企業 auto-oem: \d+日目に停止し、\d+日間停止/);
    expect(out).toMatch(/失われる売上 [\d.,]+[兆億万]円/);
  });

  it('takes the language from the locale when --lang is not given', () => {
    expect(langOfLocale(undefined, undefined, 'ja_JP.UTF-8')).toBe('ja');
    expect(langOfLocale('C', undefined, 'ja_JP.UTF-8')).toBe('ja');
    expect(langOfLocale('en_US.UTF-8', undefined, 'ja_JP.UTF-8')).toBe('en');
    expect(langOfLocale(undefined, undefined, undefined)).toBe('en');
  });
});
