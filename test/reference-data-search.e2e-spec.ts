// GET /v1/reference-data/search through the HTTP API, against the seed reference data (loaded at start)
// and entities imported by the test.
import { randomInt } from 'node:crypto';
import { createCompanyNameGenerator, createRng } from '../libs/domain/src/names/index.js';
import { httpClient, startTestApp, type TestApp } from './support/test-app.js';

const words = createCompanyNameGenerator(createRng(randomInt(2 ** 31)));
const [brand, other] = [words.freshWord(), words.freshWord()];
const tag = `e2e-search-${brand.toLowerCase()}`;

describe('GET /v1/reference-data/search', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    for (const [userId, roles] of [
      ['admin.ada', ['admin']],
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      tokens[userId] = created.body.token;
    }
    const lines = [
      {
        id: `${tag}-gb`,
        properties: { name: [`${brand} ${other} Trading Ltd`], jurisdiction: ['gb'], topics: ['sanction'] },
      },
      {
        id: `${tag}-de`,
        properties: { name: [`${brand} ${other} Trading GmbH`], jurisdiction: ['de'], topics: ['debarment'] },
      },
    ].map((entity) => JSON.stringify({ schema: 'Company', ...entity, datasets: ['e2e-list'] }));
    const form = new FormData();
    form.append('format', 'ftm');
    form.append('source', tag);
    form.append('file', new Blob([`${lines.join('\n')}\n`]), 'search.ftm.jsonl');
    const imported = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['admin.ada']}` },
      body: form,
    });
    expect(imported.status).toBe(201);
  });
  afterAll(() => app?.close());

  const search = (query: string, token = tokens['reviewer.rita']) =>
    http('GET', `/v1/reference-data/search?${query}`, { token });

  it('finds a seed entity by a misspelt, abbreviated name and explains the score', async () => {
    const found = await search(`q=${encodeURIComponent('Hangzhou Hikvison Digital Tech Co')}&country=CN`);

    expect(found.status).toBe(200);
    expect(found.body.query).toMatchObject({ country: 'CN', limit: 10, threshold: expect.any(Number) });
    expect(found.body.referenceDataVersion).toEqual(expect.any(String));
    expect(found.body.matches[0]).toMatchObject({
      entityId: 'seed-hikvision',
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      matchedName: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      matchedAlias: false,
      country: 'CN',
      topics: expect.arrayContaining(['export.control']),
      components: { name: expect.any(Number), identifier: 0, country: 1 },
      explanation: expect.arrayContaining([
        expect.stringMatching(/hikvison.*hikvision.*1 edit/),
        'country CN matches',
      ]),
    });
    expect(found.body.matches[0].score).toBeGreaterThanOrEqual(found.body.query.threshold);
  });

  it('finds a seed entity through its Chinese alias, never by a romanised guess', async () => {
    const chinese = await search(`q=${encodeURIComponent('浙江大華技術股份有限公司')}`);
    expect(chinese.body.matches[0]).toMatchObject({
      entityId: 'seed-dahua',
      matchedName: '浙江大华技术股份有限公司',
      matchedAlias: true,
    });

    const pinyin = await search(`q=${encodeURIComponent('Zhejiang Dahua Jishu')}`);
    expect(pinyin.body.matches.map((m: { matchedName: string }) => m.matchedName)).not.toContain(
      '浙江大华技术股份有限公司',
    );
  });

  it('takes the country as a qualifier: both namesakes come back, the same-country one first', async () => {
    const found = await search(`q=${encodeURIComponent(`${brand} ${other} Trading`)}&country=de`);

    expect(found.body.matches.map((m: { entityId: string }) => m.entityId)).toEqual([
      `${tag}-de`,
      `${tag}-gb`,
    ]);
    expect(found.body.matches[0].components.country).toBe(1);
    expect(found.body.matches[1].components.country).toBe(-1);
    expect(found.body.matches[1].explanation).toContain("country DE differs from the candidate's GB");
  });

  it('returns at most `limit` matches', async () => {
    const found = await search(`q=${encodeURIComponent(`${brand} ${other} Trading`)}&limit=1`);
    expect(found.body.matches).toHaveLength(1);
  });

  it('returns nothing above the threshold for a near-miss that shares only generic words', async () => {
    const found = await search(`q=${encodeURIComponent(`${words.freshWord()} ${other} Trading Ltd`)}`);
    expect(found.body.matches.map((m: { entityId: string }) => m.entityId)).not.toContain(`${tag}-gb`);
  });

  it.each([
    ['q is missing', 'country=GB', 'q must not be empty'],
    ['q is empty', 'q=%20%20', 'q must not be empty'],
    ['q has nothing to match', `q=${encodeURIComponent('!!! --- ?')}`, 'no letters or digits'],
    ['limit is not a number', 'q=Huawei&limit=many', 'limit must be a whole number between 1 and 50'],
    ['limit is too large', 'q=Huawei&limit=500', 'limit must be a whole number between 1 and 50'],
    ['limit is zero', 'q=Huawei&limit=0', 'limit must be a whole number between 1 and 50'],
    ['country is not a code', 'q=Huawei&country=China', 'country must be a two-letter ISO country code'],
  ])('answers 400 when %s', async (_, query, message) => {
    const refused = await search(query);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(refused.body.message).toContain(message);
  });

  it('is open to staff roles and needs a token', async () => {
    expect((await search('q=Huawei', tokens['buyer.bob'])).status).toBe(200);
    expect((await http('GET', '/v1/reference-data/search?q=Huawei')).status).toBe(401);
  });
});
