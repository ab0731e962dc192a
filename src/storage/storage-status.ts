/** What the browser says about BRI's storage. */
export interface StorageStatus {
  /** Bytes used by this origin; null where the browser can't say. */
  usage: number | null;
  /** Bytes this origin may use in all; null where the browser can't say. */
  quota: number | null;
  /** True when the browser promised not to evict our data under storage pressure. */
  persisted: boolean;
}

/** Margin kept free beyond a video's own size for its index rows and posters. */
export const STORAGE_HEADROOM_BYTES = 8_000_000;

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const estimate = storage?.estimate ? await storage.estimate() : {};
  const persisted = storage?.persisted ? await storage.persisted() : false;
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** Asks the browser to keep BRI's data under storage pressure. Returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

/** Free bytes for BRI, or null where the browser doesn't say. */
export function freeBytes(status: StorageStatus): number | null {
  if (status.usage === null || status.quota === null) return null;
  return Math.max(0, status.quota - status.usage);
}

/**
 * The free bytes when `bytes` (plus STORAGE_HEADROOM_BYTES for its index) won't fit, else null
 * (also where the browser doesn't say): the check an import and a restore make before writing.
 */
export async function freeBytesIfShort(bytes: number): Promise<number | null> {
  const free = freeBytes(await readStorageStatus());
  return free !== null && free < bytes + STORAGE_HEADROOM_BYTES ? free : null;
}

/** True when the error is the browser refusing a write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { inner?: unknown }).inner; // Dexie wraps the DOMException.
  return (
    error.name === 'QuotaExceededError' ||
    (inner instanceof Error && inner.name === 'QuotaExceededError')
  );
}
