import { FACTOR_CODES } from '../../contracts/src/index.js';
describe('sanity', () => { it('loads contracts', () => expect(FACTOR_CODES).toContain('DEBARRED')); });
