import { InitialSchema1764489600000 } from './1764489600000-initial-schema.js';

/** Every migration, oldest first. A new migration is written, reviewed, and added here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [InitialSchema1764489600000];
