import { z } from 'zod';

// Extension pages forbid eval under the default MV3 CSP. zod would otherwise probe `new Function`
// for its fast path; jitless makes it interpret schemas. Import this first in every entry that
// bundles zod (the helper page and the background), before any schema parses.
z.config({ jitless: true });
