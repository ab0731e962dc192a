import { Dexie, type Table } from 'dexie';

/**
 * Every row of one video through a compound index that starts with `videoId`
 * (`[videoId+t]`, `[videoId+label+start]`…), in that index's order. The bounds take any type
 * of the keys that follow, so one helper serves every such index.
 */
export function videoRows<Row, Key>(
  table: Table<Row, Key>,
  index: `[videoId+${string}]`,
  videoId: string,
): Promise<Row[]> {
  return table.where(index).between([videoId, Dexie.minKey], [videoId, Dexie.maxKey]).toArray();
}
