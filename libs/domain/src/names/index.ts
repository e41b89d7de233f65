// Name screening: normalisation and scoring of company names (pure; safe in workflow code), and the
// labelled data used to measure them.
export { normaliseName, nameTokens, legalFormOf, analyseName, type NameAnalysis } from './normalise.js';
export { toSimplifiedChinese } from './chinese-variants.js';
export {
  scoreNameMatch,
  rankCandidates,
  DEFAULT_MATCH_THRESHOLD,
  DEFAULT_SCORING_OPTIONS,
  type RankOptions,
} from './score.js';
export {
  prepareCandidate,
  prepareQuery,
  normaliseCountry,
  normaliseIdentifier,
  type PreparedCandidate,
  type PreparedQuery,
  type PreparedName,
  type PreparedToken,
  type TokenKind,
} from './prepare.js';
export type {
  MatchQuery,
  MatchCandidate,
  MatchIdentifier,
  MatchResult,
  MatchComponents,
  Evidence,
  ScoringOptions,
} from './match-types.js';

// Evaluation and benchmark data.
export {
  buildLabelledSet,
  type LabelledSet,
  type LabelledQuery,
  type LabelledSetOptions,
} from './labelled-set.js';
export { evaluate, type EvaluationReport, type EvaluationError } from './evaluate.js';
export { SEED_LISTED_ENTITIES } from './seed-listed-entities.js';
export { createCompanyNameGenerator, syntheticEntities, type SyntheticCompany } from './synthetic-names.js';
export { createRng, type Rng } from './prng.js';
