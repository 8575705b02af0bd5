// Worker entry of parallel-loss.ts: registers tsx so that the worker thread can load the
// TypeScript sources, then starts the loss worker.
import { register } from 'tsx/esm/api';

register();
await import('./loss-worker.ts');
