// A deterministic generator of plausible company names and entities, for the labelled evaluation set
// and the 1M-entity speed benchmark. Names mix invented words, common English words and surnames,
// sector words, place prefixes and the legal forms of the company's country; Chinese companies also
// get a Chinese-script alias.
import { deletionVariants } from './edit-distance.js';
import type { MatchCandidate, MatchIdentifier } from './match-types.js';
import type { Rng } from './prng.js';
import { CHINESE_GENERIC_WORDS, CHINESE_PLACE_NAMES, GENERIC_WORDS, PLACE_NAMES } from './vocabulary.js';

function words(text: string): readonly string[] {
  return text.split(/\s+/).filter(Boolean);
}

const ONSETS = words(
  'b c d f g h j k l m n p r s t v w z br cr dr fr gr kr pr tr bl cl fl gl pl sl st sk ch sh th qu',
);
const VOWELS = words('a e i o u a e i o y ai ea io ou');
const CODAS = words('n r l s x m t nd rk st ck rn lt ss');

export const COMMON_NAME_WORDS = words(`
  Apex Summit Pioneer Harbour Falcon Meridian Crescent Granite Northstar Evergreen Redwood Oakridge
  Lakeside Phoenix Atlas Orion Zenith Vertex Aurora Sterling Keystone Beacon Horizon Cobalt Saffron
  Juniper Marlin Osprey Kestrel Heron Willow Cedar Maple Birch Aspen Cypress Sequoia Magnolia Lotus
  Jade Ruby Amber Onyx Opal Pearl Coral Ivory Ebony Crimson Azure Indigo Scarlet Emerald Sapphire
  Topaz Quartz Titan Vulcan Mercury Jupiter Neptune Polaris Sirius Lyra Draco Pegasus Griffin
  Condor Raven Sparrow Eagle Hawk Lynx Panther Jaguar Cougar Bison Stallion Mustang Anchor Compass
  Lighthouse Bridgewater Riverside Hillcrest Stonegate Ironbridge Kingsway Westbrook Eastgate
  Southbank Fairview Greenfield Brookfield Ashford Thornbury Whitmore Blackstone Redstone Bluestone
  Clearwater Silverlake Highland Pinnacle Vanguard Sentinel Guardian Paragon Triton Nexus Vector
  Quantum Matrix Spectrum Fusion Catalyst Momentum Infinity Liberty Victory Harmony Equinox
  Solstice Tundra Sahara Monsoon Cascade Glacier Standard Crown Empire Regal Alliance Heritage
  Legacy Frontier Summitview Oakwood Elmwood Pinewood Foxglove Bramble Thistle Heather Clover
  Atlantic Baltic Caspian Adriatic Arctic Sunrise Sunset Twilight Daybreak Starlight Moonstone
`);

export const SURNAMES = words(`
  Smith Jones Patel Chen Wang Zhang Liu Müller Schmidt Kowalski García Fernández Nguyen O'Brien
  Dubois Rossi Bianchi Andersen Johansson Virtanen Novák Horváth Kaya Yılmaz Tanaka Suzuki Park
  Singh Sharma Okafor Mensah Haddad Cohen Silva Santos Costa Walsh Murphy Kelly MacLeod Fraser
  Hughes Evans Roberts Wright Baker Carter Morgan Bennett Fischer Weber Becker Hoffmann Lefebvre
  Moreau Russo Ferrari Lindqvist Nakamura Yamamoto Kuznetsov Popescu Papadopoulos Jensen Nielsen
`);

/** Sector words; some are in the scorer's generic vocabulary, some deliberately are not. */
export const SECTOR_WORDS = words(`
  Technology Technologies Logistics Trading Holdings Group Services Solutions Systems Electronics
  Communications Industries International Engineering Manufacturing Consulting Security Energy
  Capital Partners Digital Networks Materials Medical Pharmaceuticals Foods Marine Aviation Robotics
  Optics Semiconductor Textiles Furniture Construction Shipping Minerals Chemicals Plastics Metals
  Motors Instruments Devices Software Data Analytics Media Insurance Finance Investments Properties
  Resources Ventures Automation Imaging Telecom Power Components Machinery Bank
`);

const COUNTRIES = words('CN CN CN CN GB GB US US US DE DE FR IT NL SE FI NO AU JP IN PL RU AE TR KR HK');

