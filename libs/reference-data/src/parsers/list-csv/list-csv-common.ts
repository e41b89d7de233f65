// What both list CSV layouts share: defaults, and cell readers whose errors name the column as the field.
import type { Confidence } from '../../../../contracts/src/index.js';
import type { CsvRow } from '../csv-reader.js';
import { confidenceValue, dateValue } from '../fields.js';
import { RecordIssue } from '../parse-error.js';

export interface ListCsvDefaults {
  /** `options.source`: used where a row carries no source of its own. */
  source?: string;
  file: string;
  confidence: Confidence;
}

export function cell(row: CsvRow, column: string): string | undefined {
  const value = row[column]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function requiredCell(row: CsvRow, column: string): string {
  const value = cell(row, column);
  if (value === undefined) throw new RecordIssue(column, 'required');
  return value;
}

/** Multi-valued cells are `;`-joined, as in OpenSanctions exports. */
export function cellList(row: CsvRow, column: string): string[] {
  return (cell(row, column) ?? '')
    .split(';')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function dateCell(row: CsvRow, column: string): string | undefined {
  return dateValue(cell(row, column), column);
}

export function confidenceCell(row: CsvRow, column: string): Confidence | undefined {
  return confidenceValue(cell(row, column), column);
}
