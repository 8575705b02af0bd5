/** The selection bar under the map: the selected companies as chips (× removes one) and the breach button. */
import { t } from '../i18n.ts';
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
      <span class="muted">
        {many ? t('web.shell.selectedMany', { count: selection.length }) : t('web.shell.selected')}
      </span>
      {selection.map((id) => (
        <span class="chip" key={id}>
          {shortName(nameOf(id))}
          <button class="chip-x" title={t('web.shell.remove')} onClick={() => onRemove(id)}>
            ×
          </button>
        </span>
      ))}
      <button class="primary danger" id="simulate" onClick={onSimulate}>
        {many ? t('web.shell.simulateMany', { count: selection.length }) : t('web.shell.simulate')}
      </button>
      <span class="hint muted">{t('web.shell.shiftClick')}</span>
    </>
  );
}