const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  CN: ['Co., Ltd.', 'Company Limited', 'Co., Ltd', 'Co. Ltd.'],
  HK: ['Limited', 'Company Limited', 'Ltd.'],
  GB: ['Ltd', 'Limited', 'plc', 'LLP', 'Ltd.'],
  US: ['Inc.', 'LLC', 'Corp.', 'Corporation', 'Incorporated', 'Co.', 'L.L.C.'],
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  FR: ['SAS', 'S.A.', 'SARL'],
  IT: ['S.p.A.', 'S.r.l.'],
  NL: ['B.V.', 'N.V.'],
  SE: ['AB'],
  FI: ['Oy', 'Oyj'],
  NO: ['AS', 'ASA'],
  AU: ['Pty Ltd', 'Pty. Ltd.'],
  JP: ['K.K.', 'Co., Ltd.'],
  IN: ['Private Limited', 'Pvt. Ltd.', 'Limited'],
  PL: ['Sp. z o.o.', 'S.A.'],
  RU: ['LLC', 'JSC', 'PJSC'],
  AE: ['LLC', 'FZE', 'FZCO'],
  TR: ['A.Ş.', 'Ltd. Şti.'],
  KR: ['Co., Ltd.', 'Corporation'],
};

/** Every legal form above, for legal-form noise on any name. */
export const ALL_LEGAL_FORMS: readonly string[] = [...new Set(Object.values(LEGAL_FORMS).flat())];

const PLACE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  CN: words(
    'Hangzhou Shenzhen Zhejiang Guangdong Beijing Shanghai Jiangsu Wuhan Xiamen Chengdu Ningbo Suzhou',
  ),
  GB: words('London Manchester British Scottish Northern'),
  US: words('American Texas Pacific California Atlantic'),
  DE: words('Deutsche Berliner Hamburg'),
};

const CHINESE_CORE_CHARACTERS = Array.from(
  '华海康威视大兴天宇鸿鑫瑞博泰恒远达创联金星龙盛源德安腾飞宏辉明光汇凯奥迈晶芯睿航峰川云银嘉润昌隆祥丰利佳美捷迅锐拓斯普兰亿万众合力豪英杰',
);
const CHINESE_PLACES = words('杭州 深圳 浙江 广东 北京 上海 江苏 武汉 厦门 成都 宁波 苏州');
const CHINESE_SECTORS = words('科技 技术 电子 通信 数字 智能 信息 网络 光电 实业 集团 软件 安防');
const CHINESE_LEGAL_FORMS = words('有限公司 股份有限公司 有限责任公司');

export interface SyntheticCompany extends MatchCandidate {
  /** The words that identify the company ("Qorvex Nimbal"), for building near-misses. */
  distinctiveWords: string[];
}

export interface CompanyNameGenerator {
  /** The next company; names are unique in their identifying words while `unique` is on. */
  next(): SyntheticCompany;
  /** A fresh identifying word, never used by this generator before (while `unique` is on). */
  freshWord(): string;
  /** A Chinese name core (2-3 characters) never used before. */
  freshChineseCore(): string;
}

/**
 * Remembers words so that new ones stay further apart than the scorer's typo allowance (one edit,
 * two for words of eight letters or more); otherwise a "different" company would be a typo away.
 * Two words within k edits always share a variant with up to k letters deleted.
 */
function createNearWordIndex() {
  const variants = new Set<string>();
  const variantsOf = (word: string) => deletionVariants(word.toLowerCase(), word.length >= 8 ? 2 : 1);
  return {
    isNearAny: (word: string) => variantsOf(word).some((variant) => variants.has(variant)),
    add: (word: string) => variantsOf(word).forEach((variant) => variants.add(variant)),
  };
}

/** A Chinese core that the segmenter would split as a place or sector word is no core. */
function isUsableChineseCore(core: string): boolean {
  for (let i = 0; i + 1 < core.length; i++) {
    const bigram = core.slice(i, i + 2);
    if (CHINESE_PLACE_NAMES.has(bigram) || CHINESE_GENERIC_WORDS.has(bigram)) return false;
  }
  return new Set(core).size === core.length;
}

/** "Chen & Roberts" and "Roberts & Chen" are the same name to the scorer. */
function distinctiveKey(words: readonly string[]): string {
  return words
    .map((word) => word.toLowerCase())
    .sort()
    .join(' ');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function inventedWord(rng: Rng): string {
  const syllables = 2 + (rng.chance(0.3) ? 1 : 0);
  let word = '';
  for (let i = 0; i < syllables; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS);
  return capitalise(word + rng.pick(CODAS));
}

function randomCode(rng: Rng, length: number, alphabet: string): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet.charAt(rng.int(alphabet.length));
  return code;
}

