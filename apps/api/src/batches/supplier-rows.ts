// A batch's supplier list, from JSON or CSV (header name,country,identifiers,contactEmail), checked row by
// row: a malformed row is kept with its row number and the reason, so the buyer can fix just that row,
// and the rest of the batch still runs. A supplier listed twice is screened once. A JSON row may carry the
// supplier's declaration on file, checked exactly as POST /v1/screenings/:id/declaration checks one.
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Declaration } from '../../../../libs/contracts/src/index.js';
import { supplierKey } from '../../../../libs/domain/src/screening/supplier-key.js';
import type { BatchSupplier } from '../../../../libs/persistence/src/index.js';
import { validationDetails, validationMessage } from '../common/validation.js';
import { DeclarationDto } from '../screenings/dtos/declaration.dto.js';

export interface SupplierRow {
  /** 1-based data row (the CSV header is not counted). */
  rowNumber: number;
  supplier: BatchSupplier | null;
  error: string | null;
}

export const MAX_BATCH_ROWS = 10_000;
const SCHEME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}$/;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks JSON rows (`{ name, country, identifiers?, contactEmail?, declaration? }`), then flags repeated
 * suppliers.
 */
export function checkSupplierRows(rows: unknown[]): SupplierRow[] {
  return markDuplicates(rows.map((row, i) => checkRow(i + 1, row)));
}

/** What is wrong with a row's declaration, as the declaration endpoint would say it; null when valid. */
function declarationProblem(declaration: unknown): string | null {
  if (typeof declaration !== 'object' || Array.isArray(declaration))
    return 'declaration must be an object, as POST /v1/screenings/:id/declaration takes';
  const errors = validateSync(plainToInstance(DeclarationDto, declaration), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length === 0) return null;
  return validationMessage(validationDetails(errors, 'declaration'));
}

/** Parses CSV text with the header name,country,identifiers,contactEmail (identifiers: `GB-COH:0123;LEI:…`). */
export function parseSupplierCsv(text: string): SupplierRow[] | string {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  if (records.length === 0)
    return 'the CSV is empty: expected the header name,country,identifiers,contactEmail';
  const header = records[0].map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name.toLowerCase());
  if (at('name') < 0 || at('country') < 0) {
    return `the CSV header must name the columns name and country (and optionally identifiers, contactEmail); got "${records[0].join(',')}"`;
  }
  const data = records.slice(1).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  return markDuplicates(
    data.map((record, i) => {
      if (record.length !== header.length) {
        return {
          rowNumber: i + 1,
          supplier: null,
          error: `expected ${header.length} fields, found ${record.length}`,
        };
      }
      const cell = (name: string) => (at(name) >= 0 ? record[at(name)].trim() : '');
      const identifiers = cell('identifiers');
      const parsed = identifiers
        ? identifiers.split(';').map((pair) => {
            const colon = pair.indexOf(':');
            return colon < 0
              ? pair
              : { scheme: pair.slice(0, colon).trim(), id: pair.slice(colon + 1).trim() };
          })
        : [];
      return checkRow(i + 1, {
        name: cell('name'),
        country: cell('country'),
        identifiers: parsed,
        contactEmail: cell('contactemail') || undefined,
      });
    }),
  );
}

function checkRow(rowNumber: number, row: unknown): SupplierRow {
  const bad = (error: string): SupplierRow => ({ rowNumber, supplier: null, error });
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return bad('expected an object');
  const { name, country, identifiers, contactEmail, declaration } = row as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim().length === 0) return bad('name is missing');
  if (name.trim().length > 300) return bad('name is longer than 300 characters');
  if (typeof country !== 'string' || !COUNTRY.test(country)) {
    return bad(`country must be an ISO 3166-1 alpha-2 code such as GB; got "${String(country ?? '')}"`);
  }
  const ids: BatchSupplier['identifiers'] = [];
  if (identifiers !== undefined && identifiers !== null) {
    if (!Array.isArray(identifiers)) return bad('identifiers must be a list of { scheme, id }');
    for (const identifier of identifiers) {
      const { scheme, id } = (identifier ?? {}) as Record<string, unknown>;
      if (
        typeof scheme !== 'string' ||
        !SCHEME.test(scheme) ||
        typeof id !== 'string' ||
        !id ||
        id.length > 100
      ) {
        return bad(
          `identifier "${typeof identifier === 'string' ? identifier : JSON.stringify(identifier)}" must be scheme:id, such as GB-COH:01234567`,
        );
      }
      ids.push({ scheme, id });
    }
  }
  if (
    contactEmail !== undefined &&
    contactEmail !== null &&
    (typeof contactEmail !== 'string' || !EMAIL.test(contactEmail))
  ) {
    return bad('contactEmail must be an e-mail address');
  }
  const onFile = declaration !== undefined && declaration !== null;
  const problem = onFile ? declarationProblem(declaration) : null;
  if (problem) return bad(problem);
  return {
    rowNumber,
    supplier: {
      name: name.trim(),
      country,
      identifiers: ids,
      contactEmail: (contactEmail as string | undefined) ?? null,
      ...(onFile ? { declaration: declaration as Declaration } : {}),
    },
    error: null,
  };
}

function markDuplicates(rows: SupplierRow[]): SupplierRow[] {
  const first = new Map<string, number>();
  return rows.map((row) => {
    if (!row.supplier) return row;
    const key = supplierKey(row.supplier.name, row.supplier.country);
    const earlier = first.get(key);
    if (earlier !== undefined)
      return { rowNumber: row.rowNumber, supplier: null, error: `duplicate of row ${earlier}` };
    first.set(key, row.rowNumber);
    return row;
  });
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
