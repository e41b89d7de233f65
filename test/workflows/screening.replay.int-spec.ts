// Replays saved histories of every screening path against today's workflow code, so a change that
// breaks determinism (and would break running screenings on deploy) fails CI.
// The histories are recorded by the workflow integration test:
//   RECORD_HISTORIES=1 NODE_OPTIONS=--experimental-vm-modules npx jest --selectProjects integration \
//     --runInBand --testPathPatterns test/workflows/screening.workflow.int-spec
// Record again only for a deliberate, versioned change (patched()), and keep the old files in a folder of
// their own while runs started before the change may live: before-compact-history/ holds the runs from
// before COMPACT_HISTORY_PATCH (one activity per record and per check), before-combined-steps/ those from
// before COMBINED_STEPS_PATCH (one local activity per step).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';

jest.setTimeout(120_000);

const HISTORIES = fileURLToPath(new URL('./__histories__/', import.meta.url));

function savedHistories() {
  return readdirSync(HISTORIES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(`${HISTORIES}${file}`, 'utf8')),
      ),
    }));
}

describe('screening workflow replay', () => {
  it('replays the saved history of every path without a determinism error', async () => {
    const histories = savedHistories();
    // Every path, recorded on today's code and on the code before each patch.
    expect(histories.filter((h) => !h.workflowId.includes('/')).length).toBeGreaterThanOrEqual(10);
    for (const before of ['before-compact-history/', 'before-combined-steps/']) {
      expect(histories.filter((h) => h.workflowId.startsWith(before)).length).toBeGreaterThanOrEqual(10);
    }
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
