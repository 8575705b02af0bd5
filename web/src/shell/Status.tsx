/**
 * The map's status line (the analysis date when it is not today, companies and supplies
 * in view, cut by the limit, WebGL) and,
 * when a filter leaves nothing connected, why; and the toast of errors and notices.
 */
import { todayUtc } from '../as-of.ts';
import { asOfNote, statusLine, type Store } from '../state.ts';

export function Status({ store }: { store: Store }) {
  const view = store.view.value;
  if (view.version === 0) return null;
  const [sizes, cut] = statusLine(view);
  const dated = asOfNote(store.asOf.value, todayUtc());
  return (
    <>
      {dated && (
        <span class="status-as-of" data-as-of={store.asOf.value ?? ''}>
          {dated}
          {' · '}
        </span>
      )}
      <span>{sizes}</span>
      {cut && <span class="warn-text">{cut}</span>}
      {view.webgl && <span class="muted"> · WebGL</span>}
      {view.empty && (
        <p class="status-empty" data-empty-view="">
          {view.empty}
        </p>
      )}
    </>
  );
}

export function Toast({ store }: { store: Store }) {
  return <>{store.toast.value?.text ?? ''}</>;
}
