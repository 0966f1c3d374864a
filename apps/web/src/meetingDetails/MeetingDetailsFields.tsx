/**
 * The meeting-details inputs shared by "New meeting" and the "Meeting details" dialog: case
 * reference, the children, kind of meeting, how it is held, purpose, the group's agreements, what
 * the meeting hopes to get done, start and end times. All optional; the values are plain
 * strings (see `meetingDetailsDraft.ts`). A time the browser shows half filled in (a date without
 * a time) reads as empty, so the form checks the inputs themselves (`timeRefs`) and names the field
 * to finish (`incompleteTime`): the message sits under that field and describes it.
 *
 *   <MeetingDetailsFields value={draft} onChange={setDraft} timeRefs={refs} incompleteTime="startTime" />
 */
import { useId, type RefObject } from 'react'
import { isMeetingFormat, isMeetingType, MEETING_FORMATS, MEETING_TYPES } from '@safetymap/map-model'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { TextField } from '../ui/TextField.tsx'
import type { MeetingDetailsDraft, MeetingTimeField } from './meetingDetailsDraft.ts'

/** Longest texts the server accepts (server/src/meetings/meetingDetails.ts). */
const CASE_REFERENCE_MAX_LENGTH = 80
const PURPOSE_MAX_LENGTH = 1000
/** Up to 12 names of 80 characters, with the commas and spaces between them. */
const CHILDREN_MAX_LENGTH = 12 * 82

/** Props of {@link MeetingDetailsFields}. */
export interface MeetingDetailsFieldsProps {
  readonly value: MeetingDetailsDraft
  readonly onChange: (value: MeetingDetailsDraft) => void
  /** The two time inputs, for checking them before saving. */
  readonly timeRefs?: Readonly<Record<MeetingTimeField, RefObject<HTMLInputElement | null>>>
  /** The time field left half filled in, whose message shows under it; null when none. */
  readonly incompleteTime?: MeetingTimeField | null
}

/** The details inputs. */
export function MeetingDetailsFields({ value, onChange, timeRefs, incompleteTime = null }: MeetingDetailsFieldsProps) {
  const { t } = useI18n()
  const typeId = useId()
  const formatId = useId()
  const purposeId = useId()
  const agreementsId = useId()
  const outcomeId = useId()
  const incompleteId = useId()
  /** The props that tie a time field to the message under it while it is the incomplete one. */
  const timeProps = (field: MeetingTimeField) => ({
    ref: timeRefs?.[field],
    'aria-invalid': incompleteTime === field || undefined,
    'aria-describedby': incompleteTime === field ? incompleteId : undefined,
  })
  const incompleteMessage = (field: MeetingTimeField) =>
    incompleteTime === field ? (
      <p className="form-error" role="alert" id={incompleteId}>
        {t('meetingDetails.timeIncomplete')}
      </p>
    ) : null
  const set = (patch: Partial<MeetingDetailsDraft>) => onChange({ ...value, ...patch })
  return (
    <>
      <TextField
        label={t('meetingDetails.caseReference')}
        hint={t('meetingDetails.caseReferenceHint')}
        value={value.caseReference}
        onChange={(caseReference) => set({ caseReference })}
        maxLength={CASE_REFERENCE_MAX_LENGTH}
        autoComplete="off"
      />
      <TextField
        label={t('meetingDetails.children')}
        hint={t('meetingDetails.childrenHint')}
        value={value.children}
        onChange={(children) => set({ children })}
        maxLength={CHILDREN_MAX_LENGTH}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor={typeId}>{t('meetingDetails.meetingType')}</label>
        <select id={typeId} value={value.meetingType} onChange={(e) => set({ meetingType: isMeetingType(e.target.value) ? e.target.value : '' })}>
          <option value="">{t('meetingDetails.meetingType.none')}</option>
          {MEETING_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`meetingDetails.meetingType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={formatId}>{t('meetingDetails.meetingFormat')}</label>
        <select id={formatId} value={value.meetingFormat} onChange={(e) => set({ meetingFormat: isMeetingFormat(e.target.value) ? e.target.value : '' })}>
          <option value="">{t('meetingDetails.meetingFormat.none')}</option>
          {MEETING_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`meetingDetails.meetingFormat.${format}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={purposeId}>{t('meetingDetails.purpose')}</label>
        <textarea id={purposeId} name="purpose" rows={3} value={value.purpose} maxLength={PURPOSE_MAX_LENGTH} onChange={(e) => set({ purpose: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={agreementsId}>{t('meetingDetails.agreements')}</label>
        <textarea id={agreementsId} name="agreements" rows={3} value={value.agreements} maxLength={PURPOSE_MAX_LENGTH} onChange={(e) => set({ agreements: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={outcomeId}>{t('meetingDetails.desiredOutcome')}</label>
        <textarea id={outcomeId} rows={2} value={value.desiredOutcome} maxLength={PURPOSE_MAX_LENGTH} onChange={(e) => set({ desiredOutcome: e.target.value })} />
      </div>
      <TextField
        label={t('meetingDetails.startTime')}
        type="datetime-local"
        value={value.startTime}
        onChange={(startTime) => set({ startTime })}
        {...timeProps('startTime')}
      />
      {incompleteMessage('startTime')}
      <TextField
        label={t('meetingDetails.endTime')}
        hint={t('meetingDetails.timesHint')}
        type="datetime-local"
        value={value.endTime}
        onChange={(endTime) => set({ endTime })}
        {...timeProps('endTime')}
      />
      {incompleteMessage('endTime')}
    </>
  )
}
