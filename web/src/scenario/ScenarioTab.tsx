/**
 * The Scenario tab: the form (hit, what-ifs, days) | the replay (or the comparison) |
 * the saved scenarios. `.comparing` hides the form and the replay while two saved runs
 * are compared.
 *
 * @example
 *   render(<ScenarioTab app={app} />, pane);
 */
import type { ScenarioApp } from './app.ts';
import { Compare } from './Compare.tsx';
import { Replay } from './Replay.tsx';
import { RunForm } from './RunForm.tsx';
import { SavedList } from './SavedList.tsx';
import './scenario.css';

export function ScenarioTab({ app }: { app: ScenarioApp }) {
  return (
    <div class={app.store.comparison.value ? 'scenario comparing' : 'scenario'}>
      <RunForm app={app} />
      <Replay app={app} />
      <Compare app={app} />
      <SavedList app={app} />
    </div>
  );
}
