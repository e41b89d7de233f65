import { normaliseName } from '../names/index.js';

/**
 * The key that makes a supplier unique on a tender (unique tender + supplier key in the read model): the
 * normalised legal name and the country. The API and bulk screening both use it, so a supplier is never
 * screened twice on one tender whichever way it arrives.
 */
export function supplierKey(name: string, country: string): string {
  return `${normaliseName(name) || name.trim().toLowerCase()}|${country}`;
}
