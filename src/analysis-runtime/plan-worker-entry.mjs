// Worker entry of plan-in-worker.ts: registers tsx so that the worker thread can load the
// TypeScript sources, then runs the plan worker.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
