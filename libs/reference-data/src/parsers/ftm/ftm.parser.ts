// FollowTheMoney JSON lines (OpenSanctions `entities.ftm.json`, this project's seed) and FtM delta lines
// `{"op": "ADD" | "MOD" | "DEL", "entity": {...}}`.
//
// FtM has no confidence field; this project's files add a non-standard property `confidence: ["high"]`
// that the parser reads (other FtM tools ignore unknown properties). Without it, `options.confidence`
// applies, else "medium". The source is the entity's `sourceUrl`, else `options.source`, else the file name.
import type { ImportRecord } from '../import-record.js';
import { isObject, oneOf, requiredString } from '../fields.js';
import { readJsonRecords } from '../json-records.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords, type RecordContext } from '../record-pipeline.js';
import { FtmEntityView } from './ftm-entity-view.js';
import { FTM_ENTITY_KINDS, ftmEntity } from './ftm-entity.js';
import type { Provenance } from '../provenance.js';
import { ftmDirectorship, ftmOwnership, ftmSanction } from './ftm-relations.js';

const DELTA_OPS = ['ADD', 'MOD', 'DEL'] as const;

export function parseFtm(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  const defaults: Provenance = {
    source: options.source ?? options.file,
    confidence: options.confidence ?? 'medium',
  };
  return mapRecords(
    readJsonRecords(input, { file: options.file }),
    (line, context) => ftmLine(line, context, defaults),
    options,
  );
}

function ftmLine(line: unknown, context: RecordContext, defaults: Provenance): ImportRecord[] {
  if (!isObject(line) || !('op' in line)) return upsert(new FtmEntityView(line, ''), context, defaults);
  const op = oneOf(requiredString(line, 'op', ''), DELTA_OPS, 'op');
  const entity = new FtmEntityView(line.entity, 'entity');
  return op === 'DEL' ? remove(entity, context) : upsert(entity, context, defaults);
}

function upsert(entity: FtmEntityView, context: RecordContext, defaults: Provenance): ImportRecord[] {
  const schema = entity.requiredSchema();
  const kind = FTM_ENTITY_KINDS[schema];
  if (kind) return [{ type: 'entity', op: 'upsert', value: ftmEntity(entity, kind, defaults) }];
  switch (schema) {
    case 'Ownership':
      return [{ type: 'ownership', op: 'upsert', value: ftmOwnership(entity, defaults) }];
    case 'Directorship':
      return [{ type: 'ownership', op: 'upsert', value: ftmDirectorship(entity, defaults) }];
    case 'Sanction':
      return [{ type: 'list_membership', op: 'upsert', value: ftmSanction(entity, defaults) }];
    default:
      context.ignore(`schema ${schema}`);
      return [];
  }
}

/** A DEL line may carry only the id; without a schema the writer deletes whatever fact has that id. */
function remove(entity: FtmEntityView, context: RecordContext): ImportRecord[] {
  const externalId = entity.id;
  const schema = entity.schema;
  if (schema === undefined) return [{ type: 'any', op: 'delete', externalId }];
  if (FTM_ENTITY_KINDS[schema]) return [{ type: 'entity', op: 'delete', externalId }];
  if (schema === 'Ownership' || schema === 'Directorship')
    return [{ type: 'ownership', op: 'delete', externalId }];
  if (schema === 'Sanction') return [{ type: 'list_membership', op: 'delete', externalId }];
  context.ignore(`schema ${schema}`);
  return [];
}
