import { stopTestStack } from '../../dist/libs/embedded/src/test-stack.js';

export default async function globalTeardown() {
  if (globalThis.__testStack) await stopTestStack(globalThis.__testStack);
}
