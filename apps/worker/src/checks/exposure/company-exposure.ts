// What about a company, or the companies that control it, concerns a buyer: the jurisdiction whose laws
// reach it, a section 889 listing (its own, or a parent's: subsidiaries and affiliates are covered), other
// list entries, state control, sanctions. Used for manufacturers and sub-contractors alike. Pure: the
// ownership analysis is computed beforehand.
import type { RefEntity } from '../../../../../libs/contracts/src/index.js';
import {
  DEFAULT_CLASSIFICATION,
  isListedEntity,
  isStateEntity,
  type EffectiveOwner,
  type OwnershipAnalysis,
  type OwnershipPath,
} from '../../../../../libs/domain/src/ownership/index.js';
import type {
  IntelligenceExposure,
  JurisdictionProfiles,
  SanctionsExposure,
} from '../reference/jurisdiction-profiles.js';
import { coveredListing, type CoveredListing } from '../product/covered-equipment.js';

/** An owner that controls or may control the company, with the strongest path to it. */
export interface Controller {
  owner: EffectiveOwner;
  path: OwnershipPath;
}

/** Each concern is about the company itself (`via` null) or about the controller named. */
export interface CompanyExposure {
  company: RefEntity;
  analysis: OwnershipAnalysis;
  /** The state owner furthest up, shown with every finding about the company. */
  stateChain: Controller | null;
  intelligence: { exposure: IntelligenceExposure; via: Controller | null } | null;
  sanctions: { exposure: SanctionsExposure; via: Controller | null } | null;
  covered: { listing: CoveredListing; entity: RefEntity; via: Controller | null } | null;
  listed: { entity: RefEntity; via: Controller | null } | null;
  /** The company is a state body or state-owned enterprise, or a state owner certainly holds a majority. */
  stateControlled: { via: Controller | null } | null;
}

export function companyExposure(
  company: RefEntity,
  analysis: OwnershipAnalysis,
  profiles: JurisdictionProfiles,
): CompanyExposure {
  // Significant control (> 25 %, or control rights) is where another company's position becomes the
  // company's: nearest first, so the link a reviewer sees is the shortest one.
  const controllers = analysis.owners
    .filter((owner) => owner.aboveSignificantControl !== 'no' && owner.paths.length > 0)
    .sort((a, b) => a.depth - b.depth || b.share.max - a.share.max)
    .map((owner) => ({ owner, path: owner.paths[0]! }));
  const parents = controllers.filter(({ owner }) => owner.aboveMajority === 'yes');
  const selfOrController = <T>(
    self: T | null,
    of: (entity: RefEntity | undefined) => T | null,
    among: Controller[],
  ) => {
    if (self) return { value: self, via: null };
    for (const controller of among) {
      const value = of(controller.owner.entity);
      if (value) return { value, via: controller };
    }
    return null;
  };

  const intelligence = selfOrController(
    profiles.intelligence(company.country),
    (entity) => profiles.intelligence(entity?.country),
    controllers,
  );
  const sanctions = selfOrController(
    profiles.sanctions(company.country),
    (entity) => profiles.sanctions(entity?.country),
    controllers,
  );
  const covered = selfOrController(
    withEntity(company, coveredListing(company)),
    (entity) => withEntity(entity, coveredListing(entity)),
    controllers,
  );
  // A parent's listing is the company's concern only when the parent certainly holds a majority.
  const isListed = (entity: RefEntity | undefined) => isListedEntity(entity, DEFAULT_CLASSIFICATION);
  const listed = selfOrController(
    isListed(company) ? company : null,
    (e) => (isListed(e) ? e! : null),
    parents,
  );
  const stateParents = parents.filter(({ owner }) => owner.state);
  // The top of the state ladder (CETHIK → CETC → SASAC), among owners that may control the company.
  const stateChain =
    controllers.filter(({ owner }) => owner.state).sort((a, b) => b.owner.depth - a.owner.depth)[0] ?? null;

  return {
    company,
    analysis,
    stateChain,
    intelligence: intelligence && { exposure: intelligence.value, via: intelligence.via },
    sanctions: sanctions && { exposure: sanctions.value, via: sanctions.via },
    covered: covered && { listing: covered.value.listing, entity: covered.value.entity, via: covered.via },
    listed: listed && { entity: listed.value, via: listed.via },
    stateControlled: isStateEntity(company, DEFAULT_CLASSIFICATION)
      ? { via: null }
      : stateParents[0]
        ? { via: stateParents[0] }
        : null,
  };
}

function withEntity(
  entity: RefEntity | undefined,
  listing: CoveredListing | null,
): { entity: RefEntity; listing: CoveredListing } | null {
  return entity && listing ? { entity, listing } : null;
}
