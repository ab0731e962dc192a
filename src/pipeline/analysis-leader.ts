import type { StageName, StageRecord } from '../db';

/**
 * One tab runs analysis; the others ask it to and watch. Two tabs that each ran every stage of a
 * video wrote every row twice (and about one time in three left an object track twice).
 *
 * The tab holding the `bri-analysis` Web Lock leads: it runs the queue and broadcasts every
 * stage row on a BroadcastChannel, so other tabs show its progress live. Other tabs forward
 * their requests (analyse, cancel, retry, focus) to it and settle when it answers. When the
 * leading tab closes, its lock is released and a waiting tab takes over, resuming what was left
 * from the stored stage rows; it says so, and the other tabs ask it again what they were still
 * waiting for (with three tabs, a request to the tab that closed would otherwise never settle). Without Web Locks (Node in unit tests, old browsers) every tab
 * leads on its own, as before.
 */
const LOCK = 'bri-analysis';
const CHANNEL = 'bri-analysis';

/** What a following tab asks the leading one to do. */
export type AnalysisRequest =
  | { kind: 'analyse'; videoId: string; only?: readonly StageName[]; resume: readonly StageName[] }
  | { kind: 'cancel'; videoId: string }
  | { kind: 'retry'; videoId: string }
  | { kind: 'focus'; videoId: string | null };

type Message =
  | { type: 'request'; id: string; request: AnalysisRequest }
  | { type: 'leader' }
  | { type: 'settled'; id: string; error: string | null }
  | { type: 'stage'; row: StageRecord };

/** What the leading tab does with requests, and what a tab does when it takes the lead. */
export interface LeaderRole {
  handle: (request: AnalysisRequest) => Promise<void>;
  onLead: () => Promise<void>;
  onStage: (row: StageRecord) => void;
}

/** Another tab's analysis failed; its message says why. */
export class RemoteAnalysisError extends Error {
  override name = 'RemoteAnalysisError';
}

let leading: Promise<boolean> | null = null;
let isLeading = false;
let channel: BroadcastChannel | null = null;
const waiting = new Map<
  string,
  { request: AnalysisRequest; resolve: () => void; reject: (e: Error) => void }
>();

function canCoordinate(): boolean {
  return (
    typeof navigator !== 'undefined' && !!navigator.locks && typeof BroadcastChannel === 'function'
  );
}

const forever = () => new Promise<never>(() => {});

function listen(role: LeaderRole): void {
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (data.type === 'stage' && !isLeading) role.onStage(data.row);
    // A new tab leads (the one asked closed): what it may never have heard is asked again.
    if (data.type === 'leader' && !isLeading)
      for (const [id, { request }] of waiting)
        channel?.postMessage({ type: 'request', id, request } satisfies Message);
    if (data.type === 'settled') {
      const entry = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error === null) entry?.resolve();
      else entry?.reject(new RemoteAnalysisError(data.error));
    }
    if (data.type === 'request' && isLeading) {
      const settle = (error: string | null) =>
        channel?.postMessage({ type: 'settled', id: data.id, error } satisfies Message);
      role.handle(data.request).then(
        () => settle(null),
        (error: unknown) => settle(error instanceof Error ? error.message : String(error)),
      );
    }
  };
}

/** Takes the lead: what this tab asked others and never heard back about, it now does itself. */
async function takeLead(role: LeaderRole): Promise<void> {
  isLeading = true;
  channel?.postMessage({ type: 'leader' } satisfies Message);
  await role.onLead();
  for (const [id, entry] of waiting) {
    waiting.delete(id);
    role.handle(entry.request).then(entry.resolve, entry.reject);
  }
}

/**
 * Starts this tab's part: resolves true when it leads now, false when another tab does (this one
 * then waits its turn, and takes over with `onLead` when that tab closes).
 */
export function joinAnalysis(role: LeaderRole): Promise<boolean> {
  leading ??= new Promise<boolean>((resolve) => {
    if (!canCoordinate()) {
      isLeading = true;
      resolve(true);
      return;
    }
    listen(role);
    void navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
      if (lock) {
        isLeading = true;
        resolve(true);
        return forever();
      }
      resolve(false);
      void navigator.locks.request(LOCK, async () => {
        await takeLead(role);
        return forever();
      });
      return undefined;
    });
  });
  return leading;
}

/** True when this tab runs the analysis now (once `joinAnalysis` has settled; true before it is called). */
export async function leadsAnalysis(): Promise<boolean> {
  if (!leading) return true;
  await leading;
  return isLeading;
}

/** Asks the leading tab to do `request`; settles when it has. */
export function askLeader(request: AnalysisRequest): Promise<void> {
  const id = crypto.randomUUID();
  return new Promise<void>((resolve, reject) => {
    waiting.set(id, { request, resolve, reject });
    channel?.postMessage({ type: 'request', id, request } satisfies Message);
  });
}

/** Tells the other tabs about a stage row (the leading tab's every report). */
export function shareStage(row: StageRecord): void {
  if (isLeading) channel?.postMessage({ type: 'stage', row } satisfies Message);
}
