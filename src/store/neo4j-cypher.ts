/**
 * Every Cypher statement of the Neo4j store, as constants with $parameters (nothing is
 * ever built from input). Conventions: `$gen` is an import generation, `$rows` a batch of
 * plain rows, `$after`/`$limit` keyset pagination by `seq` (integers: pass neo4j.int).
 * Companies match on the (gen, id) uniqueness constraint; scans by generation use the
 * (gen, seq) indexes, hence the `seq IS NOT NULL` that lets the planner pick them.
 */

export const SCHEMA = [
  'CREATE CONSTRAINT weaklink_company_key IF NOT EXISTS FOR (c:Company) REQUIRE (c.gen, c.id) IS UNIQUE',
  'CREATE CONSTRAINT weaklink_meta_key IF NOT EXISTS FOR (m:WeaklinkMeta) REQUIRE m.key IS UNIQUE',
  'CREATE CONSTRAINT weaklink_gen_key IF NOT EXISTS FOR (g:WeaklinkGen) REQUIRE g.id IS UNIQUE',
  'CREATE INDEX weaklink_company_seq IF NOT EXISTS FOR (c:Company) ON (c.gen, c.seq)',
  'CREATE INDEX weaklink_supplies_seq IF NOT EXISTS FOR ()-[s:SUPPLIES]-() ON (s.gen, s.seq)',
  'CREATE INDEX weaklink_assessment_seq IF NOT EXISTS FOR (a:Assessment) ON (a.gen, a.seq)',
  'CREATE CONSTRAINT weaklink_scenario_name IF NOT EXISTS FOR (s:WeaklinkScenario) REQUIRE s.name IS UNIQUE',
] as const;

export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

export const SERVER_VERSION = `CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version`;

export const ACTIVE_GEN = `MATCH (m:WeaklinkMeta {key: 'active'}) RETURN m.gen AS gen`;

/**
 * Marks a generation as started; a load writes its rows only after this committed.
 * `assessments`: whether the network has an assessments table (false: none, as loaded).
 */
export const BEGIN_GEN = `CREATE (:WeaklinkGen {id: $gen, startedAt: datetime(), assessments: $assessments})`;

/** Whether generation $gen has an assessments table (null for one written before they were stored). */
export const GEN_HAS_ASSESSMENTS = `MATCH (g:WeaklinkGen {id: $gen}) RETURN g.assessments AS assessments`;

/**
 * Marks every inactive generation doomed and returns them. Writing the meta node first
 * locks it, so this cannot interleave with ACTIVATE_GEN.
 */
export const DOOM_INACTIVE_GENS = `MERGE (m:WeaklinkMeta {key: 'active'})
SET m.checkedAt = datetime()
WITH m
MATCH (g:WeaklinkGen) WHERE g.id <> coalesce(m.gen, '')
SET g.doomed = true
RETURN g.id AS gen`;

/** The one switch: makes $gen active unless doomed meanwhile; returns the previous gen (no row: doomed). */
export const ACTIVATE_GEN = `MATCH (g:WeaklinkGen {id: $gen})
SET g.activatedAt = datetime()
WITH g WHERE g.doomed IS NULL
MERGE (m:WeaklinkMeta {key: 'active'})
WITH g, m, m.gen AS previous
SET m.gen = g.id
RETURN previous`;

export const WRITE_COMPANIES = `UNWIND $rows AS r
CREATE (c:Company {gen: $gen, seq: toInteger(r.seq), id: r.id, name: r.name, country: r.country,
  industry: r.industry, size: r.size, scsLevel: r.scsLevel, securityScore: r.securityScore,
  revenue: r.revenue, focal: r.focal})
RETURN count(c) AS n`;

export const WRITE_SUPPLIES = `UNWIND $rows AS r
MATCH (a:Company {gen: $gen, id: r.supplier})
MATCH (b:Company {gen: $gen, id: r.buyer})
CREATE (a)-[s:SUPPLIES {gen: $gen, seq: toInteger(r.seq), commodity: r.commodity, share: r.share,
  spend: r.spend, access: r.access, bufferDays: r.bufferDays}]->(b)
RETURN count(s) AS n`;

