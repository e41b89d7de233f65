// POST /v1/reference-data/imports through the HTTP API: a multipart upload streamed to a temporary
// file and imported as a new dataset version by the real importer into the run's PostgreSQL.
import { randomInt } from 'node:crypto';
import { createCompanyNameGenerator, createRng } from '../libs/domain/src/names/index.js';
import { httpClient, startTestApp, type TestApp } from './support/test-app.js';

const words = createCompanyNameGenerator(createRng(randomInt(2 ** 31)));

function ftm(id: string, properties: Record<string, string[]>): string {
  return JSON.stringify({ id, schema: 'Company', properties });
}

describe('POST /v1/reference-data/imports', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    for (const [userId, roles] of [
      ['admin.ada', ['admin']],
      ['reviewer.rita', ['reviewer']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      tokens[userId] = created.body.token;
    }
  });
  afterAll(() => app?.close());

  /** Sends a file the way `curl -F` does. */
  async function upload(
    fileName: string,
    content: string,
    fields: Record<string, string>,
    token = tokens['admin.ada'],
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type: 'application/x-ndjson' }), fileName);
    const response = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  const search = async (q: string) =>
    (
      await http('GET', `/v1/reference-data/search?q=${encodeURIComponent(q)}`, {
        token: tokens['reviewer.rita'],
      })
    ).body;

  it('imports a file as a new dataset version, and the same file again as a no-op', async () => {
    const brand = words.freshWord();
    const source = `e2e-${brand.toLowerCase()}`;
    const content = `${ftm(`${source}-1`, { name: [`${brand} Security Ltd`], jurisdiction: ['gb'], topics: ['sanction'] })}\n`;

    const first = await upload('entities.ftm.jsonl', content, { format: 'ftm', source });
    expect(first).toMatchObject({
      status: 201,
      body: {
        noop: false,
        records: 1,
        source,
        fileName: 'entities.ftm.jsonl',
        mode: 'snapshot',
        skippedCount: 0,
      },
    });
    expect(first.body.version).toEqual(expect.any(Number));
    expect((await search(`${brand} Security`)).matches[0]).toMatchObject({ entityId: `${source}-1` });

    const again = await upload('entities.ftm.jsonl', content, { format: 'ftm', source });
    expect(again).toMatchObject({
      status: 200,
      body: { noop: true, version: first.body.version, records: 0 },
    });
  });

  it('refuses a file with a malformed record with 422 naming the line and field, and imports nothing', async () => {
    const [good, bad] = [words.freshWord(), words.freshWord()];
    const source = `e2e-${good.toLowerCase()}`;
    const content = [
      ftm(`${source}-good`, { name: [`${good} Logistics Ltd`], topics: ['sanction'] }),
      ftm(`${source}-nameless`, { alias: [`${bad} Logistics`] }),
    ].join('\n');

    const refused = await upload('broken.ftm.jsonl', content, { format: 'ftm', source });

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      details: { file: 'broken.ftm.jsonl', line: 2, field: 'properties.name', reason: 'required' },
    });
    expect(refused.body.message).toContain('broken.ftm.jsonl line 2, field properties.name: required');
    expect(refused.body.message).toContain('skipInvalid=true');
    expect(
      (await search(`${good} Logistics`)).matches.map((m: { entityId: string }) => m.entityId),
    ).not.toContain(`${source}-good`);
  });

  it('imports the well-formed records with skipInvalid=true and lists what it skipped', async () => {
    const [good, bad] = [words.freshWord(), words.freshWord()];
    const source = `e2e-${good.toLowerCase()}`;
    const content = [
      ftm(`${source}-good`, { name: [`${good} Marine Ltd`], topics: ['sanction'] }),
      '{"id": "cut-off", "schema": "Company", "properties": {"name": ["Cut',
      ftm(`${source}-nameless`, { alias: [`${bad} Marine`] }),
    ].join('\n');

    const imported = await upload('partly.ftm.jsonl', content, {
      format: 'ftm',
      source,
      skipInvalid: 'true',
    });

    expect(imported).toMatchObject({ status: 201, body: { records: 1, skippedCount: 2 } });
    expect(imported.body.skipped).toEqual([
      { line: 2, field: '', message: expect.stringContaining('JSON') },
      { line: 3, field: 'properties.name', message: 'required' },
    ]);
    expect((await search(`${good} Marine`)).matches[0]).toMatchObject({ entityId: `${source}-good` });
  });

  it('imports a list CSV by its header', async () => {
    const brand = words.freshWord();
    const content = `id,schema,name,aliases,countries,identifiers,sanctions,dataset\ne2e-csv-${brand},Company,${brand} Robotics GmbH,${brand} Robotics AG,de,,EU sanctions,e2e-list\n`;

    const imported = await upload('targets.simple.csv', content, {
      format: 'list-csv',
      source: `e2e-csv-${brand}`,
    });

    expect(imported).toMatchObject({
      status: 201,
      body: { records: expect.any(Number), format: 'list-csv' },
    });
    expect((await search(`${brand} Robotics`)).matches[0]).toMatchObject({
      entityId: `e2e-csv-${brand}`,
      country: 'DE',
    });
  });

  it('refuses an unknown format with 400 listing the formats', async () => {
    const refused = await upload('x.xml', '<x/>', { format: 'xml' });

    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('format must be one of: ftm (');
    expect(refused.body.message).toContain('list-csv');
  });

  it('says how to send the file when it is missing or not multipart', async () => {
    const form = new FormData();
    form.append('format', 'ftm');
    const noFile = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['admin.ada']}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { message: string }).message).toContain("multipart field 'file'");

    const json = await http('POST', '/v1/reference-data/imports', {
      token: tokens['admin.ada'],
      body: { format: 'ftm' },
    });
    expect(json.status).toBe(415);
    expect(json.body.message).toContain('multipart/form-data');
  });

  it('is for administrators only', async () => {
    const refused = await upload('x.ftm.jsonl', '', { format: 'ftm' }, tokens['reviewer.rita']);
    expect(refused.status).toBe(403);
  });
});

describe('POST /v1/reference-data/imports with a size limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REFERENCE_IMPORT_MAX_MB: '1' });
  });
  afterAll(() => app?.close());

  it('refuses a file over REFERENCE_IMPORT_MAX_MB with 413 and says what to do', async () => {
    const http = httpClient(app.baseUrl);
    const admin = await http('POST', '/v1/api-keys', {
      token: app.adminToken,
      body: { userId: 'admin.big', roles: ['admin'] },
    });
    const line = `${ftm('big', { name: ['Big File Ltd'] })}\n`;
    const form = new FormData();
    form.append('format', 'ftm');
    form.append(
      'file',
      new Blob([line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length))]),
      'big.ftm.jsonl',
    );

    const refused = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.body.token}` },
      body: form,
    });

    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { message: string }).message).toContain(
      'larger than the 1 MB the service accepts (REFERENCE_IMPORT_MAX_MB)',
    );
  });
});
