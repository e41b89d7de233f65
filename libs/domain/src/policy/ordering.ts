// Deterministic ordering for scoring: the same findings in any order give the same assessment.
import type { Finding } from '../../../contracts/src/domain-types.js';
import { canonicalJson } from './canonical-json.js';

/** Compares by UTF-16 code units; localeCompare would depend on the machine's locale (ICU data). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The findings that score: not dismissed, one per key, ordered by key. */
export function scorableFindings(findings: readonly Finding[]): Finding[] {
  const live = findings
    .filter((finding) => !finding.dismissed)
    .map((finding) => ({ finding, text: canonicalJson(finding) }))
    .sort((a, b) => compareText(a.finding.key, b.finding.key) || compareText(a.text, b.text));
  // A key names one finding within a screening; a repeat (e.g. a retried check) must not score twice.
  return live
    .filter((entry, i) => i === 0 || live[i - 1]!.finding.key !== entry.finding.key)
    .map((e) => e.finding);
}

/** Values without repeats, keeping the first occurrence, compared by canonical JSON. */
export function uniqueByContent<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const text = canonicalJson(value);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
