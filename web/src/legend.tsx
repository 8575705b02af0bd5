/**
 * The map legend, drawn from the constants of style.ts so it cannot drift from the map:
 * the red-to-green score scale (fill = effective score, ring = own score), node size =
 * risk contribution, the dashed ring of unassessed companies, the +N of hidden
 * suppliers, and the edge styles (goods, single source, the three access types, the
 * exposure path, the disrupted halo, the halo of a company stopping on a replayed day),
 * and the dashed yellow ring and halo of a company whose level lapses within the lapsing window.
 *
 * @example
 *   render(<Legend />, document.getElementById('legend-slot')!);
 */
import { DEFAULT_LAPSING_DAYS } from './as-of.ts';
import { t } from './i18n.ts';
import { useEffect, useState } from 'preact/hooks';
import {
  ACCESS_STYLES,
  DISRUPTED_COLOUR,
  LAPSING_COLOUR,
  MAP_PALETTES,
  PATH_COLOUR,
  RADIUS_COLOUR,
  SCORE_STOPS,
  STOP_DAY_COLOUR,
  onSchemeChange,
  prefersDark,
  scoreColour,
} from './style.ts';

function EdgeSample({ colour, width, dash = [] }: { colour: string; width: number; dash?: readonly number[] }) {
  return (
    <svg width={38} height={10} viewBox="0 0 38 10" aria-hidden="true">
      <line
        x1={1}
        y1={5}
        x2={31}
        y2={5}
        stroke={colour}
        stroke-width={width}
        stroke-dasharray={dash.join(' ') || 'none'}
      />
      <path d="M30 1 L37 5 L30 9 Z" fill={colour} />
    </svg>
  );
}

interface NodeSampleProps {
  fill: string;
  border: string;
  size?: number;
  dashed?: boolean;
  halo?: string;
  /** A dashed ring around the company, in this colour. */
  ring?: string;
}

function NodeSample({ fill, border, size = 14, dashed = false, halo, ring }: NodeSampleProps) {
  const box = 26;
  const c = box / 2;
  return (
    <svg width={box} height={box} viewBox={`0 0 ${box} ${box}`} aria-hidden="true">
      {halo && <circle cx={c} cy={c} r={size / 2 + 6} fill={halo} fill-opacity={0.4} />}
      {ring && (
        <circle cx={c} cy={c} r={size / 2 + 5} fill="none" stroke={ring} stroke-width={2.5} stroke-dasharray="3 2" />
      )}
      <circle
        cx={c}
        cy={c}
        r={size / 2}
        fill={fill}
        stroke={border}
        stroke-width={3}
        stroke-dasharray={dashed ? '3 2' : 'none'}
      />
    </svg>
  );
}

const GRADIENT = `linear-gradient(to right, ${SCORE_STOPS.map((s) => `${s.colour} ${s.score}%`).join(', ')})`;
const MID = scoreColour(60);

/** The legend (collapsible with its header); `lapsingDays` (a signal) is the window of the lapsing mark. */
export function Legend({ lapsingDays }: { lapsingDays?: { readonly value: number } }) {
  const [collapsed, setCollapsed] = useState(false);
  // The goods and single-source samples take the map's colours of the page's scheme.
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => onSchemeChange(setDark), []);
  const palette = MAP_PALETTES[dark ? 'dark' : 'light'];
  return (
    <div class={collapsed ? 'legend collapsed' : 'legend'} data-legend="">
      <button class="legend-head" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
        {t('web.legend.title')}
      </button>
      <div class="legend-body">
        <div class="legend-title">{t('web.legend.score')}</div>
        <div class="scale" style={{ background: GRADIENT }} />
        <div class="scale-ticks">
          {[0, 25, 50, 75, 100].map((tick) => (
            <span key={tick}>{tick}</span>
          ))}
        </div>
        <ul>
          <li>
            <NodeSample fill={scoreColour(30)} border={scoreColour(85)} />
            {t('web.legend.fill')}
          </li>
          <li>
            <NodeSample fill={scoreColour(0)} border="#6b7280" dashed />
            {t('web.legend.unassessed')}
          </li>
          <li>
            <NodeSample fill="#cbd2d9" border="#9aa5b1" size={8} />
            <NodeSample fill="#cbd2d9" border="#9aa5b1" size={18} />
            {t('web.legend.size')}
          </li>
          <li data-legend-lapsing="">
            <NodeSample fill={MID} border={MID} ring={LAPSING_COLOUR} halo={LAPSING_COLOUR} />
            {t('web.legend.lapsing', { days: lapsingDays?.value ?? DEFAULT_LAPSING_DAYS })}
          </li>
          <li>
            <span class="legend-text-sample">{t('web.legend.sample')}</span>
            {t('web.legend.label')}
          </li>
        </ul>
        <div class="legend-title">{t('web.legend.supplies')}</div>
        <ul>
          <li>
            <EdgeSample colour={palette.goodsEdge} width={1.5} />
            {t('web.legend.goods')}
          </li>
          <li>
            <EdgeSample colour={palette.singleSource} width={4} />
            {t('web.legend.single')}
          </li>
          {(['network', 'software', 'data'] as const).map((kind) => (
            <li key={kind}>
              <EdgeSample colour={ACCESS_STYLES[kind].colour} width={2} dash={ACCESS_STYLES[kind].dash} />
              {t(`web.legend.access.${kind}`)}
            </li>
          ))}
          <li>
            <EdgeSample colour={PATH_COLOUR} width={4} />
            {t('web.legend.path')}
          </li>
          <li>
            <NodeSample fill={MID} border={MID} halo={RADIUS_COLOUR} />
            {t('web.legend.radius')}
          </li>
          <li>
            <NodeSample fill={MID} border={MID} halo={DISRUPTED_COLOUR} />
            {t('web.legend.disrupted')}
          </li>
          <li>
            <NodeSample fill={MID} border={MID} halo={STOP_DAY_COLOUR} />
            {t('web.legend.stopDay')}
          </li>
        </ul>
      </div>
    </div>
  );
}
