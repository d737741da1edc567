import {
  Button,
  Card,
  CardBody,
  CardTitle,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  Title,
} from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React from 'react'
import { ParkedDetail } from './api'
import { pretty } from './format'

const GAP = { marginTop: '1rem' }

type Props = {
  detail: ParkedDetail
  onRetry: () => void
  onResubmit: () => void
  onDiscard: () => void
  onClose: () => void
}

/** Why one message is parked, what to fix and who owns it, the way it came and what it carries. */
export const ExplainPanel: React.FunctionComponent<Props> = ({ detail, onRetry, onResubmit, onDiscard, onClose }) => {
  const { item } = detail
  const steps = detail.journey?.steps ?? []
  const fact = (id: string, term: string, value: React.ReactNode) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{value ?? '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  )
  return (
    <Card id='fd-explain' data-journey-id={item.journeyId} isCompact>
      <CardTitle>
        <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
          <Title headingLevel='h2' size='lg'>
            {item.reasonTitle} <small>({item.reasonCode})</small>
          </Title>
          <Flex>
            <Button id='fd-explain-retry' variant='primary' onClick={onRetry}>
              Retry
            </Button>
            <Button id='fd-explain-resubmit' variant='secondary' onClick={onResubmit}>
              Edit and resubmit
            </Button>
            <Button id='fd-explain-discard' variant='danger' onClick={onDiscard}>
              Discard
            </Button>
            <Button id='fd-explain-close' variant='link' onClick={onClose}>
              Close
            </Button>
          </Flex>
        </Flex>
      </CardTitle>
      <CardBody>
        <DescriptionList isHorizontal isCompact>
          {fact('fd-explain-explanation', 'Explanation', item.explanation)}
          {fact('fd-explain-field', 'Field', item.field)}
          {fact('fd-explain-value', 'Value', item.value)}
          {fact('fd-explain-fix', 'Fix', item.fix)}
          {fact('fd-explain-owner', 'Owner team', item.ownerTeam)}
          {fact('fd-explain-journey', 'Journey', item.journeyId)}
          {fact('fd-explain-queue', 'Parked on', item.queue)}
        </DescriptionList>
        <Title headingLevel='h3' size='md' style={GAP}>
          Journey steps
        </Title>
        <Table id='fd-explain-steps' aria-label='Journey steps' variant='compact'>
          <Thead>
            <Tr>
              <Th>At</Th>
              <Th>Step</Th>
              <Th>Outcome</Th>
              <Th>Detail</Th>
            </Tr>
          </Thead>
          <Tbody>
            {steps.map((s, i) => (
              <Tr key={i}>
                <Td dataLabel='At'>{new Date(s.at).toLocaleString('en-GB')}</Td>
                <Td dataLabel='Step'>{s.step}</Td>
                <Td dataLabel='Outcome'>{s.outcome}</Td>
                <Td dataLabel='Detail'>{s.detail}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <Title headingLevel='h3' size='md' style={GAP}>
          Payload as parked
        </Title>
        <CodeBlock id='fd-explain-payload'>
          <CodeBlockCode>{pretty(detail.payload ?? '')}</CodeBlockCode>
        </CodeBlock>
      </CardBody>
    </Card>
  )
}
