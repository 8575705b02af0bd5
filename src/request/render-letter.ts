/**
 * A request letter (request-letter.ts) as text a buyer can send, in English or Japanese
 * (texts under `request` in src/i18n/locales/): Markdown, or one A4 page of HTML with
 * print CSS (@page A4, 18 mm margins, Japanese fonts first). Every value from the network
 * (names, ids, commodities) is HTML-escaped.
 *
 * @example
 *   const html = letterHtml(await requestLetter(view, 'kanazawa-trim'), 'ja');
 */
import type { TFunction } from 'i18next';
import { formatDate, formatYenFull, translator, type Lang } from '../i18n/i18n.ts';
import type { RequestLetter } from './request-letter.ts';

export const DEFAULTS = Object.freeze({
  /** Page margins of the printed letter. */
  margin: '18mm',
  /** Font stack: Japanese fonts first, so the same letter prints in both languages. */
  fonts: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif',
});

/** The letter's blocks as plain sentences, shared by both formats. */
interface LetterText {
  title: string;
  subtitle: string;
  head: string[];
  intro: string;
  voluntary: string;
  whyHeading: string;
  supplies: string;
  questions: { q: string; a: string }[];
  askedFour: string;
  standingHeading: string;
  standing: string[];
  costHeading: string;
  cost: string[];
  split: { name: string; amount: string }[];
  goodFaith: string;
  agreementHeading: string;
  agreement: string[];
  footer: string;
}

const levelName = (t: TFunction, level: number): string => t(`request.levelNames.l${level}`);

/** The sentences of the letter in `lang`. */
export function letterText(letter: RequestLetter, lang: Lang): LetterText {
  const t = translator(lang);
  const yen = (x: number): string => formatYenFull(x, lang);
  const list = (names: string[]): string => names.join(lang === 'ja' ? '、' : ', ');
  const { supplier, sender, requiredLevel: level, questions: q, standing: s, cost: c } = letter;
  const halt =
    q.halt.day !== null
      ? t('request.haltDay', { sender: sender.name, day: q.halt.day })
      : q.halt.yes
        ? t('request.haltBuyers', { buyers: list(q.halt.buyers) })
        : t('request.haltNo');
  return {
    title: t('request.title'),
    subtitle: t('request.subtitle', { level, levelName: levelName(t, level) }),
    head: [
      t('request.date', { date: formatDate(new Date(`${letter.issuedOn}T00:00:00Z`), lang) }),
      t('request.to', { name: supplier.name }),
      t('request.from', { name: sender.name }),
    ],
    intro: t('request.intro', { supplier: supplier.name, level, levelName: levelName(t, level) }),
    voluntary: t('request.voluntary'),
    whyHeading: t('request.whyHeading'),
    supplies: t('request.supplies', {
      list: list(letter.askedBy.map((a) => `${a.commodity} → ${a.name}`)),
    }),
    questions: [
      {
        q: t('request.qData'),
        a: q.data.yes ? t('request.dataYes', { buyers: list(q.data.buyers) }) : t('request.dataNo'),
      },
      { q: t('request.qHalt'), a: halt },
      {
        q: t('request.qAccess'),
        a: q.access.yes ? t('request.accessYes', { buyers: list(q.access.buyers) }) : t('request.accessNo'),
      },
    ],
    askedFour: t('request.askedFour'),
    standingHeading: t('request.standingHeading'),
    standing: [
      s.unassessed ? t('request.unassessed') : t('request.standing', { level: s.level }),
      s.validUntil
        ? t('request.validUntil', { date: formatDate(new Date(`${s.validUntil}T00:00:00Z`), lang) })
        : s.lapsed
          ? t('request.lapsed', {
              level: s.lapsed.level,
              date: formatDate(new Date(`${s.lapsed.validUntil}T00:00:00Z`), lang),
            })
          : t('request.validityUnknown'),
      s.meetsRequired ? t('request.meets') : t('request.gap', { level }),
    ],
    costHeading: t('request.costHeading'),
    cost: [
      t('request.cost', { from: c.fromLevel, to: c.toLevel, amount: yen(c.amount) }),
      c.inPlan ? t('request.splitIntro', { budget: yen(c.budget) }) : t('request.notInPlan', { budget: yen(c.budget) }),
      ...(c.inPlan && c.unallocated > 0 ? [t('request.unallocated', { amount: yen(c.unallocated) })] : []),
    ],
    split: c.split.map((x) => ({ name: x.name, amount: yen(x.amount) })),
    goodFaith: t('request.goodFaith'),
    agreementHeading: t('request.agreementHeading'),
    agreement: [
      t('request.agreedShare'),
      t('request.agreedOn'),
      t('request.signBuyer', { name: sender.name }),
      t('request.signSupplier', { name: supplier.name }),
    ],
    footer: t('request.footer'),
  };
}

