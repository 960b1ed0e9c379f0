import { useEffect, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { SyncSettingsView } from '../../../../shared/contract';
import { DeskError, fieldErrors, request } from '../../api/api';

/**
 * Where this desk syncs: the server's address, the city (tenant), the desk code and the desk secret
 * IT issued with it. Fields IT's machine policy sets are shown read-only: only the desk secret is the desk's own.
 */
export function SyncSettingsForm({ onSaved, autoFocus = false }: { onSaved: (settings: SyncSettingsView) => void; autoFocus?: boolean }) {
  const [current, setCurrent] = useState<SyncSettingsView | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [tenant, setTenant] = useState('');
  const [deskCode, setDeskCode] = useState('');
  const [deskSecret, setDeskSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    request('getSyncSettings', {}).then((settings) => {
      setCurrent(settings);
      // What someone typed before the saved settings arrived stays: a slow answer must not wipe a keystroke.
      // Fields IT's policy sets always show the policy's value.
      const fill = (typed: string, saved: string | null, fixed: boolean) => (fixed || typed === '' ? (saved ?? '') : typed);
      setServerUrl((typed) => fill(typed, settings.serverUrl, settings.setByPolicy.includes('serverUrl')));
      setTenant((typed) => fill(typed, settings.tenant, settings.setByPolicy.includes('tenant')));
      setDeskCode((typed) => fill(typed, settings.deskCode, settings.setByPolicy.includes('deskCode')));
    }, (error: unknown) => setMessage(String(error)));
  }, []);

  const byPolicy = (field: 'serverUrl' | 'tenant' | 'deskCode') => current?.setByPolicy.includes(field) === true;
  const policyNote = <span className="muted"> (set by IT)</span>;

  const save = async () => {
    setErrors({});
    setMessage(null);
    setSaved(false);
    try {
      const settings = await request('setSyncSettings', {
        serverUrl: serverUrl.trim(),
        tenant: tenant.trim(),
        deskSecret,
        ...(current && deskCode.trim() !== current.deskCode ? { deskCode: deskCode.trim().toUpperCase() } : {}),
      });
      setCurrent(settings);
      setDeskSecret('');
      setSaved(true);
      onSaved(settings);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!(error instanceof DeskError) || Object.keys(fields).length === 0) setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Form
      className="stack sync-settings"
      aria-label="Sync settings"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {message && (
        <div role="alert" className="banner error">
          {message}
        </div>
      )}
      {saved && (
        <p role="status" className="banner ok">
          Saved. This desk now syncs with {current?.serverUrl}.
        </p>
      )}
      <TextField name="serverUrl" value={serverUrl} onChange={setServerUrl} className="field" isRequired autoFocus={autoFocus && !byPolicy('serverUrl')} type="url" isReadOnly={byPolicy('serverUrl')}>
        <Label>Server address{byPolicy('serverUrl') && policyNote}</Label>
        <Input placeholder="https://civicdesk.example.city" />
        <FieldError className="error" />
      </TextField>
      <div className="row">
        <TextField name="tenant" value={tenant} onChange={setTenant} className="field" isRequired isReadOnly={byPolicy('tenant')}>
          <Label>City (tenant){byPolicy('tenant') && policyNote}</Label>
          <Input placeholder="lethbridge" />
          <FieldError className="error" />
        </TextField>
        <TextField name="deskCode" value={deskCode} onChange={setDeskCode} className="field" isReadOnly={byPolicy('deskCode')}>
          <Label>Desk code{byPolicy('deskCode') && policyNote}</Label>
          <Input className="mono" />
          <FieldError className="error" />
        </TextField>
      </div>
      <TextField name="deskSecret" value={deskSecret} onChange={setDeskSecret} className="field" isRequired type="password" autoFocus={autoFocus && byPolicy('serverUrl')}>
        <Label>Desk secret {current?.deskSecretSet ? '(one is saved; enter it again to change the settings)' : '(from IT, with the desk code)'}</Label>
        <Input autoComplete="off" />
        <FieldError className="error" />
      </TextField>
      <Button type="submit" className="btn primary">
        Save sync settings
      </Button>
    </Form>
  );
}
