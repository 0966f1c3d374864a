import { describe, expect, it } from 'vitest'
import { fileNameFrom } from '../api/request.ts'
import { exportErrorKey } from './requestExport.ts'

describe('export errors and file names', () => {
  it('maps export error codes to messages that say what to do', () => {
    expect(exportErrorKey('EXPORT_BUSY', 503)).toBe('export.error.busy')
    expect(exportErrorKey('EXPORT_MAP_MISSING', 409)).toBe('export.error.noMap')
    expect(exportErrorKey('EXPORT_PICTURE_INVALID', 400)).toBe('export.error.picture')
    expect(exportErrorKey(null, 500)).toBe('export.error.server')
    expect(exportErrorKey('MEETING_NOT_FOUND', 404)).toBe('error.meetingNotFound')
  })

  it('takes the file name from Content-Disposition, else none', () => {
    expect(fileNameFrom('attachment; filename="safetymap-Kai-v1-record.pdf"')).toBe('safetymap-Kai-v1-record.pdf')
    expect(fileNameFrom(null)).toBeNull()
  })
})
