import {
  Alert,
  AlertActionCloseButton,
  Button,
  Content,
  EmptyState,
  FormSelect,
  FormSelectOption,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React, { useCallback, useEffect, useState } from 'react'
import { ActionModal, Action } from './ActionModal'
import { desk, Filter, ParkedDetail, ParkedPage } from './api'
import { ExplainPanel } from './ExplainPanel'
import { age, pointer, summary, typedLike } from './format'

const PAGE_SIZE = 50
const NO_FILTER: Filter = { flow: '', reason: '', owner: '', minAgeDays: '' }
const AGES = [
  { value: '', label: 'Any age' },
  { value: '1', label: 'Parked 1 day or more' },
  { value: '7', label: 'Parked 7 days or more' },
  { value: '30', label: 'Parked 30 days or more' },
]

type Notice = { variant: 'success' | 'danger'; text: string }

/** The Failure desk: parked messages by flow, reason, owner team and age, and what support staff can do about them. */
export const FailureDesk: React.FunctionComponent = () => {
  const [draft, setDraft] = useState<Filter>(NO_FILTER)
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  const [pageNo, setPageNo] = useState(0)
  const [page, setPage] = useState<ParkedPage | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const [detail, setDetail] = useState<ParkedDetail | null>(null)
  const [action, setAction] = useState<Action | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const answer = await desk.list(filter, pageNo, PAGE_SIZE)
      setPage(answer)
      const shown = new Set(answer.items.map(i => i.journeyId))
      setSelected(s => s.filter(id => shown.has(id)))
    } catch (e) {
      setNotice({ variant: 'danger', text: message(e) })
    } finally {
      setLoading(false)
    }
  }, [filter, pageNo])

  useEffect(() => {
    load()
  }, [load])

  const apply = () => {
    setPageNo(0)
    setFilter({ ...draft })
  }

  const explain = async (journeyId: string) => {
    try {
      setDetail(await desk.explain(journeyId))
    } catch (e) {
      setNotice({ variant: 'danger', text: message(e) })
    }
  }

  const done = (text: string) => {
    setAction(null)
    setDetail(null)
    setNotice({ variant: 'success', text })
    load()
  }

  const retryOne = (journeyId: string): Action => ({
    title: `Retry ${journeyId}`,
    description: 'The message goes back to its flow and is checked again with the mappings in force now.',
    confirmLabel: 'Retry',
    whyRequired: false,
    run: async why => summary('Retry', await desk.retry(journeyId, why)),
  })

  const retrySelected = (): Action => ({
    title: `Retry ${selected.length} selected`,
    description: 'Each selected message goes back to its flow.',
    confirmLabel: 'Retry selected',
    whyRequired: true,
    run: async why => summary('Retry selected', await desk.retrySelected(selected, why)),
  })

  const retryAll = (): Action => ({
    title: `Retry all parked with reason ${filter.reason.trim()}`,
    description:
      'Every message parked with this reason' +
      (filter.owner.trim() ? ` for ${filter.owner.trim()}` : '') +
      (filter.flow.trim() ? ` on flow ${filter.flow.trim()}` : '') +
      ' goes back to its flow, not only the ones on this page.',
    confirmLabel: 'Retry all',
    whyRequired: true,
    run: async why =>
      summary('Retry all', await desk.retryAll(filter.reason.trim(), why, filter.owner.trim(), filter.flow.trim())),
  })

  const resubmit = (d: ParkedDetail): Action => ({
    title: `Edit and resubmit ${d.item.journeyId}`,
    description: 'Changes one field of the payload as parked and sends it back to its flow; the old and new values are audited.',
    confirmLabel: 'Resubmit',
    whyRequired: true,
    edit: { field: pointer(d.item.field), value: d.item.value ?? '' },
    run: async (why, field, value) => {
      const answer = await desk.resubmit(d.item.journeyId, field, typedLike(d.payload, field, value), why)
      return `Resubmitted ${answer.journeyId}: ${field} changed from ${String(answer.before)} to ${String(answer.after)}.`
    },
  })

  const discard = (journeyId: string): Action => ({
    title: `Discard ${journeyId}`,
    description: 'The message is taken off the parked queue for good and will not reach finance. Say why.',
    confirmLabel: 'Discard',
    whyRequired: true,
    danger: true,
    run: async why => summary('Discard', await desk.discard(journeyId, why)),
  })

  const items = page?.items ?? []
  const allSelected = items.length > 0 && items.every(i => selected.includes(i.journeyId))
  const toggle = (journeyId: string, on: boolean) =>
    setSelected(s => (on ? [...s.filter(id => id !== journeyId), journeyId] : s.filter(id => id !== journeyId)))
  const text = (id: keyof Filter, label: string, placeholder: string) => (
    <ToolbarItem>
      <TextInput
        id={`fd-filter-${id}`}
        aria-label={label}
        placeholder={placeholder}
        value={draft[id]}
        onChange={(_e, v) => setDraft({ ...draft, [id]: v })}
        onKeyDown={e => e.key === 'Enter' && apply()}
      />
    </ToolbarItem>
  )

  return (
    <PageSection id='failure-desk'>
      <Title headingLevel='h1'>Failure desk</Title>
      <Content component='p'>
        Messages parked on the way to finance, with the reason, the fix and the team that owns it. Fix the cause, then retry.
      </Content>
      {notice && (
        <Alert
          id='fd-notice'
          data-variant={notice.variant}
          variant={notice.variant}
          isInline
          title={notice.text}
          actionClose={<AlertActionCloseButton onClose={() => setNotice(null)} />}
        />
      )}
      <Toolbar id='fd-toolbar'>
        <ToolbarContent>
          <ToolbarGroup>
            {text('flow', 'Flow', 'Flow, e.g. las-events')}
            {text('reason', 'Reason code', 'Reason code, e.g. NO_FINANCE_MAPPING')}
            {text('owner', 'Owner team', 'Owner team')}
            <ToolbarItem>
              <FormSelect
                id='fd-filter-minAgeDays'
                aria-label='Age'
                value={draft.minAgeDays}
                onChange={(_e, v) => setDraft({ ...draft, minAgeDays: v })}
              >
                {AGES.map(a => (
                  <FormSelectOption key={a.value} value={a.value} label={a.label} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <Button id='fd-apply' variant='primary' onClick={apply}>
                Filter
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button id='fd-refresh' variant='secondary' onClick={load} isLoading={loading}>
                Refresh
              </Button>
            </ToolbarItem>
          </ToolbarGroup>
          <ToolbarGroup>
            <ToolbarItem>
              <Button id='fd-retry-selected' variant='secondary' isDisabled={selected.length === 0} onClick={() => setAction(retrySelected())}>
                Retry selected ({selected.length})
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                id='fd-retry-all'
                variant='secondary'
                isDisabled={filter.reason.trim() === '' || items.length === 0}
                onClick={() => setAction(retryAll())}
              >
                Retry all with this reason
              </Button>
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
      <Content component='p' id='fd-count' data-total={page?.total ?? ''} data-loading={String(loading)}>
        {page ? `${page.total} parked${filter.reason.trim() ? ` with reason ${filter.reason.trim()}` : ''}` : 'Loading…'}
      </Content>
      {page && items.length === 0 ? (
        <EmptyState id='fd-empty' titleText='Nothing parked' headingLevel='h2'>
          No parked message matches these filters.
        </EmptyState>
      ) : (
        <Table id='fd-table' aria-label='Parked messages' variant='compact'>
          <Thead>
            <Tr>
              <Th select={{ onSelect: (_e, on) => setSelected(on ? items.map(i => i.journeyId) : []), isSelected: allSelected }} />
              <Th>Journey</Th>
              <Th>Flow</Th>
              <Th>Client</Th>
              <Th>Care line</Th>
              <Th>Reason</Th>
              <Th>Owner team</Th>
              <Th>Age</Th>
              <Th>Attempts</Th>
              <Th screenReaderText='Actions' />
            </Tr>
          </Thead>
          <Tbody>
            {items.map((item, rowIndex) => (
              <Tr
                key={item.journeyId}
                data-testid='fd-row'
                data-journey-id={item.journeyId}
                data-care-line-id={item.careLineId ?? ''}
                data-reason-code={item.reasonCode}
                isRowSelected={detail?.item.journeyId === item.journeyId}
              >
                <Td select={{ rowIndex, onSelect: (_e, on) => toggle(item.journeyId, on), isSelected: selected.includes(item.journeyId) }} />
                <Td dataLabel='Journey'>{item.journeyId}</Td>
                <Td dataLabel='Flow'>{item.flow}</Td>
                <Td dataLabel='Client'>{item.clientId}</Td>
                <Td dataLabel='Care line'>{item.careLineId}</Td>
                <Td dataLabel='Reason'>
                  {item.reasonTitle}
                  <br />
                  <small>{item.reasonCode}</small>
                </Td>
                <Td dataLabel='Owner team'>{item.ownerTeam}</Td>
                <Td dataLabel='Age' title={item.firstFailedAt}>
                  {age(item.firstFailedAt)}
                </Td>
                <Td dataLabel='Attempts'>{item.attempts}</Td>
                <Td dataLabel='Actions'>
                  <Button data-testid='fd-explain-button' variant='link' isInline onClick={() => explain(item.journeyId)}>
                    Explain
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {page && page.total > PAGE_SIZE && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button id='fd-previous' variant='secondary' isDisabled={pageNo === 0} onClick={() => setPageNo(pageNo - 1)}>
                Previous
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              {pageNo * PAGE_SIZE + 1}–{Math.min((pageNo + 1) * PAGE_SIZE, page.total)} of {page.total}
            </ToolbarItem>
            <ToolbarItem>
              <Button id='fd-next' variant='secondary' isDisabled={(pageNo + 1) * PAGE_SIZE >= page.total} onClick={() => setPageNo(pageNo + 1)}>
                Next
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      {detail && (
        <ExplainPanel
          detail={detail}
          onRetry={() => setAction(retryOne(detail.item.journeyId))}
          onResubmit={() => setAction(resubmit(detail))}
          onDiscard={() => setAction(discard(detail.item.journeyId))}
          onClose={() => setDetail(null)}
        />
      )}
      {action && <ActionModal action={action} onDone={done} onCancel={() => setAction(null)} />}
    </PageSection>
  )
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
