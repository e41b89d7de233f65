// A deterministic labelled set for measuring name-matching quality: listed entities (the seed facts
// plus synthetic companies), positive queries (listed names and aliases with realistic noise) and
// negative queries (companies that are not listed, many of them near-misses of listed names).
import { isCjkToken } from './cjk.js';
import type { MatchCandidate, MatchIdentifier, MatchQuery } from './match-types.js';
import { addNoise } from './name-noise.js';
import { nameTokens, normaliseName } from './normalise.js';
import { createRng, type Rng } from './prng.js';
import { SEED_LISTED_ENTITIES, SEED_NEAR_MISSES } from './seed-listed-entities.js';
import {
  createCompanyNameGenerator,
  toMatchCandidate,
  type CompanyNameGenerator,
  type SyntheticCompany,
} from './synthetic-names.js';
import { CHINESE_GENERIC_WORDS, CHINESE_PLACE_NAMES } from './vocabulary.js';

export interface LabelledQuery {
  query: MatchQuery;
  /** The listed entity the query refers to, or null for a company that is not listed. */
  expectedEntityId: string | null;
  /** How the query was made ("typo, swap-words", "near-miss of synthetic-12"), for reading errors. */
  origin: string;
}

export interface LabelledSet {
  listed: MatchCandidate[];
  queries: LabelledQuery[];
}

export interface LabelledSetOptions {
  seed?: number;
  /** Real listed entities; SEED_LISTED_ENTITIES unless given. */
  listed?: readonly MatchCandidate[];
  syntheticListedCount?: number;
  positiveCount?: number;
  negativeCount?: number;
}

const COUNTRY_POOL = ['CN', 'GB', 'US', 'DE', 'FR', 'JP', 'IN', 'AE', 'HK', 'TW', 'SG', 'KR'];
/** The real entities are few; each gets this many noisy queries so that they weigh in the figures. */
const POSITIVES_PER_REAL_ENTITY = 15;

/** A listed name that differs from a non-listed one only in its sector word (see the design doc). */
const STANDARD_BANK: MatchCandidate = {
  entityId: 'example-standard-bank',
  name: 'Standard Bank Ltd',
  aliases: [],
  country: 'ZA',
  identifiers: [],
};

function queryCountry(rng: Rng, country: string | null): string | null {
  const roll = rng.next();
  if (roll < 0.65) return country;
  if (roll < 0.95) return null;
  return rng.pick(COUNTRY_POOL);
}

/** The same identifier as a supplier might type it: other case, separators. */
function retypedIdentifier(rng: Rng, identifier: MatchIdentifier): MatchIdentifier {
  const id = rng.chance(0.5) ? identifier.id.toLowerCase() : identifier.id;
  const withSeparator = id.length > 4 && rng.chance(0.5) ? `${id.slice(0, 3)}-${id.slice(3)}` : id;
  return { scheme: rng.chance(0.5) ? identifier.scheme.toLowerCase() : identifier.scheme, id: withSeparator };
}

function noiseCount(rng: Rng): number {
  const roll = rng.next();
  return roll < 0.4 ? 1 : roll < 0.8 ? 2 : 3;
}

function positiveQuery(rng: Rng, entity: MatchCandidate, generator: CompanyNameGenerator): LabelledQuery {
  if (entity.identifiers.length > 0 && rng.chance(0.03)) {
    // A trading name that shares nothing with the listed names: only the identifier can find it.
    const tradingName = generator.next().name;
    return {
      query: {
        name: tradingName,
        country: entity.country,
        identifiers: [retypedIdentifier(rng, entity.identifiers[0])],
      },
      expectedEntityId: entity.entityId,
      origin: 'identifier only',
    };
  }
  const fromAlias = entity.aliases.length > 0 && rng.chance(0.35);
  const source = fromAlias ? rng.pick(entity.aliases) : entity.name;
  const { name, noise } = addNoise(source, noiseCount(rng), rng);
  const identifiers =
    entity.identifiers.length > 0 && rng.chance(0.15)
      ? [retypedIdentifier(rng, rng.pick(entity.identifiers))]
      : [];
  return {
    query: { name, country: queryCountry(rng, entity.country), identifiers },
    expectedEntityId: entity.entityId,
    origin: `${fromAlias ? 'alias' : 'name'} '${source}' + ${noise.join(', ') || 'no noise'}`,
  };
}

/** Rejects names that contain every identifying word of a listed company: those are ambiguous. */
function createSupersetGuard(listed: readonly SyntheticCompany[]) {
  const byWord = new Map<string, string[][]>();
  for (const company of listed) {
    const key = company.distinctiveWords.map((word) => word.toLowerCase());
    for (const word of key) byWord.set(word, [...(byWord.get(word) ?? []), key]);
  }
  return (words: readonly string[]): boolean => {
    const present = new Set(words.map((word) => word.toLowerCase()));
    return [...present].some((word) =>
      (byWord.get(word) ?? []).some((key) => key.every((w) => present.has(w))),
    );
  };
}

function replaceWord(name: string, word: string, replacement: string): string {
  return name.replace(word, replacement);
}

function nameTokensOf(name: string): string[] {
  return nameTokens(normaliseName(name));
}

function chineseCoreOf(alias: string): string | undefined {
  return normaliseName(alias)
    .split(' ')
    .find((token) => !CHINESE_PLACE_NAMES.has(token) && !CHINESE_GENERIC_WORDS.has(token));
}

