import pg from 'pg';

/**
 * bigint (int8) columns and count(*) come back as numbers, as SQLite's integers do; a value
 * beyond 2^53 is refused rather than rounded.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`integer ${text} is beyond JavaScript's safe range`);
  return value;
}

const hubTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unreadable database URL';
  }
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * A pool on the hub's database, tried once at once so a wrong URL, a stopped server or a
 * refused login is said plainly at start, not at the first kiosk's request.
 */
export async function connectPool(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, types: hubTypes, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart) must not crash the hub: the pool replaces it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new Error(`cannot connect to PostgreSQL at ${redactedUrl(url)}: ${reason}. Is the server running, and does the database exist (createdb)?`, { cause: error });
  }
  return pool;
}

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ READ ONLY';

/** Runs `work` as one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, isolation: Isolation = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  // A connection whose rollback failed is in an unknown state: the pool drops it.
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
