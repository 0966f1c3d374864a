/**
 * Draws a QR code as one SVG path, computed here in the browser with `qrcode` (never a QR web
 * service: the link carries the invite secret). Each dark module is a 1×1 square; the quiet zone
 * of 4 modules is part of the returned size.
 *
 *   const { size, path } = qrCodePath('https://maps.county.gov/join#…')
 *   <svg viewBox={`0 0 ${size} ${size}`}><path d={path} /></svg>
 */
import { create } from 'qrcode'

/** Light modules around the code that scanners need (the QR standard asks for 4). */
export const QR_QUIET_ZONE_MODULES = 4

/** An SVG path of the dark modules of `text`'s QR code, and the side length in modules. */
export function qrCodePath(text: string): { readonly size: number; readonly path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col + QR_QUIET_ZONE_MODULES} ${row + QR_QUIET_ZONE_MODULES}h1v1h-1z`)
    }
  }
  return { size: modules.size + 2 * QR_QUIET_ZONE_MODULES, path: parts.join('') }
}
