/**
 * The export feature's front door: the route plugin, and the model and renderers for tests and
 * tools (the bench renders without HTTP).
 *
 *   await app.register(exportRoutes, services)
 */
export { exportRoutes, MAX_CONCURRENT_EXPORTS } from './exportRoutes.ts'
export {
  EXPORT_FORMATS,
  EXPORT_SCHEMA_ID,
  EXPORT_SCHEMA_VERSION,
  buildCaseFileExport,
  type CaseFileExport,
  type ExportFormat,
} from './CaseFileExport.ts'
export { createExport, readExportModel, renderExport, EXPORT_CONTENT_TYPES, type ExportRendering } from './createExport.ts'
export { readCanvasPicture, type CanvasPicture } from './canvasPicture.ts'
