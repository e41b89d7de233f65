import {
  compareAssessments,
  describeChanges,
  type MonitoredAssessment,
  type MonitoredFinding,
} from './assessment-changes.js';

function finding(key: string, summary = `Summary of ${key}.`): MonitoredFinding {
  const [check, code] = key.split(':');
  return { key, check, code, subject: { role: 'manufacturer', name: `Subject ${key}` }, summary };
}

const DISMISSED = {
  by: 'reviewer.rita',
  reason: 'Another company of the same name.',
  at: '2026-01-01T00:00:00Z',
};

function assessment(overrides: Partial<MonitoredAssessment> = {}): MonitoredAssessment {
  return {
    referenceDataVersion: '9',
    findings: [finding('product:MISSING_INFORMATION:product:acme')],
    score: 10,
    band: 'low',
    outcome: 'clear',
    ...overrides,
  };
}

describe('compareAssessments', () => {
  it('is null when the findings, the outcome and the band are the same', () => {
    const sut = compareAssessments(assessment(), assessment({ referenceDataVersion: '12' }));
    expect(sut).toBeNull();
  });

  it('is null when only the score moves within the band (the same facts weighed again)', () => {
    expect(
      compareAssessments(assessment(), assessment({ referenceDataVersion: '12', score: 14 })),
    ).toBeNull();
  });

  it('ignores the order findings come in', () => {
    const a = finding('product:WATCHLIST_MATCH:x:product');
    const b = finding('ownership:UNDECLARED_OWNER:y');
    expect(compareAssessments(assessment({ findings: [a, b] }), assessment({ findings: [b, a] }))).toBeNull();
  });

  it('names a new listed manufacturer and the outcome it leads to', () => {
    const listed = finding(
      'product:WATCHLIST_MATCH:ftm-x:product',
      'Xword cameras are made by Xword Vision Co., Ltd.; Xword Vision Co., Ltd. is listed (sanction)',
    );
    const sut = compareAssessments(
      assessment(),
      assessment({
        referenceDataVersion: '12',
        findings: [listed],
        score: 45,
        band: 'high',
        outcome: 'review',
      }),
    );
    expect(sut).toEqual({
      kind: 'outcome_changed',
      previousReferenceDataVersion: '9',
      referenceDataVersion: '12',
      findingsAdded: [listed],
      findingsRemoved: [finding('product:MISSING_INFORMATION:product:acme')],
      outcome: { from: 'clear', to: 'review' },
      band: { from: 'low', to: 'high' },
      score: { from: 10, to: 45 },
    });
  });

  it.each([
    ['risk_changed', { band: 'medium' as const, score: 30 }],
    ['outcome_changed', { outcome: 'excluded' as const }],
    [
      'findings_changed',
      { findings: [finding('product:MISSING_INFORMATION:product:acme'), finding('subcontractor:x:y')] },
    ],
    ['findings_changed', { findings: [] }],
  ])('calls the change %s', (kind, current) => {
    expect(compareAssessments(assessment(), assessment(current))).toMatchObject({ kind });
  });

  it('does not count a dismissed hit, in either assessment', () => {
    const missing = finding('product:MISSING_INFORMATION:product:acme');
    const hit = { ...finding('name_screening:WATCHLIST_MATCH:supplier:ftm-1'), dismissed: DISMISSED };
    const previous = assessment({ findings: [missing, hit] });

    expect(compareAssessments(previous, assessment({ findings: [missing, hit] }))).toBeNull();
    expect(compareAssessments(previous, assessment({ findings: [missing] }))).toBeNull();
    expect(compareAssessments(assessment({ findings: [missing] }), previous)).toBeNull();
    expect(compareAssessments(previous, assessment({ findings: [] }))).toMatchObject({
      findingsRemoved: [missing],
    });
  });

  it('keeps findings without their dismissal flag or extra fields', () => {
    const extra = { ...finding('product:DEBARRED:x:product'), evidence: [{ kind: 'list' }], dismissed: null };
    const sut = compareAssessments(assessment({ findings: [] }), assessment({ findings: [extra] }));
    expect(sut!.findingsAdded).toEqual([finding('product:DEBARRED:x:product')]);
  });
});

describe('describeChanges', () => {
  it('says what changed, then why, in the findings’ own words', () => {
    const changes = compareAssessments(
      assessment(),
      assessment({
        referenceDataVersion: '12',
        findings: [finding('product:WATCHLIST_MATCH:ftm-x:product', 'Xword Vision is listed (sanction)')],
        score: 45,
        band: 'high',
        outcome: 'review',
      }),
    )!;
    expect(describeChanges(changes)).toBe(
      'Reference data version 12 changes this approved screening (last assessed on version 9): ' +
        'outcome clear → review, risk band low → high, score 10 → 45, 1 new finding, 1 finding no longer raised. ' +
        'New: Xword Vision is listed (sanction). ' +
        'No longer raised: Summary of product:MISSING_INFORMATION:product:acme.',
    );
  });

  it('mentions only what changed', () => {
    const changes = compareAssessments(
      assessment(),
      assessment({ findings: [finding('product:MISSING_INFORMATION:product:acme'), finding('a:b:c')] }),
    )!;
    expect(describeChanges(changes)).toBe(
      'Reference data version 9 changes this approved screening (last assessed on version 9): 1 new finding. New: Summary of a:b:c.',
    );
  });
});
