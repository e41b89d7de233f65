// Waiting for a person, with reminders on an interval and a deadline that may move (an extension).
import { condition } from '@temporalio/workflow';

export interface ReminderWait {
  /** True once the person acted (or the case moved on for another reason). */
  done: () => boolean;
  /** Epoch milliseconds; read afresh after every wake-up, so an extension takes effect at once. */
  deadline: () => number;
  /** Epoch ms the wait for the person began (the stage's start), which the reminders count from. */
  since: number;
  /** Interval between reminders; the first comes one interval after `since`. */
  every: number;
  remind: (count: number) => Promise<void>;
}

/** Resolves true when `done`, false when the deadline passes first. No reminder is sent at or after it. */
export async function waitWithReminders(wait: ReminderWait): Promise<boolean> {
  let reminders = 0;
  let nextReminder = wait.since + wait.every;
  for (;;) {
    if (wait.done()) return true;
    const now = Date.now();
    const deadline = wait.deadline();
    if (now >= deadline) return false;
    if (now >= nextReminder) {
      reminders += 1;
      await wait.remind(reminders);
      // On a fixed schedule from `since`, however long sending the reminder took.
      nextReminder += wait.every;
      continue;
    }
    await condition(
      () => wait.done() || wait.deadline() !== deadline,
      Math.min(deadline, nextReminder) - now,
    );
  }
}
