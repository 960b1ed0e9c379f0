import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Keys } from '../../components/Kbd';
import { SHORTCUTS } from './shortcut-table';

export function ShortcutSheet({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable>
      <Modal className="modal">
        <Dialog aria-label="Keyboard shortcuts" className="stack">
          <div className="row sheet-top">
            <Heading slot="title">Keyboard shortcuts</Heading>
            <Button className="btn" slot="close">
              Close <kbd>Esc</kbd>
            </Button>
          </div>
          {/* The table scrolls on small screens: focusable, so the keyboard can scroll it too. */}
          <div className="sheet-scroll" tabIndex={0} role="region" aria-label="Shortcut table">
            <table className="plain">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Keys</th>
                  <th scope="col">Does</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((s) => (
                  <tr key={`${s.area}-${s.combo}`}>
                    <td>{s.area}</td>
                    <td>
                      <Keys combo={s.combo} />
                    </td>
                    <td>{s.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
