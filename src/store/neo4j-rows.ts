/**
 * Rows read from Neo4j back into model objects. Values arrive as plain JS values (the
 * driver runs with `disableLosslessIntegers`); an absent property arrives as null. Any
 * value of an unexpected type means the graph was changed behind weaklink's back, and is
 * reported rather than guessed.
 */
import { StoreUnavailableError } from '../errors.ts';
import {
  ACCESS_TYPES,
  ASSESSMENT_METHODS,
  SIZES,
  type Access,
  type Assessment,
  type AssessmentMethod,
  type Company,
  type Size,
  type Supply,
} from '../model/types.ts';

type Row = Record<string, unknown>;

/** A company from a `c {.id, .name, ...}` map projection. */
export function toCompany(value: unknown): Company {
  const row = asRow(value);
  const id = required(row, 'id');
  return {
    id,
    name: text(row, 'name') ?? id,
    country: text(row, 'country'),
    industry: text(row, 'industry'),
    size: oneOf<Size>(row, 'size', SIZES),
    scsLevel: num(row, 'scsLevel'),
    securityScore: num(row, 'securityScore'),
    revenue: num(row, 'revenue'),
    focal: row.focal === true,
  };
}

/** A supply from its endpoints' ids and an `s {.commodity, ...}` map projection. */
export function toSupply(supplier: unknown, buyer: unknown, value: unknown): Supply {
  const row = asRow(value);
  return {
    supplier: String(supplier),
    buyer: String(buyer),
    commodity: required(row, 'commodity'),
    share: num(row, 'share'),
    spend: num(row, 'spend'),
    access: oneOf<Access>(row, 'access', ACCESS_TYPES),
    bufferDays: num(row, 'bufferDays'),
  };
}

/** An assessment from its company's id and an `a {.level, ...}` map projection. */
export function toAssessment(company: unknown, value: unknown): Assessment {
  const row = asRow(value);
  const level = num(row, 'level');
  if (level === null) throw unexpected('level', level);
  return {
    company: String(company),
    level,
    method: oneOf<AssessmentMethod>(row, 'method', ASSESSMENT_METHODS),
    assessedOn: required(row, 'assessedOn'),
    validUntil: text(row, 'validUntil'),
    evidence: text(row, 'evidence'),
  };
}

function asRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null) throw unexpected('row', value);
  return value as Row;
}

function text(row: Row, key: string): string | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw unexpected(key, value);
  return value;
}

function required(row: Row, key: string): string {
  const value = text(row, key);
  if (value === null) throw unexpected(key, value);
  return value;
}

function num(row: Row, key: string): number | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') throw unexpected(key, value);
  return value;
}

function oneOf<T extends string>(row: Row, key: string, allowed: readonly T[]): T | null {
  const value = text(row, key);
  if (value !== null && !(allowed as readonly string[]).includes(value)) throw unexpected(key, value);
  return value as T | null;
}

function unexpected(key: string, value: unknown): StoreUnavailableError {
  return new StoreUnavailableError(
    `Neo4j: property ${key} holds ${JSON.stringify(value)}, not what weaklink wrote; reload the network`,
  );
}
