import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, hashAuditEvent, verifyChain, type ChainLink, type HashedAuditEvent } from './hash-chain.js';

function chain(count: number): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event: HashedAuditEvent = {
      screeningId: 'scr_1',
      seq,
      eventKey: `step-${seq}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actor: { id: 'system', role: 'system' },
      action: 'test.step',
      data: { n: seq, nested: { b: 1, a: [1, 2] } },
    };
    const hash = hashAuditEvent(prevHash, event);
    links.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return links;
}

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    ['é"\n', '"é\\"\\n"'],
  ])('%j → %s', (value, expected) => expect(canonicalJson(value)).toBe(expected));
});

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    const links = chain(5);
    expect(verifyChain(links)).toEqual({ valid: true, events: 5, lastHash: links[4].hash });
  });

  it('accepts an empty chain', () => expect(verifyChain([])).toEqual({ valid: true, events: 0, lastHash: null }));

  it.each<[string, (links: ChainLink[]) => void, number]>([
    ['changed data', (l) => (l[2].data = { n: 99 }), 3],
    ['changed actor', (l) => (l[1].actor = { id: 'mallory', role: 'admin' }), 2],
    ['changed time', (l) => (l[3].occurredAt = '2020-01-01T00:00:00.000Z'), 4],
    ['rewritten hash', (l) => (l[2].hash = 'f'.repeat(64)), 3],
    ['deleted event', (l) => l.splice(2, 1), 4],
  ])('detects %s and names the event', (_what, tamper, brokenSeq) => {
    const links = chain(5);
    tamper(links);
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: { seq: brokenSeq } });
  });
});
