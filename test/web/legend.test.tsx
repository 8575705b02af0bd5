// @vitest-environment happy-dom
/**
 * The legend component: drawn from style.ts, collapsible by its header button.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Legend } from '../../web/src/legend.tsx';
import { ACCESS_STYLES } from '../../web/src/style.ts';

afterEach(cleanup);

describe('Legend', () => {
  it('lists every access type of style.ts and collapses with its header', () => {
    const { container, getByRole } = render(<Legend />);
    const text = container.textContent ?? '';
    for (const kind of ['network', 'software', 'data'] as const) expect(text).toContain(ACCESS_STYLES[kind].label);
    const head = getByRole('button', { name: 'Legend' });
    expect(head.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(head);
    expect(container.querySelector('.legend')?.classList.contains('collapsed')).toBe(true);
    expect(head.getAttribute('aria-expanded')).toBe('false');
  });
});
