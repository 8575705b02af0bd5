/**
 * Locates a JSON syntax error. `JSON.parse` messages differ between Node versions and
 * often carry no position, so the position is found by bisection: a prefix of the text
 * either could still grow into valid JSON (it parses, or fails only for ending early)
 * or cannot; the first character whose prefix cannot is the culprit. Only run on text
 * that failed to parse, so the extra parses cost nothing on valid input.
 */

/** Where a JSON text stops being valid: 1-based line and column, and what is found there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** The offending character, or `undefined` when the text ends too early. */
  found: string | undefined;
}

export function locateJsonError(text: string): JsonSyntaxError {
  const offset = viable(text) ? undefined : firstBadChar(text);
  const before = text.slice(0, offset ?? text.length);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return { line, column: before.length - lineStart + 1, found: offset === undefined ? undefined : text[offset] };
}

/** Index of the character that makes the prefix non-viable; `text` itself must not be viable. */
function firstBadChar(text: string): number {
  let good = 0; // a viable prefix length
  let bad = text.length; // a non-viable prefix length
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (viable(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return bad - 1;
}

function viable(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/Unexpected end of JSON input/.test(message)) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}
