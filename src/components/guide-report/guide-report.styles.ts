import { css } from 'lit';

export const guideReportStyles = css`
  :host {
    display: block;
  }
  form.filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
    margin: 0.5em 0;
  }
  form.filters label {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }
  input,
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 0.2em 0.4em;
  }
  section {
    margin-block: 1em;
  }
  table {
    border-collapse: collapse;
    margin: 0.4em 0;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.2em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr.flagged td {
    font-weight: 600;
  }
  .chart .bar {
    fill: var(--_accent);
  }
  .chart .withheld {
    stroke: var(--_muted);
    stroke-dasharray: 3 3;
  }
  .chart .tick {
    font-size: 11px;
    fill: var(--_fg);
  }
  .state {
    padding: 0.4em 0.6em;
    border-inline-start: 4px solid var(--_info);
  }
  .state.partial,
  .state.failed {
    border-inline-start-color: var(--_warning);
  }
  @media print {
    form.filters button,
    [part='print-button'] {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .chart .bar {
      fill: CanvasText;
    }
  }
`;
