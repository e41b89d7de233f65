import type { MatchCandidate, MatchQuery } from './match-types.js';
import { prepareCandidate, prepareQuery } from './prepare.js';
import { DEFAULT_MATCH_THRESHOLD, rankCandidates, scoreNameMatch } from './score.js';
import { SEED_LISTED_ENTITIES } from './seed-listed-entities.js';

function seed(entityId: string): MatchCandidate {
  const entity = SEED_LISTED_ENTITIES.find((candidate) => candidate.entityId === entityId);
  if (!entity) throw new Error(`no seed entity ${entityId}`);
  return entity;
}

function listed(name: string, extra: Partial<MatchCandidate> = {}): MatchCandidate {
  return { entityId: 'listed', name, aliases: [], country: null, identifiers: [], ...extra };
}

const hikvision = seed('seed-hikvision');
const huawei = seed('seed-huawei');
const cetc = seed('seed-cetc');
const chinaMobile = seed('seed-china-mobile');

describe('scoreNameMatch', () => {
  it.each<[string, MatchQuery, MatchCandidate]>([
    ['the exact name', { name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' }, hikvision],
    ['a typo', { name: 'Hangzhou Hikvison Digital Technology Co., Ltd.' }, hikvision],
    ['two typos in a long word', { name: 'Hangzhou Hikvsiion Digital Technology' }, hikvision],
    ['another legal form', { name: 'Hangzhou Hikvision Digital Technology Limited' }, hikvision],
    [
      'no legal form, other case and punctuation',
      { name: 'HANGZHOU HIKVISION DIGITAL-TECHNOLOGY' },
      hikvision,
    ],
    ['swapped words', { name: 'Hikvision Hangzhou Digital Technology Co Ltd' }, hikvision],
    ['a dropped place name', { name: 'Hikvision Digital Technology Co., Ltd.' }, hikvision],
    ['dropped generic words', { name: 'Hikvision' }, hikvision],
    ['a brand written apart', { name: 'Hik Vision Digital Technology' }, hikvision],
    ['the short alias', { name: 'Huawei' }, huawei],
    ['a spelling variant of a generic word', { name: 'Huawei Technology Co Ltd' }, huawei],
    ['the Chinese alias', { name: '华为技术有限公司' }, huawei],
    ['the Chinese alias in Traditional script', { name: '華為技術有限公司' }, huawei],
    ['a Chinese alias without its place name', { name: '海康威视数字技术有限公司' }, hikvision],
    ['an acronym alias', { name: 'CETC' }, cetc],
    [
      'a shortened all-generic name that keeps its identifying word',
      { name: 'China Mobile Ltd' },
      chinaMobile,
    ],
  ])('matches %s', (_case, query, candidate) => {
    expect(scoreNameMatch(query, candidate).score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });

  it.each<[string, MatchQuery, MatchCandidate]>([
    ['names that share only generic words', { name: 'Standard Life Ltd' }, listed('Standard Bank Ltd')],
    [
      'one identifying word replaced',
      { name: 'Qorvex Tarlin Logistics Ltd' },
      listed('Qorvex Nimbal Logistics Ltd'),
    ],
    [
      'another sector word after the same brand',
      { name: 'Huawei Device Co., Ltd.' },
      listed('Huawei Technologies Co., Ltd.'),
    ],
    ['a shorter all-generic name', { name: 'China Electronics Corporation' }, cetc],
    ['a name two edits from a short brand', { name: 'Dahlia Technology Co., Ltd.' }, seed('seed-dahua')],
    ['another Chinese company with the same sector word', { name: '大华银行有限公司' }, seed('seed-dahua')],
    [
      'a Chinese name against an English-only entity',
      { name: '华为技术有限公司' },
      listed('Huawei Technologies Co., Ltd.'),
    ],
    [
      'an English name against a Chinese-only entity',
      { name: 'Huawei Technologies' },
      listed('华为技术有限公司'),
    ],
    ['four-letter words one letter apart', { name: 'Chen Trading Ltd' }, listed('Chan Trading Ltd')],
  ])('does not match %s', (_case, query, candidate) => {
    expect(scoreNameMatch(query, candidate).score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('reports which name or alias matched, and why', () => {
    const result = scoreNameMatch({ name: 'Hikvison Digital Technology', country: 'CN' }, hikvision);

    expect(result.entityId).toBe('seed-hikvision');
    expect(result.matchedName).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(result.components).toEqual({ name: expect.any(Number), identifier: 0, country: 1 });
    expect(result.explanation).toEqual(
      expect.arrayContaining([
        "token 'hikvison' ~ 'hikvision' (1 edit)",
        "generic word 'technology' weighted 0.20",
        "place name 'hangzhou' weighted 0.25",
        "candidate words not in the query: 'hangzhou'",
        'country CN matches',
      ]),
    );
  });

  it('explains words written together', () => {
    const result = scoreNameMatch({ name: 'Hik Vision' }, hikvision);

    expect(result.explanation).toContain("token 'hik vision' ~ 'hikvision' (written together)");
  });

  it('explains a misspelt generic word', () => {
    const result = scoreNameMatch({ name: 'Huawei Tecnologies' }, huawei);

    expect(result.explanation).toContain("token 'tecnologies' ~ 'technology' (read as 'technology')");
  });

  it('names the alias that matched', () => {
    const result = scoreNameMatch({ name: '華為技術' }, huawei);

    expect(result.matchedName).toBe('华为技术有限公司');
    expect(result.explanation[0]).toBe("alias '华为技术有限公司' matched with similarity 1.00");
  });

  it('explains names that differ', () => {
    const result = scoreNameMatch({ name: 'Standard Life Ltd' }, listed('Standard Bank Ltd'));

    expect(result.explanation).toContain("words differ: 'life' in the query, 'bank' in the candidate");
  });

  describe('identifiers', () => {
    it('are strong evidence on their own, whatever the name', () => {
      const result = scoreNameMatch(
        { name: 'Totally Different Trading Name', identifiers: [{ scheme: 'szse', id: '002-415' }] },
        hikvision,
      );

      expect(result.score).toBeGreaterThanOrEqual(0.95);
      expect(result.components.identifier).toBe(1);
      expect(result.explanation).toContain('identifier SZSE:002415 matches');
    });

    it('lower the score when they differ within the same scheme', () => {
      const name = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
      const withConflict = scoreNameMatch(
        { name, identifiers: [{ scheme: 'SZSE', id: '000001' }] },
        hikvision,
      );
      const withoutIdentifier = scoreNameMatch({ name }, hikvision);

      expect(withConflict.components.identifier).toBe(-1);
      expect(withConflict.score).toBeLessThan(withoutIdentifier.score);
      expect(withConflict.explanation).toContain(
        "identifier SZSE:000001 differs from the candidate's SZSE:002415",
      );
    });

    it('in different schemes are no evidence either way', () => {
      const result = scoreNameMatch(
        { name: 'Hikvision', identifiers: [{ scheme: 'LEI', id: '0000' }] },
        hikvision,
      );

      expect(result.components.identifier).toBe(0);
    });
  });

  describe('country', () => {
    const query = { name: 'Hikvison Digital Technology' };

    it('raises the score slightly when it matches, lowers it when it differs, and is neutral when unknown', () => {
      const unknown = scoreNameMatch(query, hikvision).score;
      const same = scoreNameMatch({ ...query, country: 'cn' }, hikvision);
      const other = scoreNameMatch({ ...query, country: 'US' }, hikvision);

      expect(same.score).toBeGreaterThan(unknown);
      expect(same.score - unknown).toBeLessThan(0.05);
      expect(other.score).toBeLessThan(unknown);
      expect(other.components.country).toBe(-1);
      expect(other.explanation).toContain("country US differs from the candidate's CN");
    });

    it('does not turn an exact name into a miss on its own', () => {
      expect(scoreNameMatch({ name: 'Huawei', country: 'GB' }, huawei).score).toBeGreaterThanOrEqual(
        DEFAULT_MATCH_THRESHOLD,
      );
    });

    it('gives no score to a name that shares nothing', () => {
      expect(scoreNameMatch({ name: 'Totally Unrelated', country: 'CN' }, huawei).score).toBe(0);
    });
  });

  it('scores prepared forms exactly like raw ones', () => {
    const query = { name: 'Hik Vision Technology', country: 'CN' };

    expect(scoreNameMatch(prepareQuery(query), prepareCandidate(hikvision))).toEqual(
      scoreNameMatch(query, hikvision),
    );
  });

  it('keeps scores within 0..1', () => {
    const result = scoreNameMatch(
      { name: hikvision.name, country: 'CN', identifiers: hikvision.identifiers },
      hikvision,
    );

    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.score).toBeGreaterThanOrEqual(0.95);
  });
});

describe('rankCandidates', () => {
  it('returns the hits above the threshold, best first', () => {
    const hits = rankCandidates({ name: 'Huawei Technologies' }, SEED_LISTED_ENTITIES);

    expect(hits.map((hit) => hit.entityId)).toEqual(['seed-huawei']);
  });

  it('honours a threshold and a limit', () => {
    const hits = rankCandidates({ name: 'China Electronics Technology Group' }, SEED_LISTED_ENTITIES, {
      threshold: 0.3,
      limit: 2,
    });

    expect(hits.map((hit) => hit.entityId)).toEqual(['seed-cetc', 'seed-cethik']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });
});
