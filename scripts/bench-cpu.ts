// CPU time of the processes a benchmark drives, read from /proc (Linux; null elsewhere): this process
// (all its threads), the local Temporal dev server and the PostgreSQL backends serving one database.
// Wall-clock rates move with whatever else the machine runs; CPU time per unit of work does not.
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** User + system seconds of a process, or null when /proc cannot tell. */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): user and system ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The sum over several processes; null when any of them cannot be read. */
export function processesCpuSeconds(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const seconds = processCpuSeconds(pid);
    if (seconds === null) return null;
    total += seconds;
  }
  return total;
}

/** The `temporal server start-dev` process listening on this address's port, if it runs here. */
export function temporalDevServerPid(address: string): number | null {
  const port = address.split(':').at(-1);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('start-dev') && args.includes(String(port))) return Number(entry);
    } catch {
      // The process ended meanwhile.
    }
  }
  return null;
}

export interface CpuMeter {
  /** Seconds used since the meter started, per part; null for a part /proc could not read. */
  read(): Promise<{ node: number; temporal: number | null; postgres: number | null }>;
}

/** Starts measuring: this process, the Temporal dev server and the backends of `database`. */
export async function startCpuMeter(
  db: pg.Client,
  database: string,
  temporalAddress: string,
): Promise<CpuMeter> {
  const temporalPid = temporalDevServerPid(temporalAddress);
  const backends = async () =>
    (
      await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])
    ).rows.map((row) => row.pid);
  const nodeStart = process.cpuUsage();
  const temporalStart = temporalPid === null ? null : processCpuSeconds(temporalPid);
  const pidsAtStart = await backends();
  const postgresStart = new Map(pidsAtStart.map((pid) => [pid, processCpuSeconds(pid) ?? 0]));
  return {
    async read() {
      const node = process.cpuUsage(nodeStart);
      const temporalNow = temporalPid === null ? null : processCpuSeconds(temporalPid);
      // Backends opened meanwhile count from zero; one that closed meanwhile is lost (pools keep theirs).
      const pids = await backends();
      const postgresNow = processesCpuSeconds(pids);
      const postgresBefore = pids.reduce((total, pid) => total + (postgresStart.get(pid) ?? 0), 0);
      return {
        node: (node.user + node.system) / 1e6,
        temporal: temporalNow === null || temporalStart === null ? null : temporalNow - temporalStart,
        postgres: postgresNow === null ? null : postgresNow - postgresBefore,
      };
    },
  };
}
