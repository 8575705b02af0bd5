/**
 * What an identifier may hold. Company ids and commodities are looked up, compared and
 * shown everywhere — in URLs, CLI tables and the map — so they may not hold characters
 * that are invisible or that change how text around them is shown: control characters
 * (C0, DEL, C1: a terminal escape sequence starts with one), bidi controls (embeddings,
 * overrides, isolates, marks) and zero-width characters (and the BOM). An id is at most
 * 200 characters, so every id can be addressed through the API.
 *
 * Free text (names, industries, countries) keeps its words and its line breaks and tabs
 * (an Excel cell may hold them): the other characters are removed from it, with a warning.
 *
 * @example
 *   idProblem('acme\u202eevil'); // 'holds a bidi control (U+202E) at character 5'
 *   stripUnsafe('Acme\u200b Corp'); // { text: 'Acme Corp', removed: 1 }
 */

/** Most characters an id may have. */
export const MAX_ID_LENGTH = 200;

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// C0 and C1 controls and DEL; ALM; zero-width space, ZWNJ, ZWJ, LRM, RLM; bidi embeddings and
// overrides; word joiner and invisible operators; bidi isolates; the BOM / zero-width no-break space.
export const UNSAFE_CHARACTER =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/** The same in free text, but for tab, line feed and carriage return. */
const UNSAFE_IN_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

function kind(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return 'a control character';
  if (c === 0x200b || c === 0x2060 || c === 0xfeff || (c >= 0x200c && c <= 0x200d) || (c >= 0x2061 && c <= 0x2064))
    return 'a zero-width character';
  return 'a bidi control';
}

/** Why `id` may not be an identifier (without the field's name), or null when it may. */
export function idProblem(id: string): string | null {
  const length = [...id].length;
  if (length > MAX_ID_LENGTH) return `is ${length} characters long; ids are at most ${MAX_ID_LENGTH}`;
  const m = UNSAFE_CHARACTER.exec(id);
  if (m === null) return null;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `holds ${kind(m[0])} (U+${code}) at character ${[...id.slice(0, m.index)].length + 1}; remove it (ids may not hold control, bidi or zero-width characters)`;
}

/** `text` without control (but for tab and line breaks), bidi and zero-width characters, and how many were removed. */
export function stripUnsafe(text: string): { text: string; removed: number } {
  let removed = 0;
  const clean = text.replace(UNSAFE_IN_TEXT, () => {
    removed++;
    return '';
  });
  return { text: clean, removed };
}
