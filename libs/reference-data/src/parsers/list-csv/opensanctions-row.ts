// OpenSanctions `targets.simple.csv`: id, schema, name, aliases, birth_date, countries, addresses,
// identifiers, sanctions, phones, emails, program_ids, dataset, first_seen, last_seen, last_change.
import type { ListMembership, RefEntity } from '../../../../contracts/src/index.js';
import type { CsvRow } from '../csv-reader.js';
import { countryCode } from '../country.js';
import { slugOf } from '../external-ids.js';
import { FTM_ENTITY_KINDS } from '../ftm/ftm-entity.js';
import { schemeAndId, uniqueIdentifiers } from '../identifiers.js';
import { aliasesOf } from '../names.js';
import type { RecordContext } from '../record-pipeline.js';
import { cellList, confidenceCell, requiredCell, type ListCsvDefaults } from './list-csv-common.js';

export const OPENSANCTIONS_COLUMNS = ['id', 'schema', 'name'] as const;

export function openSanctionsEntity(
  row: CsvRow,
  context: RecordContext,
  defaults: ListCsvDefaults,
): RefEntity[] {
  const schema = requiredCell(row, 'schema');
  const kind = FTM_ENTITY_KINDS[schema];
  if (!kind) {
    context.ignore(`schema ${schema}`);
    return [];
  }
  const externalId = requiredCell(row, 'id');
  const name = requiredCell(row, 'name');
  return [
    {
      externalId,
      kind,
      name,
      aliases: aliasesOf(name, cellList(row, 'aliases')),
      country:
        cellList(row, 'countries')
          .map(countryCode)
          .find((code) => code !== null) ?? null,
      identifiers: uniqueIdentifiers(cellList(row, 'identifiers').map(schemeAndId)),
      // The export has no topics column; a producer that adds one is read, nothing is inferred.
      topics: cellList(row, 'topics'),
      lists: memberships(row),
      source: defaults.source ?? `https://www.opensanctions.org/entities/${encodeURIComponent(externalId)}/`,
      confidence: confidenceCell(row, 'confidence') ?? defaults.confidence,
    },
  ];
}

/**
 * `dataset` holds dataset titles and `program_ids` sanctions programme ids: both are lists. The free-text
 * `sanctions` summary can only be tied to a list when the row has exactly one dataset.
 */
function memberships(row: CsvRow): ListMembership[] {
  const datasets = cellList(row, 'dataset');
  const sanctions = cellList(row, 'sanctions');
  const fromDatasets = datasets.map((title) => ({
    listId: slugOf(title),
    note: datasets.length === 1 && sanctions.length > 0 ? `${title}: ${sanctions.join('; ')}` : title,
  }));
  const fromPrograms = cellList(row, 'program_ids').map((listId) => ({ listId }));
  const byListId = new Map<string, ListMembership>();
  for (const membership of [...fromDatasets, ...fromPrograms]) {
    if (!byListId.has(membership.listId)) byListId.set(membership.listId, membership);
  }
  return [...byListId.values()];
}
