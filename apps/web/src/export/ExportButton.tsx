/**
 * The facilitator's Export button and dialog: choose the case-file PDF, the family copy (in
 * English or Spanish, the meeting's language unless the facilitator picks the other), Word or
 * JSON, optionally with a picture of the canvas (ticked for the case file, not for the family
 * copy), or a picture of the map alone (PNG or SVG, made
 * by tldraw in this browser, recorded by the server and saved directly); shows progress while the
 * picture and the file are made, downloads the file, and says what to do when something fails.
 * Every export, pictures included, is in the audit log.
 *
 *   {role === 'facilitator' && <ExportButton meetingId={meeting.id} title={meeting.title} editor={editor} meetingLocale={meeting.locale} />}
 */
import { exportFileTitle, LOCALES, type Locale } from '@safetymap/map-model'
import { useCallback, useId, useState } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { usePanelKeyboard } from '../ui/usePanelKeyboard.ts'
import type { Editor } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { renderCanvasImage, renderCanvasPicture } from './renderCanvasPicture.ts'
import { api } from '../api/api.ts'
import { EXPORT_FORMATS, exportErrorKey, requestExport, type ExportFormat } from './requestExport.ts'
import './export.css'

/** Pictures of the map made and saved in this browser. */
const PICTURE_FORMATS = ['png', 'svg'] as const
type PictureFormat = (typeof PICTURE_FORMATS)[number]
type Choice = ExportFormat | PictureFormat

const isPicture = (choice: Choice): choice is PictureFormat => (PICTURE_FORMATS as readonly string[]).includes(choice)

const FORMAT_LABELS: Readonly<Record<Choice, MessageKey>> = {
  pdf: 'export.format.pdf',
  'family-pdf': 'export.format.familyPdf',
  docx: 'export.format.docx',
  json: 'export.format.json',
  png: 'export.format.png',
  svg: 'export.format.svg',
}

/** Each language named in itself ("Español"), as the family reading the copy would look for it. */
const LANGUAGE_NAMES: Readonly<Record<Locale, MessageKey>> = {
  en: 'language.en',
  es: 'language.es',
}

/** A file name from the meeting's title, e.g. `safetymap-Familia-Nguyen-map.png`. */
function pictureFileName(title: string, format: PictureFormat): string {
  return `safetymap-${exportFileTitle(title)}-map.${format}`
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'working'; stage: 'picture' | 'file' }
  | { kind: 'done'; fileName: string; sha256: string; pictureMissing: boolean }
  | { kind: 'failed'; messageKey: MessageKey }

/** Props of {@link ExportButton}. */
export interface ExportButtonProps {
  readonly meetingId: string
  /** Names the picture files. */
  readonly title?: string
  /** The canvas editor, once mounted; without it the export has no picture. */
  readonly editor: Editor | null
  /** The meeting's language: the family copy's unless the facilitator picks another. */
  readonly meetingLocale: Locale
}

