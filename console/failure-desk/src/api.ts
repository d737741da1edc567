// The failure desk REST API (docs: /v3/api-docs), called with the console's own signed-in session.

export type ParkedItem = {
  journeyId: string
  queue: string
  flow: string
  reasonCode: string
  reasonTitle: string
  explanation: string
  field: string | null
  value: string | null
  fix: string
  ownerTeam: string
  clientId: string | null
  careLineId: string | null
  providerRef: string | null
  firstFailedAt: string
  lastFailedAt: string
  attempts: number
  messageId: string | null
}

export type ParkedPage = { total: number; page: number; size: number; items: ParkedItem[] }

export type JourneyStep = { at: string; step: string; outcome: string; detail: string | null }

export type ParkedDetail = {
  item: ParkedItem
  payload: string
  headers: Record<string, unknown>
  journey: { steps?: JourneyStep[] } | null
}

/** How many of the requested journeys were moved ("done"; older answers name it retried or discarded). */
export type BulkResult = {
  action?: string
  requested: number
  done?: number
  retried?: number
  discarded?: number
  notFound: string[]
  failed: { journeyId: string; error: string }[]
}

export type ResubmitResult = { journeyId: string; field?: string; before: unknown; after: unknown }

export type Filter = { flow: string; reason: string; owner: string; minAgeDays: string }

/** A refusal from the hub, with its message and (for 400) the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json'
    // The session's CSRF token, which Spring Security hands the browser in the XSRF-TOKEN cookie (as for Hawtio's Jolokia calls).
    const token = cookie('XSRF-TOKEN')
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const json = text ? safeJson(text) : null
  if (!response.ok) {
    throw new ApiError(response.status, refusal(response.status, json), json?.field)
  }
  return json as T
}

function cookie(name: string): string | undefined {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='))
  return found === undefined ? undefined : decodeURIComponent(found.substring(name.length + 1))
}

function safeJson(text: string) {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function refusal(status: number, json: { error?: string } | null): string {
  if (json?.error) return json.error
  switch (status) {
    case 401:
      return 'You are not signed in (or your session ended): sign in again.'
    case 403:
      return 'Your account may look but not change: this needs the operator role.'
    case 404:
      return 'That message is no longer parked (someone may have retried or discarded it).'
    default:
      return `The hub answered ${status}.`
  }
}

const base = '/api/parked'
const enc = encodeURIComponent

export const desk = {
  list(filter: Filter, page = 0, size = 50): Promise<ParkedPage> {
    const query = new URLSearchParams({ page: String(page), size: String(size) })
    if (filter.flow.trim()) query.set('flow', filter.flow.trim())
    if (filter.reason.trim()) query.set('reason', filter.reason.trim())
    if (filter.owner.trim()) query.set('owner', filter.owner.trim())
    if (filter.minAgeDays) query.set('minAgeDays', filter.minAgeDays)
    return call('GET', `${base}?${query}`)
  },
  explain: (journeyId: string): Promise<ParkedDetail> => call('GET', `${base}/${enc(journeyId)}`),
  retry: (journeyId: string, why: string): Promise<BulkResult> =>
    call('POST', `${base}/${enc(journeyId)}/retry`, { why: why || undefined }),
  retrySelected: (journeyIds: string[], why: string): Promise<BulkResult> =>
    call('POST', `${base}/retry`, { journeyIds, why }),
  retryAll: (reasonCode: string, why: string, ownerTeam?: string, flow?: string): Promise<BulkResult> =>
    call('POST', `${base}/retry-all`, { reasonCode, why, ownerTeam: ownerTeam || undefined, flow: flow || undefined }),
  resubmit: (journeyId: string, field: string, value: unknown, why: string): Promise<ResubmitResult> =>
    call('POST', `${base}/${enc(journeyId)}/resubmit`, { field, value, why }),
  discard: (journeyId: string, why: string): Promise<BulkResult> =>
    call('POST', `${base}/${enc(journeyId)}/discard`, { why }),
}
