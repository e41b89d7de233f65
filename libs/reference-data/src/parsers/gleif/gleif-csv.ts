// GLEIF golden-copy relationship-record CSV: dotted column names such as `Relationship.StartNode.NodeID`
// and numbered periods `Relationship.Period.1.startDate` / `.endDate` / `.periodType`.
import { dateValue } from '../fields.js';
import type { CsvRow } from '../csv-reader.js';
import { RecordIssue, ReferenceParseError } from '../parse-error.js';
import type { GleifRelationship } from './gleif-relationship.js';
import { leiValue } from './lei.js';

const COLUMNS = {
  child: 'Relationship.StartNode.NodeID',
  parent: 'Relationship.EndNode.NodeID',
  type: 'Relationship.RelationshipType',
  status: 'Relationship.RelationshipStatus',
} as const;

const PERIOD_COLUMN = /^relationship\.period\.(\d+)\.(startdate|enddate|periodtype)$/;

export interface GleifCsvLayout {
  /** Period numbers present in the header, in order. */
  periods: string[];
}

export function gleifCsvLayout(header: string[], file: string): GleifCsvLayout {
  for (const column of [COLUMNS.child, COLUMNS.parent, COLUMNS.type]) {
    if (!header.includes(column.toLowerCase())) {
      throw new ReferenceParseError(file, 1, '', `not a GLEIF relationship-record CSV: no ${column} column`);
    }
  }
  const periods = new Set<string>();
  for (const column of header) {
    const match = PERIOD_COLUMN.exec(column);
    if (match) periods.add(match[1]!);
  }
  return { periods: [...periods] };
}

export function gleifCsvRelationship(row: CsvRow, layout: GleifCsvLayout): GleifRelationship {
  const cell = (column: string) => row[column.toLowerCase()]?.trim() ?? '';
  const relationshipType = cell(COLUMNS.type);
  if (relationshipType === '') throw new RecordIssue(COLUMNS.type, 'required');
  return {
    childLei: leiValue(cell(COLUMNS.child), COLUMNS.child),
    parentLei: leiValue(cell(COLUMNS.parent), COLUMNS.parent),
    relationshipType,
    status: cell(COLUMNS.status) || undefined,
    ...relationshipPeriod(cell, layout),
  };
}

function relationshipPeriod(
  cell: (column: string) => string,
  layout: GleifCsvLayout,
): { startDate?: string; endDate?: string } {
  for (const number of layout.periods) {
    const prefix = `Relationship.Period.${number}`;
    if (cell(`${prefix}.periodType`) !== 'RELATIONSHIP_PERIOD') continue;
    return {
      startDate: dateValue(cell(`${prefix}.startDate`), `${prefix}.startDate`),
      endDate: dateValue(cell(`${prefix}.endDate`), `${prefix}.endDate`),
    };
  }
  return {};
}
