/**
 * Owns the wording of the templates placed on the map (Three Houses, Safety House, circles, more
 * maps) in an export, as the same styled blocks the safety plan uses, so the case-file PDF and the
 * DOCX print them alike and the family copy gets plain words in its language. A child's words are
 * printed verbatim in quotation marks; under the child's own template a notice says that only
 * what the child agreed to share is there (the record also counts what was left out).
 *
 * ```ts
 * for (const block of caseFileTemplateBlocks(model)) draw(block.style, block.text)
 * ```
 */
import type { Locale } from '@safetymap/map-model'
import type { CaseFileExport, ExportTemplateItem } from './CaseFileExport.ts'
import { familyWords, formatRecordTime, notSharedNotice } from './exportWords.ts'
import type { ToolkitBlock } from './toolkitBlocks.ts'

/** The item's text, in quotation marks when they are someone's own words. */
const itemText = (item: ExportTemplateItem): string => (item.childAgreed || item.directQuote ? `“${item.text}”` : item.text)

/** The case-file record's blocks (English labels; Spanish headings too for a Spanish meeting). */
export function caseFileTemplateBlocks(model: CaseFileExport): ToolkitBlock[] {
  if (model.templates.length === 0) return []
  const out: ToolkitBlock[] = [{ style: 'h1', text: 'Templates on the map' }]
  for (const template of model.templates) {
    if (template.childsOwnWords) out.push({ style: 'muted', text: `${template.name.en}: ${notSharedNotice(template.notShared)}` })
    for (const section of template.sections) {
      const label = model.meeting.locale === 'es' ? `${section.label.en} (${section.label.es})` : section.label.en
      out.push({ style: 'h2', text: `${template.name.en}: ${label}` })
      if (section.items.length === 0) out.push({ style: 'muted', text: 'No items.' })
      for (const item of section.items) {
        const by = item.author.name || 'author not recorded'
        const when = item.createdAt ? `, ${formatRecordTime(item.createdAt)}` : ''
        out.push(
          { style: 'text', text: itemText(item) },
          { style: 'by', text: item.childAgreed ? `— the child’s own words, agreed to share; written by ${by}${when}` : `— ${by}${when}` },
        )
      }
    }
  }
  return out
}

/** The family copy's blocks, in the meeting's language; empty sections are left out. */
export function familyTemplateBlocks(model: CaseFileExport, locale: Locale, someone: string): ToolkitBlock[] {
  const w = familyWords(locale)
  const out: ToolkitBlock[] = []
  for (const template of model.templates) {
    const filled = template.sections.filter((s) => s.items.length > 0)
    if (filled.length === 0 && !template.childsOwnWords) continue
    out.push({ style: 'h1', text: template.name[locale] })
    if (template.childsOwnWords) out.push({ style: 'muted', text: w.onlyWhatTheChildShared })
    for (const section of filled) {
      out.push({ style: 'h2', text: section.label[locale] })
      for (const item of section.items) {
        out.push({ style: 'text', text: itemText(item) }, { style: 'by', text: item.childAgreed ? w.childsWords : w.saidBy(item.author.name || someone) })
      }
    }
  }
  return out
}
