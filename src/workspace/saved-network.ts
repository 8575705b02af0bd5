/**
 * The network saved in the workspace database, for the memory store to restore at
 * start. A network is saved whole (an upload) as chunks of rows, JSON text of
 * `chunkRows` rows each, written in many small transactions with a pause for the event
 * loop between them, under a `networks` row in state `writing`; one last transaction
 * makes it `current` and drops the network before it, so a process killed at any
 * instant leaves the old network or the new one (a `writing` one left behind is
 * removed at the next save). The chunk transactions are not flushed one by one
 * (`synchronous=NORMAL`): the last one is (`FULL`), and with the WAL that flushes every
 * frame before it too. An edit is saved as a small row — the rows it changed, by
 * position — applied in order on the saved network when it is restored. A network's
 * assessments are saved as a third part; `networks.assessments` is null for a network
 * without an assessments table (restored without one), and 0 for an empty table. An edit
 * that records an assessment names the next position (its row is appended; a network
 * without assessments then gets its table).
 *
 * @example
 *   const id = await saveNetwork(ws, network, { origin: 'uploaded', by: 'alice' });
 *   saveEdit(ws, id, { companies: [[7, row]], supplies: [] }, 'bob');
 *   const restored = restoreNetwork(ws); // → { network, info: { origin, by, at, edits, … } } or null
 */
import { StoreUnavailableError } from '../errors.ts';
import type { Assessment, Company, Network, Supply } from '../model/types.ts';
import type { Workspace } from './workspace.ts';

export const DEFAULTS = {
  /** Rows per chunk of a saved network: about 10 ms of work each at a time. */
  chunkRows: 5_000,
};

/** The rows an edit changed, by position in the network's arrays. */
export interface NetworkChanges {
  companies: [number, Company][];
  supplies: [number, Supply][];
  /** Assessment rows changed or added (at the next position); absent when none. */
  assessments?: [number, Assessment][];
}

