import type { DeclaredSubcontractor, Finding } from '../../../../../libs/contracts/src/index.js';
import {
  checkInput,
  declaration,
  entity,
  owns,
  readerOf,
  scoreUnder,
  tender,
  withFixture,
} from '../check-test-data.js';
import { SubcontractorCheckService } from './subcontractor-check.service.js';

const sut = new SubcontractorCheckService();

async function subcontractorFindings(
  subcontractors: DeclaredSubcontractor[],
  fixture = withFixture({}),
): Promise<Finding[]> {
  return sut.run(
    checkInput('subcontractor', { declaration: declaration({ subcontractors }) }),
    readerOf(fixture),
  );
}

describe('SubcontractorCheckService', () => {
  it('finds nothing about a sub-contractor the data does not know, in a country of no concern', async () => {
    expect(
      await subcontractorFindings([{ name: 'Install Co Ltd', country: 'GB', role: 'installation' }]),
    ).toEqual([]);
  });

  it('a debarred sub-contractor excludes the supplier, who may replace it (s26, s28)', async () => {
    const findings = await subcontractorFindings([
      { name: 'Example Debarred Supplier Ltd', country: 'GB', role: 'installation' },
    ]);
    expect(findings).toMatchObject([
      {
        code: 'SUBCONTRACTOR_RISK',
        check: 'subcontractor',
        subject: { role: 'subcontractor', name: 'Example Debarred Supplier Ltd' },
        attributes: { associatedPersonOnly: true, topics: ['debarment'], listIds: ['uk-debarment-list'] },
      },
    ]);
    const risk = scoreUnder('uk-local-authority', findings, tender());
    expect(risk).toMatchObject({
      outcome: 'excluded',
      outcomeBasis: { ruleId: 'debarment-list-entry', associatedPersonOnly: true },
    });
  });

  it('screens a sub-contractor’s controllers and country like the supplier’s', async () => {
    const fixture = withFixture({
      entities: [
        entity('t-maintainer', 'Shenzhen Camera Services Co., Ltd.'),
        entity('t-state-telecom', 'State Telecom Group', { topics: ['gov.soe'] }),
      ],
      relations: [owns('t-state-telecom', 't-maintainer', 70)],
    });
    const findings = await subcontractorFindings(
      [{ name: 'Shenzhen Camera Services Co., Ltd.', country: 'CN', role: 'maintenance' }],
      fixture,
    );
    expect(findings.map((f) => f.key)).toEqual([
      'subcontractor:SUBCONTRACTOR_RISK:CN:shenzhen camera services:intelligence-law:CN',
      'subcontractor:SUBCONTRACTOR_RISK:CN:shenzhen camera services:state-control',
    ]);
    expect(findings.every((f) => f.attributes?.associatedPersonOnly === true)).toBe(true);
    expect(findings[1]!.summary).toBe(
      'Sub-contractor Shenzhen Camera Services Co., Ltd. (maintenance) is controlled by the state: State Telecom Group holds 70%.',
    );
  });
});
