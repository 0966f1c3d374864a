/**
 * Adds a template next to what is already on the page (map-model `placeTemplate`, MM-26) and
 * moves the view to it, clear of the panels over the canvas: what "Add a template" and the
 * facilitator's "Meeting steps" both do.
 *
 *   addTemplate(editor, doc, 'ecomap')
 */
import { MAP_TEMPLATES, placeTemplate, type PlaceTemplateOptions, type TemplateId } from '@safetymap/map-model'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { frameContent } from '../showMapTop.ts'

/** Places `templateId` in `doc` and frames it in `editor`'s free area. */
export function addTemplate(editor: Editor, doc: Y.Doc, templateId: TemplateId, options: PlaceTemplateOptions = {}): void {
  const placed = placeTemplate(doc, templateId, options)
  const template = MAP_TEMPLATES[templateId]
  // Clear of the panels over the canvas, so no heading of it sits under "Show as list" or tldraw's menu.
  frameContent(editor, { x: placed.at.x, y: placed.at.y, w: template.width, h: template.height })
}
