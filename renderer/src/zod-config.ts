import { z } from 'zod';

// The CSP forbids eval; tell zod before any schema is built not to probe for it (the probe is itself
// a CSP violation report). Imported first by main.tsx.
z.config({ jitless: true });
