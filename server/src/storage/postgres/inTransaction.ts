/**
 * Runs `work` on one pooled connection inside BEGIN … COMMIT, rolling back if it throws.
 *
 * ```ts
 * await inTransaction(pool, async (client) => { await client.query('…'); await client.query('…') })
 * ```
 */
import type { Pool, PoolClient } from 'pg'

/** @public */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
