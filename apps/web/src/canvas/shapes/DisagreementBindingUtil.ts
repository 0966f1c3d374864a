/**
 * Registers map-model's `sm-disagreement` binding (MM-25) with the canvas: one record per person
 * who disagrees with a note or card, from the item to itself. It draws nothing (the
 * `Disagreements` overlay names the people), and tldraw removes it with its item.
 *
 *   <Tldraw bindingUtils={MEETING_BINDING_UTILS} …>
 */
import { DISAGREEMENT_BINDING_TYPE } from '@safetymap/map-model'
import { disagreementBindingMigrations, disagreementBindingProps, type SMDisagreementBinding } from '@safetymap/map-model/schema'
import { BindingUtil } from 'tldraw'

export class DisagreementBindingUtil extends BindingUtil<SMDisagreementBinding> {
  static override type = DISAGREEMENT_BINDING_TYPE
  static override props = disagreementBindingProps
  static override migrations = disagreementBindingMigrations

  getDefaultProps(): SMDisagreementBinding['props'] {
    return { participantId: 'unknown', name: '', at: '' }
  }
}
