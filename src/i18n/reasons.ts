/**
 * The one-line reasons of the reports, in each language, from their structured parts.
 *
 * @example
 *   reasonText(weakLink, 'ja'); // "自社スコア 25。被害を受けると 3 社が停止。重点企業 kiri は 0 日目に停止"
 */
import type { WeakLinkReport } from '../analysis/weak-link-report.ts';
import { translator, type Lang } from './i18n.ts';

/** A weak link's reason in `lang`: its own score and what stops when it is hit. */
export function reasonText(w: WeakLinkReport, lang: Lang): string {
  if (lang === 'en') return w.reason;
  const t = translator(lang);
  const score = w.unassessed ? t('report.reason.unassessed') : t('report.reason.own', { score: w.ownScore });
  if (w.blastRadiusSize === 0) return `${score}。${t('report.reason.none')}`;
  const named = w.focalStops.slice(0, 3).map((f) => t('report.reason.focalDay', { id: f.id, day: f.day }));
  const more = w.focalStops.length - named.length;
  return (
    `${score}。${t('report.reason.stops', { count: w.blastRadiusSize })}` +
    (named.length > 0 ? t('report.reason.focal', { list: named.join('、') }) : '') +
    (more > 0 ? t('report.reason.moreFocal', { count: more }) : '')
  );
}
