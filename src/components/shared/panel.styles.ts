import { css } from 'lit';

/**
 * The look shared by the inline AI elements (explainer, Model Facts, CDS cards): public `--ehr-*` tokens read into
 * private ones, system colours last so forced-colours mode keeps working.
 */
export const panelStyles = css`
  :host {
    --_bg: var(--ehr-color-surface, Canvas);
    --_fg: var(--ehr-color-text, CanvasText);
    --_muted: var(--ehr-color-text-muted, #4a5568);
    --_border: var(--ehr-color-border, #8a94a6);
    --_accent: var(--ehr-color-accent, #0b5cad);
    --_on-accent: var(--ehr-color-on-accent, #ffffff);
    --_info: var(--ehr-color-info, #0b5cad);
    --_warning: var(--ehr-color-warning, #8a5a00);
    --_critical: var(--ehr-color-critical, #b3261e);
    --_ok: var(--ehr-color-success, #1e6b34);
    --_radius: var(--ehr-radius, 6px);
    --_font: var(--ehr-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ehr-font-size, 0.875rem);
    --_focus: var(--ehr-focus-ring, 2px solid var(--_accent));
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_fg);
  }
  [hidden] {
    display: none !important;
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
`;
