import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, deciding so as each schema is
 * built. The page's Content-Security-Policy forbids that: the probe is refused and reported as a
 * violation. Imported first by src/main.tsx, before any module builds a schema.
 */
z.config({ jitless: true });
