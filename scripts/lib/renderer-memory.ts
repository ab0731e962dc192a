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

/** The browser process launched with `--user-data-dir=<userDataDir>` (renderers never carry it). */
export function browserPidFor(userDataDir: string): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = readProc(Number(name), 'cmdline')?.split('\0') ?? [];
    if (
      cmdline.includes(`--user-data-dir=${userDataDir}`) &&
      !cmdline.some((arg) => arg.startsWith('--type='))
    ) {
      return Number(name);
    }
  }
  throw new Error(`no browser process uses ${userDataDir}`);
}

function rendererPids(browserPid: number): number[] {
  return descendants(browserPid).filter((pid) =>
    readProc(pid, 'cmdline')?.includes('--type=renderer'),
  );
}

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/** How often the process tree is rescanned for new renderers (a full /proc scan is slow). */
const RESCAN_MS = 2000;

/**
 * Resident memory, in bytes, of every renderer process of one Chromium (the page, its dedicated
 * workers and service worker live there). Linux only: it reads /proc. Pass `rescan` to look for
 * new renderers now: a cross-origin isolated page (COOP) gets a process of its own when it
 * opens, so a baseline taken from the previous scan can miss it.
 */
export function rendererMemory(browserPid: number): (rescan?: boolean) => number {
  let pids = rendererPids(browserPid);
  let scannedAt = Date.now();
  return (rescan = false) => {
    if (rescan || Date.now() - scannedAt > RESCAN_MS) {
      pids = rendererPids(browserPid);
      scannedAt = Date.now();
    }
    return pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  };
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
