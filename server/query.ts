/**
 * Zod pieces shared by the routes' query schemas: paging (`offset`, `limit` ≤ 500),
 * bounded integers coerced from query strings, `true`/`false` flags and short texts.
 */
import { z } from 'zod';

export const DEFAULTS = { maxLimit: 500, limit: 50 };

/** A whole number in [min, max] from a query string. */
export function intParam(min: number, max: number) {
  return z.coerce.number().int().min(min).max(max);
}

/** `offset` (≥ 0, default 0) and `limit` (0–500, default `limit`). */
export function pageParams(limit = DEFAULTS.limit) {
  return {
    offset: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
    limit: intParam(0, DEFAULTS.maxLimit).default(limit),
  };
}

/** `true` or `false` (default false). */
export const flagParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** A short non-empty text parameter. */
export const textParam = z.string().trim().min(1).max(200);
