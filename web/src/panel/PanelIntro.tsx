/**
 * What the panel shows without a company: how to use the map; and while a company's
 * details load: its name and "Loading…".
 *
 * @example
 *   render(<PanelIntro />, panel);
 */

/** The panel shown when no company is selected. */
export function PanelIntro() {
  return (
    <div class="panel-intro">
      <h2>Select a company</h2>
      <p>
        Click a company on the map, in the search results or in a table below to see why its score is what it is, what
        it depends on and what depends on it.
      </p>
      <ul class="hints">
        <li>
          <kbd>click</kbd> details and exposure path
        </li>
        <li>
          <kbd>shift</kbd>+<kbd>click</kbd> add to the breach selection
        </li>
        <li>
          <kbd>double-click</kbd> bring in its hidden suppliers (+N)
        </li>
        <li>
          <kbd>scroll</kbd> zoom; labels appear as you zoom in
        </li>
      </ul>
    </div>
  );
}

/** A loading placeholder for company `name`. */
export function PanelLoading({ name }: { name: string }) {
  return (
    <div class="panel-loading">
      <h2>{name}</h2>
      <p class="muted">Loading…</p>
    </div>
  );
}
