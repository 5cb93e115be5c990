import { css } from 'lit';

export const checklistStyles = css`
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
  }
  .header :is(h2, h3, h4, h5, h6) {
    margin: 0 0 0.25rem;
  }
  progress {
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: var(--_accent);
  }
  ol {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: 1.5rem 1fr auto;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    padding: 0.375rem 0;
    border-block-start: 1px solid var(--_border);
  }
  .mark {
    font-weight: 700;
    color: var(--_ok);
  }
  .kind {
    color: var(--_muted);
    font-size: 0.85em;
    margin-inline-end: 0.25rem;
  }
  .description {
    grid-column: 2 / 4;
    margin: 0;
    color: var(--_muted);
  }
  .inline {
    grid-column: 1 / 4;
  }
  li.done .title {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }
  .complete {
    margin: 0.5rem 0 0;
    font-weight: 600;
    color: var(--_ok);
  }
  @media (forced-colors: active) {
    .mark,
    .complete {
      color: CanvasText;
    }
  }
`;
