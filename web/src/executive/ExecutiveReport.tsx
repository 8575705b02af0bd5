/**
 * The executive view of one focal company (`#executive`): the toolbar, the assumptions
 * and the one-page report — head, headline figures, exceedance chart, plan, worst
 * single event, the assessments lapsing soon, top contributors and footnotes — drawn from the store's signals.
 * Prints as one A4 page (executive.css); reads on a phone (stacked figures, rows as cards).
 *
 * @example
 *   render(<ExecutiveReport store={store} track={track} summary={() => s} onClose={close} />, container);
 */
import type { LapsingListResponse, SummaryResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { assumptionsText } from './assumptions.ts';
import { AssumptionsPanel } from './AssumptionsForm.tsx';
import { ContributorTable } from './ContributorTable.tsx';
import { ExceedanceChart } from './ExceedanceChart.tsx';
import { Headline, ReportHead } from './Headline.tsx';
import { LapsingLine } from './LapsingLine.tsx';
import { notes, scopeOf } from './headline.ts';
import { PlanSection } from './PlanSection.tsx';
import type { ExecutiveStore } from './state.ts';
import { Toolbar } from './Toolbar.tsx';
import { WorstBreach } from './WorstBreach.tsx';
import './executive.css';

export interface ReportProps {
  store: ExecutiveStore;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  summary(): SummaryResponse | null;
  /** The page's lapsing list, when loaded (the line on lapsing assessments); none: no line. */
  lapsing?(): LapsingListResponse | null;
  onClose(): void;
}

export function ExecutiveReport({ store, track, summary, lapsing, onClose }: ReportProps) {
  const data = store.data.value;
  const error = store.error.value;
  const changed = store.changed.value;
  const run = (work: Promise<void>): void => void track(work);
  const [method, limits] = data ? notes(data, changed !== null, summary()?.theta ?? null) : ['', ''];
  return (
    <>
      <Toolbar store={store} reload={() => run(store.load())} onClose={onClose} />
      {data && (
        <AssumptionsPanel
          changed={changed !== null}
          initial={changed ?? assumptionsText(data.assumptions)}
          onApply={(text) => run(store.setAssumptions(text))}
          onReset={() => run(store.setAssumptions(null))}
        />
      )}
      <article class={store.busy.value ? 'report busy' : 'report'} id="exec-report" aria-live="polite">
        {error ? (
          <p class="error">{error}</p>
        ) : !data ? (
          <p class="muted loading">{t('web.exec.loading')}</p>
        ) : (
          <>
            <ReportHead data={data} />
            <Headline data={data} />
            <section class="chart-section">
              <h2>{t('web.exec.chartTitle', { name: scopeOf(data).name })}</h2>
              <ExceedanceChart loss={data.loss} />
            </section>
            <PlanSection data={data} />
            <WorstBreach data={data} />
            <LapsingLine list={lapsing?.() ?? null} />
            <ContributorTable data={data} />
            <footer class="report-notes">
              <p>{method}</p>
              <p>{limits}</p>
            </footer>
          </>
        )}
      </article>
    </>
  );
}
