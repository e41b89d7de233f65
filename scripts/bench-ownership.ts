// Ownership-analysis benchmark (`npm run bench:ownership`): builds a synthetic registry of 1,000,000
// ownership relations shaped like real ones — many small companies with 1–3 owners, a few groups 8–12
// levels deep with diamonds and cross-holdings, some fully meshed groups (millions of paths), some ended
// relations — then resolves effective owners to depth 10 for 1,000 random companies.
// Prints name=value lines; the first 100 queries warm the JIT up and are not timed. Deterministic: the same seed builds the same graph and picks the same companies.
import { performance } from 'node:perf_hooks';
import type { Confidence, EntityKind, OwnershipRelation, RefEntity } from '../libs/contracts/src/index.js';
import { OwnershipGraph, resolveOwners } from '../libs/domain/src/ownership/index.js';

const TARGET_EDGES = 1_000_000;
const QUERIES = 1_000;
const WARM_UP_QUERIES = 100;
const PERSONS = 300_000;
const GROUPS = 1_500;
const MESHED_GROUPS = 20;
const STATE_BODIES = 40;
const AS_OF = '2025-06-01';
const SEED = 20250601;

/** sfc32: small, fast, seedable; Math.random cannot be seeded. */
function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

const random = seededRandom(SEED);
const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

class SyntheticRegistry {
  readonly entities: RefEntity[] = [];
  readonly relations: OwnershipRelation[] = [];
  readonly companies: string[] = [];
  private readonly none: never[] = [];

  entity(id: string, kind: EntityKind, topics: string[] = this.none): string {
    this.entities.push({
      externalId: id,
      kind,
      name: id,
      aliases: this.none,
      country: 'GB',
      identifiers: this.none,
      topics,
      lists: this.none,
      source: 'synthetic',
      confidence: 'high',
    });
    if (kind === 'company') this.companies.push(id);
    return id;
  }

  /** Owners split 100 % between them; 2 % of relations have already ended. */
  owned(owned: string, owners: readonly string[]): void {
    const cuts = [
      0,
      ...owners
        .slice(1)
        .map(() => random())
        .sort((x, y) => x - y),
      1,
    ];
    owners.forEach((owner, i) =>
      this.relate(owner, owned, Math.round((cuts[i + 1] - cuts[i]) * 10000) / 100),
    );
  }

  relate(owner: string, owned: string, share: number): void {
    if (this.full) return;
    const roll = random();
    this.relations.push({
      externalId: `r${this.relations.length}`,
      ownerExternalId: owner,
      ownedExternalId: owned,
      direct: true,
      ...shareStatement(share, roll),
      ...(roll >= 0.97 && roll < 0.99 ? { endDate: '2020-01-01' } : {}),
      source: 'synthetic',
      confidence: CONFIDENCES[integer(0, 2)],
    });
  }

  get full(): boolean {
    return this.relations.length >= TARGET_EDGES;
  }
}

const CONFIDENCES: Confidence[] = ['high', 'medium', 'low'];

/** As registries publish them: mostly exact, 15 % PSC-style bands, 5 % unknown, 1 % control only. */
function shareStatement(share: number, roll: number): Partial<OwnershipRelation> {
  if (roll >= 0.99) return { kind: 'control', controlOnly: true };
  const band = share > 75 ? [75, 100] : share > 50 ? [50, 75] : share > 25 ? [25, 50] : null;
  if (roll < 0.15 && band) return { kind: 'shareholding', shareMin: band[0], shareMax: band[1] };
  if (roll < 0.2) return { kind: 'shareholding' };
  return { kind: 'shareholding', shareExact: share };
}

