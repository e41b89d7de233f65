// A list published as a simple CSV (a debarment list, an internal watch list): columns name, aliases,
// country, identifiers ("SCHEME:ID;..."), list_id, since, source_url, topics, and optionally id, kind
// and confidence.
import { ENTITY_KINDS, type RefEntity } from '../../../../contracts/src/index.js';
import type { CsvRow } from '../csv-reader.js';
import { countryCode } from '../country.js';
import { slugOf } from '../external-ids.js';
import { oneOf } from '../fields.js';
import { schemeAndId, uniqueIdentifiers } from '../identifiers.js';
import { aliasesOf } from '../names.js';
import { RecordIssue } from '../parse-error.js';
import {
  cell,
  cellList,
  confidenceCell,
  dateCell,
  requiredCell,
  type ListCsvDefaults,
} from './list-csv-common.js';

export const GENERIC_LIST_COLUMNS = ['name', 'list_id'] as const;

export function genericListEntity(row: CsvRow, defaults: ListCsvDefaults): RefEntity {
  const name = requiredCell(row, 'name');
  const listId = requiredCell(row, 'list_id');
  const country = cell(row, 'country');
  const code = countryCode(country);
  if (country !== undefined && code === null)
    throw new RecordIssue('country', `'${country}' is not a country`);
  const sourceUrl = cell(row, 'source_url');
  const kind = cell(row, 'kind');
  return {
    // Without an id column, list and name identify the entry; renaming it on the list makes a new entry.
    externalId: cell(row, 'id') ?? `${listId}:${slugOf(name)}`,
    kind: kind === undefined ? 'legal_entity' : oneOf(kind, ENTITY_KINDS, 'kind'),
    name,
    aliases: aliasesOf(name, cellList(row, 'aliases')),
    country: code,
    identifiers: uniqueIdentifiers(cellList(row, 'identifiers').map(schemeAndId)),
    topics: cellList(row, 'topics'),
    lists: [{ listId, since: dateCell(row, 'since'), sourceUrl }],
    source: sourceUrl ?? defaults.source ?? defaults.file,
    confidence: confidenceCell(row, 'confidence') ?? defaults.confidence,
  };
}
