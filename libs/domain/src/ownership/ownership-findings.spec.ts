import type { DeclaredOwner, Finding, RefEntity } from '../../../contracts/src/index.js';
import { compareDeclaredOwners } from './discrepancies.js';
import { resolveOwners } from './effective-ownership.js';
import { ownershipFindings, type OwnershipFindingOptions } from './ownership-findings.js';
import { company, graphOf, owns, person, stateBody } from './ownership-test-data.js';

const hikvision = company('HIK', {
  name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
  country: 'CN',
  lists: [{ listId: 'us-bis-entity-list', since: '2019-10-09' }],
});
const cethik = company('CETHIK', { name: 'CETHIK', country: 'CN' });
const cetc = company('CETC', {
  name: 'CETC',
  country: 'CN',
  topics: ['gov.soe'],
  lists: [{ listId: 'us-dod-1260h', since: '2020-06-24', sourceUrl: 'https://example.org/1260h' }],
});
const sasac = stateBody('SASAC', { name: 'SASAC' });
const entities: RefEntity[] = [
  hikvision,
  cethik,
  cetc,
  sasac,
  person('GONG', { name: 'Gong Hongjia', country: 'CN' }),
];
const relations = [
  owns('CETHIK', 'HIK', 38.88, { confidence: 'medium', source: 'IPVM 2018' }),
  owns('CETC', 'CETHIK', 'unknown', { confidence: 'medium', source: 'FACTS' }),
  owns('SASAC', 'CETC', 'control', { kind: 'state_supervision', source: 'FACTS' }),
  owns('GONG', 'HIK', 10.3, { source: 'SZSE filing' }),
];

function findingsFor(
  declared: DeclaredOwner[],
  options?: OwnershipFindingOptions,
  graphEntities: RefEntity[] = entities,
): Finding[] {
  const analysis = resolveOwners(graphOf(relations, graphEntities), 'HIK');
  return ownershipFindings(analysis, compareDeclaredOwners(analysis, declared), options);
}

const byKey = (findings: Finding[], key: string): Finding => {
  const finding = findings.find((candidate) => candidate.key === key);
  if (!finding) throw new Error(`no finding ${key}; have ${findings.map((f) => f.key).join(', ')}`);
  return finding;
};

