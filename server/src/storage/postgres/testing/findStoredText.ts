/**
 * Which of the given texts still sit in any row of any table of a PostgreSQL database: the proof
 * that a purge left no map text, names or titles behind (text columns, and bytea such as Yjs
 * updates, which hold strings as UTF-8).
 *
 * ```ts
 * expect(await findStoredText(databaseUrl, ['Quillfeather household'])).toEqual([])
 * ```
 */
import pg from 'pg'

export async function findStoredText(databaseUrl: string, needles: readonly string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    const values: unknown[] = []
    for (const { tablename } of tables.rows) {
      const { rows } = await client.query(`SELECT * FROM "${tablename}"`)
      for (const row of rows) values.push(...Object.values(row as Record<string, unknown>))
    }
    const holds = (value: unknown, needle: string) =>
      Buffer.isBuffer(value) ? value.includes(Buffer.from(needle, 'utf8')) : typeof value === 'string' && value.includes(needle)
    return needles.filter((needle) => values.some((value) => holds(value, needle)))
  } finally {
    await client.end()
  }
}
