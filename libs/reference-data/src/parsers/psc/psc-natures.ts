// Companies House `natures_of_control` → share range and control. Bands are published as "more than X%
// and at most Y%": `ownership-of-shares-25-to-50-percent` is (25, 50], stored as shareMin 25 (an
// exclusive bound, as the contract documents) and shareMax 50.
import type { OwnershipRelation } from '../../../../contracts/src/index.js';

type Holding = 'shares' | 'surplus' | 'votes';

interface Nature {
  holding?: Holding;
  shareMin?: number;
  shareMax?: number;
  /** Held as a trustee or a firm's member, or through control over one: there is someone in between. */
  indirect: boolean;
}

export type NatureSummary = Pick<
  OwnershipRelation,
  'shareMin' | 'shareMax' | 'direct' | 'controlOnly' | 'kind'
>;

const HOLDINGS: Readonly<Record<string, Holding>> = {
  'ownership-of-shares': 'shares',
  'right-to-share-surplus-assets': 'surplus',
  'voting-rights': 'votes',
};
const BAND = /^(ownership-of-shares|right-to-share-surplus-assets|voting-rights)-(\d+)-to-(\d+)-percent/;
// Registered overseas entities publish a single band: "more than 25%".
const MORE_THAN =
  /^(ownership-of-shares|right-to-share-surplus-assets|voting-rights)-more-than-(\d+)-percent/;
const INDIRECT = /-as-(trust|firm|control-over-trust|control-over-firm)(-|$)/;

export function readNature(nature: string): Nature {
  const indirect = INDIRECT.test(nature);
  const band = BAND.exec(nature);
  if (band)
    return { holding: HOLDINGS[band[1]!], shareMin: Number(band[2]), shareMax: Number(band[3]), indirect };
  const moreThan = MORE_THAN.exec(nature);
  if (moreThan)
    return { holding: HOLDINGS[moreThan[1]!], shareMin: Number(moreThan[2]), shareMax: 100, indirect };
  // Appointment rights, significant influence or control, and natures added after this code was written:
  // control without a share is the safe reading of any nature of control.
  return { indirect };
}

/**
 * One relation per PSC: the share comes from the shares band, else surplus assets (LLPs), else votes, so
 * shares and votes of the same person are not counted twice.
 */
export function summariseNatures(natures: string[]): NatureSummary {
  const read = natures.map(readNature);
  const holding = (kind: Holding) => read.find((nature) => nature.holding === kind);
  const chosen = holding('shares') ?? holding('surplus') ?? holding('votes');
  if (!chosen) {
    return { direct: read.every((nature) => !nature.indirect), controlOnly: true, kind: 'control' };
  }
  return {
    shareMin: chosen.shareMin,
    shareMax: chosen.shareMax,
    direct: !chosen.indirect,
    controlOnly: false,
    kind: chosen.holding === 'votes' ? 'control' : 'shareholding',
  };
}
