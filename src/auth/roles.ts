/**
 * The roles of the API, from least to most trusted: `viewer` reads and runs what-if
 * simulations without saving them; `analyst` also edits (a company's level or score, a
 * supply's share) and saves scenarios; `admin` also loads or replaces the network and
 * manages tokens. Each role can do everything the ones before it can.
 *
 * @example
 *   roleAllows('analyst', 'viewer') // → true
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` may do what `required` may. */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
