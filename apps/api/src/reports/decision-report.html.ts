// The decision report as one self-contained, printable HTML page (no scripts, no external assets).
// Every value from the database passes through `escapeHtml`: declarations are supplier-written text.
import type { Evidence, Identifier } from '../../../../libs/contracts/src/index.js';
import type { DecisionReport } from './decision-report.js';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template: interpolated values are escaped unless they are already rendered Html. */
class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

const NONE = html`<span class="none">none</span>`;

function orNone(value: unknown): Html | unknown {
  return value === null || value === undefined || value === '' ? NONE : value;
}

function yesNo(value: boolean | undefined): string {
  return value ? 'yes' : 'no';
}

function identifiers(list: Identifier[] | undefined): Html {
  if (!list?.length) return NONE;
  return html`${list.map((i, n) => html`${n ? ', ' : ''}<span class="mono">${i.scheme}:${i.id}</span>`)}`;
}

function evidence(list: Evidence[]): Html {
  if (!list.length) return NONE;
  return html`<ul class="evidence">
    ${list.map(
      (e) =>
        html`<li>
          <span class="kind">${e.kind}</span>
          ${e.path?.length ? html`<span class="path">${e.path.join(' → ')}</span>` : ''}${
            e.listId ? html` <span class="tag">list ${e.listId}</span>` : ''
          }${e.confidence ? html` <span class="tag">confidence ${e.confidence}</span>` : ''}${
            e.source ? html`<div class="source">source: ${e.source}</div>` : ''
          }
        </li>`,
    )}
  </ul>`;
}

