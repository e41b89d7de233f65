// Intervals written the way operators write them in environment files: a whole number and a unit
// (s, m, h, d), e.g. `30m`, `24h`, `7d`.
import {
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

const INTERVAL = /^([1-9]\d{0,6})(s|m|h|d)$/;
const MS_PER_UNIT = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds, or null when `value` is not such an interval. */
export function parseInterval(value: unknown): number | null {
  const match = typeof value === 'string' ? INTERVAL.exec(value.trim()) : null;
  if (!match) return null;
  return Number(match[1]) * MS_PER_UNIT[match[2] as keyof typeof MS_PER_UNIT];
}

export interface IntervalLimits {
  minMs: number;
  maxMs: number;
  min: string;
  max: string;
}

/** The periodic re-check: not more often than every five minutes, at least once a year. */
export const MONITORING_INTERVAL_LIMITS: IntervalLimits = {
  minMs: 5 * 60_000,
  maxMs: 365 * 86_400_000,
  min: '5m',
  max: '365d',
};

@ValidatorConstraint({ name: 'interval' })
export class IntervalConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const ms = parseInterval(value);
    const [limits] = args.constraints as [IntervalLimits];
    return ms !== null && ms >= limits.minMs && ms <= limits.maxMs;
  }

  defaultMessage(args: ValidationArguments): string {
    const [limits] = args.constraints as [IntervalLimits];
    return parseInterval(args.value) === null
      ? 'must be a whole number and a unit (s, m, h, d), e.g. 30m, 24h or 7d'
      : `must be between ${limits.min} and ${limits.max}`;
  }
}
