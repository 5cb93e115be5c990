import { css } from 'lit';

export const helpPanelStyles = css`
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
  }
  input[type='search'] {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  .list {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .list li + li {
    border-top: 1px solid var(--_border);
  }
  button.entry {
    display: flex;
    width: 100%;
    gap: 0.5rem;
    align-items: baseline;
    text-align: start;
    border: 0;
    background: transparent;
    color: var(--_fg);
    padding: 0.375rem 0.25rem;
  }
  .entry .title {
    flex: 1;
    font-weight: 600;
  }
  .entry .kind {
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
  }
  .content {
    padding: 0 0.25rem 0.5rem;
  }
`;
