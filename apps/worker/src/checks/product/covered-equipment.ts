// NDAA FY2019 section 889: which named company a listing stands for, and which kinds of equipment it
// covers. The company comes from an explicit map of the reference data's ids and public identifiers
// (never from guessing at names); the categories from the listing's own note, else from the statute.
import type { ListMembership, RefEntity } from '../../../../../libs/contracts/src/index.js';
import { identifierKey } from '../../../../../libs/reference-data/src/store/reference-graph.repository.js';

export const NDAA_889_LIST = 'us-ndaa-889';

export type CoveredCompany = 'huawei' | 'zte' | 'hytera' | 'hikvision' | 'dahua';
export type EquipmentCategory = 'video_surveillance' | 'telecoms' | 'other';

/** Seed entities (libs/reference-data/seed/entities.ftm.jsonl) and stock-exchange listings (FACTS.md). */
const COVERED_BY_EXTERNAL_ID: Readonly<Record<string, CoveredCompany>> = {
  'seed-huawei': 'huawei',
  'seed-zte': 'zte',
  'seed-hytera': 'hytera',
  'seed-hikvision': 'hikvision',
  'seed-dahua': 'dahua',
};
const COVERED_BY_IDENTIFIER: Readonly<Record<string, CoveredCompany>> = {
  'SZSE:002415': 'hikvision',
  'SZSE:002236': 'dahua',
  'SZSE:000063': 'zte',
  'HKEX:0763': 'zte',
};

/** s889(f)(3)(A)-(B): Huawei and ZTE for telecoms; Hytera, Hikvision and Dahua for both. */
const STATUTORY_CATEGORIES: Readonly<Record<CoveredCompany, EquipmentCategory[]>> = {
  huawei: ['telecoms'],
  zte: ['telecoms'],
  hytera: ['video_surveillance', 'telecoms'],
  hikvision: ['video_surveillance', 'telecoms'],
  dahua: ['video_surveillance', 'telecoms'],
};

export interface CoveredListing {
  /** Undefined when the entity is on the list but not one the map can name: the finding still scores. */
  coveredCompany?: CoveredCompany;
  /** In the order the listing names them. */
  categories: EquipmentCategory[];
  membership: ListMembership;
}

export function coveredListing(entity: RefEntity | undefined): CoveredListing | null {
  const membership = entity?.lists.find((list) => list.listId === NDAA_889_LIST);
  if (!entity || !membership) return null;
  const coveredCompany =
    COVERED_BY_EXTERNAL_ID[entity.externalId] ??
    entity.identifiers.map((id) => COVERED_BY_IDENTIFIER[identifierKey(id)]).find(Boolean);
  const fromNote = categoriesInNote(membership.note);
  const categories =
    fromNote.length > 0
      ? fromNote
      : coveredCompany
        ? STATUTORY_CATEGORIES[coveredCompany]
        : (['video_surveillance', 'telecoms'] as EquipmentCategory[]);
  return { ...(coveredCompany ? { coveredCompany } : {}), categories, membership };
}

function categoriesInNote(note: string | undefined): EquipmentCategory[] {
  if (!note) return [];
  const found: { at: number; category: EquipmentCategory }[] = [];
  const video = note.search(/video[ -]surveillance/i);
  const telecoms = note.search(/telecommunications|telecoms/i);
  if (video >= 0) found.push({ at: video, category: 'video_surveillance' });
  if (telecoms >= 0) found.push({ at: telecoms, category: 'telecoms' });
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.category);
}

/** What the tender buys, when its intended use names an equipment category. */
const CATEGORY_OF_USE: Readonly<Record<string, EquipmentCategory>> = {
  video_surveillance: 'video_surveillance',
  cctv: 'video_surveillance',
  telecoms: 'telecoms',
  telecommunications: 'telecoms',
};

/**
 * The category a finding reports. A covered company's equipment is judged within what its listing covers:
 * the tender's category when the listing covers it, else the listing's first (a HiSilicon chipset is
 * Huawei telecoms equipment whatever the tender buys). Otherwise a product takes the tender's category and
 * a component is 'other': a chipset is not surveillance equipment in itself.
 */
export function equipmentCategory(
  itemKind: 'product' | 'component',
  intendedUse: string | null,
  covered: CoveredListing | null,
): EquipmentCategory {
  const bought = intendedUse ? CATEGORY_OF_USE[intendedUse] : undefined;
  if (covered && covered.categories.length > 0) {
    return bought && covered.categories.includes(bought) ? bought : covered.categories[0]!;
  }
  if (itemKind === 'component') return 'other';
  return bought ?? 'other';
}
