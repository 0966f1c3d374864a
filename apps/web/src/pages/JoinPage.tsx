/**
 * `/join#<token>`: a calm, phone-first page where an invited person says who they are — name,
 * how they are connected to the child, how they take part today — and accepts the meeting's
 * confidentiality agreement, shown in the page's language. Nothing of the meeting (not even its
 * name) is shown before they accept. An answer left out is marked beside its field, and the
 * keyboard goes to the first one. Then the meeting opens, or the lobby when the facilitator
 * lets people in by hand. The invite link is replaced in history once it has been used.
 * A journal link (for writing in the safety journal between meetings) asks nothing about today's
 * meeting and leads to the journal page. A one-person link opened again on the device that used it
 * (the journal link in last week's text message) goes straight back in instead of saying "used".
 *
 *   <JoinPage />
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { api, type Attendance, type JoinPreview } from '../api/api.ts'
import { ATTENDANCES, RELATIONSHIP_MAX_CHARS, RELATIONSHIPS, attendanceKey, relationshipKey } from '../access/relationships.ts'
import '../access/access.css'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { journalPath, lobbyPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { openMeeting } from '../phone/viewPreference.ts'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { TextField } from '../ui/TextField.tsx'
import { consentBlocks } from './consentBlocks.ts'
import { readFragment } from './readFragment.ts'

type PreviewState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly preview: JoinPreview }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** The join page for family and network members. */
export function JoinPage() {
  const { t } = useI18n()
  const [token] = useState(readFragment)
  const [preview, setPreview] = useState<PreviewState>(() =>
    token ? { status: 'loading' } : { status: 'failed', messageKey: 'join.missingToken' },
  )

  useEffect(() => {
    if (!token) return
    let current = true
    void api.previewJoin(token).then(async (result) => {
      if (!current) return
      if (!result.ok && result.error.code === 'INVITE_ALREADY_YOURS') {
        const me = await api.getMe()
        if (current && me.ok && me.value.kind === 'participant') return goIn(me.value.participant.meetingId, { journalOnly: me.value.participant.journalOnly === true, waiting: false })
      }
      if (!current) return
      setPreview(result.ok ? { status: 'ready', preview: result.value } : { status: 'failed', messageKey: previewErrorKey(result.error) })
    })
    return () => {
      current = false
    }
  }, [token])

  const journalLink = preview.status === 'ready' && preview.preview.kind === 'journal'
  return (
    <PageLayout title={t(journalLink ? 'join.journalHeading' : 'join.heading')}>
      {preview.status === 'loading' ? <p aria-live="polite">{t('join.checking')}</p> : null}
      {preview.status === 'failed' ? <FormError messageKey={preview.messageKey} /> : null}
      {preview.status === 'ready' ? (
        <JoinForm token={token} preview={preview.preview} onPreviewStale={setPreview} />
      ) : null}
    </PageLayout>
  )
}

/** Where someone who has joined goes: the journal page for a journal link, the lobby while they wait, else the meeting. */
function goIn(meetingId: string, { journalOnly, waiting }: { journalOnly: boolean; waiting: boolean }): void {
  if (journalOnly) navigate(journalPath(meetingId), { replace: true })
  else if (waiting) navigate(lobbyPath(meetingId), { replace: true })
  else openMeeting(meetingId)
}

function previewErrorKey(error: { code: string | null; messageKey: MessageKey }): MessageKey {
  // A token the schema refuses is a damaged link, not a form mistake.
  return error.code === 'FST_ERR_VALIDATION' ? 'error.inviteInvalid' : error.messageKey
}

/** The answers the join form needs, in the order they appear on it. */
const JOIN_FIELDS = ['name', 'relationship', 'attendance', 'consent'] as const
type JoinField = (typeof JOIN_FIELDS)[number]

const MISSING_MESSAGE: Readonly<Record<JoinField, MessageKey>> = {
  name: 'join.nameRequired',
  relationship: 'join.relationshipRequired',
  attendance: 'join.attendanceRequired',
  consent: 'join.consentRequired',
}

