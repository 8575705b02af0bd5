/** The selection bar under the map: the selected companies as chips (× removes one) and the breach button. */
import type { Store } from '../state.ts';
import { shortName } from '../to-elements.ts';

export interface SelectionBarProps {
  store: Store;
  nameOf(id: string): string;
  onRemove(id: string): void;
  onSimulate(): void;
}

export function SelectionBar({ store, nameOf, onRemove, onSimulate }: SelectionBarProps) {
  const selection = store.selection.value;
  void store.view.value; // names come from the map: redraw when it changes
  if (selection.length === 0) return null;
  const many = selection.length > 1;
  return (
    <>
      <span class="muted">{many ? `${selection.length} selected:` : 'Selected:'}</span>
      {selection.map((id) => (
        <span class="chip" key={id}>
          {shortName(nameOf(id))}
          <button class="chip-x" title="Remove" onClick={() => onRemove(id)}>
            ×
          </button>
        </span>
      ))}
      <button class="primary danger" id="simulate" onClick={onSimulate}>
        {many ? `Simulate breach of ${selection.length}` : 'Simulate breach'}
      </button>
      <span class="hint muted">shift-click to add</span>
    </>
  );
}
