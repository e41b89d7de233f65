// Jurisdiction profiles indexed by country, answering the two questions the checks ask of a country:
// do its laws compel cooperation with intelligence services, and is it under a sanctions regime?
import type { Confidence, JurisdictionProfile } from '../../../../../libs/contracts/src/index.js';

export type IntelligenceLaw = JurisdictionProfile['intelligenceLaws'][number];
export type SanctionsRegime = JurisdictionProfile['sanctionsRegimes'][number];

export interface IntelligenceExposure {
  /** The country the finding is about. Hong Kong stays 'HK': the policy decides whether it counts. */
  jurisdiction: string;
  laws: IntelligenceLaw[];
  /** Set when the laws are another country's and whether they reach this one is a policy choice. */
  lawsOf?: string;
  source: string;
  confidence: Confidence;
}

export interface SanctionsExposure {
  jurisdiction: string;
  regimes: SanctionsRegime[];
  source: string;
  confidence: Confidence;
}

/**
 * Whether the PRC's intelligence laws reach Hong Kong entities is a policy parameter
 * (`hongKongIsPrcJurisdiction`), not a fact of the data: the HK profile lists no law on purpose. So a Hong
 * Kong link is always reported, with the PRC laws it may fall under, and each policy decides.
 */
const POLICY_DECIDED_REACH: Readonly<Record<string, string>> = { HK: 'CN' };

export class JurisdictionProfiles {
  private constructor(private readonly byCountry: ReadonlyMap<string, JurisdictionProfile>) {}

  static of(profiles: Iterable<JurisdictionProfile>): JurisdictionProfiles {
    const byCountry = new Map<string, JurisdictionProfile>();
    for (const profile of profiles) byCountry.set(profile.country.toUpperCase(), profile);
    return new JurisdictionProfiles(byCountry);
  }

  intelligence(country: string | null | undefined): IntelligenceExposure | null {
    const code = country?.trim().toUpperCase();
    if (!code) return null;
    const own = this.byCountry.get(code);
    if (own && own.intelligenceLaws.length > 0) {
      return {
        jurisdiction: code,
        laws: own.intelligenceLaws,
        source: own.source,
        confidence: own.confidence,
      };
    }
    const reachedFrom = POLICY_DECIDED_REACH[code];
    const origin = reachedFrom ? this.byCountry.get(reachedFrom) : undefined;
    if (!reachedFrom || !origin || origin.intelligenceLaws.length === 0) return null;
    return {
      jurisdiction: code,
      laws: origin.intelligenceLaws,
      lawsOf: reachedFrom,
      source: own?.source ?? origin.source,
      confidence: own?.confidence ?? origin.confidence,
    };
  }

  sanctions(country: string | null | undefined): SanctionsExposure | null {
    const code = country?.trim().toUpperCase();
    const profile = code ? this.byCountry.get(code) : undefined;
    if (!code || !profile || profile.sanctionsRegimes.length === 0) return null;
    return {
      jurisdiction: code,
      regimes: profile.sanctionsRegimes,
      source: profile.source,
      confidence: profile.confidence,
    };
  }
}
