/**
 * The suppliers or buyers of a company as a compact table: the other company (bold and
 * badged when it is a single source), the commodity, the share, the access it has
 * (coloured as on the map) and its effective score as a coloured chip.
 *
 * @example
 *   <SupplierList detail={detail} onFocus={focus} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse, SupplyLink } from '../../../src/contract/api-types.ts';
import { formatNumber, formatShare } from '../format.ts';
import { ACCESS_STYLES, scoreColour } from '../style.ts';
import { CompanyLink, Section, type Focus } from './common.tsx';
import { moreText } from './panel-text.ts';

function LinkRow({ link: l, onFocus }: { link: SupplyLink; onFocus: Focus }) {
  return (
    <tr class={l.singleSource ? 'single' : ''}>
      <td>
        <CompanyLink id={l.id} name={l.name} onFocus={onFocus} />
        {l.singleSource && (
          <span class="badge tiny" title={t('web.panel.singleTitle')}>
            {t('web.panel.single')}
          </span>
        )}
      </td>
      <td>{l.commodity}</td>
      <td class="num">{formatShare(l.share)}</td>
      <td>
        {l.access !== 'none' && (
          <span class="access" style={{ color: ACCESS_STYLES[l.access].colour }}>
            {t(`web.panel.accessKinds.${l.access}`)}
          </span>
        )}
      </td>
      <td class="num">
        <span class="score-chip" style={{ background: scoreColour(l.effectiveScore) }}>
          {String(l.effectiveScore)}
        </span>
      </td>
    </tr>
  );
}

function SupplyList(props: { title: string; links: SupplyLink[]; total: number; empty: string; onFocus: Focus }) {
  const more = moreText(props.total, props.links.length);
  return (
    <Section title={`${props.title} (${formatNumber(props.total)})`}>
      {props.links.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <table class="compact">
          <thead>
            <tr>
              <th>{t('web.cols.company')}</th>
              <th>{t('web.cols.commodity')}</th>
              <th class="num">{t('web.cols.share')}</th>
              <th>{t('web.panel.access')}</th>
              <th class="num">{t('web.panel.eff')}</th>
            </tr>
          </thead>
          <tbody>
            {props.links.map((l) => (
              <LinkRow key={`${l.id}:${l.commodity}`} link={l} onFocus={props.onFocus} />
            ))}
          </tbody>
        </table>
      )}
      {more && <p class="muted">{more}</p>}
    </Section>
  );
}

export function SupplierList({ detail, onFocus }: { detail: CompanyDetailResponse; onFocus: Focus }) {
  const { suppliers, counts } = detail;
  return (
    <SupplyList
      title={t('web.panel.suppliers')}
      links={suppliers}
      total={counts.suppliers}
      empty={t('web.panel.noSuppliers')}
      onFocus={onFocus}
    />
  );
}

export function BuyerList({ detail, onFocus }: { detail: CompanyDetailResponse; onFocus: Focus }) {
  const { buyers, counts } = detail;
  return (
    <SupplyList
      title={t('web.panel.buyers')}
      links={buyers}
      total={counts.buyers}
      empty={t('web.panel.noBuyers')}
      onFocus={onFocus}
    />
  );
}
