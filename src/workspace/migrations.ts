/**
 * The schema of the workspace database, as an ordered list of migrations: migration N
 * (1-based) takes a database at schema version N−1 (`PRAGMA user_version`) to N. They
 * run at open, in one transaction with the version bump, so a database is always at
 * one whole version. A migration once released is never changed; a new one is appended.
 *
 * @example
 *   MIGRATIONS.length // → the schema version this code writes
 */

export interface Migration {
  /** What it adds, for the log and the error messages. */
  what: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    what: 'saved scenarios, saved networks and their edits, the server in charge',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE scenarios (name TEXT PRIMARY KEY, record TEXT NOT NULL) STRICT;
      CREATE TABLE networks (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('writing', 'current')),
        origin TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        companies INTEGER NOT NULL,
        supplies INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE network_chunks (
        network INTEGER NOT NULL REFERENCES networks (id),
        part TEXT NOT NULL CHECK (part IN ('companies', 'supplies')),
        seq INTEGER NOT NULL,
        rows TEXT NOT NULL,
        PRIMARY KEY (network, part, seq)
      ) STRICT;
      CREATE TABLE network_edits (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        network INTEGER NOT NULL REFERENCES networks (id),
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        rows TEXT NOT NULL
      ) STRICT;
      CREATE TABLE server (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pid INTEGER NOT NULL,
        url TEXT,
        started TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    what: 'single-use login codes (weaklink login)',
    sql: `
      CREATE TABLE login_codes (
        sha256 TEXT PRIMARY KEY,
        created TEXT NOT NULL,
        expires TEXT NOT NULL,
        used TEXT
      ) STRICT;
    `,
  },
  {
    what: 'API tokens and the audit log',
    sql: `
      CREATE TABLE tokens (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        created TEXT NOT NULL,
        revoked TEXT,
        sha256 TEXT NOT NULL UNIQUE,
        seq INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL) STRICT;
    `,
  },
  {
    what: 'request letters issued to suppliers and the agreements recorded (weaklink request)',
    sql: `
      CREATE TABLE requests (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        supplier TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'agreed', 'declined')),
        level INTEGER,
        share REAL,
        on_date TEXT NOT NULL,
        by_whom TEXT NOT NULL,
        recorded TEXT NOT NULL
      ) STRICT;
      CREATE INDEX requests_supplier ON requests (supplier, seq);
    `,
  },
  {
    what: "a saved network's assessments (absent when the network has no assessments table)",
    // SQLite cannot change a CHECK: network_chunks is rebuilt with 'assessments' allowed.
    sql: `
      ALTER TABLE networks ADD COLUMN assessments INTEGER;
      CREATE TABLE network_chunks_v5 (
        network INTEGER NOT NULL REFERENCES networks (id),
        part TEXT NOT NULL CHECK (part IN ('companies', 'supplies', 'assessments')),
        seq INTEGER NOT NULL,
        rows TEXT NOT NULL,
        PRIMARY KEY (network, part, seq)
      ) STRICT;
      INSERT INTO network_chunks_v5 (network, part, seq, rows) SELECT network, part, seq, rows FROM network_chunks;
      DROP TABLE network_chunks;
      ALTER TABLE network_chunks_v5 RENAME TO network_chunks;
    `,
  },
];
