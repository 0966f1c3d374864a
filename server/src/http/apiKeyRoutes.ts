/**
 * A worker's own API keys for integrations: list (never the keys), create (the key is shown once
 * and stored only as a hash), revoke.
 *
 *   GET    /api/keys → { keys: [{ id, label, createdAt, revokedAt }] }
 *   POST   /api/keys { label? } → 201 { id, label, createdAt, key }
 *   DELETE /api/keys/:id → 204
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import type { ApiKeyInfo } from '../access/WorkerStore.ts'
import { ApiKeyNotFound } from '../errors.ts'
import { requireWorker } from './principal.ts'
import { errorSchema } from './schemas.ts'

const keySchema = {
  type: 'object',
  required: ['id', 'label', 'createdAt', 'revokedAt'],
  properties: {
    id: { type: 'string' },
    label: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

const toApi = (k: ApiKeyInfo) => ({
  id: k.id,
  label: k.label,
  createdAt: new Date(k.createdAt).toISOString(),
  revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
})

export async function apiKeyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/api/keys', {
    schema: {
      tags: ['keys'],
      response: { 200: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: keySchema } } }, 401: errorSchema, 403: errorSchema },
    },
  }, async (request) => {
    const worker = requireWorker(request)
    return { keys: (await services.workers.listApiKeys(worker.id)).map(toApi) }
  })

  app.post<{ Body: { label?: string } | undefined }>('/api/keys', {
    schema: {
      tags: ['keys'],
      body: { type: 'object', properties: { label: { type: 'string', maxLength: 60 } } },
      response: {
        201: { ...keySchema, required: [...keySchema.required, 'key'], properties: { ...keySchema.properties, key: { type: 'string' } } },
        401: errorSchema,
        403: errorSchema,
      },
    },
  }, async (request, reply) => {
    const worker = requireWorker(request)
    const now = services.now()
    const { info, apiKey } = await services.workers.createApiKey({ workerId: worker.id, label: request.body?.label?.trim() || null, now })
    await services.audit.record({ action: 'apikey.created', actor: { kind: 'worker', id: worker.id }, subjectId: info.id, now })
    request.log.info({ workerId: worker.id, keyId: info.id }, 'api key created')
    return reply.code(201).send({ ...toApi(info), key: apiKey })
  })

  app.delete<{ Params: { id: string } }>('/api/keys/:id', {
    schema: {
      tags: ['keys'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
      response: { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const worker = requireWorker(request)
    const now = services.now()
    if (!await services.workers.revokeApiKey({ workerId: worker.id, keyId: request.params.id, now })) throw new ApiKeyNotFound()
    await services.audit.record({ action: 'apikey.revoked', actor: { kind: 'worker', id: worker.id }, subjectId: request.params.id, now })
    request.log.info({ workerId: worker.id, keyId: request.params.id }, 'api key revoked')
    return reply.code(204).send()
  })
}
