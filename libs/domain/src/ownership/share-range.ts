// Ownership shares as ranges, in percent. Registries publish exact figures, bands (UK PSC: "more than 25 %
// but not more than 50 %") or nothing at all, so every figure carries a lower and an upper bound and the
// maths keeps both: along a path the bounds multiply, across paths they add.
import type { OwnershipRelation } from '../../../contracts/src/index.js';

export interface ShareRange {
  min: number;
  max: number;
  /** True when the share is strictly greater than `min` (published as "more than min"). */
  minExclusive: boolean;
  /** The exact share when every figure behind it was exact; null for a range. */
  point: number | null;
}

/** Three-valued answer to a threshold question over a range. */
export type Certainty = 'yes' | 'possible' | 'no';

export const FULL_RANGE: ShareRange = { min: 0, max: 100, minExclusive: false, point: null };
export const WHOLE: ShareRange = { min: 100, max: 100, minExclusive: false, point: 100 };

export interface RelationShare {
  share: ShareRange;
  /** The relation says nothing about the share; the range is [0, 100]. */
  shareUnknown: boolean;
  /** Control without a share (appointment rights, state supervision); the range is [0, 100]. */
  controlOnly: boolean;
}

export function relationShare(relation: OwnershipRelation): RelationShare {
  if (relation.controlOnly) return { share: FULL_RANGE, shareUnknown: false, controlOnly: true };
  if (relation.shareExact != null) {
    const exact = clampPct(relation.shareExact);
    return {
      share: { min: exact, max: exact, minExclusive: false, point: exact },
      shareUnknown: false,
      controlOnly: false,
    };
  }
  if (relation.shareMin != null || relation.shareMax != null) {
    const min = clampPct(relation.shareMin ?? 0);
    const max = Math.max(min, clampPct(relation.shareMax ?? 100));
    // The contract publishes `shareMin` as an exclusive bound ("more than 25").
    const minExclusive = relation.shareMin != null && min < max;
    return {
      share: { min, max, minExclusive, point: min === max ? min : null },
      shareUnknown: false,
      controlOnly: false,
    };
  }
  return { share: FULL_RANGE, shareUnknown: true, controlOnly: false };
}

/** The share an owner holds through an intermediary: `outer` percent of what the intermediary holds. */
export function multiplyShares(held: ShareRange, outer: ShareRange): ShareRange {
  const min = (held.min * outer.min) / 100;
  const max = (held.max * outer.max) / 100;
  // x > a and y >= b imply x·y > a·b only when the other factor's bound is positive (or also strict).
  const minExclusive =
    (held.minExclusive && outer.minExclusive) ||
    (held.minExclusive && outer.min > 0) ||
    (outer.minExclusive && held.min > 0);
  const point = held.point !== null && outer.point !== null ? min : null;
  return { min, max, minExclusive: minExclusive && min < max, point };
}

/** Holdings through distinct paths add up; nobody holds more than 100 %. */
export function addShares(a: ShareRange, b: ShareRange): ShareRange {
  const min = Math.min(100, a.min + b.min);
  const max = Math.min(100, a.max + b.max);
  const point = a.point !== null && b.point !== null ? min : null;
  return { min, max, minExclusive: (a.minExclusive || b.minExclusive) && min < max, point };
}

/** "More than pct" (Companies Act significant control, majority). */
export function exceeds(share: ShareRange, pct: number): Certainty {
  const { min, max } = rounded(share);
  if (min > pct || (min === pct && share.minExclusive)) return 'yes';
  return max > pct ? 'possible' : 'no';
}

/** "pct or more" (OFAC 50 % rule). */
export function reaches(share: ShareRange, pct: number): Certainty {
  const { min, max } = rounded(share);
  if (min >= pct) return 'yes';
  return max >= pct ? 'possible' : 'no';
}

/** Rounds away floating-point noise (0.6 × 0.5 = 0.30000000000000004) for output and comparisons. */
export function rounded(share: ShareRange): ShareRange {
  const min = roundPct(share.min);
  const max = roundPct(share.max);
  return {
    min,
    max,
    minExclusive: share.minExclusive,
    point: share.point === null ? null : roundPct(share.point),
  };
}

/** "38.88%", ">25–50%", "0–100%". */
export function formatShare(share: ShareRange): string {
  const { min, max, point } = rounded(share);
  if (point !== null) return `${point}%`;
  return `${share.minExclusive ? '>' : ''}${min}–${max}%`;
}

export function strongest(a: Certainty, b: Certainty): Certainty {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'possible' || b === 'possible' ? 'possible' : 'no';
}

function roundPct(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function clampPct(value: number): number {
  return Math.min(100, Math.max(0, value));
}
