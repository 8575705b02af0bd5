import { describe, expect, it } from 'vitest';
import { workerFile } from '../../../src/analysis-runtime/workers.ts';

describe('workerFile', () => {
  it('starts a worker of the sources from its -entry.mjs (which registers tsx)', () => {
    const url = workerFile('file:///app/src/analysis-runtime/parallel-loss.ts', 'loss-worker');
    expect(url.href).toBe('file:///app/src/analysis-runtime/loss-worker-entry.mjs');
  });

  it('starts a worker of the compiled dist/ from its own .js, with no tsx', () => {
    const url = workerFile('file:///app/dist/src/io/csv-worker-client.js', 'csv-worker');
    expect(url.href).toBe('file:///app/dist/src/io/csv-worker.js');
  });
});
