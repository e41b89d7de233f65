// Reviewer-facing sentences that say why a candidate scored what it did.
import type { AlignedPair, NameAlignment } from './align.js';
import type { PreparedIdentifier, PreparedName, PreparedToken } from './prepare.js';
import type { CandidateEvaluation } from './score.js';

const KIND_LABELS = { generic: 'generic word', place: 'place name', stopword: 'connecting word' } as const;

function formatNumber(value: number): string {
  return value.toFixed(2);
}

function describePair({ query, candidate, edits }: AlignedPair): string {
  const [q, c] = [query.written, candidate.written];
  if (q === c) return `token '${q}' = '${c}'`;
  const joined = query.joined || candidate.joined;
  const editCount = `${edits} edit${edits === 1 ? '' : 's'}`;
  if (joined) return `token '${q}' ~ '${c}' (written together${edits > 0 ? `, ${editCount}` : ''})`;
  // Equal texts under different spellings: a misspelt generic word read as the word it misspells.
  if (edits === 0) return `token '${q}' ~ '${c}' (read as '${query.text}')`;
  return `token '${q}' ~ '${c}' (${editCount})`;
}

function describeLowWeights(alignment: NameAlignment): string[] {
  const tokens: PreparedToken[] = [
    ...alignment.pairs.flatMap((pair) => [pair.query, pair.candidate]),
    ...alignment.unmatchedQuery,
    ...alignment.unmatchedCandidate,
  ];
  const described: string[] = [];
  const sentences: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'distinctive' || described.includes(token.written)) continue;
    described.push(token.written);
    sentences.push(`${KIND_LABELS[token.kind]} '${token.written}' weighted ${formatNumber(token.weight)}`);
  }
  return sentences;
}

function describeUnmatched(alignment: NameAlignment): string[] {
  const texts = (tokens: readonly PreparedToken[]) => tokens.map((token) => `'${token.written}'`).join(', ');
  const sentences: string[] = [];
  if (alignment.unmatchedQuery.length > 0 && alignment.unmatchedCandidate.length > 0) {
    sentences.push(
      `words differ: ${texts(alignment.unmatchedQuery)} in the query, ${texts(alignment.unmatchedCandidate)} in the candidate`,
    );
  } else if (alignment.unmatchedQuery.length > 0) {
    sentences.push(`query words not in the candidate: ${texts(alignment.unmatchedQuery)}`);
  } else if (alignment.unmatchedCandidate.length > 0) {
    sentences.push(`candidate words not in the query: ${texts(alignment.unmatchedCandidate)}`);
  }
  return sentences;
}

function describeName(evaluation: CandidateEvaluation, name: PreparedName | null): string[] {
  if (!name || !evaluation.alignment) return ['no name or alias shares a word with the query'];
  const primary = evaluation.candidate.names[0] === name;
  return [
    `${primary ? 'name' : 'alias'} '${name.original}' matched with similarity ${formatNumber(evaluation.nameScore)}`,
    ...evaluation.alignment.pairs.map(describePair),
    ...describeLowWeights(evaluation.alignment),
    ...describeUnmatched(evaluation.alignment),
  ];
}

function formatIdentifier(identifier: PreparedIdentifier): string {
  return `${identifier.scheme}:${identifier.id}`;
}

function describeIdentifier(evaluation: CandidateEvaluation): string[] {
  const evidence = evaluation.identifier;
  if (evidence.kind === 'match') return [`identifier ${formatIdentifier(evidence.identifier)} matches`];
  if (evidence.kind === 'conflict') {
    return [
      `identifier ${formatIdentifier(evidence.query)} differs from the candidate's ${formatIdentifier(evidence.candidate)}`,
    ];
  }
  return [];
}

function describeCountry(evaluation: CandidateEvaluation): string[] {
  const { query, candidate, country } = evaluation;
  if (country === 1) return [`country ${candidate.country} matches`];
  if (country === -1) return [`country ${query.country} differs from the candidate's ${candidate.country}`];
  return [];
}

export function explainMatch(evaluation: CandidateEvaluation): string[] {
  return [
    ...describeName(evaluation, evaluation.bestName),
    ...describeIdentifier(evaluation),
    ...describeCountry(evaluation),
  ];
}
