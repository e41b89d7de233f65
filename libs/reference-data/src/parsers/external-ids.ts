import { createHash } from 'node:crypto';

/**
 * A stable, readable id part from free text: "Example Debarred Supplier Ltd" → "example-debarred-supplier-ltd".
 * Text with no Latin letters or digits (e.g. Chinese names) gets a short hash instead, so ids stay stable.
 */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug !== '' ? slug : createHash('sha256').update(text).digest('hex').slice(0, 12);
}
