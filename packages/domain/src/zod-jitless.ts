import { z } from 'zod';

// Imported first by the front ends: their Content-Security-Policy forbids eval, and zod would
// otherwise probe `new Function` when its first object schema is built, logging a CSP violation.
z.config({ jitless: true });
