// Ownership shares as published: an exact percentage or a range. Ranges keep their bounds as given
// ("25-50%" is stored as min 25, max 50; the PSC reading of min as "more than" is the caller's business).
import { RecordIssue } from './parse-error.js';

export interface ShareRange {
  shareExact?: number;
  shareMin?: number;
  shareMax?: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const EXACT = new RegExp(String.raw`^${NUMBER}\s*%?$`);
const RANGE = new RegExp(String.raw`^${NUMBER}\s*%?\s*(?:-|–|—|to)\s*${NUMBER}\s*%?$`, 'i');
const BELOW = new RegExp(String.raw`^(?:<=?|≤|less than|under|up to)\s*${NUMBER}\s*%?$`, 'i');
const ABOVE = new RegExp(String.raw`^(?:>=?|≥|more than|over|at least)\s*${NUMBER}\s*%?$`, 'i');

/**
 * Reads "38.88", "38.88%", "25-50%", "25 to 50", "<25", ">50", "more than 25%". Returns undefined for
 * blank text; throws a RecordIssue for text that is not a share.
 */
export function parseShareText(text: string, field: string): ShareRange | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  let match = EXACT.exec(value);
  if (match) return checkedShare({ shareExact: toNumber(match[1]!) }, field);
  match = RANGE.exec(value);
  if (match) return checkedShare({ shareMin: toNumber(match[1]!), shareMax: toNumber(match[2]!) }, field);
  match = BELOW.exec(value);
  if (match) return checkedShare({ shareMin: 0, shareMax: toNumber(match[1]!) }, field);
  match = ABOVE.exec(value);
  if (match) return checkedShare({ shareMin: toNumber(match[1]!), shareMax: 100 }, field);
  throw new RecordIssue(field, `'${value}' is not a share (e.g. "38.5", "25-50%", "<25")`);
}

/** Checks bounds are within 0-100 and ordered. */
export function checkedShare(share: ShareRange, field: string): ShareRange {
  for (const bound of [share.shareExact, share.shareMin, share.shareMax]) {
    if (bound !== undefined && (bound < 0 || bound > 100)) {
      throw new RecordIssue(field, `share ${bound} is outside 0-100`);
    }
  }
  if (share.shareMin !== undefined && share.shareMax !== undefined && share.shareMin > share.shareMax) {
    throw new RecordIssue(field, `share minimum ${share.shareMin} is above maximum ${share.shareMax}`);
  }
  return share;
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}
