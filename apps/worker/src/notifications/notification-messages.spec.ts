import { renderNotification } from './notification-messages.js';

describe('renderNotification: monitoring.alert_raised', () => {
  const data = {
    screeningId: 'scr_1',
    tenderReference: 'ocds-h6vhtk-0001',
    alertId: 'alr_1',
    kind: 'outcome_changed',
    referenceDataVersion: '12',
    previousReferenceDataVersion: '9',
    outcome: { from: 'clear', to: 'review' },
    band: { from: 'low', to: 'low' },
    findingsAdded: 1,
    findingsRemoved: 0,
  };

  it('says which screening changed, how, and where to read the alert', () => {
    const sut = renderNotification('monitoring.alert_raised', data);
    expect(sut.subject).toBe('Approved screening scr_1 changed on new reference data');
    expect(sut.text).toBe(
      'Screening scr_1 (tender ocds-h6vhtk-0001) was re-checked against reference data version 12: ' +
        'outcome clear → review, 1 new finding(s). It stays approved; read alert alr_1 ' +
        '(GET /v1/alerts?screeningId=scr_1) and decide what to do.',
    );
  });

  it('still says something when only findings went away', () => {
    const sut = renderNotification('monitoring.alert_raised', {
      ...data,
      outcome: { from: 'review', to: 'review' },
      findingsAdded: 0,
      findingsRemoved: 2,
    });
    expect(sut.text).toContain('version 12: 2 finding(s) no longer raised.');
  });
});
