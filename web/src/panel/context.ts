/**
 * What the page gives the company panel: the breach selection, the hidden suppliers of
 * the company, what its links and buttons do, and — for an analyst or admin only —
 * `edit`, which lets the panel edit the company's level on the current network version.
 * `lastEdit` keeps the outcome of the last edit, so it still shows when the page redraws
 * the panel with the updated analysis.
 *
 * @example
 *   const ctx: PanelContext = { selection: [id], hiddenSuppliers: 0, onFocus, onSimulate, onExpand, onClose };
 */
import { signal } from '@preact/signals';
import type { CompanyEditResponse, DependantsResponse } from '../../../src/contract/api-types.ts';
import type { ApiClient } from '../api-client.ts';
import type { PanelAssessments } from './Assessments.tsx';

export interface PanelEdit {
  api: ApiClient;
  /** The network version the panel's data came from (GET /api/summary), null while unknown. */
  version(): string | null;
  /** After a saved edit: the page refreshes what it shows. */
  onEdited(result: CompanyEditResponse): void;
}

export interface PanelContext {
  /** Companies selected for a breach simulation (this one included). */
  selection: string[];
  /** Suppliers of this company not on the map. */
  hiddenSuppliers: number;
  onFocus(id: string): void;
  onSimulate(): void;
  onExpand(id: string): void;
  onClose(): void;
  /** Opens the request letter to company `id` (GET /api/requests/{id}/letter) in a new tab; the button shows when given. */
  onLetter?(id: string): void;
  /** GET /api/companies/:id/dependants: with it, the panel lists the tier-1 suppliers that depend on the company. */
  dependants?(id: string): Promise<DependantsResponse>;
  /** Given when the caller's role is analyst or admin: the panel offers "Edit level". */
  edit?: PanelEdit;
  /** The company's assessments (and, for analysts and admins, "Record an assessment"); the section shows when given. */
  assessments?: PanelAssessments;
}

/** The outcome of the last level edit: the company, the sentence, and whether it was saved. */
export const lastEdit = signal<{ id: string; text: string; saved: boolean } | null>(null);