/** Each assessment a node linked to its company; `seq` is its position in the table. */
export const WRITE_ASSESSMENTS = `UNWIND $rows AS r
MATCH (c:Company {gen: $gen, id: r.company})
CREATE (a:Assessment {gen: $gen, seq: toInteger(r.seq), level: r.level, method: r.method,
  assessedOn: r.assessedOn, validUntil: r.validUntil, evidence: r.evidence})-[:OF]->(c)
RETURN count(a) AS n`;

export const DELETE_GEN_ASSESSMENTS = `MATCH (a:Assessment) WHERE a.gen = $gen AND a.seq IS NOT NULL
WITH a LIMIT $limit
DETACH DELETE a
RETURN count(*) AS n`;

export const DELETE_GEN_SUPPLIES = `MATCH ()-[s:SUPPLIES]->() WHERE s.gen = $gen AND s.seq IS NOT NULL
WITH s LIMIT $limit
DELETE s
RETURN count(*) AS n`;

export const DELETE_GEN_COMPANIES = `MATCH (c:Company) WHERE c.gen = $gen AND c.seq IS NOT NULL
WITH c LIMIT $limit
DETACH DELETE c
RETURN count(*) AS n`;

export const DELETE_GEN_MARKER = `MATCH (g:WeaklinkGen {id: $gen}) DELETE g`;

const COMPANY_MAP = 'c {.id, .name, .country, .industry, .size, .scsLevel, .securityScore, .revenue, .focal}';
const SUPPLY_MAP = 's {.commodity, .share, .spend, .access, .bufferDays}';
const ASSESSMENT_MAP = 'a {.level, .method, .assessedOn, .validUntil, .evidence}';

// Ordering by both index properties lets the planner read the (gen, seq) index in order
// and stop after $limit rows, instead of sorting everything after $after on every page.
export const READ_COMPANIES = `MATCH (c:Company) WHERE c.gen = $gen AND c.seq > $after
WITH c ORDER BY c.gen ASC, c.seq ASC LIMIT $limit
RETURN c.seq AS seq, ${COMPANY_MAP} AS c`;

export const READ_SUPPLIES = `MATCH (a:Company)-[s:SUPPLIES]->(b:Company) WHERE s.gen = $gen AND s.seq > $after
WITH a, s, b ORDER BY s.gen ASC, s.seq ASC LIMIT $limit
RETURN s.seq AS seq, a.id AS supplier, b.id AS buyer, ${SUPPLY_MAP} AS s`;

export const READ_ASSESSMENTS = `MATCH (a:Assessment)-[:OF]->(c:Company) WHERE a.gen = $gen AND a.seq > $after
WITH a, c ORDER BY a.gen ASC, a.seq ASC LIMIT $limit
RETURN a.seq AS seq, c.id AS company, ${ASSESSMENT_MAP} AS a`;

export const UNKNOWN_IDS = `UNWIND $ids AS id
OPTIONAL MATCH (c:Company {gen: $gen, id: id})
WITH id, c WHERE c IS NULL
RETURN id LIMIT 6`;

export const WRITE_RESULTS = `UNWIND $rows AS r
MATCH (c:Company {gen: $gen, id: r.id})
SET c.effectiveScore = r.effectiveScore, c.tier = toInteger(r.tier), c.expectedEventLoss = r.expectedEventLoss, c.riskContribution = r.riskContribution,
  c.blastRadiusSize = toInteger(r.blastRadiusSize), c.requiredLevel = toInteger(r.requiredLevel),
  c.criticalSupplierCount = toInteger(r.criticalSupplierCount), c.analysedAt = datetime($analysedAt)
RETURN count(c) AS n`;

// Saved scenarios: `(:WeaklinkScenario {name, json, createdAt})`, unique by name, outside
// the import generations (a load never touches them). `json` is the whole record.

/** Saves a scenario, replacing one of the same name. */
export const SAVE_SCENARIO = `MERGE (s:WeaklinkScenario {name: $name})
SET s.json = $json, s.createdAt = $createdAt`;

export const LIST_SCENARIOS = `MATCH (s:WeaklinkScenario)
RETURN s.json AS json
ORDER BY s.createdAt DESC, s.name ASC`;

export const GET_SCENARIO = `MATCH (s:WeaklinkScenario {name: $name}) RETURN s.json AS json`;

/** One row: how many were deleted (0 or 1). */
export const DELETE_SCENARIO = `OPTIONAL MATCH (s:WeaklinkScenario {name: $name})
DELETE s
RETURN count(s) AS n`;
