// Durations of the human steps, written in policies as ISO-8601 (e.g. "P14D") or as milliseconds so
// tests can run a whole screening in seconds.
import type { ApprovalLevel } from '../../../contracts/src/domain-types.js';
import type { PolicyDocument, PolicyDuration } from './policy-document.js';

// Years and months are refused: their length depends on the calendar, and a timer needs a fixed length.
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const MS_PER = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 };

/** Milliseconds, or null when the value is not a positive duration this module understands. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || value.endsWith('T')) return null;
  const match = ISO_DURATION.exec(value);
  if (match === null) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const ms = Math.round(
    Number(weeks ?? 0) * MS_PER.week +
      Number(days ?? 0) * MS_PER.day +
      Number(hours ?? 0) * MS_PER.hour +
      Number(minutes ?? 0) * MS_PER.minute +
      Number(seconds ?? 0) * MS_PER.second,
  );
  return ms > 0 ? ms : null;
}

export function durationMs(value: PolicyDuration): number {
  const ms = parseDuration(value);
  if (ms === null) throw new Error(`Invalid policy duration: ${JSON.stringify(value)}`);
  return ms;
}

/** The policy's durations in milliseconds, as the workflow's timers need them. */
export interface ResolvedDurations {
  declarationMs: number;
  declarationReminderMs: number;
  representationsWindowMs: number;
  reviewDeadlineMs: Record<ApprovalLevel, number>;
  reviewReminderMs: number;
  escalationReminderMs: number;
}

export function resolveDurations(policy: PolicyDocument): ResolvedDurations {
  const d = policy.durations;
  return {
    declarationMs: durationMs(d.declarationDeadline),
    declarationReminderMs: durationMs(d.declarationReminderInterval),
    representationsWindowMs: durationMs(d.representationsWindow),
    reviewDeadlineMs: {
      reviewer: durationMs(d.reviewDeadline.reviewer),
      approver: durationMs(d.reviewDeadline.approver),
    },
    reviewReminderMs: durationMs(d.reviewReminderInterval),
    escalationReminderMs: durationMs(d.escalationReminderInterval),
  };
}
