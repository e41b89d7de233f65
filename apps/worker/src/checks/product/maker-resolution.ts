// Who really makes each declared item: the brand's manufacturer from the brand relations in force today
// (own brand, OEM, white label, component maker), else the company the brand or maker name belongs to,
// else the manufacturer the supplier declared. A declared manufacturer the data contradicts or cannot
// find is kept, to be reported.
import type { BrandRelation, RefEntity } from '../../../../../libs/contracts/src/index.js';
import type { ReferenceReader, ResolvedParty } from '../reference/reference-reader.js';
import type { DeclaredItem } from './declared-items.js';

export type MakerLink =
  | { via: 'brand'; relation: BrandRelation }
  | { via: 'name'; resolved: ResolvedParty; named: 'brand' | 'declared manufacturer' | 'component maker' };

export interface ItemMaker {
  item: DeclaredItem;
  manufacturer: RefEntity;
  link: MakerLink;
}

export interface ItemResolution {
  item: DeclaredItem;
  makers: ItemMaker[];
  /** Relations of the brand not in force today (ended, or not yet begun): evidence, not makers. */
  inactive: { relation: BrandRelation; manufacturer: RefEntity | undefined }[];
  /** A declared manufacturer the reference data does not confirm; `resolved` when it knows the company. */
  unconfirmed: { name: string; resolved: ResolvedParty | null } | null;
}

/** Whether a brand relation holds on `day`; `validTo` is the first day it no longer does. */
export function brandRelationHolds(relation: BrandRelation, day: string): boolean {
  if (relation.validFrom && relation.validFrom > day) return false;
  if (relation.validTo && relation.validTo <= day) return false;
  return true;
}

export async function resolveItemMakers(
  reader: ReferenceReader,
  items: readonly DeclaredItem[],
): Promise<ItemResolution[]> {
  const manufacturerNames = items.map((item) => item.declaredManufacturer);
  const brandNames = [...items.map((item) => item.brand), ...manufacturerNames.map((name) => name ?? '')];
  const [relationsByName, parties] = await Promise.all([
    reader.brandRelations(brandNames),
    reader.resolveParties(brandNames.map((name) => ({ name }))),
  ]);
  const makerIds = relationsByName.flat().map((relation) => relation.manufacturerExternalId);
  const entities = await reader.entities([...new Set(makerIds)]);
  const day = reader.asOf.slice(0, 10);

  return items.map((item, index) => {
    const brandRelations = relationsByName[index] ?? [];
    const inactive = brandRelations
      .filter((relation) => !brandRelationHolds(relation, day))
      .map((relation) => ({ relation, manufacturer: entities.get(relation.manufacturerExternalId) }));
    const makers: ItemMaker[] = brandRelations
      .filter((relation) => brandRelationHolds(relation, day))
      .flatMap((relation) => {
        const manufacturer = entities.get(relation.manufacturerExternalId);
        return manufacturer ? [{ item, manufacturer, link: { via: 'brand' as const, relation } }] : [];
      });
    const brandParty = parties[index];
    if (makers.length === 0 && brandParty) {
      const named = item.kind === 'component' ? 'component maker' : 'brand';
      makers.push({
        item,
        manufacturer: brandParty.entity,
        link: { via: 'name', resolved: brandParty, named },
      });
    }
    const declared = item.declaredManufacturer;
    if (!declared) return { item, makers, inactive, unconfirmed: null };

    const declaredParty = parties[items.length + index] ?? null;
    // The manufacturer as the supplier names it: a company the data knows, else a brand it knows.
    const declaredMakers: ItemMaker[] = declaredParty
      ? [
          {
            item,
            manufacturer: declaredParty.entity,
            link: { via: 'name', resolved: declaredParty, named: 'declared manufacturer' },
          },
        ]
      : (relationsByName[items.length + index] ?? [])
          .filter((relation) => brandRelationHolds(relation, day))
          .flatMap((relation) => {
            const manufacturer = entities.get(relation.manufacturerExternalId);
            return manufacturer ? [{ item, manufacturer, link: { via: 'brand' as const, relation } }] : [];
          });
    const confirmed = declaredMakers.some((declaredMaker) =>
      makers.some((maker) => maker.manufacturer.externalId === declaredMaker.manufacturer.externalId),
    );
    if (confirmed) return { item, makers, inactive, unconfirmed: null };
    // Nothing to contradict: the declared manufacturer stands (or, unknown too, the item is unknown).
    if (makers.length === 0) return { item, makers: declaredMakers, inactive, unconfirmed: null };
    // The supplier's word counts too: its manufacturer is screened alongside the one the data names.
    return {
      item,
      makers: [...makers, ...declaredMakers],
      inactive,
      unconfirmed: { name: declared, resolved: declaredParty },
    };
  });
}
