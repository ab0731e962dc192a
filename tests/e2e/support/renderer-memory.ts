import { readFileSync, readdirSync } from 'node:fs';

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // The process ended between listing and reading.
  }
}

function parentOf(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  // Field 4 is the parent pid; the command name in field 2 may contain spaces, so split after ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[1] ? Number(fields[1]) : null;
}

function descendants(rootPid: number): number[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const found = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (parent !== null && found.has(parent) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(rootPid);
  return [...found];
}

/**
 * Resident memory, in bytes, of every renderer process of one Chromium (the page, its dedicated
 * workers and service worker live there). Linux only: it reads /proc.
 */
export function rendererResidentBytes(browserPid: number): number {
  let total = 0;
  for (const pid of descendants(browserPid)) {
    if (!readProc(pid, 'cmdline')?.includes('--type=renderer')) continue;
    const match = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
    if (match?.[1]) total += Number(match[1]) * 1024;
  }
  return total;
}

/** Samples `measure` every `intervalMs` until stopped; returns the peak seen. */
export function samplePeak(measure: () => number, intervalMs = 100): { stop: () => number } {
  let peak = measure();
  const timer = setInterval(() => (peak = Math.max(peak, measure())), intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, measure());
    },
  };
}
