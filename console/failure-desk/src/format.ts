import { BulkResult } from './api'

/** "3 d 4 h", "2 h 5 min", "40 s": how long a message has been parked, from its first failure. */
export function age(since: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000))
  const days = Math.floor(seconds / 86400)
  const hours = Math.floor((seconds % 86400) / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${minutes} min`
  if (minutes > 0) return `${minutes} min`
  return `${seconds} s`
}

/** The parked field ("careLine.elements[0].elementCode") as the JSON pointer resubmit takes ("/careLine/elements/0/elementCode"). */
export function pointer(field: string | null): string {
  if (!field) return ''
  if (field.startsWith('/')) return field
  return '/' + field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map(escapeToken).join('/')
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** A BulkResult as one sentence for the operator. */
export function summary(action: string, result: BulkResult): string {
  const done = result.done ?? result.retried ?? result.discarded ?? 0
  const parts = [`${action}: ${done} of ${result.requested} done.`]
  if (result.notFound.length) parts.push(`No longer parked: ${result.notFound.join(', ')}.`)
  for (const f of result.failed) parts.push(`${f.journeyId} failed: ${f.error}.`)
  return parts.join(' ')
}

/** Pretty-prints JSON payloads; anything else (XML, CSV rows, broken input) as it is. */
export function pretty(payload: string): string {
  const parsed = safeParse(payload)
  return parsed === undefined ? payload : JSON.stringify(parsed, null, 2)
}

/**
 * The operator's new value as the payload holds that field: a number stays a number, true stays a
 * boolean; text is sent as typed. Falls back to text when the current value is not found.
 */
export function typedLike(payload: string, field: string, input: string): unknown {
  const current = at(safeParse(payload), field)
  if (typeof current === 'number' && input.trim() !== '' && !Number.isNaN(Number(input))) return Number(input)
  if (typeof current === 'boolean' && (input === 'true' || input === 'false')) return input === 'true'
  return input
}

function at(document: unknown, field: string): unknown {
  if (!field.startsWith('/')) return undefined
  return field
    .substring(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined), document)
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
