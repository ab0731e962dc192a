import { expose } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ABORT_GRACE_MS,
  WorkerFailedError,
  WorkerRestartedError,
  workerBridge,
  type WorkerLike,
} from '../../../src/bridges/worker-bridge';
import { ModelLoadError } from '../../../src/shared/worker-errors';

/** A worker's API as the tests' fake workers expose it. */
interface FakeApi {
  echo(value: string): string;
  whoAmI(): number;
  load(model: string): void;
  wait(ms: number): Promise<string>;
}

/** Fake workers: a comlink endpoint over a MessageChannel, counting starts and terminations. */
class FakeWorkers {
  started = 0;
  terminated = 0;
  /** The next start's script "fails to load": an `error` event, and no answer ever. */
  failNextStart = false;
  private readonly ports: { close(): void }[] = [];

  readonly start = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    const id = ++this.started;
    if (this.failNextStart) {
      this.failNextStart = false;
      this.ports.push(port1, port2);
      setTimeout(() => port1.dispatchEvent(new Event('error')), 10);
      return Object.assign(port1 as unknown as WorkerLike, {
        terminate: () => void this.terminated++,
      });
    }
    const api: FakeApi = {
      echo: (value) => value,
      whoAmI: () => id,
      load: (model) => {
        throw new ModelLoadError(`The model “${model}” could not be loaded`);
      },
      wait: (ms) => new Promise((resolve) => setTimeout(() => resolve('waited'), ms)),
    };
    expose(api, port2 as unknown as Parameters<typeof expose>[1]);
    this.ports.push(port1, port2);
    return Object.assign(port1 as unknown as WorkerLike, {
      terminate: () => {
        this.terminated++;
        port1.close();
        port2.close();
      },
    });
  };

  closeAll(): void {
    for (const port of this.ports) port.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let workers: FakeWorkers;
afterEach(() => workers.closeAll());

describe('workerBridge', () => {
  it('starts the worker on first use and shares it between concurrent calls', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 1000 });
    expect(workers.started).toBe(0);
    const [a, b] = await Promise.all([run((api) => api.wait(30)), run((api) => api.echo('hello'))]);
    expect([a, b]).toEqual(['waited', 'hello']);
    expect(workers.started).toBe(1);
    expect(await run((api) => api.whoAmI())).toBe(1);
  });

  it('terminates an idle worker, and starts a fresh one when needed again', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 300 });
    await run((api) => api.echo('x'));
    await run((api) => api.echo('y')); // within the idle time: the same worker
    expect(workers.terminated).toBe(0);
    await sleep(600);
    expect(workers.terminated).toBe(1);
    expect(await run((api) => api.whoAmI())).toBe(2);
  });

  it('never terminates a worker that is still working', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 20 });
    const long = run((api) => api.wait(120));
    await sleep(10);
    await run((api) => api.echo('short')); // ends while the long call is still running
    await sleep(60);
    expect(workers.terminated).toBe(0);
    expect(await long).toBe('waited');
  });

  it('rejects, never hangs, when the worker fails to start; the next call starts a fresh one', async () => {
    workers = new FakeWorkers();
    workers.failNextStart = true;
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 10_000, name: 'media' });
    const failure = await run((api) => api.echo('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerFailedError);
    expect(failure).toMatchObject({
      message: expect.stringContaining("BRI's media worker failed to start"),
    });
    expect(workers.terminated).toBe(1);
    expect(await run((api) => api.whoAmI())).toBe(2);
  });

  it('terminates a worker that ignores a cancel, within the grace period', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 10_000 });
    const controller = new AbortController();
    const neighbour = run((api) => api.wait(10_000)).catch((error: unknown) => error);
    const started = Date.now();
    const stuck = run((api) => api.wait(10_000), { signal: controller.signal });
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError', message: 'Stopped' });
    expect(Date.now() - started).toBeLessThan(ABORT_GRACE_MS + 500);
    expect(workers.terminated).toBe(1);
    // The other call on that worker is told to try again, not left waiting.
    expect(await neighbour).toBeInstanceOf(WorkerRestartedError);
    expect(await run((api) => api.whoAmI())).toBe(2);
  });

  it('leaves the worker alone when a call finishes before its signal aborts', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 10_000 });
    const controller = new AbortController();
    expect(await run((api) => api.echo('done'), { signal: controller.signal })).toBe('done');
    controller.abort();
    await sleep(ABORT_GRACE_MS + 100);
    expect(workers.terminated).toBe(0);
  });

  it('ends a call past its time limit with the caller’s error', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 10_000 });
    const late = run((api) => api.wait(5_000), {
      timeoutMs: 50,
      onTimeout: () => new RangeError('too slow'),
    });
    await expect(late).rejects.toThrow(new RangeError('too slow'));
    expect(workers.terminated).toBe(1);
  });

  it('replaces a worker whose model failed to load once its calls have ended', async () => {
    workers = new FakeWorkers();
    const run = workerBridge<FakeApi>(workers.start, { idleMs: 10_000 });
    const failure = await run((api) => api.load('broken')).catch((error: unknown) => error);
    // The class survives the worker boundary (comlink alone would rebuild a plain Error).
    expect(failure).toBeInstanceOf(ModelLoadError);
    expect(failure).toMatchObject({ message: 'The model “broken” could not be loaded' });
    expect(workers.terminated).toBe(1);
    expect(await run((api) => api.whoAmI())).toBe(2);
    // Any other failure keeps the worker.
    await expect(run(() => Promise.reject(new TypeError('bad input')))).rejects.toThrow(
      'bad input',
    );
    expect(workers.terminated).toBe(1);
  });
});
