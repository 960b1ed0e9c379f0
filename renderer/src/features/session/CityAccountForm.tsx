import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { DeskInfo } from '../../../../shared/contract';
import { DeskError, fieldErrors, request } from '../../api/api';

/**
 * Sign-in with the city account: checked by the server when it answers, otherwise against what this
 * desk remembers from the agent's last online sign-in here.
 */
export function CityAccountForm({ onSignedIn }: { onSignedIn: (desk: DeskInfo) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      onSignedIn(await request('signInWithPassword', { username: username.trim(), password }));
    } catch (error) {
      // The desk's words ("Wrong username or password", and whether the server or this desk checked)
      // go on top; the field it names is marked too.
      setErrors(fieldErrors(error));
      setMessage(error instanceof DeskError ? error.message : String(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      className="stack"
      aria-label="Sign in with your city account"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        void signIn();
      }}
    >
      <h2>Sign in with your city account</h2>
      {message && (
        <div role="alert" className="banner error">
          {message}
        </div>
      )}
      <TextField name="username" value={username} onChange={setUsername} className="field" isRequired autoFocus autoComplete="username">
        <Label>Username</Label>
        <Input />
        <FieldError className="error" />
      </TextField>
      <TextField name="password" value={password} onChange={setPassword} className="field" isRequired type="password" autoComplete="current-password">
        <Label>Password</Label>
        <Input />
        <FieldError className="error" />
      </TextField>
      <Button type="submit" className="btn primary" isDisabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </Form>
  );
}
