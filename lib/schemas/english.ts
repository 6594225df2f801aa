/**
 * Zod's English error messages. zod/mini leaves them out to keep bundles small; every context that
 * shows a validation error to a person (the server's 400 bodies, the background's settings
 * problems, the extension pages, the CLI) imports this once. The content script shows none.
 */
import { z } from 'zod/mini';

z.config(z.locales.en());
