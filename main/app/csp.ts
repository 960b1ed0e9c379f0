import { CONTENT_SECURITY_POLICY } from '../../shared/contract/security';

export { CONTENT_SECURITY_POLICY };

/** Headers every `app://` response carries, whatever its status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
