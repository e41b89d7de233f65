// Noise that turns a listed name into a realistic variant of the same company, as suppliers and
// registries write it: typos, another legal form, dropped or swapped words, case and punctuation,
// words run together or split, abbreviations, and Traditional Chinese script.
import { toTraditionalChinese } from './chinese-variants.js';
import { isCjkToken } from './cjk.js';
import { normaliseName } from './normalise.js';
import type { Rng } from './prng.js';
import { ALL_LEGAL_FORMS } from './synthetic-names.js';
import { classifyToken } from './token-kinds.js';
import { CHINESE_PLACE_NAMES } from './vocabulary.js';

type LatinNoiseKind =
  'typo' | 'legal-form' | 'drop-word' | 'swap-words' | 'case-punctuation' | 'join-split' | 'abbreviation';
type ChineseNoiseKind = 'traditional-script' | 'chinese-legal-form' | 'drop-chinese-place';
export type NoiseKind = LatinNoiseKind | ChineseNoiseKind;

/** A name split into the words that identify it and the legal forms before and after them. */
interface NameParts {
  leading: string;
  words: string[];
  trailing: string;
}

const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyz');

/** Abbreviations as registries and suppliers write them. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  international: 'Intl',
  technology: 'Tech',
  technologies: 'Tech',
  communications: 'Comms',
  manufacturing: 'Mfg',
  holdings: 'Hldgs',
  services: 'Svcs',
  industries: 'Inds',
};

function lettersOnly(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '');
}

/** Whether the scorer would see the word as a brand word (not generic, a place or a connector). */
function isDistinctiveWord(word: string): boolean {
  const [token, ...more] = normaliseName(word).split(' ');
  return token !== '' && more.length === 0 && classifyToken(token, false).kind === 'distinctive';
}

function isLowWeightWord(word: string): boolean {
  return /\p{L}/u.test(word) && !isDistinctiveWord(word);
}

/** The shortest run of words that normalises like the whole name; the rest are legal forms. */
function splitName(name: string): NameParts {
  const words = name.split(/\s+/).filter(Boolean);
  const normalised = normaliseName(name);
  for (let length = 1; length < words.length; length++) {
    for (let start = 0; start + length <= words.length; start++) {
      if (normaliseName(words.slice(start, start + length).join(' ')) !== normalised) continue;
      return {
        leading: words.slice(0, start).join(' '),
        words: words.slice(start, start + length),
        trailing: words.slice(start + length).join(' '),
      };
    }
  }
  return { leading: '', words, trailing: '' };
}

function joinName({ leading, words, trailing }: NameParts): string {
  return [leading, ...words, trailing].filter(Boolean).join(' ');
}

function misspell(word: string, rng: Rng): string {
  const i = 1 + rng.int(word.length - 1);
  switch (rng.int(4)) {
    case 0:
      return word.slice(0, i) + rng.pick(LETTERS) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + rng.pick(LETTERS) + word.slice(i);
    default:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : word.slice(0, i);
  }
}

function indexWhere(words: readonly string[], rng: Rng, test: (word: string, i: number) => boolean): number {
  const indexes = words.map((word, i) => (test(word, i) ? i : -1)).filter((i) => i >= 0);
  return indexes.length > 0 ? rng.pick(indexes) : -1;
}

type LatinNoise = (parts: NameParts, rng: Rng) => NameParts | null;

