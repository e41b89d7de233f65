// Continuous monitoring of approved screenings: what changed between the assessment a screening was
// approved on (or last re-checked on) and a re-check against newer reference data. Pure: the worker
// loads both assessments, this decides whether people must be told and says what to tell them.
import type {
  CheckName,
  Finding,
  RiskBand,
  RiskOutcome,
  SubjectRole,
} from '../../../contracts/src/domain-types.js';

/** A finding as monitoring keeps it: enough to say what it was, without its evidence. */
export interface MonitoredFinding {
  key: string;
  check: CheckName | string;
  code: string;
  subject: { role: SubjectRole | string; name: string; country?: string };
  summary: string;
}

/** One assessment of a screening: its findings (dismissed ones included, flagged) and the risk they scored. */
export interface MonitoredAssessment {
  referenceDataVersion: string;
  findings: readonly (MonitoredFinding & { dismissed?: Finding['dismissed'] })[];
  score: number;
  band: RiskBand;
  outcome: RiskOutcome;
}

/**
 * `outcome_changed`: the policy outcome differs (clear → review, review → excluded, …);
 * `risk_changed`: same outcome, another risk band; `findings_changed`: same outcome and band, but
 * findings appeared or went away.
 */
export const ALERT_KINDS = ['outcome_changed', 'risk_changed', 'findings_changed'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Change<T> {
  from: T;
  to: T;
}

export interface AssessmentChanges {
  kind: AlertKind;
  previousReferenceDataVersion: string;
  referenceDataVersion: string;
  /** Findings the re-check raised that the previous assessment did not (by finding key), key order. */
  findingsAdded: MonitoredFinding[];
  /** Findings of the previous assessment the re-check no longer raises, key order. */
  findingsRemoved: MonitoredFinding[];
  outcome: Change<RiskOutcome>;
  band: Change<RiskBand>;
  score: Change<number>;
}

/** The finding without what monitoring does not compare (evidence, attributes, dismissal). */
export function monitoredFinding(finding: MonitoredFinding): MonitoredFinding {
  const { key, check, code, subject, summary } = finding;
  return { key, check, code, subject: { ...subject }, summary };
}

/**
 * What changed from `previous` to `current`, or null when nothing people must act on did. Findings are
 * compared by key (keys are stable across dataset versions: they name reference entities by external
 * id); a finding a reviewer dismissed counts in neither assessment, so a dismissal holds here as it does
 * in re-screening. A score that moves within the same band with the same findings is not a change: the
 * same facts, weighed again, are not news.
 */
export function compareAssessments(
  previous: MonitoredAssessment,
  current: MonitoredAssessment,
): AssessmentChanges | null {
  const before = activeByKey(previous);
  const after = activeByKey(current);
  const findingsAdded = [...after.values()].filter((f) => !before.has(f.key));
  const findingsRemoved = [...before.values()].filter((f) => !after.has(f.key));
  const outcomeChanged = previous.outcome !== current.outcome;
  const bandChanged = previous.band !== current.band;
  if (!outcomeChanged && !bandChanged && findingsAdded.length === 0 && findingsRemoved.length === 0) {
    return null;
  }
  return {
    kind: outcomeChanged ? 'outcome_changed' : bandChanged ? 'risk_changed' : 'findings_changed',
    previousReferenceDataVersion: previous.referenceDataVersion,
    referenceDataVersion: current.referenceDataVersion,
    findingsAdded,
    findingsRemoved,
    outcome: { from: previous.outcome, to: current.outcome },
    band: { from: previous.band, to: current.band },
    score: { from: previous.score, to: current.score },
  };
}

/**
 * One paragraph for people: what changed, then why (the findings' own explanations).
 * e.g. "Reference data version 12 changes this approved screening (last assessed on version 9):
 * outcome clear → review, risk band low → high, score 5 → 45; 1 new finding. New: … No longer raised: …"
 */
export function describeChanges(changes: AssessmentChanges): string {
  const { outcome, band, score, findingsAdded, findingsRemoved } = changes;
  const parts: string[] = [];
  if (outcome.from !== outcome.to) parts.push(`outcome ${outcome.from} → ${outcome.to}`);
  if (band.from !== band.to) parts.push(`risk band ${band.from} → ${band.to}`);
  if (score.from !== score.to) parts.push(`score ${score.from} → ${score.to}`);
  if (findingsAdded.length > 0) parts.push(count(findingsAdded.length, 'new finding'));
  if (findingsRemoved.length > 0) parts.push(`${count(findingsRemoved.length, 'finding')} no longer raised`);
  const sentences = [
    `Reference data version ${changes.referenceDataVersion} changes this approved screening (last assessed on version ${changes.previousReferenceDataVersion}): ${parts.join(', ')}.`,
  ];
  if (findingsAdded.length > 0) sentences.push(`New: ${findingsAdded.map(sentence).join(' ')}`);
  if (findingsRemoved.length > 0)
    sentences.push(`No longer raised: ${findingsRemoved.map(sentence).join(' ')}`);
  return sentences.join(' ');
}

function activeByKey(assessment: MonitoredAssessment): Map<string, MonitoredFinding> {
  const active = assessment.findings
    .filter((f) => !f.dismissed)
    .map(monitoredFinding)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(active.map((f) => [f.key, f]));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function sentence(finding: MonitoredFinding): string {
  const text = finding.summary.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
