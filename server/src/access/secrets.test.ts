import { describe, expect, it } from 'vitest'
import { createId, createSecret, hashPassword, hashSecret, verifyPassword } from './secrets.ts'

describe('secrets', () => {
  it('creates distinct prefixed secrets whose hash is not the secret', () => {
    const a = createSecret('apiKey')
    const b = createSecret('apiKey')
    expect(a.secret).toMatch(/^smk_[\w-]{43}$/)
    expect(a.secret).not.toBe(b.secret)
    expect(a.hash).toBe(hashSecret(a.secret))
    expect(a.hash).not.toContain(a.secret.slice(4))
  })

  it('makes ids an operator can type on the command line: 22 URL-safe characters, never a leading dash', () => {
    // One id in 64 would start with '-' by chance; 5,000 draws meet about 78 of them.
    const ids = Array.from({ length: 5000 }, createId)
    for (const id of ids) expect(id).toMatch(/^[\w][\w-]{21}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('verifies the right password and rejects a wrong one or a mangled hash', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('correct horse battery', 'plain-text')).toBe(false)
  })
})
