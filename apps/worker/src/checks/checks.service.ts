import type { ChecksResult, RunChecksInput } from '../../../../libs/contracts/src/index.js';
import type { ReferenceLookupRepository } from '../../../../libs/reference-data/src/store/index.js';
import type { NameScreeningService } from './name-screening.service.js';
import { screeningSubjects } from './screening-subjects.js';

/** Runs every check of one round against one pinned reference-data version. */
export class ChecksService {
  constructor(
    private readonly lookup: ReferenceLookupRepository,
    private readonly nameScreening: NameScreeningService,
  ) {}

  async run(input: RunChecksInput): Promise<ChecksResult> {
    const version = await this.lookup.currentVersion();
    const subjects = screeningSubjects(input.supplier, input.declaration);
    const findings = await this.nameScreening.screen(subjects, version);
    findings.sort((a, b) => a.key.localeCompare(b.key));
    return { findings, referenceDataVersion: String(version) };
  }
}
