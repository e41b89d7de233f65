import { builtInPolicy } from './packs/index.js';
import { parseDuration, resolveDurations } from './durations.js';

describe('parseDuration', () => {
  it.each<[unknown, number | null]>([
    ['P14D', 14 * 86_400_000],
    ['P2W', 14 * 86_400_000],
    ['PT30S', 30_000],
    ['PT1.5S', 1_500],
    ['P1DT2H30M', 86_400_000 + 2 * 3_600_000 + 30 * 60_000],
    [2_000, 2_000],
    ['P1M', null], // months have no fixed length
    ['P1Y', null],
    ['P', null],
    ['PT', null],
    ['PT0S', null],
    ['14 days', null],
    [0, null],
    [-5, null],
    [1.5, null],
    [null, null],
  ])('%p → %p ms', (value, expected) => {
    expect(parseDuration(value)).toBe(expected);
  });
});

describe('resolveDurations', () => {
  it('gives the workflow every step in milliseconds', () => {
    expect(resolveDurations(builtInPolicy('uk-local-authority')!)).toEqual({
      declarationMs: 14 * 86_400_000,
      declarationReminderMs: 3 * 86_400_000,
      representationsWindowMs: 7 * 86_400_000,
      reviewDeadlineMs: { reviewer: 5 * 86_400_000, approver: 5 * 86_400_000 },
      reviewReminderMs: 86_400_000,
      escalationReminderMs: 86_400_000,
    });
  });
});
