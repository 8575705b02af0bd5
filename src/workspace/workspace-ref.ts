/**
 * A workspace held by a table's class (LoginCodes, RequestLog): either an open
 * Workspace, shared with its owner (the server's), or a folder, opened at the first
 * use and closed by `close()` (a CLI command's).
 *
 * @example
 *   class Things extends WorkspaceRef {
 *     count(): number { return (this.ws.db.prepare('SELECT count(*) AS n FROM things').get() as { n: number }).n; }
 *   }
 *   const things = new Things('.weaklink'); // opened at the first count()
 */
import { Workspace } from './workspace.ts';

export class WorkspaceRef {
  #workspace: Workspace | undefined;

  /** `workspace`: an open workspace, or its folder (opened at the first use). */
  constructor(private readonly workspace: Workspace | string) {
    if (typeof workspace !== 'string') this.#workspace = workspace;
  }

  protected get ws(): Workspace {
    this.#workspace ??= Workspace.open(this.workspace as string);
    return this.#workspace;
  }

  /** Closes the workspace when this opened it from a folder; a shared one stays open. */
  close(): void {
    if (typeof this.workspace === 'string') this.#workspace?.close();
  }
}
