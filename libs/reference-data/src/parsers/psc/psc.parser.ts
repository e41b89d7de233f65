// Companies House persons with significant control: the bulk snapshot's JSON lines and the API's items.
// Each PSC gives its company (a minimal entity, emitted once per run of lines about the same company), the
// PSC as an entity, and the ownership relation with the share band its natures of control state.
// Statements ("no PSC", "steps not completed"), super-secure PSCs (details withheld) and the snapshot's
// totals line are counted in the report and skipped.
//
// Source: `options.source`, else the company's PSC page. Confidence: `options.confidence`, else high.
import type { EntityKind } from '../../../../contracts/src/index.js';
import type { ImportRecord } from '../import-record.js';
import { optionalDate } from '../fields.js';
import { readJsonRecords } from '../json-records.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords, type RecordContext } from '../record-pipeline.js';
import { companyNumberOf, naturesOf, pscIdOf, readPscItem } from './psc-item.js';
import { summariseNatures } from './psc-natures.js';
import type { Provenance } from '../provenance.js';
import { companyExternalId, placeholderCompany, pscParty } from './psc-parties.js';

const COMPANIES_HOUSE = 'https://find-and-update.company-information.service.gov.uk';

export function parsePsc(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  // Snapshot lines are grouped by company; remembering the last company keeps one entity per company
  // without holding a set of all companies seen.
  let lastCompanyNumber: string | undefined;
  const provenanceFor = (companyNumber: string): Provenance => ({
    source: options.source ?? `${COMPANIES_HOUSE}/company/${companyNumber}/persons-with-significant-control`,
    confidence: options.confidence ?? 'high',
  });

  const pscLine = (line: unknown, context: RecordContext): ImportRecord[] => {
    const item = readPscItem(line);
    const partyKind = pscPartyKind(item.kind, context);
    if (partyKind === undefined) return [];
    const companyNumber = companyNumberOf(line, item);
    const pscId = pscIdOf(item);
    const provenance = provenanceFor(companyNumber);
    const owner = pscParty(item, partyKind, pscId, provenance);
    const records: ImportRecord[] = [];
    if (companyNumber !== lastCompanyNumber) {
      records.push({ type: 'entity', op: 'upsert', value: placeholderCompany(companyNumber, provenance) });
    }
    records.push({ type: 'entity', op: 'upsert', value: owner });
    records.push({
      type: 'ownership',
      op: 'upsert',
      value: {
        externalId: `GB-COH-PSC-REL:${pscId}`,
        ownerExternalId: owner.externalId,
        ownedExternalId: companyExternalId(companyNumber),
        ...summariseNatures(naturesOf(item)),
        startDate: optionalDate(item.data, 'notified_on', item.path) ?? null,
        endDate: optionalDate(item.data, 'ceased_on', item.path) ?? null,
        ...provenance,
      },
    });
    lastCompanyNumber = companyNumber; // only once the whole line has been read without error
    return records;
  };

  return mapRecords(readJsonRecords(input, { file: options.file, wrapperKeys: ['items'] }), pscLine, options);
}

const PARTY_KINDS: readonly [prefix: string, kind: EntityKind][] = [
  ['individual-', 'person'],
  ['corporate-entity-', 'company'],
  ['legal-person-', 'legal_entity'],
];

function pscPartyKind(kind: string, context: RecordContext): EntityKind | undefined {
  if (kind.includes('statement')) return ignored(context, 'psc statement');
  if (kind.startsWith('super-secure')) return ignored(context, 'super-secure psc (details withheld)');
  if (kind.startsWith('totals#')) return ignored(context, 'snapshot totals');
  const match = PARTY_KINDS.find(([prefix]) => kind.startsWith(prefix));
  return match ? match[1] : ignored(context, `kind ${kind}`);
}

function ignored(context: RecordContext, reason: string): undefined {
  context.ignore(reason);
  return undefined;
}
