import type { Page } from '@playwright/test';

/** Everything BRI has stored, as counts per IndexedDB table plus the OPFS video files. */
export interface StoredState {
  tables: Record<string, number>;
  opfsFiles: string[];
}

/** Reads IndexedDB and OPFS directly (not through the app), so a test sees what is really on disk. */
export function readStoredState(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bri');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      tables[name] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('videos', { create: true });
    const opfsFiles: string[] = [];
    for await (const name of dir.keys()) opfsFiles.push(name);
    return { tables, opfsFiles: opfsFiles.sort() };
  });
}

/**
 * Every IndexedDB row, in every table, whose content names one of `needles` (ids, file names,
 * words): "table: first 120 characters of the row" for each. Read directly, not through the app,
 * so a row no code path knows about is found too. Blobs and typed arrays read as empty.
 */
export function rowsMentioning(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(async (needles) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bri');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const found: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const row of rows) {
        const text = JSON.stringify(row, (_, value: unknown) =>
          ArrayBuffer.isView(value) || value instanceof Blob ? null : value,
        );
        if (needles.some((needle) => text.includes(needle)))
          found.push(`${name}: ${text.slice(0, 120)}`);
      }
    }
    db.close();
    return found;
  }, needles);
}
