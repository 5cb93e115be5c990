import { css } from 'lit';

export const aiBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: top;
    color: var(--_fg);
  }
  .badge {
    display: inline-flex;
    padding: 0.1em 0.55em;
    align-items: center;
    gap: 0.35em;
    font: inherit;
    font-size: 0.8125em;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  .badge .ai {
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .badge.unverified {
    border-style: dashed;
  }
  .badge:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .details {
    display: block;
    margin-block-start: 0.4em;
    max-inline-size: 36rem;
    padding: 0.6em 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    text-align: start;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 0.8em;
    margin: 0.3em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .warning {
    color: var(--_warning);
  }
  .feedback {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin-block-start: 0.5em;
  }
  @media (forced-colors: active) {
    .badge {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
  }
`;
