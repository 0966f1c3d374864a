import { describe, expect, it } from 'vitest'
import { QR_QUIET_ZONE_MODULES, qrCodePath } from './qrCodePath.ts'

describe('qrCodePath', () => {
  it('draws an invite link as square modules inside a quiet zone', () => {
    const { size, path } = qrCodePath('http://localhost:8080/join#abcdefghijklmnopqrstuvwxyz0123456789')
    // Version 3 or more for a link of this length: 29+ modules plus the quiet zone.
    expect(size).toBeGreaterThanOrEqual(29 + 2 * QR_QUIET_ZONE_MODULES)
    // The top-left finder pattern starts right after the quiet zone.
    expect(path.startsWith(`M${QR_QUIET_ZONE_MODULES} ${QR_QUIET_ZONE_MODULES}h1v1h-1z`)).toBe(true)
    expect(path).not.toMatch(/NaN|undefined/)
  })

  it('gives different codes for different links', () => {
    expect(qrCodePath('http://a.example/join#one').path).not.toBe(qrCodePath('http://a.example/join#two').path)
  })
})
