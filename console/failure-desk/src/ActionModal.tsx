import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
} from '@patternfly/react-core'
import React, { useState } from 'react'

/** What the operator is about to do; every change on the desk says why (it goes to the audit trail). */
export type Action = {
  title: string
  description: string
  confirmLabel: string
  whyRequired: boolean
  danger?: boolean
  /** Edit-and-resubmit: the field (JSON pointer into the payload) and its current value, to be changed. */
  edit?: { field: string; value: string }
  run: (why: string, field: string, value: string) => Promise<string>
}

export const ActionModal: React.FunctionComponent<{ action: Action; onDone: (message: string) => void; onCancel: () => void }> = ({
  action,
  onDone,
  onCancel,
}) => {
  const [why, setWhy] = useState('')
  const [field, setField] = useState(action.edit?.field ?? '')
  const [value, setValue] = useState(action.edit?.value ?? '')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const missingWhy = action.whyRequired && why.trim() === ''
  const missingField = action.edit !== undefined && field.trim() === ''

  const confirm = async () => {
    setBusy(true)
    setError('')
    try {
      onDone(await action.run(why.trim(), field.trim(), value))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <Modal id='fd-action-modal' variant='medium' isOpen onClose={onCancel} aria-labelledby='fd-action-title'>
      <ModalHeader title={action.title} labelId='fd-action-title' description={action.description} />
      <ModalBody>
        <Form onSubmit={e => e.preventDefault()}>
          {action.edit && (
            <>
              <FormGroup label='Field (JSON pointer into the payload)' isRequired fieldId='fd-edit-field'>
                <TextInput id='fd-edit-field' value={field} onChange={(_e, v) => setField(v)} />
              </FormGroup>
              <FormGroup label='New value' fieldId='fd-edit-value'>
                <TextInput id='fd-edit-value' value={value} onChange={(_e, v) => setValue(v)} />
              </FormGroup>
            </>
          )}
          <FormGroup label='Why' isRequired={action.whyRequired} fieldId='fd-why'>
            <TextArea
              id='fd-why'
              value={why}
              onChange={(_e, v) => setWhy(v)}
              placeholder={action.whyRequired ? 'Required: kept in the audit trail' : 'Optional: kept in the audit trail'}
              resizeOrientation='vertical'
            />
          </FormGroup>
        </Form>
        {error && <Alert id='fd-action-error' variant='danger' isInline title={error} />}
      </ModalBody>
      <ModalFooter>
        <Button
          id='fd-action-confirm'
          variant={action.danger ? 'danger' : 'primary'}
          onClick={confirm}
          isDisabled={busy || missingWhy || missingField}
          isLoading={busy}
        >
          {action.confirmLabel}
        </Button>
        <Button id='fd-action-cancel' variant='link' onClick={onCancel}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  )
}
