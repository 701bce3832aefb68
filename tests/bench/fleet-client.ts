import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runFleetKiosk, type FleetKioskIdentity, type FleetSchedule, type KioskSamples } from './fleet-kiosk';

/** What fleet-bench.ts hands one client process, and what it hands back. */
export interface FleetClientJob {
  schedule: FleetSchedule;
  kiosks: FleetKioskIdentity[];
}

export interface FleetClientReport {
  kiosks: KioskSamples[];
  /** This process's CPU over the measured window, ms: the client's share of the 2 cores. */
  windowCpuMs: number;
  /** Its event loop's delay p99, ms: how late this process itself read the hub's answers. */
  loopDelayP99Ms: number;
}

/**
 * A process of simulated kiosks (`node --import tsx fleet-client.ts JOB.json REPORT.json`):
 * the fleet's clients stand apart from the hub's process, as kiosks do, on Node's fetch
 * (keep-alive, as the kiosk's HubClient uses it).
 */
async function main(): Promise<void> {
  const [jobFile, reportFile] = process.argv.slice(2);
  if (!jobFile || !reportFile) throw new Error('usage: fleet-client.ts JOB.json REPORT.json');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as FleetClientJob;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Sampled here, at the window's edges: read from outside, a process that exits as its window ends reads as none.
  const windowStart = job.schedule.startAt + job.schedule.warmupMs;
  const cpuAt = (at: number) =>
    new Promise<NodeJS.CpuUsage>((resolve) => setTimeout(() => resolve(process.cpuUsage()), Math.max(0, at - Date.now())));
  const [kiosks, atStart, atEnd] = await Promise.all([
    Promise.all(job.kiosks.map((kiosk) => runFleetKiosk(kiosk, job.schedule))),
    cpuAt(windowStart),
    cpuAt(windowStart + job.schedule.durationMs),
  ]);
  delay.disable();
  const windowCpuMs = (atEnd.user - atStart.user + atEnd.system - atStart.system) / 1000;
  const report: FleetClientReport = { kiosks, windowCpuMs, loopDelayP99Ms: delay.percentile(99) / 1e6 };
  writeFileSync(reportFile, JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
