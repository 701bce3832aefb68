/**
 * The tables the hub replicates to every kiosk (see migrations/001-replica.ts), parents
 * before children, each with the column that identifies a row in change logs and deletions.
 */
export const REPLICA_TABLES = [
  { name: 'citizens', key: 'id' },
  { name: 'accounts', key: 'id' },
  { name: 'driving_licences', key: 'id' },
  { name: 'vehicles', key: 'id' },
  { name: 'fines', key: 'id' },
  { name: 'fees', key: 'code' },
] as const;

export type ReplicaTable = (typeof REPLICA_TABLES)[number];
export type ReplicaTableName = ReplicaTable['name'];

const byName = new Map<string, ReplicaTable>(REPLICA_TABLES.map((table) => [table.name, table]));

/** The table of that name, or undefined: names from the wire never reach SQL unchecked. */
export function replicaTable(name: string): ReplicaTable | undefined {
  return byName.get(name);
}
