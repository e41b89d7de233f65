// GLEIF API relationship records: `{"data": [{"attributes": {"relationship": {...}}}]}` pages, a JSON
// array of such items, or JSON lines of items or of bare `relationship` objects.
import {
  asObject,
  dateValue,
  fieldPath,
  isObject,
  optionalArray,
  optionalString,
  requiredString,
} from '../fields.js';
import type { JsonObject } from '../fields.js';
import type { GleifRelationship } from './gleif-relationship.js';
import { leiValue } from './lei.js';

export function gleifJsonRelationship(item: unknown): GleifRelationship {
  const { relationship, path } = locateRelationship(asObject(item, ''));
  const period = relationshipPeriod(relationship, path);
  return {
    childLei: nodeLei(relationship, 'startNode', path),
    parentLei: nodeLei(relationship, 'endNode', path),
    relationshipType: requiredString(relationship, 'type', path),
    status: optionalString(relationship, 'status', path),
    ...period,
  };
}

function locateRelationship(record: JsonObject): { relationship: JsonObject; path: string } {
  if (isObject(record.attributes)) {
    const path = 'attributes.relationship';
    return { relationship: asObject(record.attributes.relationship, path), path };
  }
  if (isObject(record.relationship)) return { relationship: record.relationship, path: 'relationship' };
  return { relationship: record, path: '' };
}

function nodeLei(relationship: JsonObject, key: 'startNode' | 'endNode', path: string): string {
  const field = fieldPath(path, key);
  const node = asObject(relationship[key], field);
  return leiValue(requiredString(node, 'id', field), fieldPath(field, 'id'));
}

/** The RELATIONSHIP_PERIOD says when the parent relation held; accounting and filing periods do not. */
function relationshipPeriod(
  relationship: JsonObject,
  path: string,
): { startDate?: string; endDate?: string } {
  const periodsField = fieldPath(path, 'periods');
  for (const [index, item] of optionalArray(relationship, 'periods', path).entries()) {
    const field = fieldPath(periodsField, index);
    const period = asObject(item, field);
    if (optionalString(period, 'type', field) !== 'RELATIONSHIP_PERIOD') continue;
    return {
      startDate: dateValue(period.startDate, fieldPath(field, 'startDate')),
      endDate: dateValue(period.endDate, fieldPath(field, 'endDate')),
    };
  }
  return {};
}
