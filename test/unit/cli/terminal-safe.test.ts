/**
 * CLI tables never write what could drive a terminal (issue 13, F12): escape sequences,
 * other controls, bidi and zero-width characters are shown as visible escapes, line
 * breaks and tabs as spaces.
 */
import { describe, expect, it } from 'vitest';
import { renderTable, terminalSafe } from '../../../src/cli/format-report.ts';

describe('terminalSafe', () => {
  it('shows controls, bidi and zero-width characters as escapes and keeps every other character', () => {
    expect(terminalSafe('\u001b[2J\u001b]0;owned\u0007')).toBe('\\x1b[2J\\x1b]0;owned\\x07');
    expect(terminalSafe('abc\u202edef\u200b')).toBe('abc\\u202edef\\u200b');
    expect(terminalSafe('two\nlines\tand\rmore')).toBe('two lines and more');
    expect(terminalSafe('株式会社 太田精密 🙂')).toBe('株式会社 太田精密 🙂');
  });

  it('renderTable writes no raw ESC, in table and in md', () => {
    for (const format of ['table', 'md'] as const) {
      const text = renderTable(['name'], [['\u001b[31mred\u001b[0m']], format);
      expect(text).not.toContain('\u001b');
      expect(text).toContain('\\x1b[31mred\\x1b[0m');
    }
  });
});
