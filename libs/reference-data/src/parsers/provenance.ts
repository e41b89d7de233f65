import type { Confidence } from '../../../contracts/src/index.js';

/** Where a fact came from and how far to trust it; every record carries both. */
export interface Provenance {
  source: string;
  confidence: Confidence;
}
