// Nest providers for the ownership, jurisdiction, product and sub-contractor checks and the reference reads
// they share. The checks hold no state: each run gets a reader pinned to its round's dataset version.
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceLookupRepository } from '../../../../libs/reference-data/src/store/index.js';
import { ReferenceGraphRepository } from '../../../../libs/reference-data/src/store/reference-graph.repository.js';
import { JurisdictionCheckService } from './jurisdiction/jurisdiction-check.service.js';
import { OwnershipCheckService } from './ownership/ownership-check.service.js';
import { ProductCheckService } from './product/product-check.service.js';
import { ReferenceReaderFactory } from './reference/db-reference-reader.js';
import { SubcontractorCheckService } from './subcontractor/subcontractor-check.service.js';

/** The checks that read reference data through a `ReferenceReader`, by check name. */
export class ReferenceChecks {
  constructor(
    readonly readers: ReferenceReaderFactory,
    readonly ownership = new OwnershipCheckService(),
    readonly jurisdiction = new JurisdictionCheckService(),
    readonly product = new ProductCheckService(),
    readonly subcontractor = new SubcontractorCheckService(),
  ) {}
}

export const referenceChecksProviders: Provider[] = [
  {
    provide: ReferenceGraphRepository,
    useFactory: (db: DataSource) => new ReferenceGraphRepository(db),
    inject: [DataSource],
  },
  {
    provide: ReferenceChecks,
    useFactory: (graph: ReferenceGraphRepository, names: ReferenceLookupRepository) =>
      new ReferenceChecks(new ReferenceReaderFactory(graph, names)),
    inject: [ReferenceGraphRepository, ReferenceLookupRepository],
  },
];
