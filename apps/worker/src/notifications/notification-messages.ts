// The words of each notification, from its kind and the data the workflow queued with it.

export interface RenderedMessage {
  subject: string;
  text: string;
}

type Data = Record<string, unknown>;

const when = (value: unknown) => (typeof value === 'string' ? new Date(value).toUTCString() : 'no deadline');
const list = (value: unknown) =>
  Array.isArray(value) ? value.map((q) => `  - ${String(q)}`).join('\n') : '';

/** "outcome clear → review, 1 new finding." from a monitoring alert's data. */
function change(d: Data): string {
  const level = (name: string, value: unknown) => {
    const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
    return from !== to ? [`${name} ${String(from)} → ${String(to)}`] : [];
  };
  const counted = (n: unknown, what: string) => (typeof n === 'number' && n > 0 ? [`${n} ${what}`] : []);
  const parts = [
    ...level('outcome', d.outcome),
    ...level('risk band', d.band),
    ...counted(d.findingsAdded, 'new finding(s)'),
    ...counted(d.findingsRemoved, 'finding(s) no longer raised'),
  ];
  return `${parts.join(', ') || 'its findings changed'}.`;
}

const TEMPLATES: Record<string, (d: Data) => RenderedMessage> = {
  'declaration.reminder': (d) => ({
    subject: `Reminder: supplier declaration for tender ${d.tenderReference} due ${when(d.dueAt)}`,
    text: `Your ${d.step === 'information' ? 'answers to the buyer’s questions are' : 'declaration is'} due by ${when(d.dueAt)} (reminder ${d.reminder}). Use the invitation link the buyer sent you.`,
  }),
  'declaration.deadline_extended': (d) => ({
    subject: `Deadline extended for tender ${d.tenderReference}`,
    text: `The buyer extended your deadline to ${when(d.dueAt)}.`,
  }),
  'information.requested': (d) => ({
    subject: `Questions about your declaration for tender ${d.tenderReference}`,
    text: `A reviewer asks:\n${list(d.questions)}\n\nPlease answer by ${when(d.dueAt)} by submitting your declaration again.${
      d.concernsConnectedPersons
        ? '\nThese questions concern connected or associated persons: a supplier that does not answer them is treated as excluded (Procurement Act 2023 s30).'
        : ''
    }`,
  }),
  'representations.invited': (d) => ({
    subject: `You may make representations on tender ${d.tenderReference}`,
    text: `The assessment may lead to your exclusion: ${d.reason ?? 'see the buyer’s notice'}\nYou may make representations until ${when(d.dueAt)}.${
      d.replacementAllowed
        ? '\nYou may instead replace the associated person or sub-contractor concerned.'
        : ''
    }`,
  }),
  'review.waiting': (d) => ({
    subject: `Screening ${d.screeningId} waits for a ${d.level}`,
    text: `Screening ${d.screeningId} (tender ${d.tenderReference}) waits for ${d.level} sign-off, due ${when(d.dueAt)}.`,
  }),
  'review.reminder': (d) => ({
    subject: `Reminder: screening ${d.screeningId} due ${when(d.dueAt)}`,
    text: `Screening ${d.screeningId} still waits for ${d.level} sign-off (reminder ${d.reminder}); due ${when(d.dueAt)}.`,
  }),
  'review.escalated': (d) => ({
    subject: `Escalated: screening ${d.screeningId} is overdue`,
    text: `The ${d.level} deadline (${when(d.dueAt)}) passed without a decision on screening ${d.screeningId}; any approver may now decide it.`,
  }),
  'review.escalation_reminder': (d) => ({
    subject: `Still overdue: screening ${d.screeningId}`,
    text: `Screening ${d.screeningId} is still waiting for the ${d.level} decision that was due ${when(d.dueAt)} (reminder ${d.reminder}).`,
  }),
  'ministerial_referral.required': (d) => ({
    subject: `Ministerial referral needed for screening ${d.screeningId}`,
    text: `The exclusion of the supplier on screening ${d.screeningId} takes effect only after a minister agrees (Procurement Act 2023 s29). Record the referral and the minister's answer.`,
  }),
  'monitoring.alert_raised': (d) => ({
    subject: `Approved screening ${d.screeningId} changed on new reference data`,
    text: `Screening ${d.screeningId} (tender ${d.tenderReference}) was re-checked against reference data version ${d.referenceDataVersion}: ${change(d)} It stays approved; read alert ${d.alertId} (GET /v1/alerts?screeningId=${d.screeningId}) and decide what to do.`,
  }),
  'screening.closed': (d) => ({
    subject: `Screening ${d.screeningId} closed: ${d.outcome}`,
    text: `Screening ${d.screeningId} (tender ${d.tenderReference}) closed with the outcome ${d.outcome}.`,
  }),
};

export function renderNotification(kind: string, data: Data): RenderedMessage {
  const template = TEMPLATES[kind];
  if (template) return template(data);
  return {
    subject: `Screening ${data.screeningId}: ${kind}`,
    text: `${kind} on screening ${data.screeningId}.`,
  };
}
