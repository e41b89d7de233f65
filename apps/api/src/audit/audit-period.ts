// The period of an audit export: `from` inclusive, `to` exclusive (default: now). A date alone means
// midnight UTC; a date-time must carry its time zone, so a period never depends on the server's zone.
import { BadRequestException } from '@nestjs/common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const PERIOD_FORMAT =
  'an ISO 8601 date (2026-01-31) or date-time with a time zone (2026-01-31T09:30:00Z)';

export interface AuditPeriod {
  from: Date;
  to: Date;
}

export function parseAuditPeriod(query: { from?: string; to?: string }, now = new Date()): AuditPeriod {
  if (query.from === undefined || query.from === '') {
    throw new BadRequestException(`from is required: ${PERIOD_FORMAT}, the start of the period (inclusive).`);
  }
  const from = parseInstant('from', query.from);
  const to = query.to === undefined || query.to === '' ? now : parseInstant('to', query.to);
  if (to.getTime() <= from.getTime()) {
    throw new BadRequestException(
      `to (${to.toISOString()}) must be later than from (${from.toISOString()}): the period is [from, to).`,
    );
  }
  return { from, to };
}

/** One instant in the formats above; a 400 naming `name` when it is not one. */
export function parseInstant(name: string, value: string): Date {
  const dateTime = DATE_TIME.exec(value);
  if (!DATE.test(value) && !dateTime) {
    throw new BadRequestException(`${name} must be ${PERIOD_FORMAT}; got "${value}".`);
  }
  const instant = new Date(DATE.test(value) ? `${value}T00:00:00Z` : value);
  const day = DATE.test(value) ? value : dateTime![1];
  // Date accepts 2026-02-30 as 2 March; an auditor who typed it meant something else.
  if (Number.isNaN(instant.getTime()) || !isCalendarDay(day)) {
    throw new BadRequestException(`${name} is not a real date: "${value}".`);
  }
  return instant;
}

function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
