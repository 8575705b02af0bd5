/**
 * The request letter as Markdown, HTML and PDF: both languages say the scheme is
 * voluntary and the letter a contractual request; every value from the network is
 * escaped; the Japanese letter for a sample supplier prints on one A4 page (Chromium).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { htmlToPdf } from '../../../src/request/letter-pdf.ts';
import { escapeHtml, letterHtml, letterMarkdown } from '../../../src/request/render-letter.ts';
import { requestLetter, type RequestLetter } from '../../../src/request/request-letter.ts';
import { runCli } from '../cli/run-cli.ts';

const view = new NetworkView('s', runAnalysis(indexNetwork((await readNetwork('data/sample')).network)));
const kanazawa = await requestLetter(view, 'kanazawa-trim', { issuedOn: '2026-12-05' });

/** The pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('letterHtml / letterMarkdown', () => {
  it('escapeHtml escapes markup in names', () => {
    const hostile: RequestLetter = {
      ...kanazawa,
      supplier: { ...kanazawa.supplier, name: '<script>alert("x")</script>&' },
    };
    const html = letterHtml(hostile, 'en');
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('<script>alert("x")</script>&'));
    expect(letterMarkdown(hostile, 'en')).toContain('\\<script\\>');
  });

  it('letterHtml in Japanese: voluntary scheme, contractual request, the three questions, A4 print CSS, Japanese fonts', () => {
    const html = letterHtml(kanazawa, 'ja');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('任意の制度');
    expect(html).toContain('契約に基づく要請であり、法的義務ではありません');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('"Noto Sans CJK JP"');
    expect(html).toContain('★4 (標準)');
    expect(html).toContain('0 日目に Kirishima Motor Corporation が停止します');
    expect(html).toContain('2026年12月5日');
    expect(html).toContain('合意記録');
  });

  it('letterMarkdown in English: the level asked, the cost and split, the agreement record', () => {
    const md = letterMarkdown(kanazawa, 'en');
    expect(md).toContain('not a legal obligation');
    expect(md).toContain('★4 (Standard)');
    expect(md).toContain('★1 → ★4: ¥14,000,000');
    expect(md).toContain('- Kirishima Motor Corporation: ¥14,000,000');
    expect(md).toContain('Date agreed');
  });
});

describe('htmlToPdf', () => {
  it('htmlToPdf prints the Japanese letters for Kanazawa Interior Trim and Ota Precision Springs on one A4 page each', async () => {
    const ota = await requestLetter(view, 'ota-springs', { issuedOn: '2026-12-05' });
    for (const letter of [kanazawa, ota]) {
      const pdf = await htmlToPdf(letterHtml(letter, 'ja'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageCount(pdf)).toBe(1);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d* 84[12]\.\d*\]/); // A4 in points
    }
  }, 60_000);

  it('htmlToPdf: the page count is real — a letter three times as long takes more than one page', async () => {
    const html = letterHtml(kanazawa, 'ja');
    const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
    expect(pageCount(await htmlToPdf(html.replace('</body>', `${body}${body}</body>`)))).toBeGreaterThan(1);
  }, 60_000);
});

describe('weaklink request', () => {
  it('weaklink request refuses pdf without --out, an unknown supplier and a bad date', async () => {
    expect((await runCli('request', 'data/sample', '--supplier', 'kanazawa-trim', '--format', 'pdf')).err).toMatch(
      /--out FILE/,
    );
    const unknown = await runCli('request', 'data/sample', '--supplier', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown supplier id "nobody"/);
    expect((await runCli('request', 'data/sample', '--supplier', 'x', '--date', '2026-02-30')).err).toMatch(
      /--date must be a date YYYY-MM-DD/,
    );
  });

  it('weaklink request --lang ja --format md prints the Japanese letter', async () => {
    const r = await runCli('request', 'data/sample', '--supplier', 'kanazawa-trim', '--lang', 'ja', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.out).toContain('# サプライチェーン・セキュリティ対策のお願い');
    expect(r.out).toContain('宛先: Kanazawa Interior Trim Co., Ltd. 御中');
  });

  it('weaklink request --issue, --record and --list track a letter and its answer in the workspace', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'wl-request-cli-'));
    const early = await runCli('request', '--record', 'kanazawa-trim', 'agreed', '--workspace', ws);
    expect(early.code).not.toBe(0);
    expect(early.err).toMatch(/No request letter to "kanazawa-trim" is on record/);
    const issued = await runCli(
      'request',
      'data/sample',
      '--supplier',
      'kanazawa-trim',
      '--issue',
      '--date',
      '2026-12-05',
      '--by',
      'procurement',
      '--workspace',
      ws,
    );
    expect(issued.code).toBe(0);
    const agreed = await runCli(
      'request',
      '--record',
      'kanazawa-trim',
      'agreed',
      '--share',
      '7000000',
      '--date',
      '2027-01-10',
      '--by',
      'legal',
      '--workspace',
      ws,
    );
    expect(agreed.code).toBe(0);
    const list = await runCli('request', '--list', '--workspace', ws);
    expect(list.out).toContain('supplier,status,level,requestedOn,requestedBy,decidedOn,decidedBy,agreedShare,letters');
    expect(list.out).toContain('kanazawa-trim,agreed,4,2026-12-05,procurement,2027-01-10,legal,7000000,1');
    expect((await runCli('request', '--record', 'kanazawa-trim', 'maybe', '--workspace', ws)).err).toMatch(
      /one of requested, agreed, declined/,
    );
  });
});
