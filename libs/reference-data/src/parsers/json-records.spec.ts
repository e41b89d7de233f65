import { Readable } from 'node:stream';
import { readJsonRecords } from './json-records.js';
import type { Located } from './located.js';
import { textInput } from './__fixtures__/fixtures.js';

async function read(text: string, wrapperKeys: string[] = [], chunkSize = 3): Promise<Located<unknown>[]> {
  const records: Located<unknown>[] = [];
  for await (const record of readJsonRecords(textInput(text, chunkSize), { file: 't.json', wrapperKeys }))
    records.push(record);
  return records;
}

const values = (records: Located<unknown>[]) =>
  records.map((r) => ('value' in r ? r.value : `issue: ${r.issue.reason}`));
const lines = (records: Located<unknown>[]) => records.map((r) => r.line);

describe('readJsonRecords', () => {
  it('reads JSON lines, skipping blank lines and keeping line numbers', async () => {
    const records = await read('{"a":1}\n\n{"a":2}\r\n{"a":3}');
    expect(values(records)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(lines(records)).toEqual([1, 3, 4]);
  });

  it('reports a malformed JSON line on its own line and reads on', async () => {
    const records = await read('{"a":1}\n{"a":\n{"a":3}\n');
    expect(lines(records)).toEqual([1, 2, 3]);
    expect(String(values(records)[1])).toMatch(/^issue: invalid JSON/);
    expect(values(records)[2]).toEqual({ a: 3 });
  });

  it('streams the elements of a pretty-printed array, whatever the chunking', async () => {
    const text = '[\n  {"s": "a, ] } [ { \\" quoted"},\n  {"n": [1, {"x": [2]}]},\n  "text", 42, null\n]\n';
    for (const chunkSize of [1, 2, 7, 1000]) {
      const records = await read(text, [], chunkSize);
      expect(values(records)).toEqual([
        { s: 'a, ] } [ { " quoted' },
        { n: [1, { x: [2] }] },
        'text',
        42,
        null,
      ]);
      expect(lines(records)).toEqual([2, 3, 4, 4, 4]);
    }
  });

  it('yields the first array element before the rest of the input has arrived', async () => {
    let secondHalfRequested = false;
    async function* slowInput() {
      yield '[{"first": true},';
      secondHalfRequested = true;
      yield '{"second": true}]';
    }
    const iterator = readJsonRecords(slowInput(), { file: 't.json' });
    const first = await iterator.next();
    expect(first.value).toEqual({ line: 1, value: { first: true } });
    expect(secondHalfRequested).toBe(false);
  });

  it('streams the array under a wrapper key and drops the rest of the wrapper', async () => {
    const text =
      '{\n "meta": {"total": 2, "list": [9]},\n "data": [\n  {"id": 1},\n  {"id": 2}\n ],\n "links": {}\n}\n';
    const records = await read(text, ['data']);
    expect(values(records)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(lines(records)).toEqual([4, 5]);
  });

  it('unwraps a compact one-line wrapper document', async () => {
    const records = await read('{"data": [{"id": 1}, {"id": 2}], "meta": {}}\n', ['data']);
    expect(values(records)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('reads pretty-printed top-level objects one after another', async () => {
    const records = await read('{\n "id": 1\n}\n{\n "id": 2\n}\n');
    expect(values(records)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(lines(records)).toEqual([1, 4]);
  });

  it('reports a truncated array instead of dropping its last record silently', async () => {
    const records = await read('[\n {"id": 1},\n {"id": 2');
    expect(values(records)[0]).toEqual({ id: 1 });
    expect(records[1]).toMatchObject({ line: 3, issue: { reason: expect.stringMatching(/not closed/) } });
  });

  it('decodes UTF-8 split across Buffer chunks and drops a byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFF{"name": "海康威视"}\n', 'utf8');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const records: Located<unknown>[] = [];
    for await (const record of readJsonRecords(Readable.from(chunks), { file: 't.json' }))
      records.push(record);
    expect(values(records)).toEqual([{ name: '海康威视' }]);
  });
});