describe('ownershipFindings', () => {
  const declaredTruthfully: DeclaredOwner[] = [
    { name: 'CETHIK', country: 'CN', share: 38.88 },
    { name: 'Gong Hongjia', country: 'CN', share: 10.3 },
  ];

  it('reports one state-ownership finding per state ladder, with a path a reviewer can follow to the top', () => {
    const findings = findingsFor(declaredTruthfully);
    const state = findings.filter((finding) => finding.code === 'STATE_OWNERSHIP');
    expect(state.map((finding) => finding.key)).toEqual(['ownership:STATE_OWNERSHIP:CETC']);
    expect(state[0].evidence[0].path).toEqual([
      'Hangzhou Hikvision Digital Technology Co., Ltd.',
      'CETHIK (38.88%, medium, IPVM 2018)',
      'CETC (share unknown, medium, FACTS, state, listed)',
      'SASAC (control, high, FACTS, state)',
    ]);
    expect(state[0].evidence[0].detail).toMatchObject({
      share: { shareMin: 0, shareMax: 38.88 },
      edges: [
        {
          owner: 'CETHIK',
          owned: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
          share: 38.88,
          confidence: 'medium',
          source: 'IPVM 2018',
        },
        { owner: 'CETC', shareText: 'share unknown', shareUnknown: true },
      ],
      chainAbove: [{ owner: 'SASAC', kind: 'state_supervision', controlOnly: true }],
    });
    expect(state[0].attributes).toMatchObject({
      state: true,
      shareMin: 0,
      shareMax: 38.88,
      stateParentId: 'SASAC',
      topics: ['gov.soe'],
    });
    expect(state[0].summary).toBe(
      'CETC, a state owner, holds 0–38.88% of Hangzhou Hikvision Digital Technology Co., Ltd. ' +
        'through one path (nearest 2 levels up); above it, SASAC (state).',
    );
  });

  it('falls back to the state body when no company in the chain is marked state-owned', () => {
    const findings = findingsFor(declaredTruthfully, {}, [
      ...entities.filter((e) => e !== cetc),
      company('CETC', { name: 'CETC' }),
    ]);
    const state = findings.filter((finding) => finding.code === 'STATE_OWNERSHIP');
    expect(state.map((finding) => finding.key)).toEqual(['ownership:STATE_OWNERSHIP:SASAC']);
    expect(state[0].evidence[0].path).toHaveLength(4);
    expect(state[0].summary).toContain('SASAC, a state owner, holds control and up to 38.88%');
  });

  it('reports a listed owner with the share it holds and its list entries', () => {
    const listed = byKey(findingsFor(declaredTruthfully), 'ownership:WATCHLIST_MATCH:CETC');
    expect(listed.attributes).toMatchObject({
      listIds: ['us-dod-1260h'],
      shareMin: 0,
      shareMax: 38.88,
      state: true,
    });
    expect(listed.evidence.find((evidence) => evidence.kind === 'list')).toMatchObject({
      listId: 'us-dod-1260h',
      source: 'https://example.org/1260h',
      detail: { since: '2020-06-24' },
    });
  });

  it('does not report the subject’s own listing (name screening does) nor a truthful declaration', () => {
    const codes = findingsFor(declaredTruthfully).map((finding) => finding.code);
    expect(codes.sort()).toEqual(['STATE_OWNERSHIP', 'WATCHLIST_MATCH']);
  });

  it('flags the undeclared direct owner and the declared owner the registry cannot find', () => {
    const findings = findingsFor([
      { name: 'Gong Hongjia', country: 'CN', share: 10.3 },
      {
        name: 'Friendly Holdings Ltd',
        country: 'HK',
        share: 38.88,
        identifiers: [{ scheme: 'HK-CR', id: '123 456' }],
      },
    ]);
    const undeclared = byKey(findings, 'ownership:UNDECLARED_OWNER:CETHIK');
    expect(undeclared.summary).toBe(
      'The registry records CETHIK as a direct owner of Hangzhou Hikvision Digital Technology Co., Ltd. ' +
        '(38.88%, medium confidence, IPVM 2018), but the declaration does not name it.',
    );
    expect(undeclared.attributes).toMatchObject({ share: 38.88, confidence: 'medium' });
    expect(undeclared.evidence[0].path).toEqual([
      'Hangzhou Hikvision Digital Technology Co., Ltd.',
      'CETHIK (38.88%, medium, IPVM 2018)',
    ]);
    const unverified = byKey(findings, 'ownership:UNVERIFIED_DECLARATION:HK-CR:123456');
    expect(unverified).toMatchObject({
      code: 'UNVERIFIED_DECLARATION',
      subject: { role: 'owner', name: 'Friendly Holdings Ltd', country: 'HK' },
    });
  });

  it('keys an unverified declaration without identifiers by its normalised name, so re-screening keeps the key', () => {
    const first = findingsFor([{ name: 'Ghost Nominees Ltd.', country: 'gb' }]);
    const again = findingsFor([{ name: 'GHOST NOMINEES LIMITED', country: 'GB' }]);
    expect(byKey(first, 'ownership:UNVERIFIED_DECLARATION:GB:ghost nominees')).toBeDefined();
    expect(byKey(again, 'ownership:UNVERIFIED_DECLARATION:GB:ghost nominees')).toBeDefined();
  });

  it('scopes keys when several subjects are analysed in one screening', () => {
    const keys = findingsFor(declaredTruthfully, { scope: 'manufacturer:HIK' }).map((finding) => finding.key);
    expect(keys).toContain('ownership:manufacturer:HIK:STATE_OWNERSHIP:CETC');
  });

  it('reports the US 50 % rule when listed owners hold half or more together', () => {
    const graph = graphOf(
      [owns('A', 'S', 50), owns('X', 'A', 50), owns('P', 'S', 50)],
      [
        company('S', { name: 'Supplier Ltd' }),
        company('X', { name: 'X Corp', lists: [{ listId: 'ofac-sdn' }] }),
      ],
    );
    const finding = byKey(
      ownershipFindings(resolveOwners(graph, 'S')),
      'ownership:WATCHLIST_MATCH:us-50-percent-rule',
    );
    expect(finding.attributes).toMatchObject({ share: 50, listIds: ['ofac-sdn'], certainty: 'yes' });
    expect(finding.subject).toMatchObject({ role: 'supplier', name: 'Supplier Ltd' });
    expect(finding.summary).toBe(
      'Supplier Ltd is owned 50% in aggregate by listed owners or owners blocked under the US 50 % rule: A (50%).',
    );
  });
});
