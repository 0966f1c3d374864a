import { describe, expect, it } from 'vitest'
import { createSecret, hashPassword, hashSecret, verifyPassword } from './secrets.ts'

describe('secrets', () => {
  it('creates distinct prefixed secrets whose hash is not the secret', () => {
    const a = createSecret('apiKey')
    const b = createSecret('apiKey')
    expect(a.secret).toMatch(/^smk_[\w-]{43}$/)
    expect(a.secret).not.toBe(b.secret)
    expect(a.hash).toBe(hashSecret(a.secret))
    expect(a.hash).not.toContain(a.secret.slice(4))
  })

  it('verifies the right password and rejects a wrong one or a mangled hash', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('correct horse battery', 'plain-text')).toBe(false)
  })
})
