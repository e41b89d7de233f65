// A BODS relationship lists several interests (shares, votes, board appointment...); an ownership relation
// holds one share. The share comes from the shareholding, else the voting rights, else any interest with a
// share, so shares and votes of the same holder are never added up as two paths.
import type { OwnershipRelation } from '../../../../contracts/src/index.js';
import {
  asObject,
  fieldPath,
  oneOf,
  optionalArray,
  optionalDate,
  optionalObject,
  optionalString,
} from '../fields.js';
import type { JsonObject } from '../fields.js';
import { RecordIssue } from '../parse-error.js';
import { checkedShare, type ShareRange } from '../share-range.js';

interface Interest {
  /** Lower case without separators, so 0.2 "voting-rights" and 0.4 "votingRights" compare equal. */
  type: string;
  directness: 'direct' | 'indirect' | 'unknown';
  share?: ShareRange;
  startDate?: string;
  endDate?: string;
}

export type InterestSummary = Pick<
  OwnershipRelation,
  'shareExact' | 'shareMin' | 'shareMax' | 'direct' | 'controlOnly' | 'kind' | 'startDate' | 'endDate'
>;

const DIRECTNESS = ['direct', 'indirect', 'unknown'] as const;
const BOARD_INTERESTS = new Set(['boardmember', 'boardchair', 'seniormanagingofficial']);

export function summariseInterests(relationship: JsonObject, parent: string): InterestSummary {
  const interests = readInterests(relationship, parent);
  const withShare = (type?: string) =>
    interests.find((i) => i.share && (type === undefined || i.type === type));
  const shareInterest = withShare('shareholding') ?? withShare('votingrights') ?? withShare();
  const lead = shareInterest ?? interests[0];
  const isBoardOnly = interests.length > 0 && interests.every((i) => BOARD_INTERESTS.has(i.type));
  return {
    ...shareInterest?.share,
    // "unknown" counts as direct: the relation is stated between these two parties.
    direct: lead?.directness !== 'indirect',
    controlOnly: shareInterest === undefined,
    kind: interests.some((i) => i.type === 'shareholding')
      ? 'shareholding'
      : isBoardOnly
        ? 'director'
        : 'control',
    startDate: lead?.startDate ?? null,
    endDate: lead?.endDate ?? null,
  };
}

function readInterests(relationship: JsonObject, parent: string): Interest[] {
  return optionalArray(relationship, 'interests', parent).map((item, index) => {
    const field = fieldPath(fieldPath(parent, 'interests'), index);
    const interest = asObject(item, field);
    // 0.3 and 0.4 say directOrIndirect; 0.2 said interestLevel.
    const directness =
      optionalString(interest, 'directOrIndirect', field) ?? optionalString(interest, 'interestLevel', field);
    return {
      type: (optionalString(interest, 'type', field) ?? '').toLowerCase().replace(/[-_\s]/g, ''),
      directness:
        directness === undefined
          ? 'unknown'
          : oneOf(directness, DIRECTNESS, fieldPath(field, 'directOrIndirect')),
      share: readShare(interest, field),
      startDate: optionalDate(interest, 'startDate', field),
      endDate: optionalDate(interest, 'endDate', field),
    };
  });
}

/**
 * `{exact}` or a range. In 0.4 `exclusiveMinimum`/`exclusiveMaximum` are bounds of their own; in 0.2/0.3
 * they were booleans qualifying `minimum`/`maximum`, so booleans are read as flags and skipped.
 */
function readShare(interest: JsonObject, parent: string): ShareRange | undefined {
  const share = optionalObject(interest, 'share', parent);
  if (!share) return undefined;
  const field = fieldPath(parent, 'share');
  const bound = (key: string): number | undefined => {
    const value = share[key];
    if (value === undefined || value === null || typeof value === 'boolean') return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new RecordIssue(fieldPath(field, key), 'must be a number');
    return value;
  };
  const exact = bound('exact');
  if (exact !== undefined) return checkedShare({ shareExact: exact }, field);
  const shareMin = bound('exclusiveMinimum') ?? bound('minimum');
  const shareMax = bound('exclusiveMaximum') ?? bound('maximum');
  if (shareMin === undefined && shareMax === undefined) return undefined;
  return checkedShare(
    { ...(shareMin !== undefined && { shareMin }), ...(shareMax !== undefined && { shareMax }) },
    field,
  );
}
