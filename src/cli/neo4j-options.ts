/**
 * Connection options for the commands that talk to Neo4j: `--neo4j URI`, `--user U`,
 * `--password-env VAR` (the password is read from that environment variable, never from
 * the command line, where `ps` would show it) and `--database NAME`, each falling back
 * to NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { Neo4jStoreOptions } from '../store/neo4j-store.ts';

export interface Neo4jCliOptions {
  neo4j?: string;
  user?: string;
  passwordEnv?: string;
  database?: string;
}

/** Adds the connection options to a command. */
export function withNeo4jOptions(command: Command, required = false): Command {
  const uri = '--neo4j <uri>';
  const help = 'Neo4j bolt URI, e.g. bolt://127.0.0.1:7687 (default: $NEO4J_URI)';
  (required ? command.option(uri, `${help}`) : command.option(uri, help))
    .option('--user <name>', 'Neo4j user (default: $NEO4J_USER or neo4j)')
    .option('--password-env <var>', 'environment variable holding the password (default: NEO4J_PASSWORD)')
    .option('--database <name>', 'Neo4j database (default: $NEO4J_DATABASE or neo4j)');
  return command;
}

/** The store options from the flags and the environment; null when no URI is given anywhere. */
export function neo4jConnection(o: Neo4jCliOptions, env: NodeJS.ProcessEnv = process.env): Neo4jStoreOptions | null {
  const uri = o.neo4j ?? env.NEO4J_URI;
  if (!uri) return null;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    throw new UsageError(
      `--neo4j: "${uri}" is not a Neo4j URI; expected e.g. bolt://127.0.0.1:7687 or neo4j+s://host`,
      'neo4j',
    );
  }
  const passwordVar = o.passwordEnv ?? 'NEO4J_PASSWORD';
  const password = env[passwordVar];
  if (o.passwordEnv && password === undefined) {
    throw new UsageError(`--password-env: the environment variable ${o.passwordEnv} is not set`, 'password-env');
  }
  const user = o.user ?? env.NEO4J_USER;
  const database = o.database ?? env.NEO4J_DATABASE;
  return {
    uri,
    ...(user ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(database ? { database } : {}),
  };
}
