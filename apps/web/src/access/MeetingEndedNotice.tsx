/**
 * What a facilitator reads at the top of the "Who's here" panel once the meeting has ended: when
 * it ended, that family and network can no longer join, and what is still theirs to do with the
 * map (the server still lets facilitators open, change, finish and export it; it refuses invites).
 * A finished map can only be looked at and exported until it is reopened, so it says that instead.
 *
 *   {access.endedAt !== null ? <MeetingEndedNotice endedAt={access.endedAt} finalized={access.finalized} /> : null}
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { formatDateTime } from './formatDateTime.ts'

/** "This meeting has ended · Ended on … · nobody can join · you can still …". */
export function MeetingEndedNotice({ endedAt, finalized }: { readonly endedAt: string; readonly finalized: boolean }) {
  const { t, locale } = useI18n()
  return (
    <section className="access-section meeting-ended" data-testid="meeting-ended-notice">
      <h3>{t('meeting.endedHeading')}</h3>
      <p>{t('ended.when', { time: formatDateTime(endedAt, locale) })}</p>
      <p>{t('ended.noJoining')}</p>
      <p>{t(finalized ? 'ended.stillCanFinished' : 'ended.stillCan')}</p>
    </section>
  )
}