const LATIN_NOISE: Record<LatinNoiseKind, LatinNoise> = {
  typo: (parts, rng) => {
    const i = indexWhere(parts.words, rng, (word) => /^\p{L}{5,}$/u.test(word));
    if (i < 0) return null;
    const words = [...parts.words];
    words[i] = misspell(words[i], rng);
    if (words[i].length >= 10 && rng.chance(0.3)) words[i] = misspell(words[i], rng);
    return { ...parts, words };
  },
  'legal-form': (parts, rng) => {
    const trailing = rng.chance(0.25) ? '' : rng.pick(ALL_LEGAL_FORMS);
    return trailing === parts.trailing ? null : { leading: '', words: parts.words, trailing };
  },
  'drop-word': (parts, rng) => {
    const distinctive = parts.words.filter(isDistinctiveWord).length;
    // Dropping an identifying word is only realistic when the name has several; and a name needs one.
    const i = indexWhere(parts.words, rng, (word) =>
      isLowWeightWord(word) ? distinctive >= 1 : distinctive >= 3,
    );
    if (i < 0 || parts.words.length < 2) return null;
    return { ...parts, words: parts.words.filter((_, j) => j !== i) };
  },
  'swap-words': (parts, rng) => {
    const hasLetters = (word: string) => /\p{L}/u.test(word);
    const i = indexWhere(
      parts.words.slice(0, -1),
      rng,
      (word, j) => hasLetters(word) && hasLetters(parts.words[j + 1]),
    );
    if (i < 0) return null;
    const words = [...parts.words];
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
    return { ...parts, words };
  },
  'case-punctuation': (parts, rng) => {
    const styles = [
      (text: string) => text.toUpperCase(),
      (text: string) => text.toLowerCase(),
      (text: string) => text.replace(/[.,]/g, ''),
      (text: string) => (text.includes('&') ? text.replace(/&/g, 'and') : text.replace(/ and /gi, ' & ')),
      (text: string) => text.replace(' ', '-'),
    ];
    const style = rng.pick(styles);
    return {
      leading: style(parts.leading),
      words: style(parts.words.join(' ')).split(' '),
      trailing: style(parts.trailing),
    };
  },
  abbreviation: (parts, rng) => {
    const i = indexWhere(parts.words, rng, (word) => lettersOnly(word) in ABBREVIATIONS);
    if (i < 0) return null;
    const words = [...parts.words];
    words[i] = ABBREVIATIONS[lettersOnly(words[i])];
    return { ...parts, words };
  },
  // Brand words written together or apart: "Hik Vision" / "Hikvision".
  'join-split': (parts, rng) => {
    const words = [...parts.words];
    const long = indexWhere(words, rng, (word) => /^\p{L}{8,}$/u.test(word) && isDistinctiveWord(word));
    if (long >= 0 && rng.chance(0.3)) {
      const cut = 3 + rng.int(words[long].length - 5);
      const halves = [words[long].slice(0, cut), words[long].slice(cut)];
      if (!halves.every(isDistinctiveWord)) return null;
      words.splice(long, 1, ...halves);
      return { ...parts, words };
    }
    const i = indexWhere(
      words.slice(0, -1),
      rng,
      (word, j) => isDistinctiveWord(word) && isDistinctiveWord(words[j + 1]),
    );
    if (i < 0) return null;
    words.splice(i, 2, words[i] + words[i + 1]);
    return { ...parts, words };
  },
};

const CHINESE_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司'];

function chineseNoise(name: string, kind: ChineseNoiseKind, rng: Rng): string | null {
  switch (kind) {
    case 'traditional-script':
      return toTraditionalChinese(name);
    case 'chinese-legal-form': {
      const current = CHINESE_LEGAL_FORMS.find((form) => name.endsWith(form));
      const base = current ? name.slice(0, -current.length) : name;
      const replacement = rng.chance(0.3) ? '' : rng.pick(CHINESE_LEGAL_FORMS);
      return replacement === current ? null : base + replacement;
    }
    case 'drop-chinese-place': {
      const [first, ...rest] = normaliseName(name).split(' ');
      const droppable = rest.length > 0 && CHINESE_PLACE_NAMES.has(first) && name.startsWith(first);
      return droppable ? name.slice(first.length) : null;
    }
  }
}

const LATIN_KINDS = Object.keys(LATIN_NOISE) as LatinNoiseKind[];
const CHINESE_KINDS: ChineseNoiseKind[] = ['traditional-script', 'chinese-legal-form', 'drop-chinese-place'];

function applyOnce(
  name: string,
  used: readonly NoiseKind[],
  rng: Rng,
): { name: string; kind: NoiseKind } | null {
  if (isCjkToken(name)) {
    const kind = rng.pick(CHINESE_KINDS);
    if (used.includes(kind)) return null;
    const changed = chineseNoise(name, kind, rng);
    return changed ? { name: changed, kind } : null;
  }
  const kind = rng.pick(LATIN_KINDS);
  // Each kind once. Changes to spacing and punctuation come last, since later noise splits the name
  // at spaces; and words are not run together after a swap, which would be no one's spelling
  // ("CommunicationsHytera").
  if (used.includes(kind) || used.includes('join-split') || used.includes('case-punctuation')) return null;
  if (kind === 'join-split' && used.includes('swap-words')) return null;
  const changed = LATIN_NOISE[kind](splitName(name), rng);
  return changed ? { name: joinName(changed), kind } : null;
}

/** Applies `count` different kinds of noise (fewer if the name offers no room); reports which. */
export function addNoise(name: string, count: number, rng: Rng): { name: string; noise: NoiseKind[] } {
  const noise: NoiseKind[] = [];
  let current = name;
  for (let attempt = 0; noise.length < count && attempt < count * 6; attempt++) {
    const changed = applyOnce(current, noise, rng);
    if (!changed || changed.name === current || normaliseName(changed.name) === '') continue;
    current = changed.name;
    noise.push(changed.kind);
  }
  return { name: current, noise };
}
