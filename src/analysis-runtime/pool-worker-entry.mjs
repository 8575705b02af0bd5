// Worker entry of analysis-pool.ts: registers tsx so that the worker thread can load the
// TypeScript sources, then hands piscina the pool worker's task function.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./pool-worker.ts');
export default worker.default;