function table(headers: string[], rows: Html[], empty: string): Html {
  if (!rows.length) return html`<p class="none">${empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function section(id: string, title: string, body: Html): Html {
  return html`<section id="${id}">
    <h2>${title}</h2>
    ${body}
  </section>`;
}

function tenderSection(r: DecisionReport): Html {
  const t = r.tender;
  return section(
    'tender',
    'Tender',
    html`<dl>
      <dt>Reference</dt>
      <dd class="mono">${t.reference}</dd>
      <dt>Title</dt>
      <dd>${t.title}</dd>
      <dt>Buyer</dt>
      <dd>${t.buyer.name} (${t.buyer.type})</dd>
      <dt>CPV codes</dt>
      <dd>${orNone(t.cpvCodes.join(', '))}</dd>
      <dt>Sensitive site</dt>
      <dd>${yesNo(t.sensitiveSite)}</dd>
      <dt>Intended use</dt>
      <dd>${orNone(t.intendedUse)}</dd>
      <dt>Policy</dt>
      <dd>${r.policy.id} v${r.policy.version}</dd>
      <dt>Reference data version</dt>
      <dd>${orNone(r.referenceDataVersion)}</dd>
    </dl>`,
  );
}

function supplierSection(r: DecisionReport): Html {
  return section(
    'supplier',
    'Supplier',
    html`<dl>
      <dt>Name</dt>
      <dd>${r.supplier.name}</dd>
      <dt>Country</dt>
      <dd>${r.supplier.country}</dd>
      <dt>Identifiers</dt>
      <dd>${identifiers(r.supplier.identifiers)}</dd>
      <dt>Screening</dt>
      <dd class="mono">${r.screening.id}</dd>
      <dt>Started by</dt>
      <dd>${r.screening.startedBy} on ${r.screening.createdAt}</dd>
    </dl>`,
  );
}

function declarationSection(r: DecisionReport): Html {
  const d = r.declaration;
  if (!d)
    return section('declaration', 'Declaration', html`<p class="none">No declaration was submitted.</p>`);
  return section(
    'declaration',
    'Declaration',
    html`<dl>
        <dt>Revision</dt>
        <dd>${d.revision}, submitted ${d.submittedAt}</dd>
        <dt>Digest (SHA-256)</dt>
        <dd class="mono">${d.digest}</dd>
        <dt>Ultimate parent</dt>
        <dd>${d.ultimateParent ? `${d.ultimateParent.name} (${d.ultimateParent.country})` : NONE}</dd>
        <dt>Countries of operation</dt>
        <dd>${orNone(d.countriesOfOperation.join(', '))}</dd>
        <dt>Subject to foreign intelligence laws</dt>
        <dd>${yesNo(d.foreignIntelligenceLawExposure)}</dd>
        <dt>Attestation</dt>
        <dd>
          ${d.attestation.name}, ${d.attestation.role}; accepted:
          ${yesNo(d.attestation.accepted)}${d.attestation.at ? ` at ${d.attestation.at}` : ''}
        </dd>
      </dl>
      <h3>Owners</h3>
      ${table(
        ['Name', 'Country', 'Share %', 'State', 'Identifiers'],
        d.owners.map(
          (o) =>
            html`<tr>
              <td>${o.name}</td>
              <td>${o.country}</td>
              <td>${orNone(o.share)}</td>
              <td>${yesNo(o.isState)}</td>
              <td>${identifiers(o.identifiers)}</td>
            </tr>`,
        ),
        'No owners declared.',
      )}
      <h3>Products</h3>
      ${table(
        ['Brand', 'Model', 'Manufacturer', 'Origin', 'Components'],
        d.products.map(
          (p) =>
            html`<tr>
              <td>${p.brand}</td>
              <td>${orNone(p.model)}</td>
              <td>${orNone(p.manufacturer)}</td>
              <td>${orNone(p.countryOfOrigin)}</td>
              <td>
                ${p.components?.length ? p.components.map((c) => `${c.type}: ${c.manufacturer}`).join('; ') : NONE}
              </td>
            </tr>`,
        ),
        'No products declared.',
      )}
      <h3>Sub-contractors and associated persons</h3>
      ${table(
        ['Name', 'Country', 'Role'],
        d.subcontractors.map(
          (s) =>
            html`<tr>
              <td>${s.name}</td>
              <td>${s.country}</td>
              <td>${orNone(s.role)}</td>
            </tr>`,
        ),
        'No sub-contractors declared.',
      )}`,
  );
}

function findingsSection(r: DecisionReport): Html {
  return section(
    'findings',
    'Findings',
    table(
      ['Code', 'Check', 'Subject', 'Summary', 'Evidence'],
      r.findings.map(
        (f) =>
          html`<tr id="finding-${f.key}">
            <td class="mono">${f.code}</td>
            <td>${f.check}</td>
            <td>${f.subject.name} (${f.subject.role}${f.subject.country ? `, ${f.subject.country}` : ''})</td>
            <td>${f.summary}</td>
            <td>${evidence(f.evidence)}</td>
          </tr>`,
      ),
      'The checks found nothing.',
    ),
  );
}

function scoreSection(r: DecisionReport): Html {
  const risk = r.risk;
  if (!risk)
    return section('score', 'Score explanation', html`<p class="none">No risk assessment was made.</p>`);
  const basis = risk.outcomeBasis;
  return section(
    'score',
    'Score explanation',
    html`<p class="headline">
        Score <strong>${risk.score}</strong>, band <strong>${risk.band}</strong>, outcome
        <strong>${risk.outcome}</strong> under policy ${risk.policy.id} v${risk.policy.version} (reference
        data ${risk.referenceDataVersion}).
      </p>
      ${table(
        ['Factor', 'Points', 'Rule cited', 'Explanation', 'Evidence'],
        risk.factors.map(
          (f) =>
            html`<tr>
              <td class="mono">${f.code}</td>
              <td class="num">${f.points}</td>
              <td>${orNone(f.rule)}</td>
              <td>${f.explanation}</td>
              <td>${evidence(f.evidence)}</td>
            </tr>`,
        ),
        'No factor scored points.',
      )}
      <h3>Why this outcome</h3>
      ${
        basis
          ? html`<dl>
              <dt>Outcome rule</dt>
              <dd>${orNone(basis.ruleId)}</dd>
              <dt>Rule cited</dt>
              <dd>${orNone(basis.rule)}${basis.provision ? `, ${basis.provision}` : ''}</dd>
              <dt>Reason</dt>
              <dd>${basis.reason}</dd>
              <dt>Findings behind it</dt>
              <dd>${orNone(basis.findingKeys.join(', '))}</dd>
            </dl>`
          : html`<p class="none">The policy recorded no outcome basis; the outcome follows the band.</p>`
      }
      <p>Required sign-off: ${orNone(risk.requiredApprovals.join(', then '))}.</p>`,
  );
}

function approvalsSection(r: DecisionReport): Html {
  return section(
    'approvals',
    'Approvals',
    table(
      ['Level', 'By', 'Decision', 'Reason', 'At'],
      r.approvals.map(
        (a) =>
          html`<tr>
            <td>${a.level}</td>
            <td>${a.userId}</td>
            <td>${a.decision}</td>
            <td>${a.reason}</td>
            <td>${a.at}</td>
          </tr>`,
      ),
      'Nobody has signed yet.',
    ),
  );
}

function decisionSection(r: DecisionReport): Html {
  const d = r.decision;
  return section(
    'decision',
    'Decision',
    d
      ? html`<dl>
          <dt>Outcome</dt>
          <dd class="outcome outcome-${d.outcome}">${d.outcome}</dd>
          <dt>Decided by</dt>
          <dd>${d.decidedBy}</dd>
          <dt>At</dt>
          <dd>${d.at}</dd>
          <dt>Reason</dt>
          <dd>${d.reason}</dd>
        </dl>`
      : html`<p class="none">No decision yet: the screening is ${r.screening.status}.</p>`,
  );
}

function auditSection(r: DecisionReport): Html {
  const a = r.auditTrail;
  return section(
    'audit-trail',
    'Audit trail',
    html`<p class="verification ${a.valid ? 'valid' : 'broken'}">
        ${
          a.valid
            ? `Verified: ${a.events} event(s), the hash chain is intact${a.sealed ? ' and sealed' : ' (not sealed yet)'}.`
            : `NOT VERIFIED: the chain breaks at event ${a.brokenAt?.seq}: ${a.brokenAt?.reason}.`
        }
      </p>
      <dl>
        <dt>${a.sealed ? 'Final hash (seal)' : 'Head hash'}</dt>
        <dd class="mono">${orNone(a.sealed ? (a.sealHash ?? a.headHash) : a.headHash)}</dd>
        ${
          a.sealed && a.sealHash && a.sealHash !== a.headHash
            ? html`<dt>Head hash (monitoring events after the seal)</dt>
                <dd class="mono">${orNone(a.headHash)}</dd>`
            : ''
        }
        <dt>Last stored event's hash</dt>
        <dd class="mono">${orNone(a.lastHash)}</dd>
      </dl>
      ${table(
        ['#', 'At', 'Actor', 'Action', 'Hash'],
        a.entries.map(
          (e) =>
            html`<tr>
              <td class="num">${e.seq}</td>
              <td>${e.at}</td>
              <td>${e.actor.userId} (${e.actor.role})</td>
              <td class="mono">${e.action}</td>
              <td class="mono hash">${e.hash}</td>
            </tr>`,
        ),
        'No events recorded.',
      )}`,
  );
}

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
         color: #1a1a1a; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; border-bottom: 2px solid #333;
  padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1rem; margin-top: 1.2rem; }
  .summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 1rem 0; }
  .summary div { border: 1px solid #bbb; padding: .4rem .6rem; } .summary b { display: block; font-size: .75rem;
  text-transform: uppercase; color: #555; }
  dl { display: grid; grid-template-columns: 14rem 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #bbb;
  padding: .3rem .45rem; text-align: left; vertical-align: top; } th { background: #eee; }
  .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
  .hash { word-break: break-all; font-size: .75em; } .num { text-align: right; }
  .none { color: #666; font-style: italic; } .evidence { margin: 0; padding-left: 1rem; }
  .kind, .tag { font-size: .75em; border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; }
  .source { font-size: .8em; color: #444; word-break: break-all; }
  .verification { padding: .5rem .75rem; font-weight: 600; } .valid { background: #e6f4ea; border: 1px solid #2e7d32; }
  .broken { background: #fdecea; border: 1px solid #c62828; }
  footer { margin-top: 2rem; font-size: .8rem; color: #555; }
  @media print { body { margin: 0; max-width: none; font-size: 11px; } section { break-inside: auto; }
    tr, .verification { break-inside: avoid; } h2 { break-after: avoid; } }
`;

export function renderDecisionReportHtml(r: DecisionReport): string {
  const outcome = r.decision?.outcome ?? r.screening.status;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Decision report: ${r.supplier.name} on ${r.tender.reference}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>Decision report: ${r.supplier.name}</h1>
          <p>${r.tender.title} (<span class="mono">${r.tender.reference}</span>), ${r.tender.buyer.name}</p>
          <div class="summary">
            <div><b>Status</b>${r.screening.status}</div>
            <div><b>Decision</b>${outcome}</div>
            <div>
              <b>Risk</b>${r.risk ? `${r.risk.score} (${r.risk.band}), ${r.risk.outcome}` : 'not assessed'}
            </div>
            <div><b>Audit trail</b>${r.auditTrail.valid ? 'verified' : 'BROKEN'}</div>
          </div>
        </header>
        <main>
          ${tenderSection(r)} ${supplierSection(r)} ${declarationSection(r)} ${findingsSection(r)}
          ${scoreSection(r)} ${approvalsSection(r)} ${decisionSection(r)} ${auditSection(r)}
        </main>
        <footer>
          Report v${r.reportVersion} generated ${r.generatedAt} for ${r.generatedBy}. Re-check the trail at
          any time with
          <span class="mono">GET /v1/screenings/${r.screening.id}/audit/verify</span> or
          <span class="mono">npm run audit:verify -- ${r.screening.id}</span>; the final hash above must
          match.
        </footer>
      </body>
    </html> `;
  return page.text;
}
