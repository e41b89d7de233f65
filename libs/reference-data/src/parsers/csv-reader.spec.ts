import { openCsv, type CsvRow } from './csv-reader.js';
import type { Located } from './located.js';
import { ReferenceParseError } from './parse-error.js';
import { textInput } from './__fixtures__/fixtures.js';

async function rows(text: string, chunkSize = 4): Promise<{ header: string[]; rows: Located<CsvRow>[] }> {
  const table = await openCsv(textInput(text, chunkSize), 'list.csv');
  const read: Located<CsvRow>[] = [];
  for await (const row of table.rows) read.push(row);
  return { header: table.header, rows: read };
}

describe('openCsv', () => {
  it('keys rows by lower-cased header name', async () => {
    const table = await rows('Name, List_ID\nAcme,uk-debarment-list\n');
    expect(table.header).toEqual(['name', 'list_id']);
    expect(table.rows).toEqual([{ line: 2, value: { name: 'Acme', list_id: 'uk-debarment-list' } }]);
  });

  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes, CRLF rows', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\n\r\nplain,,""\n';
    for (const chunkSize of [1, 3, 100]) {
      const table = await rows(text, chunkSize);
      expect(table.rows).toEqual([
        { line: 2, value: { a: 'x, y', b: 'say "hi"', c: 'line 1\r\nline 2' } },
        { line: 5, value: { a: 'plain', b: '', c: '' } },
      ]);
    }
  });

  it('reports a row with the wrong number of fields and reads on', async () => {
    const table = await rows('a,b\n1\n2,3\n');
    expect(table.rows[0]).toMatchObject({
      line: 2,
      issue: { reason: 'expected 2 fields as in the header, found 1' },
    });
    expect(table.rows[1]).toEqual({ line: 3, value: { a: '2', b: '3' } });
  });

  it('reports a quoted field left open at the end of the file', async () => {
    const table = await rows('a,b\n1,"never closed\n2,3\n');
    expect(table.rows).toEqual([
      { line: 2, issue: expect.objectContaining({ reason: expect.stringMatching(/not closed/) }) },
    ]);
  });

  it('refuses an empty file', async () => {
    await expect(rows('')).rejects.toThrow(
      new ReferenceParseError('list.csv', 1, '', 'empty file: expected a header row'),
    );
  });
});
