/**
 * The report sections registry: each section is one API list route and one block of the
 * CLI's text report, with the same rows in the same order.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../server/app.ts';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { SECTIONS, sectionPage } from '../../../src/app/sections.ts';
import { cellText, formatReport } from '../../../src/cli/format-report.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';

const analysis = runAnalysis(indexNetwork((await readNetwork('data/sample')).network));
const view = new NetworkView('test', analysis);

describe('SECTIONS', () => {
  it('gives each section one API route, with its response schema accepting its pages', () => {
    const routes = apiRoutes();
    expect(new Set(SECTIONS.map((s) => s.slug)).size).toBe(SECTIONS.length);
    for (const s of SECTIONS) {
      const route = routes.find((r) => r.path === `/api/analysis/${s.slug}`);
      expect(route?.operationId).toBe(s.operationId);
      expect(route?.response).toBe(s.response);
      const page = sectionPage(s, view, { offset: 2, limit: 3 });
      expect(s.response.safeParse(page).success, s.slug).toBe(true);
      expect(page[s.itemsKey ?? 'items']).toEqual(s.items(view).slice(2, 5));
    }
  });

  it('shows the same first rows in the CLI report as the API pages, and a blank line before "… and N more" in md', () => {
    const md = formatReport(analysis, [], 'md', { limit: 4 });
    for (const s of SECTIONS) {
      const items = s.items(view).filter((x) => s.shown?.(x) ?? true);
      expect(items.length).toBeGreaterThan(0);
      const first = s.columns.map((c) => cellText(c, items[0]).replace(/\|/g, '\\|')).join(' | ');
      expect(md).toContain(`| ${first} |`);
    }
    const lines = md.split('\n');
    const more = lines.flatMap((line, i) => (line.startsWith('… and ') ? [i] : []));
    expect(more.length).toBeGreaterThan(0);
    for (const i of more) expect(lines[i - 1]).toBe('');
  });
});
