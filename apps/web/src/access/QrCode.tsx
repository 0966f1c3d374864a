/**
 * A QR code of `text`, drawn as inline SVG from `qrCodePath` (made on this device; the invite
 * secret never goes to a QR service). Dark on white, so phone cameras read it on a projector.
 *
 *   <QrCode text={invite.url} label={t('invite.qr')} />
 */
import { useMemo } from 'react'
import { qrCodePath } from './qrCodePath.ts'

/** The QR code image, with `label` as its accessible name. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrCodePath(text), [text])
  return (
    <svg
      className="invite-qr"
      data-testid="invite-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
