import type { Confidence } from '../../../contracts/src/index.js';

export const CONFIDENCE_LEVELS: readonly Confidence[] = ['high', 'medium', 'low'];
