// The human steps of a screening through the HTTP API, on the real Temporal server and PostgreSQL, under
// policy versions whose durations are seconds: deadlines, reminders in the outbox, extension, sign-off
// races, retried requests, the reviewers' inbox, escalation, information requests and withdrawal.
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { builtInPolicy } from '../libs/domain/src/policy/index.js';
import type { PolicyDocument } from '../libs/domain/src/policy/index.js';
import {
  createDataSource,
  NotificationOutboxRepository,
  PolicyRepository,
} from '../libs/persistence/src/index.js';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(90_000);

const DECLARATION = {
  owners: [{ name: 'Plain Holdings Ltd', country: 'GB', share: 100 }],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
};
const LONG = 'PT10M';
const JUSTIFICATION = 'The supplier could not show who manufactures the equipment it offers.';

describe('human steps of a screening', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let db: DataSource;
  let outbox: NotificationOutboxRepository;
  const tokens: Record<string, string> = {};
  const policies: Record<string, string> = {};

  /** Publishes a copy of the council pack with the given durations, as a new policy id. */
  async function publishPolicy(name: string, durations: Partial<PolicyDocument['durations']>) {
    const pack = builtInPolicy('uk-local-authority')!;
    const id = `e2e-${name}-${randomBytes(3).toString('hex')}`;
    const document = { ...structuredClone(pack), id, durations: { ...pack.durations, ...durations } };
    await new PolicyRepository(db).insertIfAbsent({
      id,
      version: 1,
      title: document.title,
      document,
      publishedBy: 'e2e',
    });
    policies[name] = id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    db = await createDataSource(app.config.DATABASE_URL!).initialize();
    outbox = new NotificationOutboxRepository(db);
    for (const [userId, roles] of [
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
      ['reviewer.rob', ['reviewer']],
      ['approver.alan', ['approver']],
      ['approver.amy', ['approver']],
      ['multi.mo', ['buyer', 'reviewer']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      tokens[userId] = created.body.token;
    }
    const review = { reviewer: LONG, approver: LONG };
    await publishPolicy('quick-deadline', {
      declarationDeadline: 3_000,
      declarationReminderInterval: 1_000,
      reviewDeadline: review,
    });
    await publishPolicy('slow', { declarationDeadline: LONG, reviewDeadline: review });
    await publishPolicy('quick-review', {
      declarationDeadline: LONG,
      reviewDeadline: { reviewer: 2_000, approver: LONG },
      reviewReminderInterval: 1_000,
      escalationReminderInterval: 1_000,
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await app?.close();
  });

  async function startScreening(policy: string, supplierName: string, starter = 'buyer.bob') {
    const tender = await http('POST', '/v1/tenders', {
      token: tokens[starter],
      body: {
        reference: `ocds-h6vhtk-${randomBytes(4).toString('hex')}`,
        title: 'Office supplies',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        policyId: policies[policy],
      },
    });
    expect(tender.status).toBe(201);
    const started = await http('POST', `/v1/tenders/${tender.body.id}/screenings`, {
      token: tokens[starter],
      body: { supplier: { name: supplierName, country: 'GB' }, contactEmail: 'bids@example.co.uk' },
    });
    expect(started.status).toBe(201);
    return { id: started.body.id as string, invitation: started.body.invitation.token as string };
  }

  async function screeningIn(id: string, status: string) {
    return eventually(
      async () => {
        const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] });
        return got.body.status === status ? got.body : undefined;
      },
      30_000,
      `screening ${id} to reach ${status}`,
    );
  }

  async function declared(policy: string, supplierName: string, starter = 'buyer.bob') {
    const screening = await startScreening(policy, supplierName, starter);
    const sent = await http('POST', `/v1/screenings/${screening.id}/declaration`, {
      token: screening.invitation,
      body: DECLARATION,
    });
    expect(sent.status).toBe(202);
    return { ...screening, view: await screeningIn(screening.id, 'awaiting_review') };
  }

  const decide = (id: string, user: string, body: Record<string, unknown>, key?: string) =>
    http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens[user],
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });

  describe('declaration deadline', () => {
    it('reminds the supplier through the outbox, then expires and closes the invitation', async () => {
      const { id, invitation } = await startScreening('quick-deadline', 'Slow Coach Ltd');
      const expired = await screeningIn(id, 'expired');
      expect(expired.decision).toMatchObject({ outcome: 'expired', decidedBy: 'system' });

      const reminders = (await outbox.forScreening(id)).filter((n) => n.kind === 'declaration.reminder');
      expect(reminders).toHaveLength(2);
      expect(reminders[0]).toMatchObject({ audience: 'supplier', recipient: 'bids@example.co.uk' });
      // The worker's dispatcher sends them with the log transport.
      await eventually(async () =>
        (await outbox.forScreening(id)).every((n) => n.status === 'sent') ? true : undefined,
      );

      const late = await http('POST', `/v1/screenings/${id}/declaration`, {
        token: invitation,
        body: DECLARATION,
      });
      expect(late.status).toBe(401);
      const trail = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['reviewer.rita'] });
      expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual([
        'screening.started',
        'declaration.reminder_sent',
        'declaration.reminder_sent',
        'screening.expired',
        'screening.closed',
      ]);
    });

    it('lets the buyer extend the deadline, and refuses extensions that would not extend it', async () => {
      const { id, invitation } = await startScreening('quick-deadline', 'Needs More Time Ltd');
      const asReviewer = await http('POST', `/v1/screenings/${id}/deadline`, {
        token: tokens['reviewer.rita'],
        body: { until: new Date(Date.now() + 60_000).toISOString(), reason: 'Asked for time' },
      });
      expect(asReviewer.status).toBe(403);
      const backwards = await http('POST', `/v1/screenings/${id}/deadline`, {
        token: tokens['buyer.bob'],
        body: { until: new Date(Date.now() - 60_000).toISOString(), reason: 'Oops' },
      });
      expect(backwards).toMatchObject({
        status: 422,
        body: { message: expect.stringContaining('later than') },
      });
      const notADate = await http('POST', `/v1/screenings/${id}/deadline`, {
        token: tokens['buyer.bob'],
        body: { until: 'next Friday', reason: 'Asked' },
      });
      expect(notADate.status).toBe(400);

      const until = new Date(Date.now() + 60_000).toISOString();
      const extended = await http('POST', `/v1/screenings/${id}/deadline`, {
        token: tokens['buyer.bob'],
        body: { until, reason: 'The supplier asked for a week to gather ownership documents.' },
      });
      expect(extended).toMatchObject({ status: 200, body: { status: 'awaiting_declaration' } });
      await new Promise((r) => setTimeout(r, 4_000)); // past the policy's three seconds
      const view = await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] });
      expect(view.body).toMatchObject({
        status: 'awaiting_declaration',
        invitationExpiresAt: until,
        waitingFor: { step: 'declaration', dueAt: until },
      });
      const answer = await http('GET', `/v1/screenings/${id}/invitation`, { token: invitation });
      expect(answer.body).toMatchObject({
        status: 'awaiting_declaration',
        step: 'declaration',
        dueAt: until,
      });
      const sent = await http('POST', `/v1/screenings/${id}/declaration`, {
        token: invitation,
        body: DECLARATION,
      });
      expect(sent.status).toBe(202);
      await screeningIn(id, 'awaiting_review');
    });
  });

  describe('sign-off', () => {
    it('lets one of two reviewers deciding at the same moment win; the other gets 409', async () => {
      const { id } = await declared('slow', 'Race Condition Ltd');
      const [first, second] = await Promise.all([
        decide(id, 'reviewer.rita', { decision: 'approve', reason: 'Checked; nothing of concern.' }),
        decide(id, 'reviewer.rob', { decision: 'reject', reason: JUSTIFICATION }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = first.status === 409 ? first : second;
      expect(loser.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      // Refused at the stage check, or, when the winner's decision closed the case first, as closed.
      expect(loser.body.message).toMatch(/already decided|already approved|already rejected|is closed/);

      const view = await eventually(async () => {
        const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] });
        return got.body.approvals.length === 1 ? got.body : undefined;
      });
      expect(view.approvals).toHaveLength(1);
    });

    it('applies a retried decision once, even after it closed the screening, and refuses a late one (409)', async () => {
      const { id, view } = await declared('slow', 'Retry Safe Ltd');
      const key = `decide-${randomBytes(4).toString('hex')}`;
      const body = { decision: 'reject', reason: JUSTIFICATION };
      const [one, two] = await Promise.all([
        decide(id, 'reviewer.rita', body, key),
        decide(id, 'reviewer.rita', body, key),
      ]);
      expect(one).toMatchObject({ status: 200 });
      expect(two.body).toEqual(one.body);
      const closed = await screeningIn(id, 'rejected');
      expect(closed.approvals).toHaveLength(1);
      expect(view.requiredApprovals.length).toBeGreaterThan(0);

      const retried = await decide(id, 'reviewer.rita', body, key);
      expect(retried).toMatchObject({ status: 200, body: one.body });
      const late = await decide(id, 'approver.alan', { decision: 'approve', reason: 'Too late to matter.' });
      expect(late).toMatchObject({ status: 409, body: { message: expect.stringContaining('closed') } });
    });

    it('refuses the buyer who started it, and short justifications, with messages that say why', async () => {
      const { id } = await declared('slow', 'Four Eyes Ltd', 'multi.mo');
      const own = await decide(id, 'multi.mo', { decision: 'approve', reason: 'Fine by me.' });
      expect(own).toMatchObject({ status: 409, body: { message: expect.stringContaining('Four eyes') } });
      const short = await decide(id, 'reviewer.rita', { decision: 'reject', reason: 'No.' });
      expect(short).toMatchObject({
        status: 422,
        body: { message: expect.stringContaining('30 characters') },
      });
      const overrideOnClear = await decide(id, 'reviewer.rita', {
        decision: 'approve',
        reason: 'Fine.',
        override: true,
      });
      expect(overrideOnClear.status).toBe(422);
      const noReferral = await http('POST', `/v1/screenings/${id}/ministerial-referral`, {
        token: tokens['approver.alan'],
        body: { reference: 'MIN-1' },
      });
      expect(noReferral).toMatchObject({
        status: 409,
        body: { message: expect.stringContaining('awaiting_review') },
      });
    });
  });

  describe('inbox', () => {
    it('lists what waits for the caller, oldest first, with due dates, and leaves out the starting buyer', async () => {
      const older = await declared('slow', 'Inbox Older Ltd', 'multi.mo');
      const newer = await declared('slow', 'Inbox Newer Ltd');
      const rita = await http('GET', '/v1/reviews/inbox?limit=200', { token: tokens['reviewer.rita'] });
      expect(rita.status).toBe(200);
      const ids = rita.body.items.map((i: { screeningId: string }) => i.screeningId);
      expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
      expect(rita.body.items.find((i: { screeningId: string }) => i.screeningId === newer.id)).toMatchObject({
        step: 'review',
        level: 'reviewer',
        dueAt: expect.any(String),
        overdue: false,
        escalated: false,
        supplier: { name: 'Inbox Newer Ltd' },
      });

      const mo = await http('GET', '/v1/reviews/inbox?limit=200', { token: tokens['multi.mo'] });
      const moIds = mo.body.items.map((i: { screeningId: string }) => i.screeningId);
      expect(moIds).toContain(newer.id);
      expect(moIds).not.toContain(older.id);

      const buyer = await http('GET', '/v1/reviews/inbox', { token: tokens['buyer.bob'] });
      expect(buyer.status).toBe(403);
    });

    it('escalates an overdue review to the approver pool, with reminders in the outbox and the trail', async () => {
      const { id } = await declared('quick-review', 'Overdue Review Ltd');
      const alanSees = await eventually(
        async () => {
          const inbox = await http('GET', '/v1/reviews/inbox?limit=200', { token: tokens['approver.alan'] });
          return inbox.body.items.find(
            (i: { screeningId: string; escalated: boolean }) => i.screeningId === id && i.escalated,
          );
        },
        20_000,
        'the escalated review in the approver inbox',
      );
      expect(alanSees).toMatchObject({ step: 'review', overdue: true, escalated: true });
      const decided = await decide(id, 'approver.alan', {
        decision: 'approve',
        reason: 'Covered for the reviewer.',
      });
      expect(decided.status).toBe(200);

      const kinds = (await outbox.forScreening(id)).map((n) => n.kind);
      expect(kinds.filter((k) => k === 'review.reminder')).toHaveLength(1);
      expect(kinds).toContain('review.escalated');
      const trail = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['reviewer.rita'] });
      expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['review.reminder_sent', 'review.escalated']),
      );
    });
  });

  describe('information requests', () => {
    it('shows the supplier the questions; refusing ones about connected persons excludes it (s30)', async () => {
      const { id, invitation } = await declared('slow', 'Secretive Holdings Ltd');
      const asked = await decide(id, 'reviewer.rita', {
        decision: 'request_information',
        reason: 'Ownership unclear',
        questions: ['Who owns Plain Holdings Ltd?'],
        concernsConnectedPersons: true,
      });
      expect(asked).toMatchObject({ status: 200, body: { status: 'information_requested' } });
      const page = await http('GET', `/v1/screenings/${id}/invitation`, { token: invitation });
      expect(page.body).toMatchObject({
        status: 'information_requested',
        step: 'information',
        questions: ['Who owns Plain Holdings Ltd?'],
        concernsConnectedPersons: true,
        dueAt: expect.any(String),
      });
      const refused = await http('POST', `/v1/screenings/${id}/information-refusal`, {
        token: invitation,
        body: { reason: 'Commercially confidential.' },
      });
      expect(refused).toMatchObject({ status: 202, body: { status: 'excluded' } });
      const closed = await screeningIn(id, 'excluded');
      expect(closed.decision.reason).toContain('s30');
      const kinds = (await outbox.forScreening(id)).map((n) => n.kind);
      expect(kinds).toContain('information.requested');
    });
  });

  describe('withdrawal', () => {
    it('lets the buyer withdraw during review; the trail still ends with its seal', async () => {
      const { id } = await declared('slow', 'Withdrawn Ltd');
      const byReviewer = await http('POST', `/v1/screenings/${id}/withdrawal`, {
        token: tokens['reviewer.rita'],
        body: { reason: 'Tender cancelled.' },
      });
      expect(byReviewer.status).toBe(403);
      const withdrawn = await http('POST', `/v1/screenings/${id}/withdrawal`, {
        token: tokens['buyer.bob'],
        body: { reason: 'Tender cancelled.' },
      });
      expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
      const view = await screeningIn(id, 'withdrawn');
      expect(view).toMatchObject({
        waitingFor: null,
        decision: { outcome: 'withdrawn', decidedBy: 'buyer.bob' },
      });
      const trail = await eventually(async () => {
        const got = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['reviewer.rita'] });
        return got.body.events?.at(-1)?.action === 'screening.closed' ? got.body.events : undefined;
      });
      expect(trail.slice(-2).map((e: { action: string }) => e.action)).toEqual([
        'screening.withdrawn',
        'screening.closed',
      ]);
      const again = await http('POST', `/v1/screenings/${id}/withdrawal`, {
        token: tokens['buyer.bob'],
        body: { reason: 'Again.' },
      });
      expect(again.status).toBe(409);
      const inbox = await http('GET', '/v1/reviews/inbox?limit=200', { token: tokens['reviewer.rita'] });
      expect(inbox.body.items.map((i: { screeningId: string }) => i.screeningId)).not.toContain(id);
    });
  });
});
