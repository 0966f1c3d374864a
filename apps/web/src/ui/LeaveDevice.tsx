/**
 * Signing out that leaves nothing of the meetings on this device (phone/forgetDevice.ts): the phone
 * list's "Leave and remove from this device" and the home page's "Sign out". It asks first when
 * `confirm` is set or when something written here was not sent yet: what was not sent is lost only
 * once the person says so. Without a connection the device is cleared all the same, and
 * {@link LeftNotice} says the person is still signed in and how to finish.
 *
 *   <LeaveDevice label="leave.open" question="leave.question" confirm beforeForget={phone.destroy} onLeft={setLeft} />
 *   {left ? <LeftNotice key={left} outcome={left} done="leave.done" /> : null}
 */
import { useState } from 'react'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { forgetDevice, hasUnsentOnDevice } from '../phone/forgetDevice.ts'
import { focusOnMount } from './focusOnMount.ts'

/** Signed out on the server too, or only cleared here (no connection). */
export type LeaveOutcome = 'signedOut' | 'stillSignedIn'

type Step = { readonly name: 'closed' } | { readonly name: 'asking'; readonly unsent: boolean } | { readonly name: 'working' }

/** Props of {@link LeaveDevice}. */
export interface LeaveDeviceProps {
  readonly label: MessageKey
  /** What the person is asked before anything goes. */
  readonly question: MessageKey
  /** Ask even when nothing is unsent (the phone's control, so a stray tap removes nothing). */
  readonly confirm?: boolean
  /** Whether the page holds changes not sent yet that storage does not show (the phone's live doc). */
  readonly unsentHere?: () => boolean
  /** Lets go of what the page holds open (the phone's connection), so nothing writes it back. */
  readonly beforeForget?: () => void
  readonly onLeft: (outcome: LeaveOutcome) => void
}

/** The button, then the question. */
export function LeaveDevice({ label, question, confirm = false, unsentHere, beforeForget, onLeft }: LeaveDeviceProps) {
  const { t } = useI18n()
  const [step, setStep] = useState<Step>({ name: 'closed' })

  const leave = async () => {
    setStep({ name: 'working' })
    beforeForget?.()
    const [signedOut] = await Promise.all([api.signOut(), forgetDevice()])
    onLeft(signedOut.ok ? 'signedOut' : 'stillSignedIn')
  }
  const start = () => {
    const unsent = hasUnsentOnDevice() || (unsentHere?.() ?? false)
    if (confirm || unsent) setStep({ name: 'asking', unsent })
    else void leave()
  }

  if (step.name !== 'asking') {
    return (
      <button type="button" className="sign-out" disabled={step.name === 'working'} onClick={start}>
        {t(step.name === 'working' ? 'leave.working' : label)}
      </button>
    )
  }
  return (
    <div className="leave-device-ask" role="group" aria-labelledby="leave-device-question">
      <p id="leave-device-question" tabIndex={-1} ref={focusOnMount}>
        {t(question)}
      </p>
      {step.unsent ? <p className="leave-device-unsent">{t('leave.unsent')}</p> : null}
      <button type="button" className="primary" onClick={() => void leave()}>
        {t(step.unsent ? 'leave.yesUnsent' : 'leave.yes')}
      </button>
      <button type="button" onClick={() => setStep({ name: 'closed' })}>
        {t('leave.no')}
      </button>
    </div>
  )
}

/** What became of leaving: signed out and cleared, or cleared but still signed in, with the way to finish. */
export function LeftNotice({ outcome, done, onSignedOut }: { outcome: LeaveOutcome; done: MessageKey; onSignedOut?: () => void }) {
  const { t } = useI18n()
  const [trying, setTrying] = useState(false)
  if (outcome === 'signedOut') return <p role="status">{t(done)}</p>
  const signOut = async () => {
    setTrying(true)
    const result = await api.signOut()
    setTrying(false)
    if (result.ok) onSignedOut?.()
  }
  return (
    <>
      <p role="alert">{t('leave.stillSignedIn')}</p>
      <button type="button" disabled={trying} onClick={() => void signOut()}>
        {t('leave.signOutAgain')}
      </button>
    </>
  )
}
