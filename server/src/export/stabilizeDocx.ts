/**
 * Owns making a DOCX reproducible: `docx` stamps the wall clock into the core properties and the
 * zip entries, and numbers drawings from a counter shared by every document in the process. This
 * rewrites those three things from the record itself (the record date, drawings numbered from 1
 * in document order) and zips the parts again in the same order, so the same map version gives
 * byte-identical files.
 *
 * ```ts
 * const bytes = stabilizeDocx(await Packer.toBuffer(document), recordDate(model))
 * ```
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

const TIMESTAMP = /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:(?:created|modified)>)/g
const DRAWING_ID = /(<wp:docPr id=")\d+(")/g

/** Parts that may hold drawings (the body, headers, footers). */
const isStoryPart = (name: string) => /^word\/(?:document|header\d*|footer\d*)\.xml$/.test(name)

/** The DOCX bytes with fixed dates and ids. */
export function stabilizeDocx(bytes: Uint8Array, date: Date): Buffer {
  const parts = unzipSync(bytes)
  const iso = `${date.toISOString().slice(0, 19)}Z`
  let drawing = 0
  const out: Zippable = {}
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'docProps/core.xml') out[name] = strToU8(strFromU8(data).replace(TIMESTAMP, `$1${iso}$2`))
    else if (isStoryPart(name)) out[name] = strToU8(strFromU8(data).replace(DRAWING_ID, (_m, open: string, close: string) => `${open}${++drawing}${close}`))
    else out[name] = data
  }
  // Zip times are local wall-clock fields (1980 at the earliest): built from the date's UTC
  // fields, they read the same on every server whatever its time zone.
  const d = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date
  const mtime = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds())
  return Buffer.from(zipSync(out, { mtime }))
}
