// The screening workflow on a real Temporal dev server, with in-memory activities: what the process
// does and refuses, independent of the database. Durations are seconds, as a short policy would give.
// RECORD_HISTORIES=1 saves each path's history under test/workflows/__histories__/ for the replay test.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import {
  decideUpdate,
  declineToAnswerUpdate,
  extendDeadlineUpdate,
  makeRepresentationsUpdate,
  recordMinisterialAnswerUpdate,
  recordMinisterialReferralUpdate,
  replaceAssociatedPersonUpdate,
  screeningStateQuery,
  submitDeclarationUpdate,
  withdrawUpdate,
  type Actor,
  type DecideInput,
  type Declaration,
  type NotificationRequest,
  type ReadModelSnapshot,
  type RiskAssessment,
  type ScreeningActivities,
  type ScreeningDurations,
  type ScreeningState,
  type ScreeningStatus,
  type ScreeningWorkflowInput,
} from '../../libs/contracts/src/index.js';
import type { PolicyDocument } from '../../libs/domain/src/policy/policy-document.js';

const BUYER: Actor = { userId: 'buyer.bob', role: 'buyer' };
const RITA: Actor = { userId: 'reviewer.rita', role: 'reviewer' };
const ROB: Actor = { userId: 'reviewer.rob', role: 'reviewer' };
const ALAN: Actor = { userId: 'approver.alan', role: 'approver' };
const AMY: Actor = { userId: 'approver.amy', role: 'approver' };
const JUSTIFICATION = 'Debarment entry confirmed against the published list and company number.';

const DECLARATION: Declaration = {
  owners: [],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [{ name: 'Install Co Ltd', country: 'GB', role: 'installation' }],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane', role: 'Director', accepted: true },
};

const LONG = 600_000;
const DURATIONS: ScreeningDurations = {
  declarationMs: LONG,
  declarationReminderMs: LONG,
  representationsWindowMs: LONG,
  reviewDeadlineMs: { reviewer: LONG, approver: LONG },
  reviewReminderMs: LONG,
  escalationReminderMs: LONG,
};

const LOCAL_AUTHORITY: PolicyDocument = JSON.parse(
  readFileSync(
    new URL('../../libs/domain/src/policy/packs/uk-local-authority.v1.json', import.meta.url),
    'utf8',
  ),
);
/** The local-authority pack, except that a clear assessment needs no signature. */
const CLEAR_APPROVED_BY_SYSTEM: PolicyDocument = {
  ...LOCAL_AUTHORITY,
  approvals: {
    ...LOCAL_AUTHORITY.approvals,
    levels: { ...LOCAL_AUTHORITY.approvals.levels, clear: { default: [] } },
  },
};

type RiskKind = 'clear' | 'high' | 'debarred' | 'debarred_subcontractor' | 'national_security';

/** Assessments as the real scorer gives them under uk-local-authority v1, one per kind of path. */
function riskOf(kind: RiskKind): Omit<RiskAssessment, 'policy' | 'referenceDataVersion'> {
  const basis = (ruleId: string | null, associatedPersonOnly = false) => ({
    ruleId,
    rule: ruleId ? 'UK-PA-2023' : null,
    provision: null,
    reason: ruleId ? `Rule ${ruleId} applies.` : 'Band rule.',
    findingKeys: [],
    associatedPersonOnly,
  });
  switch (kind) {
    case 'clear':
      return {
        score: 5,
        band: 'low',
        outcome: 'clear',
        factors: [],
        requiredApprovals: ['reviewer'],
        outcomeBasis: basis(null),
      };
    case 'high':
      return {
        score: 60,
        band: 'high',
        outcome: 'review',
        factors: [],
        requiredApprovals: ['reviewer', 'approver'],
        outcomeBasis: basis(null),
      };
    case 'debarred':
      return {
        score: 100,
        band: 'critical',
        outcome: 'excluded',
        factors: [],
        requiredApprovals: ['reviewer', 'approver'],
        outcomeBasis: basis('debarment-list-entry'),
      };
    case 'debarred_subcontractor':
      return {
        score: 100,
        band: 'critical',
        outcome: 'excluded',
        factors: [],
        requiredApprovals: ['reviewer', 'approver'],
        outcomeBasis: basis('debarment-list-entry', true),
      };
    case 'national_security':
      return {
        score: 70,
        band: 'high',
        outcome: 'excludable',
        factors: [],
        requiredApprovals: ['reviewer', 'approver'],
        outcomeBasis: basis('national-security-threat'),
      };
  }
}

interface Fakes {
  activities: ScreeningActivities;
  audit: string[];
  notifications: NotificationRequest[];
  snapshots: ReadModelSnapshot[];
  checkedDeclarations: Declaration[];
}

