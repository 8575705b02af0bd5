/**
 * A tiny DOM builder and the number formats of the page. Text always goes in through
 * `textContent` (never innerHTML), so company names from the data cannot inject markup;
 * `style` goes through the CSSOM, which the server's Content Security Policy allows.
 *
 * @example
 *   h('td', { class: 'num' }, formatNumber(1234.5)); // <td class="num">1,235</td>
 */

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/** An element with attributes (`on*` functions become listeners; false/null/undefined are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    // Through the CSSOM: the server's Content Security Policy refuses style attributes.
    else if (key === 'style') el.style.cssText = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Replaces the children of `el` (false, null and undefined are left out). */
export function setChildren(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child === null || child === undefined || child === false) continue;
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** An SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: SVGElement[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234.5 → "1,235". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** 0.4567 → "46%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** ★ level, or "none" for 0. */
export function formatLevel(level: number | null): string {
  if (level === null) return '—';
  return level > 0 ? `★${level}` : '★0';
}
