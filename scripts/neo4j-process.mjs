/**
 * Starts and stops weaklink's local Neo4j: an embedded Neo4j Community 5.26 run by the
 * Java launcher in `neo4j/` (no Docker). `startNeo4j` builds the launcher with Maven when
 * `neo4j/target` is missing or older than its sources, spawns the JVM, waits for the bolt
 * URI it prints and for a real driver `verifyConnectivity()`, and returns the URI, the
 * JVM's pid and `stop()`. The JVM exits by itself when this process dies (its stdin closes).
 *
 *   const neo4j = await startNeo4j({ port: 0, dataDir: '/tmp/db' });
 *   // ... use neo4j.uri ...
 *   await neo4j.stop();
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LAUNCHER_DIR = path.join(ROOT, 'neo4j');
const TARGET = path.join(LAUNCHER_DIR, 'target');
const BUILD_STAMP = path.join(TARGET, 'weaklink-launcher.stamp');

export const DEFAULTS = {
  port: 0,
  dataDir: path.join(ROOT, '.neo4j', 'data'),
  startTimeoutMs: 120_000,
  stopTimeoutMs: 30_000,
  heap: '1g',
  pagecacheMb: 256,
};

/** JVM flags Neo4j 5 wants on Java 17 (as in its neo4j.conf); without them it logs fallbacks. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

/** Why Neo4j cannot be started here (no Java 17+, or no Maven when a build is needed), or null. */
export function missingToolchain() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'Java is not installed (need Java 17+ on PATH)';
  const major = /version "(\d+)/.exec(java.stderr)?.[1];
  if (major !== undefined && Number(major) < 17) return `Java ${major} is too old (need Java 17+)`;
  if (needsBuild()) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) return 'Maven is not installed (needed once to build neo4j/)';
  }
  return null;
}

/**
 * True when the launcher was never built or a source (pom.xml, src/) changed since. Built
 * means: compiled class and jars present; its time is the newer of the class file (a plain
 * `mvn package`, as in CI) and our stamp (written after buildLauncher's own builds).
 */
export function needsBuild() {
  const launcherClass = path.join(TARGET, 'classes', 'weaklink', 'Neo4jLauncher.class');
  if (!existsSync(launcherClass) || !existsSync(path.join(TARGET, 'lib'))) return true;
  const built = Math.max(statSync(launcherClass).mtimeMs, existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP).mtimeMs : 0);
  return (
    newestMtime(path.join(LAUNCHER_DIR, 'src')) > built || statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs > built
  );
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the launcher (`mvn -q -B package`) into neo4j/target/classes and neo4j/target/lib. */
export async function buildLauncher({ log = () => {} } = {}) {
  log('neo4j: building the launcher with Maven (a first build downloads about 120 MB of jars)...');
  rmSync(path.join(TARGET, 'lib'), { recursive: true, force: true }); // no stale jars on the classpath
  const started = Date.now();
  const child = spawn('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    const tail = Buffer.concat(output).toString('utf8').split('\n').slice(-30).join('\n');
    throw new Error(`neo4j: Maven build of neo4j/ failed (exit ${code}):\n${tail}`);
  }
  writeFileSync(BUILD_STAMP, new Date().toISOString() + '\n');
  log(`neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Starts Neo4j on 127.0.0.1 with its files under `dataDir`; `port` 0 picks a free port.
 * `password` (8+ characters) turns auth on for user neo4j; `log` receives the launcher's
 * stderr lines (also written to DATADIR/launcher.log). Rejects with the log's tail when the
 * database does not come up within `startTimeoutMs`.
 */
export async function startNeo4j(options = {}) {
  const { port = DEFAULTS.port, dataDir = DEFAULTS.dataDir, log = () => {}, password } = options;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULTS.startTimeoutMs;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`neo4j: bad port ${port}`);
  if (password !== undefined && password.length < 8) throw new Error('neo4j: the password needs 8+ characters');
  if (needsBuild()) await buildLauncher({ log });

  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'launcher.log');
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const tail = [];
  const classpath = `${path.join(TARGET, 'classes')}${path.delimiter}${path.join(TARGET, 'lib', '*')}`;
  const args = [
    `-Xms256m`,
    `-Xmx${DEFAULTS.heap}`,
    ...JVM_FLAGS,
    '-cp',
    classpath,
    'weaklink.Neo4jLauncher',
    '--data',
    dataDir,
    '--port',
    String(port),
    '--pagecache-mb',
    String(DEFAULTS.pagecacheMb),
    '--exit-on-stdin-close',
  ];
  const env = { ...process.env, NEO4J_PASSWORD: password ?? '' };
  const started = Date.now();
  const child = spawn('java', args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => {
      tail.push(`could not run java: ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    logStream.write(line + '\n');
    tail.push(line);
    if (tail.length > 40) tail.shift();
    log(line);
  });
  const uriLine = new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('bolt://')) resolve(line.trim());
    });
  });
  const failure = (why) =>
    new Error(
      `neo4j: ${why} (log ${logFile}, debug log ${path.join(dataDir, 'logs', 'debug.log')}):\n${tail.join('\n')}`,
    );

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), DEFAULTS.stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      child.stdin.destroy();
      await new Promise((resolve) => logStream.end(resolve));
    })());

  let timer;
  try {
    const uri = await Promise.race([
      uriLine,
      exited.then(({ code, signal }) =>
        Promise.reject(failure(`the launcher exited (${signal ?? code}) before Bolt was up`)),
      ),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(failure(`no bolt URI within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    await verify(uri, password, { deadline: started + startTimeoutMs, running, failure });
    log(`neo4j: ${uri} answers (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { uri, pid: child.pid, logFile, exited, stop };
  } catch (error) {
    clearTimeout(timer);
    await stop();
    throw error;
  }
}

/** Retries a driver's verifyConnectivity until it succeeds or the deadline passes. */
async function verify(uri, password, { deadline, running, failure }) {
  const auth = password === undefined ? undefined : neo4j.auth.basic('neo4j', password);
  const driver = neo4j.driver(uri, auth, { connectionTimeout: 5_000 });
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (!running()) throw failure('the launcher exited while Bolt was checked');
        if (Date.now() > deadline) throw failure(`Bolt does not answer: ${error.message}`);
        await sleep(250);
      }
    }
  } finally {
    await driver.close();
  }
}
