import { randomBytes } from 'node:crypto';

/** Prefixed random ids (`tnd_…`, `scr_…`): readable in logs and URLs, unguessable. */
export function newId(prefix: 'tnd' | 'scr' | 'bat'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
