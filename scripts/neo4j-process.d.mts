/** Types of neo4j-process.mjs for the TypeScript tests that start a Neo4j of their own. */

export declare const ROOT: string;

export declare const DEFAULTS: {
  port: number;
  dataDir: string;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  heap: string;
  pagecacheMb: number;
};

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Neo4j's home: data/, logs/ and launcher.log go here (default `.neo4j/data`). */
  dataDir?: string;
  /** Receives each line the launcher writes to stderr. */
  log?: (line: string) => void;
  /** Turns auth on for user neo4j with this password (8+ characters). */
  password?: string;
  startTimeoutMs?: number;
}

export interface RunningNeo4j {
  /** `bolt://127.0.0.1:PORT`, answering a driver's verifyConnectivity. */
  uri: string;
  /** The JVM's process id (e.g. to kill it in a crash test). */
  pid: number;
  logFile: string;
  /** Resolves when the JVM has exited. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** SIGTERM, then SIGKILL after 30 s; resolves once the JVM has exited. */
  stop(): Promise<void>;
}

export declare function missingToolchain(): string | null;
export declare function needsBuild(): boolean;
export declare function buildLauncher(options?: { log?: (line: string) => void }): Promise<void>;
export declare function startNeo4j(options?: StartOptions): Promise<RunningNeo4j>;
