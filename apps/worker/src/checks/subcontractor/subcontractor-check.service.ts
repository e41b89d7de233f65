// The sub-contractor check: every declared sub-contractor and associated person, screened like the supplier.
import type { Finding, RunCheckInput } from '../../../../../libs/contracts/src/index.js';
import { registryOwnership } from '../ownership/ownership-picture.js';
import type { ReferenceReader } from '../reference/reference-reader.js';
import { subcontractorFindings } from './subcontractor-findings.js';

export class SubcontractorCheckService {
  async run(input: RunCheckInput, reader: ReferenceReader): Promise<Finding[]> {
    const subcontractors = input.declaration.subcontractors;
    if (subcontractors.length === 0) return [];
    const [resolved, profiles] = await Promise.all([
      reader.resolveParties(subcontractors),
      reader.jurisdictions(),
    ]);
    const analyses = await registryOwnership(
      reader,
      resolved.flatMap((party) => (party ? [party.entity] : [])),
    );
    return subcontractors.flatMap((subcontractor, index) => {
      const party = resolved[index] ?? null;
      const analysis = party ? (analyses.get(party.entity.externalId) ?? null) : null;
      return subcontractorFindings(subcontractor, party, analysis, profiles);
    });
  }
}