function fakeActivities(
  risks: RiskKind[] | ((round: number) => RiskKind),
  options: { policy?: PolicyDocument; checkDelayMs?: number } = {},
): Fakes {
  const fakes: Fakes = {
    audit: [],
    notifications: [],
    snapshots: [],
    checkedDeclarations: [],
    activities: null!,
  };
  const kindFor = (round: number) =>
    typeof risks === 'function' ? risks(round) : risks[Math.min(round, risks.length) - 1];
  fakes.activities = {
    async recordAuditEvent(e) {
      fakes.audit.push(e.action);
      return { seq: fakes.audit.length, hash: 'x' };
    },
    async syncReadModel(snapshot) {
      fakes.snapshots.push(snapshot);
    },
    async saveDeclaration() {
      return { digest: 'd' };
    },
    async currentReferenceDataVersion() {
      return '1';
    },
    async runCheck({ check, declaration }) {
      if (check === 'name_screening') fakes.checkedDeclarations.push(declaration);
      if (options.checkDelayMs) await new Promise((r) => setTimeout(r, options.checkDelayMs));
      return [];
    },
    async runChecks({ checks, readModel, ...round }) {
      if (readModel) await fakes.activities.syncReadModel(readModel);
      const referenceDataVersion = '1';
      const findings = await Promise.all(
        checks.map((check) => fakes.activities.runCheck({ ...round, referenceDataVersion, check })),
      );
      return { referenceDataVersion, findings };
    },
    async recordFindings({ findings }) {
      return findings;
    },
    async assessRisk(input) {
      return {
        ...riskOf(kindFor(input.round)),
        policy: input.policy,
        referenceDataVersion: input.referenceDataVersion,
      };
    },
    async recordApproval() {},
    async loadPolicyRules() {
      return options.policy ?? LOCAL_AUTHORITY;
    },
    async queueNotification(n) {
      fakes.notifications.push(n);
    },
    async recordStep({ declaration, approval, audits = [], readModel, notifications = [] }) {
      const { digest } = declaration ? await fakes.activities.saveDeclaration(declaration) : {};
      if (approval) await fakes.activities.recordApproval(approval);
      for (const audit of audits) await fakes.activities.recordAuditEvent(audit);
      if (readModel) await fakes.activities.syncReadModel(readModel);
      for (const notification of notifications) await fakes.activities.queueNotification(notification);
      return digest === undefined ? {} : { digest };
    },
    async openScreening({ policy, records }) {
      await fakes.activities.recordStep(records);
      return fakes.activities.loadPolicyRules(policy);
    },
    async assessRound({ findings, checksCompleted, risk }) {
      const recorded = await fakes.activities.recordFindings(findings);
      await fakes.activities.recordAuditEvent(checksCompleted);
      return { findings: recorded, risk: await fakes.activities.assessRisk({ ...risk, findings: recorded }) };
    },
  };
  return fakes;
}

type Handle = WorkflowHandle;

// Each path waits on real timers of a few seconds.
jest.setTimeout(45_000);

