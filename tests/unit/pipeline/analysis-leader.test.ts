import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisRequest, LeaderRole } from '../../../src/pipeline/analysis-leader';

/**
 * Tabs in one process: each tab is its own instance of the module (vi.resetModules), they talk
 * over Node's BroadcastChannel as tabs do, and share a Web Locks stand-in that grants a lock to
 * the next waiter when its holder "closes".
 */
interface Held {
  release: () => void;
}
function fakeLocks() {
  let holder: Held | null = null;
  const queue: (() => void)[] = [];
  const grant = () => {
    const next = queue.shift();
    next?.();
  };
  const locks = {
    request: (
      _name: string,
      optionsOrCallback: object | ((lock: object | null) => Promise<unknown>),
      maybeCallback?: (lock: object | null) => Promise<unknown>,
    ) => {
      const ifAvailable =
        typeof optionsOrCallback === 'object' && 'ifAvailable' in optionsOrCallback;
      const callback = (maybeCallback ?? optionsOrCallback) as (
        l: object | null,
      ) => Promise<unknown>;
      if (ifAvailable && holder) return callback(null);
      return new Promise((resolve) => {
        const take = () => {
          const held: Held = {
            release: () => {
              holder = null;
              grant();
            },
          };
          holder = held;
          tabsByLock.push(held);
          resolve(callback({}));
        };
        if (!holder) take();
        else queue.push(take);
      });
    },
  };
  const tabsByLock: Held[] = [];
  return { locks, closeLeader: () => tabsByLock.shift()?.release() };
}

const channels: BroadcastChannel[] = [];
const RealChannel = globalThis.BroadcastChannel;
afterEach(() => {
  channels.splice(0).forEach((c) => c.close());
  vi.unstubAllGlobals();
});

/** One tab: its own module instance, a role that records what it handled. */
async function openTab(name: string, handled: string[]) {
  vi.resetModules();
  const leader = await import('../../../src/pipeline/analysis-leader');
  const role: LeaderRole = {
    handle: async (request: AnalysisRequest) => {
      handled.push(`${name}:${request.kind}`);
    },
    onLead: async () => undefined,
    onStage: () => undefined,
  };
  const leads = await leader.joinAnalysis(role);
  return { leader, leads };
}

describe('analysis leader with three tabs', () => {
  it('a request to the leading tab that closes is asked again of the tab that takes over', async () => {
    const { locks, closeLeader } = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    vi.stubGlobal(
      'BroadcastChannel',
      class extends RealChannel {
        constructor(name: string) {
          super(name);
          channels.push(this);
        }
      },
    );
    const handled: string[] = [];
    const a = await openTab('A', []); // leads, and closes before it answers anything
    const b = await openTab('B', handled);
    const c = await openTab('C', handled);
    expect([a.leads, b.leads, c.leads]).toEqual([true, false, false]);
    // A's channel goes silent (the tab is closing): C's request reaches no one who answers.
    channels[0]?.close();
    // Another listener on the channel: once it has the request, so has B, still following.
    const observer = new RealChannel('bri-analysis');
    const heard = new Promise((resolve) => (observer.onmessage = resolve));
    const asked = c.leader.askLeader({ kind: 'cancel', videoId: 'v' });
    await heard;
    await new Promise((resolve) => setImmediate(resolve));
    observer.close();
    closeLeader(); // A's lock goes to B, which waited first: not the tab that asked
    await expect(asked).resolves.toBeUndefined();
    expect(handled).toEqual(['B:cancel']);
  });
});
