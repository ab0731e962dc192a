import { BriDatabase } from './schema';

/** The app's one database. Tests may create their own `BriDatabase` with another name. */
export const db = new BriDatabase();

/**
 * Calls `listener` when another tab opens the database at a newer version (a newer BRI) or
 * deletes it. Dexie closes this tab's connection so that tab can go ahead; this tab's code no
 * longer matches the stored schema and must reload.
 */
export function onUpgradedElsewhere(listener: () => void): void {
  db.on('versionchange', () => {
    listener();
    // Dexie's default: close this connection so the other tab's upgrade isn't blocked.
    db.close();
    return false;
  });
}