interface NegativeContext {
  rng: Rng;
  generator: CompanyNameGenerator;
  listed: readonly SyntheticCompany[];
  containsListedName: (words: readonly string[]) => boolean;
}

function negative(
  name: string,
  country: string | null,
  origin: string,
  identifiers: MatchIdentifier[] = [],
): LabelledQuery {
  return { query: { name, country, identifiers }, expectedEntityId: null, origin };
}

/** Same sector, place and legal form as a listed company, one identifying word different. */
function nearMissNegative({
  rng,
  generator,
  listed,
  containsListedName,
}: NegativeContext): LabelledQuery | null {
  const source = rng.pick(listed);
  const replaced = rng.pick(source.distinctiveWords);
  const replacement = generator.freshWord();
  const words = source.distinctiveWords.map((word) => (word === replaced ? replacement : word));
  if (containsListedName(words)) return null;
  // A conflicting identifier in the same scheme, as a real namesake would have.
  const identifiers = source.identifiers
    .filter(() => rng.chance(0.2))
    .map((identifier) => ({ ...identifier, id: identifier.id.split('').reverse().join('') }));
  return negative(
    replaceWord(source.name, replaced, replacement),
    queryCountry(rng, source.country),
    `near-miss of ${source.entityId}`,
    identifiers,
  );
}

/** Different identifying words, same sector words and legal form ("Standard Life" for "Standard Bank"). */
function sharedSectorNegative({
  rng,
  generator,
  listed,
  containsListedName,
}: NegativeContext): LabelledQuery | null {
  const source = rng.pick(listed);
  let name = source.name;
  const words: string[] = [];
  for (const word of source.distinctiveWords) {
    const replacement = rng.chance(0.5) ? generator.freshWord() : word;
    words.push(replacement);
    name = replaceWord(name, word, replacement);
  }
  if (name === source.name || containsListedName(words)) return null;
  return negative(name, queryCountry(rng, source.country), `shares sector words with ${source.entityId}`);
}

function freshCompanyNegative({ rng, generator, containsListedName }: NegativeContext): LabelledQuery | null {
  const company = generator.next();
  if (containsListedName(company.distinctiveWords)) return null;
  const name = company.aliases.length > 0 && rng.chance(0.2) ? rng.pick(company.aliases) : company.name;
  const { name: noisy } = rng.chance(0.3) ? addNoise(name, 1, rng) : { name };
  return negative(noisy, rng.chance(0.7) ? company.country : null, 'unlisted company');
}

/** Same place and sector as a listed company's Chinese name, another core (大华 → 大宇). */
function chineseNegative({ rng, generator, listed }: NegativeContext): LabelledQuery | null {
  const source = rng.pick(listed);
  const alias = source.aliases.find((name) => isCjkToken(name));
  const core = alias && chineseCoreOf(alias);
  if (!alias || !core) return null;
  return negative(
    alias.replace(core, generator.freshChineseCore()),
    source.country,
    `Chinese near-miss of ${source.entityId}`,
  );
}

const NEGATIVE_KINDS: readonly [number, (context: NegativeContext) => LabelledQuery | null][] = [
  [0.35, freshCompanyNegative],
  [0.3, nearMissNegative],
  [0.2, sharedSectorNegative],
  [0.15, chineseNegative],
];

function pickNegativeKind(rng: Rng): (context: NegativeContext) => LabelledQuery | null {
  let roll = rng.next();
  for (const [share, kind] of NEGATIVE_KINDS) {
    if (roll < share) return kind;
    roll -= share;
  }
  return NEGATIVE_KINDS[0][1];
}

function curatedNegatives(): LabelledQuery[] {
  return [
    ...SEED_NEAR_MISSES.map(([name, country, resembles]) =>
      negative(name, country, `real near-miss of ${resembles}`),
    ),
    negative('Standard Life Ltd', 'GB', `near-miss of ${STANDARD_BANK.entityId}`),
  ];
}

/** Builds the listed entities and labelled queries; the same options always give the same set. */
export function buildLabelledSet(options: LabelledSetOptions = {}): LabelledSet {
  const rng = createRng(options.seed ?? 20240601);
  const realListed = [...(options.listed ?? SEED_LISTED_ENTITIES), STANDARD_BANK];
  const reservedWords = realListed.flatMap((entity) =>
    [entity.name, ...entity.aliases].flatMap(nameTokensOf),
  );
  const generator = createCompanyNameGenerator(rng, { reservedWords });
  const synthetic = Array.from({ length: options.syntheticListedCount ?? 2000 }, () => generator.next());
  const listed = [...realListed, ...synthetic.map(toMatchCandidate)];

  const positiveCount = options.positiveCount ?? 2000;
  const positives: LabelledQuery[] = [];
  for (const entity of realListed) {
    for (let i = 0; i < POSITIVES_PER_REAL_ENTITY && positives.length < positiveCount; i++) {
      positives.push(positiveQuery(rng, entity, generator));
    }
  }
  while (positives.length < positiveCount) positives.push(positiveQuery(rng, rng.pick(synthetic), generator));

  const context: NegativeContext = {
    rng,
    generator,
    listed: synthetic,
    containsListedName: createSupersetGuard(synthetic),
  };
  const negativeCount = options.negativeCount ?? 2000;
  const negatives = curatedNegatives().slice(0, negativeCount);
  while (negatives.length < negativeCount) {
    const query = pickNegativeKind(rng)(context);
    if (query) negatives.push(query);
  }
  return { listed, queries: [...positives, ...negatives] };
}
