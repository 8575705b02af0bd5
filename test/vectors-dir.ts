/** Where the shared test vectors live: `../shared/vectors` beside the project root (override with WEAKLINK_VECTORS). */
import { fileURLToPath } from 'node:url';

export const VECTORS_DIR =
  process.env.WEAKLINK_VECTORS ?? fileURLToPath(new URL('../../shared/vectors', import.meta.url));
