// Reference data as the importers produce it and the checks consume it. Every fact carries its source
// and confidence; the dataset version it came in is assigned by the importer when it is stored.
import type { Identifier } from './domain-types.js';

export type Confidence = 'high' | 'medium' | 'low';

export const ENTITY_KINDS = ['company', 'organization', 'person', 'state_body', 'legal_entity'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ListMembership {
  /** e.g. "us-ndaa-889", "us-bis-entity-list", "us-fcc-covered-list", "uk-debarment-list". */
  listId: string;
  since?: string;
  sourceUrl?: string;
  /** Free text from the list, e.g. "video surveillance". */
  note?: string;
}

export interface RefEntity {
  /** The dataset's own id (FtM id, BODS statement subject, LEI, PSC company/person key...). */
  externalId: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  country: string | null;
  identifiers: Identifier[];
  /** FtM-style topics: sanction, debarment, export.control, gov.soe, mil, ... */
  topics: string[];
  lists: ListMembership[];
  source: string;
  confidence: Confidence;
}

export interface OwnershipRelation {
  externalId: string;
  ownerExternalId: string;
  ownedExternalId: string;
  /** Percent 0-100. Either exact, or a min/max range (min exclusive bound as published, e.g. "more than 25"). */
  shareExact?: number | null;
  shareMin?: number | null;
  shareMax?: number | null;
  direct: boolean;
  /** Control without a share (appointment rights, significant influence, state supervision). */
  controlOnly?: boolean;
  kind?: 'shareholding' | 'control' | 'parent' | 'state_supervision' | 'director';
  startDate?: string | null;
  endDate?: string | null;
  source: string;
  confidence: Confidence;
}

export type BrandRelationKind = 'own_brand' | 'oem' | 'white_label' | 'former_subsidiary' | 'component_maker';

export interface BrandRelation {
  externalId: string;
  brand: string;
  manufacturerExternalId: string;
  relation: BrandRelationKind;
  validFrom?: string | null;
  validTo?: string | null;
  source: string;
  confidence: Confidence;
}

export interface JurisdictionProfile {
  country: string;
  /** Laws that compel cooperation with intelligence services, e.g. PRC National Intelligence Law art. 7, 14. */
  intelligenceLaws: { id: string; title: string; articles?: string[]; source: string }[];
  sanctionsRegimes: { id: string; title: string; source: string }[];
  source: string;
  confidence: Confidence;
}

/** One record out of an importer: an upsert of a fact, or a delete (FtM delta lines). */
export type ReferenceRecord =
  | { type: 'entity'; op: 'upsert'; value: RefEntity }
  | { type: 'ownership'; op: 'upsert'; value: OwnershipRelation }
  | { type: 'brand'; op: 'upsert'; value: BrandRelation }
  | { type: 'jurisdiction'; op: 'upsert'; value: JurisdictionProfile }
  | { type: 'entity' | 'ownership' | 'brand'; op: 'delete'; externalId: string };
