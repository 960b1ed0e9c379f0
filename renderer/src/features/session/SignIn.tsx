import { useState } from 'react';
import { Button, Form, Input, Label, ListBox, ListBoxItem, Radio, RadioGroup, TextField, FieldError } from 'react-aria-components';
import type { DeskInfo } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import { DeskError, fieldErrors, request } from '../../api/api';
import { SyncSettingsForm } from '../sync/SyncSettingsForm';
import { CityAccountForm } from './CityAccountForm';

/**
 * A desk connected to a server signs agents in with their city accounts (offline too, once they
 * have signed in here before); local profiles remain for a desk that works alone.
 */
export function SignIn({ desk, onSignedIn }: { desk: DeskInfo; onSignedIn: (desk: DeskInfo) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('specialist');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const central = desk.sync.configured;

  const signIn = async (agentId: string) => {
    try {
      onSignedIn(await request('signIn', { agentId }));
    } catch (error) {
      setMessage(error instanceof DeskError ? error.message : String(error));
    }
  };

  const create = async () => {
    try {
      const agent = await request('createAgent', { name, role });
      await signIn(agent.id);
    } catch (error) {
      setErrors(fieldErrors(error));
      if (!(error instanceof DeskError) || error.error.issues.length === 0) setMessage(String(error));
    }
  };

  return (
    <main className="signin">
      <div className="card stack signin-card">
        <h1>CivicDesk · desk {desk.deskCode}</h1>
        {central && <CityAccountForm onSignedIn={onSignedIn} />}
        {central && <p className="signin-divider">or a local profile</p>}
        {!central && <p className="muted">Choose your profile to start taking calls.</p>}
        {message && (
          <div role="alert" className="banner error">
            {message}
          </div>
        )}
        {desk.agents.length > 0 && (
          <ListBox
            aria-label="Agent profiles on this desk"
            className="list"
            selectionMode="single"
            autoFocus={!central}
            onAction={(key) => void signIn(String(key))}
            items={desk.agents}
          >
            {(agent) => (
              <ListBoxItem id={agent.id} textValue={agent.name} className="list-item">
                <strong>{agent.name}</strong>
                <span className="muted">{agent.role}</span>
              </ListBoxItem>
            )}
          </ListBox>
        )}
        <Form
          className="stack"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <h2>{desk.agents.length > 0 ? 'Or add a profile' : 'Create the first profile on this desk'}</h2>
          <TextField name="name" value={name} onChange={setName} className="field" isRequired autoFocus={!central && desk.agents.length === 0}>
            <Label>Your name</Label>
            <Input />
            <FieldError className="error" />
          </TextField>
          <RadioGroup value={role} onChange={(value) => setRole(value as Role)} orientation="horizontal" className="field">
            <Label>Role</Label>
            <div className="choices">
              <Radio value="specialist" className="choice">
                Specialist
              </Radio>
              <Radio value="lead" className="choice">
                Team lead
              </Radio>
            </div>
          </RadioGroup>
          <Button type="submit" className="btn primary">
            Add profile and sign in
          </Button>
        </Form>
        {!central &&
          (connecting ? (
            <section className="stack" aria-label="Connect this desk to a server">
              <h2>Connect this desk to the city's server</h2>
              <SyncSettingsForm autoFocus onSaved={() => void request('deskInfo', {}).then(onSignedIn)} />
            </section>
          ) : (
            <Button className="btn" onPress={() => setConnecting(true)}>
              Connect this desk to the city's server…
            </Button>
          ))}
      </div>
    </main>
  );
}
