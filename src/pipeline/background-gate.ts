/**
 * Lets one urgent job (a span a question asked about, span-first.ts) have the machine: while it
 * is held, the running stages wait at their next checkpoint — the frames stage before storing a
 * frame, a model stage before storing a frame's result, the transcript stage before storing a
 * chunk — and go on where they were once it is released. On two cores the question's span is
 * then done in the time it takes alone, and the frames stage does not run past it meanwhile.
 */
let holds = 0;
let opened: Promise<void> | null = null;
let open: () => void = () => undefined;

/** Holds the background stages until the returned release is called (holds nest). */
export function holdBackground(): () => void {
  if (holds++ === 0) opened = new Promise((resolve) => (open = resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) {
      opened = null;
      open();
    }
  };
}

/**
 * Resolves at once, or when the urgent job holding the background has finished — and rejects if
 * the stage was stopped meanwhile (cancelled, or its video deleted): a result that waited here
 * must not be stored after its stage has ended.
 */
export async function backgroundTurn(signal: AbortSignal): Promise<void> {
  await (opened ?? Promise.resolve());
  signal.throwIfAborted();
}
