/**
 * The "What if…" section of the form: operations the run applies to the network before
 * the breach — raise a company's ★ level, add a second source (buyer, new supplier,
 * commodity, share), remove a supplier — added one by one to a removable list. Run sends
 * them (POST /api/scenario `whatIf`); an operation the API refuses is said here, naming
 * the what-if and its field.
 *
 * @example
 *   <WhatIf app={app} />
 */
import { t } from '../i18n.ts';
import { useState } from 'preact/hooks';
import { useNames, type ScenarioApp } from './app.ts';
import { CompanyField } from './CompanySearch.tsx';
import { addOp, removeOp } from './state.ts';
import { opText } from './text.ts';
import { EMPTY_DRAFT, opFromDraft, type OpDraft, type OpKind } from './what-if-draft.ts';

/** The operations, labelled by web.scn.kinds.KIND. */
const KINDS: { kind: OpKind }[] = [{ kind: 'raise-level' }, { kind: 'add-supplier' }, { kind: 'remove-supplier' }];

export function WhatIf({ app }: { app: ScenarioApp }) {
  const { store } = app;
  const [draft, setDraft] = useState<OpDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const ops = store.whatIf.value;
  const error = store.whatIfError.value;
  const nameOf = useNames(app);
  const set = (change: Partial<OpDraft>): void => {
    setProblem(null);
    setDraft({ ...draft, ...change });
  };
  const add = (): void => {
    const result = opFromDraft(draft);
    if ('problem' in result) return setProblem(result.problem);
    store.whatIf.value = addOp(ops, result.op);
    store.whatIfError.value = null;
    setDraft({ ...EMPTY_DRAFT, kind: draft.kind });
  };
  const field = (key: 'company' | 'buyer' | 'supplier', label: string) => (
    <CompanyField
      app={app}
      id={`whatif-${key}`}
      label={label}
      value={draft[key]}
      onChange={(id) => set({ [key]: id })}
    />
  );

  return (
    <details class="whatif">
      <summary>
        {t('web.scn.whatIfSummary')} {ops.length > 0 && <span class="whatif-count">({ops.length})</span>}
      </summary>
      <p class="muted small">{t('web.scn.whatIfIntro')}</p>
      <select
        id="whatif-kind"
        aria-label={t('web.scn.whatIfOp')}
        value={draft.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as OpKind })}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {t(`web.scn.kinds.${k.kind}`)}
          </option>
        ))}
      </select>
      {draft.kind === 'raise-level' && (
        <>
          {field('company', t('web.cols.company'))}
          <div class="whatif-field">
            <label for="whatif-level">{t('web.scn.toLevel')}</label>
            <select id="whatif-level" value={draft.level} onChange={(e) => set({ level: e.currentTarget.value })}>
              {[1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={String(l)}>
                  ★{l}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {draft.kind === 'remove-supplier' && field('company', t('web.scn.supplierToRemove'))}
      {draft.kind === 'add-supplier' && (
        <>
          {field('buyer', t('web.cols.buyer'))}
          {field('supplier', t('web.scn.newSupplier'))}
          <div class="whatif-field">
            <label for="whatif-commodity">{t('web.cols.commodity')}</label>
            <input
              id="whatif-commodity"
              type="text"
              autocomplete="off"
              value={draft.commodity}
              onInput={(e) => set({ commodity: e.currentTarget.value })}
            />
          </div>
          <div class="whatif-field">
            <label for="whatif-share">{t('web.scn.sharePct')}</label>
            <input
              id="whatif-share"
              type="number"
              min={1}
              max={100}
              step={1}
              value={draft.share}
              onInput={(e) => set({ share: e.currentTarget.value })}
            />
          </div>
        </>
      )}
      <button id="whatif-add" type="button" onClick={add}>
        {t('web.scn.addToRun')}
      </button>
      {problem && <p class="error small whatif-problem">{problem}</p>}
      {ops.length > 0 && (
        <ul class="whatif-list">
          {ops.map((op, i) => (
            <li key={JSON.stringify(op)} data-op={op.op}>
              <span>{opText(op, nameOf)}</span>
              <button
                type="button"
                class="icon-button"
                aria-label={t('web.scn.removeWhatIf', { n: i + 1 })}
                title={t('web.shell.remove')}
                onClick={() => {
                  store.whatIf.value = removeOp(ops, i);
                  store.whatIfError.value = null;
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id="whatif-error" class="error small" role="alert" hidden={error === null}>
        {error}
      </p>
    </details>
  );
}
