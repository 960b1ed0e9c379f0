import { useState } from 'react';
import { Button, Dialog, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import type { CancelReason } from '../../../../shared/domain';

const REASONS: { reason: CancelReason; label: string }[] = [
  { reason: 'caller_hung_up', label: 'Caller hung up' },
  { reason: 'wrong_number', label: 'Wrong number' },
  { reason: 'duplicate', label: 'Duplicate of another interaction' },
  { reason: 'test_call', label: 'Test call' },
  { reason: 'other', label: 'Other' },
];

export function CancelDialog(props: { isOpen: boolean; onClose: () => void; onConfirm: (reason: CancelReason, detail: string) => void }) {
  const [reason, setReason] = useState<CancelReason>('caller_hung_up');
  const [detail, setDetail] = useState('');
  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} isDismissable>
      <Modal className="modal">
        <Dialog className="stack" aria-label="Cancel interaction">
          <Heading slot="title">Cancel this interaction?</Heading>
          <p className="muted">Nothing has been saved yet. Choose why, so the shift report counts it right.</p>
          <RadioGroup value={reason} onChange={(value) => setReason(value as CancelReason)} className="field">
            <Label>Reason</Label>
            <div className="choices">
              {REASONS.map((r) => (
                <Radio key={r.reason} value={r.reason} className="choice">
                  {r.label}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <TextField value={detail} onChange={setDetail} className="field">
            <Label>Detail (optional)</Label>
            <TextArea />
          </TextField>
          <div className="row">
            <Button className="btn danger" onPress={() => props.onConfirm(reason, detail)}>
              Cancel interaction
            </Button>
            <Button className="btn" onPress={props.onClose}>
              Keep going
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
