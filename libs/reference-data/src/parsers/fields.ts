// Readers for untrusted JSON: each returns a typed value or throws a RecordIssue naming the field, so
// mapping code reads like the format's documentation.
import { CONFIDENCE_LEVELS } from './confidence.js';
import type { Confidence } from '../../../contracts/src/index.js';
import { RecordIssue } from './parse-error.js';

export type JsonObject = Record<string, unknown>;

/** "properties" + "name" → "properties.name"; "" + "id" → "id". */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObject(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw new RecordIssue(field, 'must be an object');
  return value;
}

export function optionalObject(record: JsonObject, key: string, parent: string): JsonObject | undefined {
  const value = record[key];
  return value === undefined || value === null ? undefined : asObject(value, fieldPath(parent, key));
}

export function optionalArray(record: JsonObject, key: string, parent: string): unknown[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RecordIssue(fieldPath(parent, key), 'must be a list');
  return value;
}

export function requiredString(record: JsonObject, key: string, parent: string): string {
  const value = optionalString(record, key, parent);
  if (value === undefined) throw new RecordIssue(fieldPath(parent, key), 'required');
  return value;
}

/** A trimmed, non-empty string, or undefined when absent, null or blank. */
export function optionalString(record: JsonObject, key: string, parent: string): string | undefined {
  return stringValue(record[key], fieldPath(parent, key));
}

export function stringValue(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RecordIssue(field, 'must be a string');
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A list of strings; a single string is accepted as a list of one. Blank entries are dropped. */
export function optionalStringList(record: JsonObject, key: string, parent: string): string[] {
  const value = record[key];
  const field = fieldPath(parent, key);
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  const list: string[] = [];
  optionalArray(record, key, parent).forEach((item, index) => {
    const text = stringValue(item, fieldPath(field, index));
    if (text !== undefined) list.push(text);
  });
  return list;
}

export function optionalNumber(record: JsonObject, key: string, parent: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RecordIssue(fieldPath(parent, key), 'must be a number');
  }
  return value;
}

const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * A calendar date as published, possibly partial ("2019", "2019-10", "2019-10-09"). A time part
 * ("2019-10-09T00:00:00Z") is dropped: facts are dated by day.
 */
export function dateValue(value: unknown, field: string): string | undefined {
  const text = stringValue(value, field);
  if (text === undefined) return undefined;
  const match = DATE_PREFIX.exec(text);
  const rest = match ? text.slice(match[0].length) : '';
  if (!match || (rest !== '' && !rest.startsWith('T') && !rest.startsWith(' '))) {
    throw new RecordIssue(field, `'${text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const [, , month, day] = match;
  if ((month && (+month < 1 || +month > 12)) || (day && (+day < 1 || +day > 31))) {
    throw new RecordIssue(field, `'${text}' is not a valid date`);
  }
  return match[0];
}

export function optionalDate(record: JsonObject, key: string, parent: string): string | undefined {
  return dateValue(record[key], fieldPath(parent, key));
}

export function confidenceValue(value: unknown, field: string): Confidence | undefined {
  const text = stringValue(value, field);
  if (text === undefined) return undefined;
  const level = text.toLowerCase();
  if (!(CONFIDENCE_LEVELS as readonly string[]).includes(level)) {
    throw new RecordIssue(field, `'${text}' is not one of ${CONFIDENCE_LEVELS.join(', ')}`);
  }
  return level as Confidence;
}

export function requiredConfidence(record: JsonObject, key: string, parent: string): Confidence {
  const field = fieldPath(parent, key);
  const confidence = confidenceValue(record[key], field);
  if (confidence === undefined) throw new RecordIssue(field, 'required');
  return confidence;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new RecordIssue(field, `'${value}' is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}
