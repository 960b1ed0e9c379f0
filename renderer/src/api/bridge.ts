import { OPERATION_NAMES, type ApiResult, type CivicDeskBridge, type OperationName } from '../../../shared/contract';

declare global {
  interface Window {
    /** Present inside the Electron shell, from its preload. */
    civicdesk?: CivicDeskBridge;
  }
}

const TOKEN_KEY = 'civicdesk.token';

/** The browser host hands the page its per-launch token in the URL; keep it, then take it out of sight. */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): CivicDeskBridge {
  const token = hostToken();
  const call = async (name: OperationName, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      if (response.headers.get('Content-Type')?.startsWith('application/json')) return (await response.json()) as ApiResult<unknown>;
      return { ok: false, error: { code: 'internal', message: `The desk answered ${response.status}: ${await response.text()}`, issues: [] } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The desk did not answer (${String(error)})`, issues: [] } };
    }
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as CivicDeskBridge;
}

/** The only place that knows which bridge the console talks to: Electron's preload or the HTTP host. */
export const bridge: CivicDeskBridge = window.civicdesk ?? httpBridge();
