/**
 * The side panel's entry point for the page: the three ways main.ts draws it, each a
 * Preact render of a component of panel/ into the panel's container — the intro without
 * a company, a loading placeholder, and the panel of one company (keyed by its id, so a
 * new company starts with fresh state: lists folded, editor closed).
 *
 * @example
 *   renderPanel(el, await api.company('kanazawa-trim'), { onFocus, onSimulate, onExpand, onClose, selection: ['kanazawa-trim'], hiddenSuppliers: 0 });
 */
import { createElement, render } from 'preact';
import type { CompanyDetailResponse } from '../../src/contract/api-types.ts';
import { CompanyPanel } from './panel/CompanyPanel.tsx';
import { lastEdit, type PanelContext } from './panel/context.ts';
import { PanelIntro, PanelLoading } from './panel/PanelIntro.tsx';

export type { PanelContext, PanelEdit } from './panel/context.ts';

/** The panel shown when no company is selected. */
export function renderPanelIntro(container: HTMLElement): void {
  lastEdit.value = null;
  render(createElement(PanelIntro, {}), container);
}

/** A loading placeholder for company `name`. */
export function renderPanelLoading(container: HTMLElement, name: string): void {
  render(createElement(PanelLoading, { name }), container);
}

/** The panel of one company; the outcome of an edit of another company is forgotten. */
export function renderPanel(container: HTMLElement, detail: CompanyDetailResponse, ctx: PanelContext): void {
  if (lastEdit.value !== null && lastEdit.value.id !== detail.company.id) lastEdit.value = null;
  render(createElement(CompanyPanel, { key: detail.company.id, detail, ctx }), container);
  container.scrollTop = 0;
}
