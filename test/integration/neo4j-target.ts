/**
 * The Neo4j of this test run, as provided by neo4j-global-setup.ts. Under CI a missing
 * Neo4j is an error (thrown when the test file loads); elsewhere it is reported in one loud
 * line and `neo4jTarget()` returns null, and the Neo4j tests skip themselves at run time.
 */
import { inject } from 'vitest';

export interface Neo4jTarget {
  uri: string;
  user?: string;
  password?: string;
}

export function neo4jTarget(): Neo4jTarget | null {
  const uri = inject('neo4jUri');
  if (uri) return { uri, user: inject('neo4jUser'), password: inject('neo4jPassword') };
  const reason =
    inject('neo4jUnavailable') ?? 'test/integration/neo4j-global-setup.ts did not run (see vitest.config.ts)';
  if (process.env.CI) throw new Error(`Neo4j tests cannot run: ${reason}`);
  console.error(`!!!!! SKIPPING the Neo4j tests: ${reason} !!!!!`);
  return null;
}