/** Saves a blob under a file name through a temporary link. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Export button plus its dialog. */
export function ExportButton({ meetingId, title = '', editor, meetingLocale }: ExportButtonProps) {
  const { t } = useI18n()
  const dialogId = useId()
  const [open, setOpen] = useState(false)
  const keys = usePanelKeyboard(open, useCallback(() => setOpen(false), []))
  const [format, setFormat] = useState<Choice>('pdf')
  // A picture goes with the case-file record by default, not with the family copy: its words are
  // in the family's language, the picture in the board's, and a whole map is too small to read on A4.
  const [pictureChoice, setPictureChoice] = useState<Partial<Record<Choice, boolean>>>({})
  const withPicture = pictureChoice[format] ?? format !== 'family-pdf'
  // The facilitator's pick for the family copy; until they pick, the meeting's language.
  const [pickedLanguage, setPickedLanguage] = useState<Locale | null>(null)
  const familyLanguage = pickedLanguage ?? meetingLocale
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const working = state.kind === 'working'

  const savePicture = async (pictureFormat: PictureFormat) => {
    if (!editor) return
    setState({ kind: 'working', stage: 'picture' })
    // A PNG is kept under the server's size limit like the case-file picture; an SVG is small.
    const image = pictureFormat === 'png' ? await renderCanvasPicture(editor) : await renderCanvasImage(editor, 'svg')
    if (!image) {
      setState({ kind: 'failed', messageKey: 'export.error.pictureFailed' })
      return
    }
    // Recorded in the audit log first, so no picture leaves the app unrecorded.
    const recorded = await api.recordPictureExport(meetingId, image)
    if (!recorded.ok) {
      setState({ kind: 'failed', messageKey: exportErrorKey(recorded.error.code, recorded.error.status) })
      return
    }
    const fileName = pictureFileName(title, pictureFormat)
    saveFile(image, fileName)
    setState({ kind: 'done', fileName, sha256: recorded.value.sha256, pictureMissing: false })
  }

  const run = async () => {
    if (isPicture(format)) return savePicture(format)
    let picture: Blob | null = null
    if (withPicture && editor && format !== 'json') {
      setState({ kind: 'working', stage: 'picture' })
      picture = await renderCanvasPicture(editor)
    }
    setState({ kind: 'working', stage: 'file' })
    const result = await requestExport({ meetingId, format, language: format === 'family-pdf' ? familyLanguage : null, picture })
    if (!result.ok) {
      setState({ kind: 'failed', messageKey: result.messageKey })
      return
    }
    saveFile(result.blob, result.fileName)
    setState({ kind: 'done', fileName: result.fileName, sha256: result.sha256, pictureMissing: withPicture && format !== 'json' && picture === null })
  }

  return (
    <div className="export">
      <button ref={keys.buttonRef} type="button" aria-expanded={open} aria-controls={dialogId} onClick={() => setOpen((o) => !o)}>
        {t('export.button')}
      </button>
      {open && (
        <section ref={keys.panelRef} tabIndex={-1} id={dialogId} className="bar-panel export-dialog" role="dialog" aria-label={t('export.heading')}>
          <h2>{t('export.heading')}</h2>
          <p className="export-hint">{t('export.intro')}</p>
          <fieldset disabled={working}>
            <legend>{t('export.formatLegend')}</legend>
            {[...EXPORT_FORMATS, ...PICTURE_FORMATS].map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name={`${dialogId}-format`}
                  value={f}
                  checked={format === f}
                  disabled={isPicture(f) && !editor}
                  onChange={() => setFormat(f)}
                />
                {t(FORMAT_LABELS[f])}
              </label>
            ))}
            <label>
              <input
                type="checkbox"
                checked={withPicture && format !== 'json' && !isPicture(format)}
                disabled={format === 'json' || isPicture(format) || !editor}
                onChange={(e) => setPictureChoice((choices) => ({ ...choices, [format]: e.target.checked }))}
              />
              {t('export.withPicture')}
            </label>
          </fieldset>
          {format === 'family-pdf' && (
            <fieldset disabled={working}>
              <legend>{t('export.familyLanguage')}</legend>
              {LOCALES.map((language) => (
                <label key={language} lang={language}>
                  <input
                    type="radio"
                    name={`${dialogId}-language`}
                    value={language}
                    checked={familyLanguage === language}
                    onChange={() => setPickedLanguage(language)}
                  />
                  {t(LANGUAGE_NAMES[language])}
                </label>
              ))}
              <p className="export-hint">{t('export.familyLanguageHint')}</p>
            </fieldset>
          )}
          <div className="export-actions">
            {/* Busy, not disabled: the keyboard stays on Export while the file is made. */}
            <BusyButton type="button" className="primary" busy={working} onClick={() => void run()}>
              {t('export.start')}
            </BusyButton>
            <BusyButton type="button" busy={working} onClick={keys.close}>
              {t('export.close')}
            </BusyButton>
          </div>
          <div aria-live="polite" className="export-status">
            {state.kind === 'working' && (
              <>
                <progress aria-label={t('export.progressLabel')} />
                <span>{t(state.stage === 'picture' ? 'export.progress.picture' : 'export.progress.file')}</span>
              </>
            )}
            {state.kind === 'done' && (
              <>
                <p data-testid="export-done">{t('export.done', { fileName: state.fileName })}</p>
                {state.pictureMissing && <p>{t('export.pictureMissing')}</p>}
                <p className="export-sha">
                  {t('export.checksum')} <code>{state.sha256}</code>
                </p>
              </>
            )}
            {state.kind === 'failed' && (
              <p role="alert" className="export-error">
                {t(state.messageKey)}
              </p>
            )}
          </div>
        </section>
      )}
    </div>
  )
}
