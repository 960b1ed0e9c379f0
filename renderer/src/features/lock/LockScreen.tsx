import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { DeskInfo } from '../../../../shared/contract';
import { DeskError, fieldErrors, request } from '../../api/api';

/**
 * Shown instead of the console after the idle time: nothing of the residents' data is on screen.
 * The interaction in progress waits underneath, exactly as it was (its clock keeps running).
 */
export function LockScreen({ desk, onChanged }: { desk: DeskInfo; onChanged: (desk: DeskInfo) => void }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    setBusy(true);
    try {
      onChanged(await request('unlockConsole', desk.agentHasPassword ? { password } : {}));
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage(error instanceof DeskError && error.error.issues.length > 0 ? null : String(error instanceof Error ? error.message : error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin lock-screen" aria-labelledby="lock-title">
      <div className="card stack signin-card">
        <h1 id="lock-title">Desk {desk.deskCode} is locked</h1>
        <p>
          Locked for <strong>{desk.agent?.name}</strong>. {desk.agentHasPassword ? 'Enter your password to go on.' : 'Press Unlock to go on.'} A call
          in progress is kept as it was.
        </p>
        {message && (
          <div role="alert" className="banner error">
            {message}
          </div>
        )}
        <Form
          className="stack"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            void unlock();
          }}
        >
          {desk.agentHasPassword && (
            <TextField name="password" type="password" value={password} onChange={setPassword} className="field" isRequired autoFocus>
              <Label>Password</Label>
              <Input autoComplete="current-password" />
              <FieldError className="error" />
            </TextField>
          )}
          <div className="row">
            <Button type="submit" className="btn primary" isDisabled={busy} autoFocus={!desk.agentHasPassword}>
              Unlock
            </Button>
            <Button className="btn" onPress={() => void request('signOut', {}).then(onChanged)}>
              Sign out
            </Button>
          </div>
        </Form>
      </div>
    </main>
  );
}
