import { ApplicationFailure } from '@temporalio/activity';
import type { CheckName, Finding, RunCheckInput } from '../../../../libs/contracts/src/index.js';
import type { ReferenceLookupRepository } from '../../../../libs/reference-data/src/store/index.js';
import type { NameScreeningService } from './name-screening.service.js';
import type { ReferenceChecks } from './reference-checks.providers.js';
import type { ReferenceReader } from './reference/reference-reader.js';
import { screeningSubjects } from './screening-subjects.js';

/** A check reads the reference data as of the round's pinned version and returns its findings. */
export type Check = (input: RunCheckInput, asOfVersion: number) => Promise<Finding[]>;

/** Dispatches each check of a round to the service that runs it. */
export class ChecksService {
  private readonly checks: Partial<Record<CheckName, Check>>;

  constructor(
    private readonly lookup: ReferenceLookupRepository,
    nameScreening: NameScreeningService,
    reference: ReferenceChecks,
  ) {
    const reading =
      (check: { run(input: RunCheckInput, reader: ReferenceReader): Promise<Finding[]> }): Check =>
      (input, version) =>
        check.run(input, reference.readers.forVersion(version));
    this.checks = {
      name_screening: (input, version) =>
        nameScreening.screen(screeningSubjects(input.supplier, input.declaration), version),
      ownership: reading(reference.ownership),
      jurisdiction: reading(reference.jurisdiction),
      product: reading(reference.product),
      subcontractor: reading(reference.subcontractor),
    };
  }

  async currentReferenceDataVersion(): Promise<string> {
    return String(await this.lookup.currentVersion());
  }

  async run(input: RunCheckInput): Promise<Finding[]> {
    const check = this.checks[input.check];
    if (!check)
      throw ApplicationFailure.nonRetryable(`No check named ${input.check} in this worker`, 'UnknownCheck');
    const findings = await check(input, Number(input.referenceDataVersion));
    return findings.sort((a, b) => a.key.localeCompare(b.key));
  }
}
