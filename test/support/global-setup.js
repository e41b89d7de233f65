// Jest loads global setup outside its module system, so this plain-JS shim imports the compiled stack
// (`npm run build:ts` runs first; see package.json).
import { startTestStack } from '../../dist/libs/embedded/src/test-stack.js';

export default async function globalSetup() {
  globalThis.__testStack = await startTestStack();
}
