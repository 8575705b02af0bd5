import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // One Neo4j per run for the Neo4j store tests (NEO4J_URI, or an embedded one via Java).
    globalSetup: ['test/integration/neo4j-global-setup.ts'],
  },
});
