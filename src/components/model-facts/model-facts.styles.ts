import { css } from 'lit';

export const modelFactsStyles = css`
  .base {
    border: 2px solid var(--_fg);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.75rem 1rem;
    max-width: 48rem;
  }
  header {
    border-bottom: 6px solid var(--_fg);
    padding-bottom: 0.5rem;
  }
  section {
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, 16rem) 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  table {
    border-collapse: collapse;
    margin: 0.5rem 0;
    font-size: 0.95em;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.125rem 0.5rem;
    text-align: start;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0 0.5em;
  }
  .missing {
    color: var(--_warning);
    font-weight: 600;
  }
  .chart svg {
    max-width: 100%;
    height: auto;
  }
  .chart .axis {
    stroke: var(--_fg);
  }
  .chart .ideal {
    stroke: var(--_fg);
    stroke-dasharray: 4 3;
  }
  .chart .point,
  .chart .bar {
    fill: var(--_accent);
  }
  .chart .whisker {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .chart .tick {
    font-size: 10px;
    fill: var(--_fg);
  }
  figure {
    margin: 0.5rem 0;
  }
  figcaption {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .chart .point,
    .chart .bar {
      fill: CanvasText;
    }
  }
  @media print {
    .base {
      border-color: #000;
      max-width: none;
    }
    section {
      break-inside: avoid;
    }
  }
`;
