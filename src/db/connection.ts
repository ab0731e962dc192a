import { BriDatabase } from './schema';

/** The app's one database. Tests may create their own `BriDatabase` with another name. */
export const db = new BriDatabase();
