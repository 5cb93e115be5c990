import { css } from 'lit';
import { tokenStyles } from './tokens.styles.js';

/**
 * The look shared by the panel elements (explainer, Model Facts, CDS cards, lesson, help panel, tour step): the
 * token layer, the status colours (read the same way), headings, buttons, links and choice groups.
 */
export const panelStyles = [
  tokenStyles,
  css`
  :host {
    --_muted: var(--ehr-color-text-muted, #4a5568);
    --_info: var(--ehr-color-info, #0b5cad);
    --_warning: var(--ehr-color-warning, #8a5a00);
    --_critical: var(--ehr-color-critical, #b3261e);
    --_ok: var(--ehr-color-success, #1e6b34);
    display: block;
    color: var(--_fg);
  }
  h2,
  h3,
  h4 {
    font-size: 1em;
    margin: 0.75em 0 0.25em;
  }
  p {
    margin: 0.25em 0;
  }
  ul {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) - 2px);
    border: 1px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
    padding: 0.25em 0.75em;
    min-height: 2em;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  /* Choice groups (override reasons, suggestions, quiz questions) and the error a missing choice gets. */
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset label {
    display: block;
    padding: 0.125em 0;
  }
  .reason-error {
    color: var(--_critical);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
      border-color: ButtonText;
    }
  }
  @media print {
    button {
      display: none;
    }
  }
`,
];
