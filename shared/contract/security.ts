/**
 * The console's Content-Security-Policy, one string for the Electron window (app://) and the
 * browser host alike. Nothing inline and nothing evaluated, with two exceptions pinned by hash:
 * the two constant <style> rules React Aria injects (press handling and scroll locking). A hash
 * allows exactly that text and nothing else; shared/contract/security.test.ts fails if React Aria
 * changes them.
 */
export const REACT_ARIA_STYLE_HASHES = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
] as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_STYLE_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
