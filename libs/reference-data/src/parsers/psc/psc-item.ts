// One PSC, from either the bulk snapshot line `{"company_number": "...", "data": {...}}` or the API item
// (the `data` fields at top level, the company number inside `links.self`).
import {
  asObject,
  fieldPath,
  isObject,
  optionalObject,
  optionalString,
  optionalStringList,
  requiredString,
} from '../fields.js';
import type { JsonObject } from '../fields.js';
import { RecordIssue } from '../parse-error.js';

export interface PscItem {
  /** Where the PSC fields sit, for error messages: 'data' (snapshot) or '' (API item). */
  path: string;
  data: JsonObject;
  kind: string;
}

export function readPscItem(line: unknown): PscItem {
  const record = asObject(line, '');
  const path = isObject(record.data) ? 'data' : '';
  const data = path === 'data' ? (record.data as JsonObject) : record;
  return { path, data, kind: requiredString(data, 'kind', path) };
}

/** Snapshot lines carry `company_number`; API items only `links.self` ("/company/<number>/persons-with-..."). */
export function companyNumberOf(line: unknown, item: PscItem): string {
  const record = asObject(line, '');
  const explicit = optionalString(record, 'company_number', '');
  if (explicit !== undefined) return normaliseCompanyNumber(explicit, 'company_number');
  const self = selfLink(item);
  const match = /\/company\/([A-Za-z0-9]+)\//.exec(self);
  if (!match) throw new RecordIssue(fieldPath(item.path, 'links.self'), `'${self}' names no company number`);
  return normaliseCompanyNumber(match[1]!, fieldPath(item.path, 'links.self'));
}

/** The PSC's own id: the last segment of `links.self`. */
export function pscIdOf(item: PscItem): string {
  const self = selfLink(item);
  const id = self.split('/').filter(Boolean).pop();
  if (!id || !self.includes('/persons-with-significant-control/')) {
    throw new RecordIssue(fieldPath(item.path, 'links.self'), `'${self}' is not a PSC link`);
  }
  return id;
}

function selfLink(item: PscItem): string {
  const links = optionalObject(item.data, 'links', item.path);
  const self = links && optionalString(links, 'self', fieldPath(item.path, 'links'));
  if (self === undefined) throw new RecordIssue(fieldPath(item.path, 'links.self'), 'required');
  return self;
}

/** Companies House numbers are 8 characters; registers and filings often drop leading zeros. */
export function normaliseCompanyNumber(value: string, field: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const padded = /^\d{1,7}$/.test(compact) ? compact.padStart(8, '0') : compact;
  if (!/^[A-Z0-9]{8}$/.test(padded))
    throw new RecordIssue(field, `'${value}' is not a Companies House number`);
  return padded;
}

export function naturesOf(item: PscItem): string[] {
  const natures = optionalStringList(item.data, 'natures_of_control', item.path);
  if (natures.length === 0) throw new RecordIssue(fieldPath(item.path, 'natures_of_control'), 'required');
  return natures;
}
