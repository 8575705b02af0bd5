/**
 * "Did you mean …?" for an id that is no company's: the company id closest to it
 * (Levenshtein distance, fastest-levenshtein), when within a third of the id's length in
 * edits (none for ids under 3 characters). Searched for the first `DEFAULTS.suggestedIds`
 * unknown ids of a table only, so a file of wrong ids stays fast at a million companies.
 *
 * @example
 *   const near = new IdSuggestions(companies.ids); near.hint('kanazwa-trim'); // 'did you mean "kanazawa-trim"? '
 */
import { closest, distance } from 'fastest-levenshtein';
import { quote } from './issue-log.ts';

export const DEFAULTS = {
  /** Unknown ids per table that get a "did you mean" (each is compared with every company id). */
  suggestedIds: 50,
};

export class IdSuggestions {
  #asked = 0;

  constructor(private readonly ids: readonly string[]) {}

  /** The closest company id to `id`, or undefined. */
  nearest(id: string): string | undefined {
    if (this.#asked >= DEFAULTS.suggestedIds || this.ids.length === 0) return undefined;
    this.#asked++;
    const near = closest(id, this.ids as string[]);
    return distance(id, near) <= Math.floor(id.length / 3) ? near : undefined;
  }

  /** `did you mean "x"? ` for a message, or '' when no id is near. */
  hint(id: string): string {
    const near = this.nearest(id);
    return near === undefined ? '' : `did you mean ${quote(near)}? `;
  }
}
