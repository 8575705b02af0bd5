/**
 * `npm run neo4j [-- --port N] [-- --data DIR]`: runs weaklink's local Neo4j (embedded
 * Community 5.26, no Docker) on 127.0.0.1 until Ctrl-C. Builds the Java launcher first when
 * needed, prints the bolt URI on stdout, keeps the database under `.neo4j/data` by default.
 * Port: --port, else env NEO4J_PORT, else 7687. Authentication is always on, for user
 * neo4j: its password is env NEO4J_PASSWORD (8+ characters) when given, else a random one
 * made on the first run and kept owner-only in `.neo4j/password`; the script prints how the
 * CLI and the server pick it up.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS, missingToolchain, startNeo4j } from './neo4j-process.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' } },
  strict: true,
});
const port = Number(values.port ?? process.env.NEO4J_PORT ?? 7687);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`neo4j: --port must be an integer 0-65535, got "${values.port ?? process.env.NEO4J_PORT}"`);
  process.exit(2);
}
const dataDir = values.data === undefined ? DEFAULTS.dataDir : path.resolve(values.data);
const missing = missingToolchain();
if (missing) {
  console.error(`neo4j: cannot start: ${missing}`);
  process.exit(1);
}

// Never without a password: the one given, else the one kept (owner-only) beside the data.
const passwordFile = path.join(path.dirname(DEFAULTS.dataDir), 'password');
let password = process.env.NEO4J_PASSWORD || '';
if (password === '') {
  if (!existsSync(passwordFile)) {
    mkdirSync(path.dirname(passwordFile), { recursive: true, mode: 0o700 });
    writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  }
  chmodSync(passwordFile, 0o600);
  password = readFileSync(passwordFile, 'utf8').trim();
}

let server;
try {
  server = await startNeo4j({
    port,
    dataDir,
    password,
    log: (line) => console.error(line),
  });
} catch (error) {
  console.error(error.message.split('\n')[0]); // the log lines were already printed above
  process.exit(1);
}
console.log(server.uri);
console.error(`neo4j: data in ${dataDir}; Ctrl-C stops it`);
console.error(
  process.env.NEO4J_PASSWORD
    ? 'neo4j: authentication on: user neo4j, the password of NEO4J_PASSWORD'
    : `neo4j: authentication on: user neo4j, the password in ${passwordFile} (readable only by you). The CLI and the server take it from the environment:\n` +
        `  export NEO4J_URI=${server.uri} NEO4J_USER=neo4j NEO4J_PASSWORD="$(cat ${passwordFile})"`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  });
}
const { code, signal } = await server.exited;
if (!stopping) {
  console.error(`neo4j: the database exited unexpectedly (${signal ?? code}); see ${server.logFile}`);
  process.exit(1);
}