function identifierFor(rng: Rng, country: string): MatchIdentifier {
  const digits = '0123456789';
  if (country === 'CN') {
    return { scheme: 'CN-USCC', id: randomCode(rng, 18, digits + 'ABCDEFGHJKLMNPQRTUWXY') };
  }
  if (country === 'GB') return { scheme: 'GB-COH', id: randomCode(rng, 8, digits) };
  return { scheme: 'LEI', id: randomCode(rng, 20, digits + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') };
}

export interface GeneratorOptions {
  /** Keep identifying words unique across generated names (memory grows with the count). */
  unique?: boolean;
  /** Prefix of generated entity ids. */
  idPrefix?: string;
  /** Words of real listed names that invented words must keep clear of. */
  reservedWords?: readonly string[];
}

export function createCompanyNameGenerator(rng: Rng, options: GeneratorOptions = {}): CompanyNameGenerator {
  const unique = options.unique ?? true;
  const idPrefix = options.idPrefix ?? 'synthetic';
  const usedKeys = new Set<string>();
  const nearWords = createNearWordIndex();
  // Invented words keep clear of real words too, or a typo away from "systems" would be a brand.
  if (unique) {
    const realWords = [...COMMON_NAME_WORDS, ...SURNAMES, ...SECTOR_WORDS, ...GENERIC_WORDS, ...PLACE_NAMES];
    [...realWords, ...(options.reservedWords ?? [])].forEach(nearWords.add);
  }
  let counter = 0;

  const claim = (key: string): boolean => {
    if (!unique) return true;
    if (usedKeys.has(key)) return false;
    usedKeys.add(key);
    return true;
  };

  const freshWord = (): string => {
    for (;;) {
      const word = inventedWord(rng);
      if (!unique) return word;
      if (!nearWords.isNearAny(word)) {
        nearWords.add(word);
        return word;
      }
    }
  };

  const distinctivePart = (): string[] => {
    const roll = rng.next();
    if (roll < 0.35) return [freshWord()];
    if (roll < 0.55) return [freshWord(), rng.pick(COMMON_NAME_WORDS)];
    if (roll < 0.7) return [rng.pick(COMMON_NAME_WORDS), freshWord()];
    if (roll < 0.8) return [rng.pick(COMMON_NAME_WORDS), rng.pick(COMMON_NAME_WORDS)];
    if (roll < 0.9) return [rng.pick(SURNAMES), rng.pick(COMMON_NAME_WORDS)];
    return [rng.pick(SURNAMES), '&', rng.pick(SURNAMES)];
  };

  const sectorPart = (): string[] => {
    const count = rng.chance(0.15) ? 0 : rng.chance(0.7) ? 1 : 2;
    const sectors: string[] = [];
    while (sectors.length < count) {
      const sector = rng.pick(SECTOR_WORDS);
      if (!sectors.includes(sector)) sectors.push(sector);
    }
    return sectors;
  };

  const freshChineseCore = (): string => {
    for (;;) {
      const length = rng.chance(0.6) ? 2 : 3;
      let core = '';
      for (let i = 0; i < length; i++) core += rng.pick(CHINESE_CORE_CHARACTERS);
      if (isUsableChineseCore(core) && claim(`zh:${core}`)) return core;
    }
  };

  const chineseAlias = (): string =>
    (rng.chance(0.5) ? rng.pick(CHINESE_PLACES) : '') +
    freshChineseCore() +
    rng.pick(CHINESE_SECTORS) +
    (rng.chance(0.3) ? rng.pick(CHINESE_SECTORS) : '') +
    rng.pick(CHINESE_LEGAL_FORMS);

  const next = (): SyntheticCompany => {
    const country = rng.pick(COUNTRIES);
    let distinctive = distinctivePart();
    while (!claim(distinctiveKey(distinctive))) distinctive = distinctivePart();
    const places = PLACE_PREFIXES[country];
    const place = places && rng.chance(0.3) ? [rng.pick(places)] : [];
    const legalForms = LEGAL_FORMS[country] ?? LEGAL_FORMS.GB;
    const legalForm = rng.pick(legalForms);
    const main = [...place, ...distinctive, ...sectorPart()];
    const name =
      legalForm === 'JSC' || legalForm === 'PJSC'
        ? [legalForm, ...main].join(' ')
        : [...main, legalForm].join(' ');

    const aliases: string[] = [];
    if (country === 'CN' && rng.chance(0.7)) aliases.push(chineseAlias());
    if (rng.chance(0.15)) aliases.push(distinctive.filter((word) => word !== '&').join(' '));
    if (rng.chance(0.08)) aliases.push([freshWord(), rng.pick(SECTOR_WORDS), rng.pick(legalForms)].join(' '));

    counter += 1;
    return {
      entityId: `${idPrefix}-${counter}`,
      name,
      aliases,
      country,
      identifiers: rng.chance(0.35) ? [identifierFor(rng, country)] : [],
      distinctiveWords: distinctive.filter((word) => word !== '&'),
    };
  };

  return { next, freshWord, freshChineseCore };
}

export function toMatchCandidate({
  entityId,
  name,
  aliases,
  country,
  identifiers,
}: SyntheticCompany): MatchCandidate {
  return { entityId, name, aliases, country, identifiers };
}

/** Streams `count` synthetic entities, e.g. for the 1M-entity speed benchmark (constant memory). */
export function* syntheticEntities(
  rng: Rng,
  count: number,
  idPrefix = 'synthetic',
): Generator<MatchCandidate> {
  const generator = createCompanyNameGenerator(rng, { unique: false, idPrefix });
  for (let i = 0; i < count; i++) yield toMatchCandidate(generator.next());
}
