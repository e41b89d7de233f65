import { BadRequestException } from '@nestjs/common';
import { parseAuditPeriod } from './audit-period.js';

describe('parseAuditPeriod', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it.each([
    [{ from: '2026-01-01', to: '2026-02-01' }, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    [
      { from: '2026-01-01T09:30:00Z', to: '2026-01-01T10:00Z' },
      '2026-01-01T09:30:00.000Z',
      '2026-01-01T10:00:00.000Z',
    ],
    [{ from: '2026-01-01T09:30:00.123+02:00' }, '2026-01-01T07:30:00.123Z', '2026-06-01T12:00:00.000Z'],
  ])('reads %j', (query, from, to) => {
    const period = parseAuditPeriod(query, now);
    expect([period.from.toISOString(), period.to.toISOString()]).toEqual([from, to]);
  });

  it.each([
    [{}, 'from is required'],
    [{ from: 'yesterday' }, 'from must be an ISO 8601 date'],
    [{ from: '2026-01-01T09:30:00' }, 'with a time zone'],
    [{ from: '2026-01-01', to: '01/02/2026' }, 'to must be an ISO 8601 date'],
    [{ from: '2026-02-30' }, 'from is not a real date'],
    [{ from: '2026-01-01T25:00:00Z' }, 'from is not a real date'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'must be later than from'],
    [{ from: '2026-01-01', to: '2026-01-01' }, 'must be later than from'],
  ])('refuses %j with a 400 that says what to fix', (query, message) => {
    expect(() => parseAuditPeriod(query, now)).toThrow(BadRequestException);
    expect(() => parseAuditPeriod(query, now)).toThrow(message);
  });
});
