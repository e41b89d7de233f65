import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import {
  GENESIS_HASH,
  hashAuditEvent,
  SEAL_ACTION,
  verifyChain,
  type ChainLink,
  type HashedAuditEvent,
} from './hash-chain.js';

function chain(count: number, actions: string[] = []): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event: HashedAuditEvent = {
      screeningId: 'scr_1',
      seq,
      eventKey: `step-${seq}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actor: { id: 'system', role: 'system' },
      action: actions[seq - 1] ?? 'test.step',
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
    [{ é: 1, z: 2, Z: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"Z":3,"z":2,"é":1}'],
    [[1.5, -0, 1e21, 0.1], '[1.5,0,1e+21,0.1]'],
  ])('%j → %s', (value, expected) => expect(canonicalJson(value)).toBe(expected));
});

describe('hashAuditEvent', () => {
  it('is SHA-256 of the previous hash, a newline and the canonical JSON (as docs/audit.md says)', () => {
    const event: HashedAuditEvent = {
      screeningId: 'scr_1',
      seq: 1,
      eventKey: '0001:screening.started',
      occurredAt: '2026-01-01T00:00:00.000Z',
      actor: { id: 'buyer.bob', role: 'buyer' },
      action: 'screening.started',
      data: { policy: { id: 'uk-local-authority', version: 1 } },
    };
    const text =
      `${GENESIS_HASH}\n` +
      '{"action":"screening.started","actor":{"id":"buyer.bob","role":"buyer"},' +
      '"data":{"policy":{"id":"uk-local-authority","version":1}},"eventKey":"0001:screening.started",' +
      '"occurredAt":"2026-01-01T00:00:00.000Z","screeningId":"scr_1","seq":1}';
    expect(hashAuditEvent(GENESIS_HASH, event)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    const links = chain(5);
    expect(verifyChain(links)).toEqual({
      valid: true,
      events: 5,
      lastHash: links[4].hash,
      sealed: false,
      sealHash: null,
    });
  });

  it('accepts an empty chain', () =>
    expect(verifyChain([])).toEqual({
      valid: true,
      events: 0,
      lastHash: null,
      sealed: false,
      sealHash: null,
    }));

  it('says whether the trail ends with the final seal', () => {
    const links = chain(3, ['screening.started', 'risk.assessed', SEAL_ACTION]);
    expect(verifyChain(links, { headHash: links[2].hash })).toMatchObject({ valid: true, sealed: true });
  });

  it.each<[string, (links: ChainLink[]) => void, number]>([
    ['changed data', (l) => (l[2].data = { n: 99 }), 3],
    ['changed actor', (l) => (l[1].actor = { id: 'mallory', role: 'admin' }), 2],
    ['changed time', (l) => (l[3].occurredAt = '2020-01-01T00:00:00.000Z'), 4],
    ['changed action', (l) => (l[0].action = 'decision.approve'), 1],
    ['changed event key', (l) => (l[4].eventKey = 'other'), 5],
    ['changed screening', (l) => (l[1].screeningId = 'scr_2'), 2],
    ['rewritten hash', (l) => (l[2].hash = 'f'.repeat(64)), 3],
    ['rewritten prev_hash', (l) => (l[3].prevHash = 'e'.repeat(64)), 4],
    ['deleted event', (l) => l.splice(2, 1), 3],
    ['renumbered event', (l) => (l[1].seq = 7), 2],
  ])('detects %s and names the event', (_what, tamper, brokenSeq) => {
    const links = chain(5);
    tamper(links);
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: { seq: brokenSeq } });
  });

  it('detects events removed from the end through the head hash', () => {
    const links = chain(5);
    const head = links[4].hash;
    links.splice(3, 2);
    expect(verifyChain(links)).toMatchObject({ valid: true });
    expect(verifyChain(links, { headHash: head })).toMatchObject({
      valid: false,
      events: 3,
      brokenAt: { seq: 4, reason: expect.stringContaining('removed') },
    });
  });

  it('detects a whole trail removed, and events appended behind the head hash', () => {
    const links = chain(4);
    expect(verifyChain([], { headHash: links[3].hash })).toMatchObject({
      valid: false,
      brokenAt: { seq: 1 },
    });
    expect(verifyChain(links, { headHash: links[1].hash })).toMatchObject({
      valid: false,
      brokenAt: { seq: 3, reason: expect.stringContaining('event 2') },
    });
    expect(verifyChain(links, { headHash: null })).toMatchObject({ valid: false, brokenAt: { seq: 5 } });
  });

  it('refuses a correctly chained event after the seal', () => {
    const links = chain(4, ['screening.started', 'risk.assessed', SEAL_ACTION, 'decision.approve']);
    expect(verifyChain(links, { headHash: links[3].hash })).toMatchObject({
      valid: false,
      brokenAt: { seq: 4, reason: expect.stringContaining('sealed') },
    });
  });

  it('accepts monitoring events after the seal, and keeps the seal hash as the decision’s final hash', () => {
    const links = chain(5, [
      'screening.started',
      SEAL_ACTION,
      'monitoring.alert_raised',
      'monitoring.alert_acknowledged',
      'monitoring.alert_raised',
    ]);
    expect(verifyChain(links, { headHash: links[4].hash })).toEqual({
      valid: true,
      events: 5,
      lastHash: links[4].hash,
      sealed: true,
      sealHash: links[1].hash,
    });
  });

  it('refuses anything but monitoring after the seal, even behind a monitoring event', () => {
    const links = chain(4, ['screening.started', SEAL_ACTION, 'monitoring.alert_raised', SEAL_ACTION]);
    expect(verifyChain(links, { headHash: links[3].hash })).toMatchObject({
      valid: false,
      brokenAt: { seq: 4, reason: expect.stringContaining('only monitoring events may follow it') },
    });
  });
});