/** The letter as Markdown. */
export function letterMarkdown(letter: RequestLetter, lang: Lang): string {
  const x = letterText(letter, lang);
  const md = (s: string): string => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
  return [
    `# ${md(x.title)}`,
    `**${md(x.subtitle)}**`,
    x.head.map(md).join('  \n'),
    md(x.intro),
    `*${md(x.voluntary)}*`,
    `## ${md(x.whyHeading)}`,
    md(x.supplies),
    x.questions.map(({ q, a }) => `- **${md(q)}** ${md(a)}`).join('\n'),
    md(x.askedFour),
    `## ${md(x.standingHeading)}`,
    x.standing.map(md).join('  \n'),
    `## ${md(x.costHeading)}`,
    x.cost.map(md).join('  \n'),
    x.split.map((s) => `- ${md(s.name)}: ${md(s.amount)}`).join('\n'),
    md(x.goodFaith),
    `## ${md(x.agreementHeading)}`,
    x.agreement.map((a) => `- ${md(a)}: ______________________`).join('\n'),
    `*${md(x.footer)}*`,
  ]
    .filter((s) => s !== '')
    .join('\n\n')
    .concat('\n');
}

/** HTML-escapes text (&, <, >, ", '). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The letter as one A4 HTML page with print CSS. */
export function letterHtml(letter: RequestLetter, lang: Lang): string {
  const x = letterText(letter, lang);
  const e = escapeHtml;
  const p = (s: string): string => `<p>${e(s)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${e(x.title)} — ${e(letter.supplier.name)}</title>
<style>
@page { size: A4; margin: ${DEFAULTS.margin}; }
* { box-sizing: border-box; }
body { font-family: ${DEFAULTS.fonts}; font-size: 9.5pt; line-height: 1.45; color: #111; margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: ${DEFAULTS.margin}; } }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1mm; border-bottom: 0.3mm solid #999; }
p, ul { margin: 0 0 1.5mm; }
ul { padding-left: 5mm; }
.subtitle { font-weight: bold; margin-bottom: 2mm; }
.head { display: flex; justify-content: space-between; gap: 4mm; margin-bottom: 2mm; }
.voluntary { border: 0.3mm solid #555; padding: 1.5mm 2.5mm; font-weight: bold; }
dl { margin: 0 0 1.5mm; }
dt { font-weight: bold; }
dd { margin: 0 0 1mm 5mm; }
table { border-collapse: collapse; width: 100%; }
td { border: 0.3mm solid #777; padding: 2mm; vertical-align: top; height: 11mm; }
td:first-child { width: 45%; }
.footer { margin-top: 3mm; font-size: 7.5pt; color: #555; }
</style>
</head>
<body>
<h1>${e(x.title)}</h1>
<p class="subtitle">${e(x.subtitle)}</p>
<div class="head">${x.head.map((h) => `<span>${e(h)}</span>`).join('')}</div>
${p(x.intro)}
<p class="voluntary">${e(x.voluntary)}</p>
<h2>${e(x.whyHeading)}</h2>
${p(x.supplies)}
<dl>${x.questions.map(({ q, a }) => `<dt>${e(q)}</dt><dd>${e(a)}</dd>`).join('')}</dl>
${p(x.askedFour)}
<h2>${e(x.standingHeading)}</h2>
${x.standing.map(p).join('\n')}
<h2>${e(x.costHeading)}</h2>
${x.cost.map(p).join('\n')}
${x.split.length > 0 ? `<ul>${x.split.map((s) => `<li>${e(s.name)}: ${e(s.amount)}</li>`).join('')}</ul>` : ''}
${p(x.goodFaith)}
<h2>${e(x.agreementHeading)}</h2>
<table>${x.agreement.map((a) => `<tr><td>${e(a)}</td><td></td></tr>`).join('')}</table>
<p class="footer">${e(x.footer)}</p>
</body>
</html>
`;
}