describe('screeningWorkflow', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      logger: quietLogger,
    });
    nativeConnection = await NativeConnection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({
      connection: await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! }),
    });
  }, 120_000);

  afterAll(async () => {
    await nativeConnection?.close();
    await client?.connection.close();
  });

  /** Runs `body` with a worker on a fresh task queue; `start` starts a screening workflow on it. */
  async function run<T>(
    fakes: Fakes,
    body: (
      start: (
        durations?: Partial<ScreeningDurations>,
        extra?: Partial<ScreeningWorkflowInput>,
      ) => Promise<Handle>,
    ) => Promise<T>,
  ): Promise<T> {
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: fakes.activities,
    });
    return worker.runUntil(
      body(async (durations = {}, extra = {}) => {
        const screeningId = `scr_test_${randomUUID()}`;
        const input: ScreeningWorkflowInput = {
          screeningId,
          tender: {
            id: 'tnd_1',
            reference: 'T-1',
            buyerType: 'local_authority',
            sensitiveSite: false,
            intendedUse: 'video_surveillance',
            policyId: 'uk-local-authority',
          },
          supplier: { name: 'Acme Ltd', country: 'GB', identifiers: [] },
          startedBy: BUYER,
          policy: { id: 'uk-local-authority', version: 1 },
          durations: { ...DURATIONS, ...durations },
          ...extra,
        };
        return client.workflow.start('screeningWorkflow', {
          taskQueue,
          workflowId: screeningId,
          args: [input],
        });
      }),
    );
  }

  const state = (handle: Handle) => handle.query(screeningStateQuery);
  const declare = (handle: Handle, declaration = DECLARATION) =>
    handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration }] });
  const decide = (
    handle: Handle,
    actor: Actor,
    decision: DecideInput['decision'],
    extra: Partial<DecideInput> = {},
  ) =>
    handle.executeUpdate(decideUpdate, {
      args: [{ actor, decision, reason: decision === 'approve' ? 'Looks fine.' : JUSTIFICATION, ...extra }],
    });

  async function reach(handle: Handle, status: ScreeningStatus, timeoutMs = 15_000): Promise<ScreeningState> {
    let last: ScreeningState | undefined;
    await waitFor(async () => {
      last = await state(handle);
      return last.status === status;
    }, timeoutMs).catch(async () => {
      // Say why when the workflow is stuck on a failing task rather than slow.
      const history = await handle.fetchHistory();
      const failed = history.events?.findLast((e) => e.workflowTaskFailedEventAttributes);
      const why = failed?.workflowTaskFailedEventAttributes?.failure?.message;
      throw new Error(
        `expected ${status}, still ${last?.status}${why ? ` (workflow task failing: ${why})` : ''}`,
      );
    });
    return last!;
  }

  /** Saves the finished path's history for the replay test (only when RECORD_HISTORIES=1). */
  async function recordHistory(name: string, handle: Handle): Promise<void> {
    if (process.env.RECORD_HISTORIES !== '1') return;
    const history = await handle.fetchHistory();
    const file = fileURLToPath(new URL(`./__histories__/${name}.json`, import.meta.url));
    // protobufjs' own JSON form (enums and 64-bit numbers as strings), read back by the replay test.
    const json = temporal.api.history.v1.History.toObject(
      temporal.api.history.v1.History.fromObject(history),
      {
        longs: String,
        enums: String,
        bytes: String,
      },
    );
    writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
  }

  describe('declaration stage', () => {
    it('reminds the supplier on an interval, then expires when the deadline passes', async () => {
      const fakes = fakeActivities(['clear']);
      const result = await run(fakes, async (start) => {
        const handle = await start({ declarationMs: 3_000, declarationReminderMs: 1_000 });
        const result = await handle.result();
        await recordHistory('expired', handle);
        return result;
      });
      expect(result).toMatchObject({
        status: 'expired',
        decision: { outcome: 'expired', decidedBy: 'system' },
      });
      expect(fakes.notifications.filter((n) => n.kind === 'declaration.reminder')).toHaveLength(2);
      expect(fakes.audit).toEqual([
        'screening.started',
        'declaration.reminder_sent',
        'declaration.reminder_sent',
        'screening.expired',
        'screening.closed',
      ]);
      expect(fakes.snapshots[0].invitationExpiresAt).toEqual(expect.any(String));
    });

    it('keeps waiting past the original deadline when the buyer extends it', async () => {
      const fakes = fakeActivities(['clear']);
      let extendedUntil = '';
      await run(fakes, async (start) => {
        const handle = await start({ declarationMs: 2_000 });
        const original = (await state(handle)).declarationDeadline!;
        const tooEarly = await refusal(
          handle.executeUpdate(extendDeadlineUpdate, {
            args: [{ actor: BUYER, until: original, reason: 'Asked' }],
          }),
        );
        expect(tooEarly).toMatchObject({
          type: 'InvalidAction',
          message: expect.stringContaining('later than'),
        });
        const notBuyer = await refusal(
          handle.executeUpdate(extendDeadlineUpdate, {
            args: [{ actor: RITA, until: new Date(Date.now() + 60_000).toISOString(), reason: 'Asked' }],
          }),
        );
        expect(notBuyer.type).toBe('ActionNotAllowed');

        const until = new Date(Date.parse(original) + 3_000).toISOString();
        extendedUntil = until;
        await handle.executeUpdate(extendDeadlineUpdate, {
          args: [{ actor: BUYER, until, reason: 'The supplier asked for more time.' }],
        });
        await sleep(2_500); // past the original deadline
        expect(await state(handle)).toMatchObject({
          status: 'awaiting_declaration',
          declarationDeadline: until,
          waitingFor: { dueAt: until },
        });
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await handle.terminate('test done');
      });
      expect(fakes.audit).toContain('declaration.deadline_extended');
      expect(fakes.snapshots.at(-1)?.invitationExpiresAt).toBeNull();
      expect(fakes.snapshots.map((x) => x.invitationExpiresAt)).toContain(extendedUntil);
      expect(fakes.notifications.map((n) => n.kind)).toContain('declaration.deadline_extended');
    });

    it('takes amendments during the amendment window and checks the newest revision', async () => {
      const fakes = fakeActivities(['clear']);
      await run(fakes, async (start) => {
        const handle = await start({ amendmentWindowMs: 2_000 });
        await declare(handle);
        expect((await state(handle)).amendableUntil).toEqual(expect.any(String));
        const amended = { ...DECLARATION, countriesOfOperation: ['GB', 'IE'] };
        expect(await declare(handle, amended)).toEqual({ status: 'checking' });
        await reach(handle, 'awaiting_review');
        const late = await refusal(declare(handle, DECLARATION));
        expect(late).toMatchObject({
          type: 'WrongStage',
          message: expect.stringContaining('can no longer be amended'),
        });
        await decide(handle, RITA, 'approve');
        await handle.result();
        await recordHistory('amended-then-approved', handle);
      });
      expect(fakes.checkedDeclarations).toEqual([{ ...DECLARATION, countriesOfOperation: ['GB', 'IE'] }]);
      expect(fakes.audit.slice(0, 4)).toEqual([
        'screening.started',
        'declaration.received',
        'declaration.amended',
        'checks.completed',
      ]);
    });
  });

  describe('sign-off routing', () => {
    it('needs one reviewer for a clear outcome', async () => {
      const fakes = fakeActivities(['clear']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        expect(await declare(handle)).toEqual({ status: 'checking' });
        expect(await reach(handle, 'awaiting_review')).toMatchObject({
          requiredApprovals: ['reviewer'],
          waitingFor: { step: 'review', pools: ['reviewer'], excludedUserIds: ['buyer.bob'] },
        });
        await decide(handle, RITA, 'approve');
        const result = await handle.result();
        await recordHistory('clear-approved', handle);
        return result;
      });
      expect(result).toMatchObject({
        status: 'approved',
        decision: { outcome: 'approved', decidedBy: 'reviewer.rita' },
      });
      expect(fakes.audit).toEqual([
        'screening.started',
        'declaration.received',
        'checks.completed',
        'risk.assessed',
        'decision.approve',
        'screening.closed',
      ]);
    });

    it('lets the system approve a clear outcome when the pinned policy needs no signature for it', async () => {
      const fakes = fakeActivities(['clear'], { policy: CLEAR_APPROVED_BY_SYSTEM });
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        const result = await handle.result();
        await recordHistory('clear-approved-by-policy', handle);
        return result;
      });
      expect(result).toMatchObject({
        status: 'approved',
        requiredApprovals: [],
        approvals: [],
        decision: {
          outcome: 'approved',
          decidedBy: 'system',
          reason: expect.stringContaining('without sign-off'),
        },
      });
      expect(fakes.audit).toEqual([
        'screening.started',
        'declaration.received',
        'checks.completed',
        'risk.assessed',
        'decision.approved_by_policy',
        'screening.closed',
      ]);
      expect(fakes.notifications.map((n) => n.kind)).toEqual(['screening.closed']);
    });

    it('starts with a declaration the buyer has on file and goes straight to the checks', async () => {
      const fakes = fakeActivities(['clear'], { policy: CLEAR_APPROVED_BY_SYSTEM });
      const result = await run(fakes, async (start) => {
        const handle = await start(
          {},
          {
            declarationOnFile: {
              declaration: DECLARATION,
              submittedBy: BUYER,
              submittedAt: new Date().toISOString(),
              source: 'screening batch bat_test row 1',
            },
          },
        );
        const result = await handle.result();
        await recordHistory('declaration-on-file-approved-by-policy', handle);
        return result;
      });
      expect(result).toMatchObject({ status: 'approved', decision: { decidedBy: 'system' } });
      expect(fakes.checkedDeclarations).toEqual([DECLARATION]);
      expect(fakes.snapshots[0]).toMatchObject({ status: 'checking', waitingFor: null });
      expect(fakes.audit).toEqual([
        'screening.started',
        'declaration.received',
        'checks.completed',
        'risk.assessed',
        'decision.approved_by_policy',
        'screening.closed',
      ]);
    });

    it('needs a reviewer then an approver for high risk, and refuses the wrong person at each step', async () => {
      const fakes = fakeActivities(['high']);
      await run(fakes, async (start) => {
        const handle = await start();
        expect(await refusal(decide(handle, RITA, 'approve'))).toMatchObject({ type: 'WrongStage' });
        const unattested = await refusal(
          declare(handle, { ...DECLARATION, attestation: { ...DECLARATION.attestation, accepted: false } }),
        );
        expect(unattested.type).toBe('InvalidAction');
        await declare(handle);
        expect((await refusal(declare(handle))).type).toBe('WrongStage');
        await reach(handle, 'awaiting_review');

        expect(
          (await refusal(decide(handle, { userId: 'buyer.bob', role: 'reviewer' }, 'approve'))).type,
        ).toBe('FourEyesViolation');
        expect((await refusal(decide(handle, { userId: 'aud', role: 'auditor' }, 'approve'))).type).toBe(
          'ActionNotAllowed',
        );
        expect((await refusal(decide(handle, RITA, 'request_information'))).type).toBe('InvalidAction');
        const shortRejection = await refusal(decide(handle, RITA, 'reject', { reason: 'No.' }));
        expect(shortRejection).toMatchObject({
          type: 'InvalidAction',
          message: expect.stringContaining('30 characters'),
        });

        expect(await decide(handle, RITA, 'approve')).toEqual({ status: 'awaiting_approval' });
        expect((await refusal(decide(handle, { ...RITA, role: 'approver' }, 'approve'))).type).toBe(
          'FourEyesViolation',
        );
        expect(await refusal(decide(handle, ROB, 'approve'))).toMatchObject({
          type: 'WrongStage',
          message: expect.stringContaining('already decided by reviewer.rita'),
        });
        await decide(handle, ALAN, 'approve');
        expect((await handle.result()).status).toBe('approved');
        expect((await refusal(decide(handle, AMY, 'approve'))).message).toMatch(/completed/i);
        await recordHistory('high-two-levels', handle);
      });
    });

    it('lets one of two reviewers deciding at the same moment win; the other is refused', async () => {
      const fakes = fakeActivities(['clear']);
      await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        await reach(handle, 'awaiting_review');
        const outcomes = await Promise.allSettled([
          decide(handle, RITA, 'approve'),
          decide(handle, ROB, 'reject'),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        // Refused by the stage check, or, when the winner's approval closed the case within the same
        // workflow task (local records), by the server: the run has completed (the API answers 409 Closed).
        const reason = lost[0].reason as Error;
        if (reason instanceof WorkflowUpdateFailedError) {
          expect((reason.cause as unknown as { type: string }).type).toBe('WrongStage');
        } else {
          expect(reason.message).toMatch(/completed|aborted by closing workflow/i);
        }
        const final = await handle.result();
        expect(final.approvals).toHaveLength(1);
      });
      expect(fakes.audit.filter((a) => a.startsWith('decision.'))).toHaveLength(1);
    });

    it('refuses to approve an excluded outcome; the approver confirms the exclusion', async () => {
      const fakes = fakeActivities(['debarred']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        expect(await reach(handle, 'awaiting_review')).toMatchObject({
          route: { overrideAllowed: false, representationsRequired: false },
        });
        const approve = await refusal(decide(handle, RITA, 'approve'));
        expect(approve).toMatchObject({
          type: 'InvalidAction',
          message: expect.stringContaining('excluded'),
        });
        expect(await decide(handle, RITA, 'reject')).toEqual({ status: 'awaiting_approval' });
        const override = await refusal(
          decide(handle, ALAN, 'approve', { override: true, reason: JUSTIFICATION }),
        );
        expect(override.message).toContain('allows no override');
        await decide(handle, ALAN, 'reject');
        const result = await handle.result();
        await recordHistory('excluded-confirmed', handle);
        return result;
      });
      expect(result.decision).toMatchObject({ outcome: 'excluded', decidedBy: 'approver.alan' });
    });

    it('lets an approver override an excluded outcome where the policy allows, with a written justification', async () => {
      const policy = {
        ...LOCAL_AUTHORITY,
        approvals: { ...LOCAL_AUTHORITY.approvals, overrideAllowed: true },
      };
      const fakes = fakeActivities(['debarred'], { policy });
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await decide(handle, RITA, 'reject');
        const withoutFlag = await refusal(decide(handle, ALAN, 'approve', { reason: JUSTIFICATION }));
        expect(withoutFlag.message).toContain('override: true');
        const tooShort = await refusal(
          decide(handle, ALAN, 'approve', { override: true, reason: 'Fine by me.' }),
        );
        expect(tooShort.message).toContain('30 characters');
        await decide(handle, ALAN, 'approve', {
          override: true,
          reason: 'The listing concerns a dissolved namesake; company numbers differ.',
        });
        const result = await handle.result();
        await recordHistory('excluded-overridden', handle);
        return result;
      });
      expect(result.decision).toMatchObject({
        outcome: 'approved',
        override: true,
        decidedBy: 'approver.alan',
      });
      expect(result.approvals.at(-1)).toMatchObject({ level: 'approver', override: true });
    });

    it('gives an excludable supplier its representations, then needs a ministerial referral before excluding', async () => {
      const fakes = fakeActivities(['national_security']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        expect(await reach(handle, 'awaiting_representations')).toMatchObject({
          waitingFor: { step: 'representations', pools: ['supplier'] },
          route: { representationsRequired: true, ministerialReferralRequired: true },
        });
        expect((await refusal(decide(handle, RITA, 'reject'))).type).toBe('WrongStage');
        await handle.executeUpdate(makeRepresentationsUpdate, {
          args: [
            { text: 'Our cameras are assembled in the UK from audited components; see the attached audit.' },
          ],
        });
        await reach(handle, 'awaiting_review');
        expect(await decide(handle, RITA, 'reject')).toEqual({ status: 'awaiting_approval' });
        expect(await decide(handle, ALAN, 'reject')).toEqual({ status: 'awaiting_ministerial_referral' });

        const answerFirst = await refusal(
          handle.executeUpdate(recordMinisterialAnswerUpdate, {
            args: [{ actor: ALAN, agreed: true, note: 'Agreed' }],
          }),
        );
        expect(answerFirst).toMatchObject({
          type: 'WrongStage',
          message: expect.stringContaining('referral first'),
        });
        const reviewerRefers = await refusal(
          handle.executeUpdate(recordMinisterialReferralUpdate, {
            args: [{ actor: RITA, reference: 'MIN-1' }],
          }),
        );
        expect(reviewerRefers.type).toBe('ActionNotAllowed');
        await handle.executeUpdate(recordMinisterialReferralUpdate, {
          args: [{ actor: AMY, reference: 'MIN/2025/0042', note: 'Sent to the Cabinet Office' }],
        });
        await handle.executeUpdate(recordMinisterialAnswerUpdate, {
          args: [{ actor: AMY, agreed: true, reference: 'CO-REPLY-7', note: 'The minister agrees.' }],
        });
        const result = await handle.result();
        await recordHistory('excludable-referral-agreed', handle);
        return result;
      });
      expect(result).toMatchObject({
        status: 'excluded',
        decision: { outcome: 'excluded', decidedBy: 'approver.alan' },
        representations: [{ text: expect.stringContaining('assembled in the UK') }],
        ministerialReferral: { reference: 'MIN/2025/0042', answer: { agreed: true } },
      });
      expect(fakes.audit).toEqual(
        expect.arrayContaining([
          'representations.received',
          'ministerial_referral.sent',
          'ministerial_referral.answered',
        ]),
      );
    });

    it('moves on when the representations window elapses; a minister saying no blocks the exclusion', async () => {
      const fakes = fakeActivities(['national_security']);
      const result = await run(fakes, async (start) => {
        const handle = await start({ representationsWindowMs: 1_500 });
        await declare(handle);
        await reach(handle, 'awaiting_representations');
        await reach(handle, 'awaiting_review');
        await decide(handle, RITA, 'reject');
        await decide(handle, ALAN, 'reject');
        await handle.executeUpdate(recordMinisterialReferralUpdate, {
          args: [{ actor: ALAN, reference: 'MIN-9' }],
        });
        expect(
          await handle.executeUpdate(recordMinisterialAnswerUpdate, {
            args: [{ actor: ALAN, agreed: false, note: 'The minister does not agree.' }],
          }),
        ).toEqual({ status: 'awaiting_approval' });
        const reject = await refusal(decide(handle, ALAN, 'reject'));
        expect(reject).toMatchObject({
          type: 'InvalidAction',
          message: expect.stringContaining('did not agree'),
        });
        await decide(handle, ALAN, 'approve', { reason: 'Minister declined; conditions agreed instead.' });
        const result = await handle.result();
        await recordHistory('excludable-window-elapsed-minister-declined', handle);
        return result;
      });
      expect(result).toMatchObject({ status: 'approved', exclusionBlocked: true, representations: [] });
      expect(fakes.audit).toContain('representations.window_closed');
    });

    it('lets the supplier replace a debarred sub-contractor, and checks run again (s26)', async () => {
      const fakes = fakeActivities(['debarred_subcontractor', 'clear']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        expect(await reach(handle, 'awaiting_representations')).toMatchObject({
          route: { replacementAllowed: true },
        });
        const replacement = [{ name: 'Other Installers Ltd', country: 'GB', role: 'installation' }];
        expect(
          await handle.executeUpdate(replaceAssociatedPersonUpdate, {
            args: [{ subcontractors: replacement, explanation: 'Install Co replaced by Other Installers.' }],
          }),
        ).toEqual({ status: 'checking' });
        await reach(handle, 'awaiting_review');
        await decide(handle, RITA, 'approve');
        const result = await handle.result();
        await recordHistory('associated-person-replaced', handle);
        return result;
      });
      expect(result).toMatchObject({ status: 'approved', requiredApprovals: ['reviewer'] });
      expect(fakes.checkedDeclarations.map((d) => d.subcontractors[0].name)).toEqual([
        'Install Co Ltd',
        'Other Installers Ltd',
      ]);
      expect(fakes.audit.filter((a) => a === 'checks.completed')).toHaveLength(2);
      expect(fakes.audit).toContain('associated_person.replaced');
    });
  });

  describe('information requests', () => {
    it('sends the case back to the supplier with questions and re-runs the checks on the answers', async () => {
      const fakes = fakeActivities(['clear']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        await reach(handle, 'awaiting_review');
        const asked = await decide(handle, RITA, 'request_information', {
          reason: 'Manufacturer unclear',
          questions: ['Who makes the cameras?'],
        });
        expect(asked.status).toBe('information_requested');
        expect(await state(handle)).toMatchObject({
          questions: ['Who makes the cameras?'],
          waitingFor: { step: 'information', pools: ['supplier'] },
        });
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await decide(handle, ROB, 'reject');
        const result = await handle.result();
        await recordHistory('information-requested-then-rejected', handle);
        return result;
      });
      expect(result.status).toBe('rejected');
      expect(fakes.audit.filter((a) => a === 'checks.completed')).toHaveLength(2);
      expect(fakes.notifications.find((n) => n.kind === 'information.requested')?.data).toMatchObject({
        questions: ['Who makes the cameras?'],
      });
    });

    it('excludes a supplier that refuses to answer questions about connected persons (s30)', async () => {
      const fakes = fakeActivities(['high']);
      const result = await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await decide(handle, RITA, 'request_information', {
          reason: 'Owners missing',
          questions: ['Who owns Acme Holdings Ltd?'],
          concernsConnectedPersons: true,
        });
        await handle.executeUpdate(declineToAnswerUpdate, { args: [{ reason: 'Confidential' }] });
        const result = await handle.result();
        await recordHistory('connected-persons-refused', handle);
        return result;
      });
      expect(result).toMatchObject({
        status: 'excluded',
        decision: { outcome: 'excluded', decidedBy: 'system', reason: expect.stringContaining('s30') },
      });
      expect(fakes.audit).toContain('information.refused');
    });

    it('returns an ordinary refusal to the reviewer without re-running checks', async () => {
      const fakes = fakeActivities(['clear']);
      await run(fakes, async (start) => {
        const handle = await start();
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await decide(handle, RITA, 'request_information', {
          reason: 'Detail',
          questions: ['Model numbers?'],
        });
        expect(
          await handle.executeUpdate(declineToAnswerUpdate, { args: [{ reason: 'Not available yet' }] }),
        ).toEqual({
          status: 'awaiting_review',
        });
        expect((await state(handle)).informationRequest?.refusal?.reason).toBe('Not available yet');
        await decide(handle, RITA, 'approve');
        await handle.result();
      });
      expect(fakes.audit.filter((a) => a === 'checks.completed')).toHaveLength(1);
    });
  });

  describe('deadlines and escalation', () => {
    it('reminds the reviewers, then escalates to the approver pool, all in the audit trail', async () => {
      const fakes = fakeActivities(['high']);
      const result = await run(fakes, async (start) => {
        const handle = await start({
          reviewDeadlineMs: { reviewer: 2_900, approver: LONG },
          reviewReminderMs: 1_000,
          escalationReminderMs: 1_000,
        });
        await declare(handle);
        await reach(handle, 'awaiting_review');
        await waitFor(async () => (await state(handle)).waitingFor?.escalated === true, 10_000);
        expect((await state(handle)).waitingFor).toMatchObject({
          pools: ['reviewer', 'approver'],
          escalated: true,
        });
        expect((await handle.describe()).searchAttributes.ScreeningAssignee).toEqual(['role:approver']);
        await waitFor(async () => fakes.audit.includes('review.escalation_reminder_sent'), 5_000);
        await decide(handle, ALAN, 'approve'); // an approver stands in for the reviewer
        await reach(handle, 'awaiting_approval');
        await decide(handle, AMY, 'approve');
        const result = await handle.result();
        await recordHistory('review-escalated', handle);
        return result;
      });
      expect(result.status).toBe('approved');
      expect(fakes.audit.filter((a) => a === 'review.reminder_sent')).toHaveLength(2);
      expect(fakes.audit).toContain('review.escalated');
      expect(fakes.notifications.filter((n) => n.audience === 'approver').map((n) => n.kind)).toEqual(
        expect.arrayContaining(['review.escalated', 'review.escalation_reminder']),
      );
    });
  });

  describe('withdrawal', () => {
    const withdraw = (handle: Handle, actor: Actor = BUYER) =>
      handle.executeUpdate(withdrawUpdate, { args: [{ actor, reason: 'Tender cancelled.' }] });

    async function withdrawAt(
      fakes: Fakes,
      reachStage: (handle: Handle) => Promise<void>,
      history?: string,
      durations: Partial<ScreeningDurations> = {},
    ) {
      return run(fakes, async (start) => {
        const handle = await start(durations);
        await reachStage(handle);
        expect((await refusal(withdraw(handle, RITA))).type).toBe('ActionNotAllowed');
        expect(await withdraw(handle)).toEqual({ status: 'withdrawn' });
        const result = await handle.result();
        if (history) await recordHistory(history, handle);
        return result;
      });
    }

    it.each([
      ['awaiting_declaration', ['clear'] as RiskKind[], async () => {}],
      ['checking', ['clear'] as RiskKind[], async (h: Handle) => void (await declare(h))],
      [
        'awaiting_review',
        ['clear'] as RiskKind[],
        async (h: Handle) => {
          await declare(h);
          await reach(h, 'awaiting_review');
        },
      ],
      [
        'awaiting_approval',
        ['high'] as RiskKind[],
        async (h: Handle) => {
          await declare(h);
          await reach(h, 'awaiting_review');
          await decide(h, RITA, 'approve');
        },
      ],
      [
        'information_requested',
        ['clear'] as RiskKind[],
        async (h: Handle) => {
          await declare(h);
          await reach(h, 'awaiting_review');
          await decide(h, RITA, 'request_information', { reason: 'More', questions: ['Which models?'] });
        },
      ],
      [
        'awaiting_representations',
        ['national_security'] as RiskKind[],
        async (h: Handle) => {
          await declare(h);
          await reach(h, 'awaiting_representations');
        },
      ],
      [
        'awaiting_ministerial_referral',
        ['national_security'] as RiskKind[],
        async (h: Handle) => {
          await declare(h);
          await reach(h, 'awaiting_representations');
          await h.executeUpdate(makeRepresentationsUpdate, {
            args: [{ text: 'We disagree with the assessment entirely.' }],
          });
          await reach(h, 'awaiting_review');
          await decide(h, RITA, 'reject');
          await decide(h, ALAN, 'reject');
        },
      ],
    ])('withdraws at %s and still seals the trail', async (stage, risks, reachStage) => {
      const fakes = fakeActivities(risks);
      const result = await withdrawAt(
        fakes,
        async (h) => {
          await reachStage(h);
          expect((await state(h)).status).toBe(stage);
        },
        stage === 'awaiting_review' ? 'withdrawn-at-review' : undefined,
        // Checking, before the checks start: the supplier's amendment window is still open.
        stage === 'checking' ? { amendmentWindowMs: 5_000 } : {},
      );
      expect(result).toMatchObject({
        status: 'withdrawn',
        waitingFor: null,
        decision: { outcome: 'withdrawn', decidedBy: 'buyer.bob', reason: 'Tender cancelled.' },
      });
      expect(fakes.audit.slice(-2)).toEqual(['screening.withdrawn', 'screening.closed']);
      expect(fakes.snapshots.at(-1)).toMatchObject({ status: 'withdrawn', waitingFor: null });
    });
  });

  it('takes a withdrawal sent while the checks run as soon as the round has been recorded', async () => {
    // The checks are a local activity: the workflow task that holds them ends with the round's records.
    const fakes = fakeActivities(['clear'], { checkDelayMs: 1_500 });
    const result = await run(fakes, async (start) => {
      const handle = await start();
      await declare(handle);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(
        await handle.executeUpdate(withdrawUpdate, { args: [{ actor: BUYER, reason: 'Tender cancelled.' }] }),
      ).toEqual({ status: 'withdrawn' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'withdrawn', decision: { outcome: 'withdrawn' } });
    expect(fakes.checkedDeclarations).toHaveLength(1);
    expect(fakes.audit.slice(-4)).toEqual([
      'checks.completed',
      'risk.assessed',
      'screening.withdrawn',
      'screening.closed',
    ]);
  });

  it('applies a retried update with the same update id once', async () => {
    const fakes = fakeActivities(['high']);
    await run(fakes, async (start) => {
      const handle = await start();
      await declare(handle);
      await reach(handle, 'awaiting_review');
      const send = () =>
        handle.executeUpdate(decideUpdate, {
          updateId: 'request-123',
          args: [{ actor: RITA, decision: 'approve', reason: 'fine' }],
        });
      const [first, second] = await Promise.all([send(), send()]);
      expect(first).toEqual(second);
      expect(await send()).toEqual(first);
      expect((await state(handle)).approvals).toHaveLength(1);
      await handle.terminate('test done');
    });
    expect(fakes.audit.filter((a) => a === 'decision.approve')).toHaveLength(1);
  });

  it('shows stage and assignee as search attributes, without personal data', async () => {
    const fakes = fakeActivities(['clear']);
    await run(fakes, async (start) => {
      const handle = await start();
      await declare(handle);
      await reach(handle, 'awaiting_review');
      const described = await handle.describe();
      expect(described.searchAttributes).toMatchObject({
        ScreeningStage: ['review'],
        ScreeningAssignee: ['role:reviewer'],
      });
      await decide(handle, RITA, 'approve');
      await handle.result();
      const closed = await handle.describe();
      expect(closed.searchAttributes.ScreeningStage).toEqual(['closed']);
      expect(closed.searchAttributes.ScreeningAssignee).toBeUndefined();
    });
  });
});

async function refusal(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
  const error = await promise.then(
    () => {
      throw new Error('expected the update to be refused');
    },
    (e: unknown) => e,
  );
  const cause = (error as { cause?: { type?: string; message: string } }).cause;
  return { type: cause?.type, message: cause?.message ?? (error as Error).message };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error(message: string) {
    console.error(message);
  },
};
