/** What VideoDecoder and AudioDecoder have in common. */
export interface WebCodecsDecoder<Chunk> {
  readonly decodeQueueSize: number;
  readonly state: CodecState;
  decode(chunk: Chunk): void;
  flush(): Promise<void>;
  close(): void;
  addEventListener(type: 'dequeue', listener: () => void): void;
}

export interface PumpOptions<Chunk, Output> {
  /** Creates and configures the decoder, wiring its callbacks to `emit` and `fail`. */
  open: (emit: (output: Output) => void, fail: (error: Error) => void) => WebCodecsDecoder<Chunk>;
  /** Frees an output nobody consumed (VideoFrame.close). */
  release: (output: Output) => void;
  /** Chunks in flight inside the decoder: enough to keep its threads busy, few enough for memory. */
  maxQueue: number;
  /** Outputs decoded ahead of the consumer (video frames hold decoder buffers: keep it small). */
  maxReady: number;
}

/**
 * Feeds a WebCodecs decoder from an async stream and yields its outputs. Feeding runs on its own,
 * not only when the consumer asks, so the decoder (on the browser's threads) keeps working while
 * the consumer is busy with earlier outputs; it pauses while the decoder's queue is full or
 * `maxReady` outputs wait. Stopping early closes the decoder and the input stream.
 */
export async function* pumpDecoder<Chunk, Output>(
  chunks: AsyncIterable<Chunk>,
  options: PumpOptions<Chunk, Output>,
): AsyncGenerator<Output> {
  const ready: Output[] = [];
  let failure: unknown = null;
  let ended = false;
  let stopped = false;
  let waiters: (() => void)[] = [];
  const notify = () => {
    for (const wake of waiters) wake();
    waiters = [];
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const decoder = options.open(
    (output) => {
      ready.push(output);
      notify();
    },
    (error) => {
      failure ??= error;
      notify();
    },
  );
  decoder.addEventListener('dequeue', notify);

  const feeding = (async () => {
    for await (const chunk of chunks) {
      while (
        !stopped &&
        failure === null &&
        (decoder.decodeQueueSize >= options.maxQueue || ready.length >= options.maxReady)
      )
        await changed();
      if (stopped || failure !== null) return;
      decoder.decode(chunk);
    }
    await decoder.flush();
  })()
    .catch((error: unknown) => {
      if (!stopped) failure ??= error;
    })
    .finally(() => {
      ended = true;
      notify();
    });

  try {
    for (;;) {
      if (failure !== null) throw failure;
      if (ready.length > 0) {
        const output = ready.shift() as Output;
        notify();
        yield output;
        continue;
      }
      if (ended) break;
      await changed();
    }
  } finally {
    stopped = true;
    notify();
    for (const output of ready) options.release(output);
    if (decoder.state !== 'closed') decoder.close();
    await feeding;
  }
}