export interface SavedNetworkInfo {
  id: number;
  /** How it came: "uploaded", "loaded from data/sample and edited", … */
  origin: string;
  /** Who saved it (a token name). */
  by: string;
  /** ISO 8601. */
  at: string;
  companies: number;
  supplies: number;
  /** Assessments saved, or null when the network has no assessments table. */
  assessments: number | null;
  /** Edits saved since. */
  edits: number;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Saves `network` whole as the workspace's current network (replacing the one before); returns its id. */
export async function saveNetwork(
  ws: Workspace,
  network: Network,
  source: { origin: string; by: string },
  now = new Date(),
): Promise<number> {
  const { db } = ws;
  const id = ws.write('saving the network', () => {
    dropUnfinished(ws);
    return Number(
      db
        .prepare(
          "INSERT INTO networks (state, origin, saved_by, saved_at, companies, supplies, assessments) VALUES ('writing', ?, ?, ?, ?, ?, ?)",
        )
        .run(
          source.origin,
          source.by,
          now.toISOString(),
          network.companies.length,
          network.supplies.length,
          network.assessments?.length ?? null,
        ).lastInsertRowid,
    );
  });
  const insert = db.prepare('INSERT INTO network_chunks (network, part, seq, rows) VALUES (?, ?, ?, ?)');
  for (const part of ['companies', 'supplies', 'assessments'] as const) {
    const rows: readonly object[] = network[part] ?? [];
    for (let seq = 0; seq * DEFAULTS.chunkRows < rows.length; seq++) {
      const text = JSON.stringify(rows.slice(seq * DEFAULTS.chunkRows, (seq + 1) * DEFAULTS.chunkRows));
      db.pragma('synchronous = NORMAL');
      try {
        ws.write('saving the network', () => insert.run(id, part, seq, text));
      } finally {
        db.pragma('synchronous = FULL');
      }
      await pause();
    }
  }
  ws.write('saving the network', () => {
    db.prepare("UPDATE networks SET state = 'current' WHERE id = ?").run(id);
    dropOthers(ws, id);
  });
  return id;
}

/**
 * Saves an edit of the saved network `id` (the rows it changed); one transaction, flushed
 * to disk. False (nothing saved) when `id` is no longer the current saved network — another
 * store on the workspace saved one since: the caller saves the edited network whole.
 */
export function saveEdit(ws: Workspace, id: number, changes: NetworkChanges, by: string, now = new Date()): boolean {
  return ws.write('saving the edit', () => {
    const current = ws.db.prepare("SELECT 1 FROM networks WHERE id = ? AND state = 'current'").get(id);
    if (current === undefined) return false;
    ws.db
      .prepare('INSERT INTO network_edits (network, saved_by, saved_at, rows) VALUES (?, ?, ?, ?)')
      .run(id, by, now.toISOString(), JSON.stringify(changes));
    return true;
  });
}

/** The current saved network with its edits applied, and what it is; null when none is saved. */
export function restoreNetwork(ws: Workspace): { network: Network; info: SavedNetworkInfo } | null {
  const { db } = ws;
  const row = db.prepare("SELECT * FROM networks WHERE state = 'current' ORDER BY id DESC LIMIT 1").get() as
    | {
        id: number;
        origin: string;
        saved_by: string;
        saved_at: string;
        companies: number;
        supplies: number;
        assessments: number | null;
      }
    | undefined;
  if (row === undefined) return null;
  const damaged = (why: string): StoreUnavailableError =>
    new StoreUnavailableError(
      `the network saved in ${ws.file} is damaged (${why}); start with --reset to serve --data instead (the saved network is then dropped)`,
    );
  const part = <T>(name: 'companies' | 'supplies' | 'assessments', count: number): T[] => {
    const rows: T[] = [];
    const chunks = db
      .prepare('SELECT rows FROM network_chunks WHERE network = ? AND part = ? ORDER BY seq')
      .iterate(row.id, name) as Iterable<{ rows: string }>;
    for (const chunk of chunks) for (const r of JSON.parse(chunk.rows) as T[]) rows.push(r);
    if (rows.length !== count) throw damaged(`${rows.length} of its ${count} ${name} are there`);
    return rows;
  };
  const companies = part<Company>('companies', row.companies);
  const supplies = part<Supply>('supplies', row.supplies);
  let assessments = row.assessments === null ? undefined : part<Assessment>('assessments', row.assessments);
  const edits = db.prepare('SELECT rows FROM network_edits WHERE network = ? ORDER BY seq').all(row.id) as {
    rows: string;
  }[];
  for (const edit of edits) {
    const changes = JSON.parse(edit.rows) as NetworkChanges;
    for (const [at, company] of changes.companies) {
      if (companies[at] === undefined) throw damaged(`an edit names company row ${at}`);
      companies[at] = company;
    }
    for (const [at, supply] of changes.supplies) {
      if (supplies[at] === undefined) throw damaged(`an edit names supply row ${at}`);
      supplies[at] = supply;
    }
    for (const [at, assessment] of changes.assessments ?? []) {
      assessments ??= [];
      if (at > assessments.length) throw damaged(`an edit names assessment row ${at}`);
      assessments[at] = assessment;
    }
  }
  return {
    network: assessments === undefined ? { companies, supplies } : { companies, supplies, assessments },
    info: {
      id: row.id,
      origin: row.origin,
      by: row.saved_by,
      at: row.saved_at,
      companies: row.companies,
      supplies: row.supplies,
      assessments: row.assessments,
      edits: edits.length,
    },
  };
}

/** Drops every saved network and its edits (`--reset`); returns how many there were. */
export function dropNetworks(ws: Workspace): number {
  return ws.write('dropping the saved network', () => {
    ws.db.exec('DELETE FROM network_edits; DELETE FROM network_chunks;');
    return ws.db.prepare('DELETE FROM networks').run().changes;
  });
}

/** Networks a killed save left half-written; inside a write. */
function dropUnfinished(ws: Workspace): void {
  const ids = "SELECT id FROM networks WHERE state = 'writing'";
  ws.db.exec(
    `DELETE FROM network_chunks WHERE network IN (${ids}); DELETE FROM network_edits WHERE network IN (${ids}); DELETE FROM networks WHERE state = 'writing';`,
  );
}

/** Every network but `id`; inside a write. */
function dropOthers(ws: Workspace, id: number): void {
  ws.db.prepare('DELETE FROM network_edits WHERE network != ?').run(id);
  ws.db.prepare('DELETE FROM network_chunks WHERE network != ?').run(id);
  ws.db.prepare('DELETE FROM networks WHERE id != ?').run(id);
}
