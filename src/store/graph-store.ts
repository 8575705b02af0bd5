/**
 * The one storage interface of weaklink. Two implementations: the memory store (the
 * embedded default, nothing to install) and the Neo4j store (neo4j-driver). Both hold
 * one active network; a load replaces it atomically — readers see the old network or
 * the new one, never a mix. Both also keep the saved what-if scenarios, apart from the
 * network (a load does not touch them). Driver types never cross this interface.
 */
import type { ScenarioResult, WhatIf } from '../model/scenario.ts';
import type { Network } from '../model/types.ts';

export interface LoadOptions {
  /** Rows per UNWIND batch (Neo4j); default about 10,000. */
  batchSize?: number;
  /** Called as rows are written: rows done so far and rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Who loads it (a token name), recorded by a store that saves networks (the memory store with a workspace). */
  by?: string;
  /** How it came ("uploaded", "loaded from data/sample"), recorded likewise. */
  origin?: string;
  /** A copy of files that stay where they are (`npm start --data`): a store that saves networks does not save it. */
  transient?: boolean;
}

export interface LoadSummary {
  companies: number;
  supplies: number;
  /** Identifies the network now active; changes with every load. */
  version: string;
}

/** Analysis results written back onto each company (so analysts can query them in the database). */
export interface CompanyResult {
  id: string;
  effectiveScore: number;
  tier: number | null;
  /** Expected loss of one hit of the company, yen per event. */
  expectedEventLoss: number;
  /** Expected annual loss its hits cause, yen per year. */
  riskContribution: number;
  blastRadiusSize: number;
  requiredLevel: number | null;
  criticalSupplierCount: number;
}

/**
 * A saved what-if scenario (the API's `SavedScenario`), plain JSON data. Names are unique;
 * scenarios do not belong to a network load — they survive loads and restarts, and
 * record the `version` of the network they ran on.
 */
export interface SavedScenarioRecord {
  name: string;
  hit: string[];
  days: number;
  whatIf: WhatIf[];
  /** ISO 8601. */
  createdAt: string;
  /** Name of the token that saved it. */
  createdBy: string;
  /** Network version the scenario ran on. */
  version: string;
  result: Omit<ScenarioResult, 'horizon' | 'stillDown'>;
}

export interface GraphStore {
  /** Replaces the active network with `network` (atomically) and returns its version. */
  load(network: Network, options?: LoadOptions): Promise<LoadSummary>;
  /**
   * The whole active network (empty when nothing was loaded): the caller's own copy, or
   * frozen (the memory store shares its rows); a caller copies what it changes.
   */
  read(): Promise<Network>;
  /** The version of the active network, or null when nothing was loaded. */
  version(): Promise<string | null>;
  /** Writes analysis results onto the companies of the active network, stamped with `analysedAt`. */
  writeResults(results: CompanyResult[], analysedAt: Date): Promise<void>;
  /** Saves a scenario; one of the same name is replaced. */
  saveScenario(scenario: SavedScenarioRecord): Promise<void>;
  /** Every saved scenario, newest first (`createdAt` descending), ties by name. */
  listScenarios(): Promise<SavedScenarioRecord[]>;
  /** The scenario named `name`, or null. */
  getScenario(name: string): Promise<SavedScenarioRecord | null>;
  /** Deletes the scenario named `name`; false when there was none. */
  deleteScenario(name: string): Promise<boolean>;
  close(): Promise<void>;
}
