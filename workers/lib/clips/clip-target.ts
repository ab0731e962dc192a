import { BufferTarget, StreamTarget, type StreamTargetChunk, type Target } from 'mediabunny';

/**
 * Where a clip goes as it is cut: a file in the origin's private file system, written in place
 * through a sync access handle (dedicated workers have them), so a 30-minute clip of a 4K file
 * is never held in memory — the page gets a File backed by the disk. Where OPFS or sync access
 * handles are missing, an in-memory buffer as before.
 */
export interface ClipTarget {
  target: Target;
  /** The clip, once its output is finalised. */
  finish(): Promise<Blob>;
  /** Drops what was written (a cut that failed or was cancelled). */
  discard(): Promise<void>;
}

/** The OPFS folder clips are written to; each stays until a later clip comes (its download is done by then). */
const CLIPS_DIR = 'clips';
/** A clip file older than this is surely downloaded (or abandoned): the next clip removes it. */
const KEEP_MS = 10 * 60 * 1000;
/** Writes are gathered into chunks this size: fewer, larger writes to the disk. */
const CHUNK_BYTES = 4 * 1024 * 1024;

type SyncHandle = {
  write(data: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
};

async function clipsFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(CLIPS_DIR, { create: true });
  } catch {
    return null;
  }
}

/** Removes clip files left from earlier clips (their downloads have long started). */
async function removeOldClips(folder: FileSystemDirectoryHandle): Promise<void> {
  const entries = (
    folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
  ).entries();
  for await (const [name, handle] of entries) {
    if (handle.kind !== 'file') continue;
    const file = await (handle as FileSystemFileHandle).getFile().catch(() => null);
    if (file && Date.now() - file.lastModified > KEEP_MS)
      await folder.removeEntry(name).catch(() => undefined);
  }
}

function inMemory(): ClipTarget {
  const target = new BufferTarget();
  return {
    target,
    finish: async () => {
      if (!target.buffer) throw new Error('the clip came out empty');
      return new Blob([target.buffer]);
    },
    discard: async () => undefined,
  };
}

/** A target for one clip: on disk where the browser allows, in memory otherwise. */
export async function openClipTarget(): Promise<ClipTarget> {
  // Sync access handles exist in dedicated workers only (and not in Node, where tests cut clips).
  const syncHandles =
    typeof FileSystemFileHandle === 'function' &&
    'createSyncAccessHandle' in FileSystemFileHandle.prototype;
  const folder = syncHandles ? await clipsFolder() : null;
  if (!folder) return inMemory();
  await removeOldClips(folder);
  const name = `${crypto.randomUUID()}.clip`;
  const handle = await folder.getFileHandle(name, { create: true });
  const access = (await (
    handle as unknown as { createSyncAccessHandle(): Promise<SyncHandle> }
  ).createSyncAccessHandle()) as SyncHandle;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    access.flush();
    access.close();
  };
  const writable = new WritableStream<StreamTargetChunk>({
    write: (chunk) => void access.write(chunk.data, { at: chunk.position }),
  });
  return {
    target: new StreamTarget(writable, { chunked: true, chunkSize: CHUNK_BYTES }),
    finish: async () => {
      close();
      return handle.getFile();
    },
    discard: async () => {
      close();
      await folder.removeEntry(name).catch(() => undefined);
    },
  };
}
