// The records of one batch, grouped by table so each table takes one statement per batch. Grouping
// reorders records, which is safe because only the last operation on a key within a batch is kept: an
// upsert and a delete of the same fact are never pending together.
import type { ImportRecord, ListMembershipRecord } from '../parsers/import-record.js';
import {
  attachedMembership,
  brandRow,
  entityRow,
  type AttachedMembership,
  type FactRow,
  jurisdictionRow,
  ownershipRow,
} from './fact-rows.js';
import {
  BRANDS,
  ENTITIES,
  EXTERNAL_ID_TABLES,
  type FactTable,
  JURISDICTIONS,
  OWNERSHIP,
} from './fact-tables.js';

/** A membership upsert (`membership` set) or delete (`membership` null), keyed by the membership's id. */
export interface StagedMembership {
  external_id: string;
  entity_external_id: string | null;
  membership: AttachedMembership | null;
}

export interface FactBatch {
  upserts: Map<FactTable, FactRow[]>;
  deletes: Map<FactTable, string[]>;
  memberships: StagedMembership[];
}

export class PendingFacts {
  /** Records added since the last drain (repeats included): what the batch size is measured in. */
  size = 0;
  private upserts = new Map<FactTable, Map<string, FactRow>>();
  private deletes = new Map<FactTable, Set<string>>();
  private memberships = new Map<string, StagedMembership>();

  /** `source` is the logical dataset the rows are stored under. */
  constructor(private readonly source: string) {}

  add(record: ImportRecord): void {
    this.size += 1;
    if (record.type === 'list_membership') return this.addMembership(record);
    if (record.op === 'delete') {
      const tables = record.type === 'any' ? EXTERNAL_ID_TABLES : [tableOf(record.type)];
      for (const table of tables) this.delete(table, record.externalId);
      if (record.type === 'any')
        this.addMembership({ type: 'list_membership', op: 'delete', externalId: record.externalId });
      return;
    }
    switch (record.type) {
      case 'entity':
        return this.upsert(ENTITIES, entityRow(record.value, this.source));
      case 'ownership':
        return this.upsert(OWNERSHIP, ownershipRow(record.value, this.source));
      case 'brand':
        return this.upsert(BRANDS, brandRow(record.value, this.source));
      case 'jurisdiction':
        return this.upsert(JURISDICTIONS, jurisdictionRow(record.value, this.source));
    }
  }

  /** Hands over the batch and starts an empty one. */
  drain(): FactBatch {
    const batch: FactBatch = {
      upserts: new Map([...this.upserts].map(([table, rows]) => [table, [...rows.values()]])),
      deletes: new Map([...this.deletes].map(([table, keys]) => [table, [...keys]])),
      memberships: [...this.memberships.values()],
    };
    this.upserts = new Map();
    this.deletes = new Map();
    this.memberships = new Map();
    this.size = 0;
    return batch;
  }

  private upsert(table: FactTable, row: FactRow): void {
    const key = row[table.key.name] as string;
    this.deletes.get(table)?.delete(key);
    mapFor(this.upserts, table, () => new Map()).set(key, row);
  }

  private delete(table: FactTable, key: string): void {
    this.upserts.get(table)?.delete(key);
    mapFor(this.deletes, table, () => new Set()).add(key);
  }

  private addMembership(record: ListMembershipRecord): void {
    const staged: StagedMembership =
      record.op === 'upsert'
        ? {
            external_id: record.value.externalId,
            entity_external_id: record.value.entityExternalId,
            membership: attachedMembership(record.value, this.source),
          }
        : { external_id: record.externalId, entity_external_id: null, membership: null };
    this.memberships.set(staged.external_id, staged);
  }
}

function tableOf(type: 'entity' | 'ownership' | 'brand'): FactTable {
  return type === 'entity' ? ENTITIES : type === 'ownership' ? OWNERSHIP : BRANDS;
}

function mapFor<V>(map: Map<FactTable, V>, table: FactTable, create: () => V): V {
  let value = map.get(table);
  if (value === undefined) map.set(table, (value = create()));
  return value;
}