function buildRegistry(): { registry: SyntheticRegistry; groupMembers: string[]; meshedBottoms: string[] } {
  const registry = new SyntheticRegistry();
  const persons = Array.from({ length: PERSONS }, (_, i) => registry.entity(`p${i}`, 'person'));
  const stateBodies = Array.from({ length: STATE_BODIES }, (_, i) =>
    registry.entity(`state${i}`, 'state_body'),
  );
  const groupMembers: string[] = [];

  for (let g = 0; g < GROUPS; g++) {
    const depth = integer(8, 12);
    const bottomWidth = integer(3, 30);
    const levels = Array.from({ length: depth + 1 }, (_, level) =>
      Array.from(
        { length: Math.max(1, Math.round((bottomWidth * (depth - level + 1)) / (depth + 1))) },
        (_, i) =>
          registry.entity(
            `g${g}-${level}-${i}`,
            'company',
            level === depth && random() < 0.1 ? ['gov.soe'] : undefined,
          ),
      ),
    );
    for (let level = 0; level < depth; level++) {
      for (const member of levels[level]) {
        const above = levels[level + 1];
        const owners = new Set(
          Array.from({ length: Math.min(above.length, pick([1, 1, 1, 2, 2, 3])) }, () => pick(above)),
        );
        registry.owned(member, [...owners]);
      }
    }
    for (const top of levels[depth]) {
      registry.owned(
        top,
        random() < 0.1 ? [pick(stateBodies)] : [pick(persons), ...(random() < 0.5 ? [pick(persons)] : [])],
      );
    }
    // Cross-holdings: a company holds a little of a company above it, closing a cycle.
    for (let c = random() < 0.2 ? integer(1, 2) : 0; c > 0; c--) {
      const level = integer(0, depth - 2);
      registry.relate(pick(levels[level]), pick(levels[level + integer(1, 2)]), integer(1, 10));
    }
    groupMembers.push(...levels.flat());
  }

  // Fully meshed groups: every company owned by 3 of the 6 above it, 12 levels: 3^12 paths to the top.
  for (let g = 0; g < MESHED_GROUPS; g++) {
    const levels = Array.from({ length: 13 }, (_, level) =>
      Array.from({ length: 6 }, (_, i) => registry.entity(`m${g}-${level}-${i}`, 'company')),
    );
    for (let level = 0; level < 12; level++) {
      for (const [i, member] of levels[level].entries()) {
        registry.owned(
          member,
          [0, 2, 4].map((offset) => levels[level + 1][(i + offset) % 6]),
        );
      }
    }
    groupMembers.push(...levels.flat());
  }

  // Small companies fill the rest: mostly owned by people, some by other small companies or by group members.
  for (let c = 0; !registry.full; c++) {
    const id = registry.entity(`c${c}`, 'company');
    const owners = new Set<string>();
    for (let n = pick([1, 1, 1, 1, 2, 2, 2, 3, 3]); n > 0; n--) {
      const roll = random();
      owners.add(
        roll < 0.75 || c < 10 ? pick(persons) : roll < 0.92 ? `c${integer(0, c - 1)}` : pick(groupMembers),
      );
    }
    registry.owned(id, [...owners]);
  }
  return {
    registry,
    groupMembers,
    meshedBottoms: Array.from({ length: MESHED_GROUPS }, (_, g) => `m${g}-0-0`),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const buildStart = performance.now();
const { registry, groupMembers, meshedBottoms } = buildRegistry();
const graph = OwnershipGraph.build(registry.entities, registry.relations, { asOf: AS_OF });
const buildSeconds = (performance.now() - buildStart) / 1000;

const grouped = new Set(groupMembers);
const subjects = Array.from({ length: WARM_UP_QUERIES + QUERIES }, () => pick(registry.companies));
const timings: number[] = [];
let owners = 0;
let truncated = 0;
let groupQueries = 0;
let maxPaths = 0;
for (const [i, subject] of subjects.entries()) {
  const start = performance.now();
  const analysis = resolveOwners(graph, subject, { maxDepth: 10 });
  const elapsed = performance.now() - start;
  if (i < WARM_UP_QUERIES) continue;
  timings.push(elapsed);
  owners += analysis.owners.length;
  if (analysis.truncated) truncated++;
  if (grouped.has(subject)) groupQueries++;
  for (const owner of analysis.owners) maxPaths = Math.max(maxPaths, owner.pathCount);
}
timings.sort((a, b) => a - b);

// The worst shape on purpose: the bottom of each fully meshed group has 3^10 paths to each owner 10 up.
let meshedMaxMs = 0;
let meshedMaxPaths = 0;
for (const subject of meshedBottoms) {
  const start = performance.now();
  const analysis = resolveOwners(graph, subject, { maxDepth: 10 });
  meshedMaxMs = Math.max(meshedMaxMs, performance.now() - start);
  for (const owner of analysis.owners) meshedMaxPaths = Math.max(meshedMaxPaths, owner.pathCount);
}

const lines: Record<string, string | number> = {
  edges: registry.relations.length,
  active_edges: graph.relationCount,
  entities: registry.entities.length,
  build_seconds: buildSeconds.toFixed(2),
  queries: QUERIES,
  group_queries: groupQueries,
  p50_ms: percentile(timings, 50).toFixed(3),
  p95_ms: percentile(timings, 95).toFixed(3),
  p99_ms: percentile(timings, 99).toFixed(3),
  max_ms: timings[timings.length - 1].toFixed(3),
  owners_avg: (owners / QUERIES).toFixed(1),
  truncated_queries: truncated,
  max_paths_to_one_owner: maxPaths,
  meshed_group_max_ms: meshedMaxMs.toFixed(3),
  meshed_group_max_paths: meshedMaxPaths,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
for (const [name, value] of Object.entries(lines)) console.log(`${name}=${value}`);
