// Where the worker gets its workflow code: a prebuilt bundle (production, `npm run build`), else the
// workflows folder, bundled at start-up (development and tests).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type WorkflowSource = { workflowBundle: { code: string } } | { workflowsPath: string };

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export function workflowSource(bundlePath = process.env.WORKFLOW_BUNDLE_PATH): WorkflowSource {
  const prebuilt = bundlePath ?? here('../../../workflow-bundle.js');
  if (bundlePath && !existsSync(bundlePath)) {
    throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath}: no such file; run \`npm run build\` or unset it`);
  }
  if (existsSync(prebuilt) && (bundlePath || process.env.NODE_ENV === 'production')) {
    return { workflowBundle: { code: readFileSync(prebuilt, 'utf8') } };
  }
  const compiled = here('../../../workflows/index.js');
  return { workflowsPath: existsSync(compiled) ? compiled : here('../../../workflows/index.ts') };
}
