// Worker entry of csv-worker-client.ts: registers tsx so that the worker thread can load
// the TypeScript sources, then starts the CSV worker.
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
