/**
 * JSON schemas shared by several routes; they validate input, shape output (unknown fields are
 * never serialized) and feed the OpenAPI document.
 */
import { meetingDetailsProperties } from '../meetings/meetingDetails.ts'

export const workerSchema = {
  type: 'object',
  required: ['id', 'name', 'email'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
} as const

export const meetingSchema = {
  type: 'object',
  required: ['id', 'title', 'locale', 'status', 'version', 'createdAt'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    locale: { type: 'string', enum: ['en', 'es'] },
    status: { type: 'string', enum: ['live', 'finalized'] },
    /** 1 for a new meeting; each reopen after a finalize adds one. */
    version: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    finalizedAt: { type: ['string', 'null'], format: 'date-time' },
    endedAt: { type: ['string', 'null'], format: 'date-time' },
    /** The details the facilitator entered for the case file (null: not entered). */
    ...meetingDetailsProperties,
  },
} as const

export const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
} as const

/** A display name: what people call you in the meeting. */
export const personNameSchema = { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' } as const