function JoinForm({
  token,
  preview,
  onPreviewStale,
}: {
  token: string
  preview: JoinPreview
  onPreviewStale: (state: PreviewState) => void
}) {
  const { t, locale } = useI18n()
  const ids = useId()
  const [name, setName] = useState('')
  const [relationship, setRelationship] = useState('')
  const [otherRelationship, setOtherRelationship] = useState('')
  const [attendance, setAttendance] = useState<Attendance | ''>('')
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  // The last press of "Join" that something was missing for (a new object each time).
  const [refused, setRefused] = useState<{ readonly first: JoinField } | null>(null)
  const focusTargets = {
    name: useRef<HTMLInputElement>(null),
    relationship: useRef<HTMLSelectElement>(null),
    attendance: useRef<HTMLInputElement>(null),
    consent: useRef<HTMLInputElement>(null),
  }

  const consentText = preview.consent.text[locale] || preview.consent.text.en
  const journalLink = preview.kind === 'journal'
  const missing: Readonly<Record<JoinField, boolean>> = {
    name: name.trim() === '',
    relationship: relationship === '',
    attendance: !journalLink && attendance === '',
    consent: !agreed,
  }
  // Once "Join" was refused, each missing answer says so beside it until it is given.
  const refusedFor = (field: JoinField) => refused !== null && missing[field]
  const errorId = (field: JoinField) => `${ids}-${field}-error`
  const problem = (field: JoinField) =>
    refusedFor(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : undefined
  const problemMessage = (field: JoinField) =>
    refusedFor(field) ? <FormError messageKey={MISSING_MESSAGE[field]} id={errorId(field)} /> : null

  useEffect(() => {
    // After the messages are on the page, so the field is read out with its own.
    if (refused) focusTargets[refused.first].current?.focus()
  }, [refused]) // focusTargets: refs, the same on every render

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const first = JOIN_FIELDS.find((field) => missing[field])
    if (first !== undefined) return setRefused({ first })
    const relationshipValue = relationship === 'other' ? otherRelationship.trim() || 'other' : relationship
    setBusy(true)
    setError(null)
    const result = await api.join({
      token,
      name: name.trim(),
      relationship: relationshipValue,
      // Not '' (`missing.attendance` was false) unless it is a journal link, which does not ask.
      ...(attendance === '' ? {} : { attendance }),
      consentVersion: preview.consent.version,
    })
    setBusy(false)
    if (result.ok) {
      const { meetingId, status, journalOnly } = result.value
      return goIn(meetingId, { journalOnly: journalOnly === true, waiting: status === 'waiting' })
    }
    if (result.error.code === 'CONSENT_REQUIRED') {
      // The agreement changed while this page was open: show the new text and ask again.
      setAgreed(false)
      const fresh = await api.previewJoin(token)
      if (fresh.ok) onPreviewStale({ status: 'ready', preview: fresh.value })
    }
    setError(result.error.code === 'FST_ERR_VALIDATION' ? 'error.invalidInput' : result.error.messageKey)
  }

  return (
    <form className="stack" onSubmit={submit} aria-busy={busy} noValidate>
      <p>{t(journalLink ? 'join.journalIntro' : 'join.intro')}</p>
      {preview.role === 'viewer' ? <p className="muted">{t('join.viewerNote')}</p> : null}
      <TextField
        label={t('join.name')}
        hint={t('join.nameHint')}
        autoComplete="name"
        autoCapitalize="words"
        maxLength={80}
        value={name}
        onChange={setName}
        ref={focusTargets.name}
        {...problem('name')}
        required
      />
      {problemMessage('name')}
      <div className="field">
        <label htmlFor={`${ids}-relationship`}>{t('join.relationship')}</label>
        <select
          id={`${ids}-relationship`}
          ref={focusTargets.relationship}
          value={relationship}
          onChange={(event) => setRelationship(event.target.value)}
          {...problem('relationship')}
          required
        >
          <option value="" disabled>
            {t('join.relationshipChoose')}
          </option>
          {RELATIONSHIPS.map((value) => (
            <option key={value} value={value}>
              {t(relationshipKey(value))}
            </option>
          ))}
        </select>
        {problemMessage('relationship')}
      </div>
      {relationship === 'other' ? (
        <TextField
          label={t('join.relationshipOther')}
          maxLength={RELATIONSHIP_MAX_CHARS}
          value={otherRelationship}
          onChange={setOtherRelationship}
        />
      ) : null}
      {journalLink ? null : (
        <fieldset className="choices" {...problem('attendance')}>
          <legend>{t('join.attendance')}</legend>
          {ATTENDANCES.map((value, index) => (
            <label key={value} className="choice">
              <input
                ref={index === 0 ? focusTargets.attendance : undefined}
                type="radio"
                name={`${ids}-attendance`}
                value={value}
                checked={attendance === value}
                onChange={() => setAttendance(value)}
              />
              {t(attendanceKey(value))}
            </label>
          ))}
          {problemMessage('attendance')}
        </fieldset>
      )}
      <section className="consent" aria-labelledby={`${ids}-consent`}>
        <h2 id={`${ids}-consent`}>{t('join.consentHeading')}</h2>
        <div className="consent-text" data-testid="consent-text">
          {consentBlocks(consentText).map((block, index) =>
            block.kind === 'list' ? (
              <ul key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            ) : (
              <p key={index}>{block.text}</p>
            ),
          )}
        </div>
        <label className="choice consent-agree">
          <input
            ref={focusTargets.consent}
            type="checkbox"
            checked={agreed}
            onChange={(event) => setAgreed(event.target.checked)}
            {...problem('consent')}
            required
          />
          {t('join.consentAgree')}
        </label>
        {problemMessage('consent')}
      </section>
      <FormError messageKey={error} />
      <BusyButton type="submit" className="primary" busy={busy}>
        {busy ? t('join.busy') : t('join.submit')}
      </BusyButton>
    </form>
  )
}
