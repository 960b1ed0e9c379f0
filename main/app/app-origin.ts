/**
 * Where the console lives inside the shell. The renderer is served from `app://civicdesk/`, never
 * from `file://`: a standard, secure origin of its own that the CSP's 'self' can name, and that the
 * IPC handlers can recognise as the only page allowed to call the desk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'civicdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for `app://civicdesk/…` exactly: no other host, no user info, no port. */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
