/** The store contract on the in-memory store, plus what only it exposes (`results()`). */
import { MemoryStore } from '../../src/store/memory-store.ts';
import { storeContract } from './store-contract.ts';

storeContract(
  'memory',
  async () => new MemoryStore(),
  async (store, id) => {
    const stored = (store as MemoryStore).results().get(id);
    if (stored === undefined) return null;
    const { id: _id, ...rest } = stored;
    return rest;
  },
);
