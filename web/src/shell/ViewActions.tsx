/** The view's buttons under the filters: fit the map to the screen, reset the view, export the map as PNG. */
export interface ViewActionsProps {
  onFit(): void;
  onReset(): void;
  onExport(): void;
}

export function ViewActions({ onFit, onReset, onExport }: ViewActionsProps) {
  return (
    <>
      <button id="fit" type="button" onClick={onFit}>
        Fit to screen
      </button>
      <button id="reset" type="button" onClick={onReset}>
        Reset view
      </button>
      <button id="export-png" type="button" onClick={onExport} title="Download the whole map as a PNG image">
        Export map as PNG
      </button>
    </>
  );
}
