import { css } from 'lit';

/**
 * The tip over the shared token layer (tokens.styles.ts): its own public tokens (`--ehr-tip-*`, `--ehr-beacon-*`)
 * are read here, each falling back to the shared one.
 */
export const tipStyles = css`
  :host {
    --_tip-bg: var(--ehr-tip-background, var(--_bg));
    --_tip-fg: var(--ehr-tip-color, var(--_fg));
    --_tip-border: var(--ehr-tip-border-color, var(--_border));
    --_tip-radius: var(--ehr-tip-radius, var(--_radius));
    --_beacon: var(--ehr-beacon-color, var(--_accent));
    --_beacon-size: var(--ehr-beacon-size, 14px);
    display: contents;
  }
  .arrow {
    background: var(--_tip-bg);
    border-color: var(--_tip-border);
  }

  :host([variant='callout']) {
    display: block;
  }
  /* A closed callout takes no room (nor a grid or flex gap) in the host's layout. */
  :host([variant='callout']:not([open])) {
    display: none;
  }

  /* Popovers: reset the UA's centred-dialog defaults; floating-ui sets left/top. */
  [popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    overflow: visible;
  }

  .offscreen {
    visibility: hidden;
    pointer-events: none;
  }

  .beacon {
    box-sizing: border-box;
    inline-size: 24px;
    block-size: 24px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    cursor: pointer;
    display: inline-grid;
    place-items: center;
    vertical-align: middle;
  }
  .beacon-dot {
    position: relative;
    inline-size: var(--_beacon-size);
    block-size: var(--_beacon-size);
    border-radius: 50%;
    background: var(--_beacon);
    box-shadow: 0 0 0 2px var(--_on-accent);
  }
  .beacon-dot::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    border: 2px solid var(--_beacon);
    animation: ehr-pulse 1.8s ease-out infinite;
  }
  @keyframes ehr-pulse {
    from {
      transform: scale(1);
      opacity: 0.9;
    }
    to {
      transform: scale(2.4);
      opacity: 0;
    }
  }

  .panel {
    box-sizing: border-box;
    /* Width independent of left/top: otherwise moving a fixed popup near the edge resizes it, which feeds
       floating-ui's ResizeObserver back into itself ("ResizeObserver loop completed…"). */
    inline-size: max-content;
    max-inline-size: min(var(--ehr-tip-max-width, 22rem), calc(100vw - 16px));
    background: var(--_tip-bg);
    color: var(--_tip-fg);
    border: 1px solid var(--_tip-border);
    border-radius: var(--_tip-radius);
    box-shadow: var(--ehr-tip-shadow, var(--_shadow));
    padding: var(--ehr-tip-padding, 0.75rem 0.875rem);
    font-size: var(--ehr-tip-font-size, var(--_font-size));
    animation: ehr-fade-in 120ms ease-out;
  }
  .panel.callout {
    inline-size: auto;
    max-inline-size: none;
    box-shadow: none;
    border-inline-start: 4px solid var(--_accent);
    animation: none;
  }
  .panel.tooltip {
    padding: 0.4rem 0.6rem;
  }
  @keyframes ehr-fade-in {
    from {
      opacity: 0;
    }
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin-block-end: 0.25rem;
  }
  .heading {
    flex: 1;
    font-weight: 600;
    font-size: 1.05em;
  }
  .close {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    margin: -4px -6px 0 0;
    padding: 0;
    border: 0;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.1rem;
    line-height: 1;
    cursor: pointer;
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body.plain {
    white-space: pre-wrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-block-start: 0.625rem;
  }
  .actions button {
    font: inherit;
    min-block-size: 24px;
    padding: 0.2rem 0.7rem;
    border-radius: 4px;
    cursor: pointer;
    border: 1px solid var(--_accent);
  }
  .actions .primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .actions .secondary {
    background: transparent;
    color: var(--_accent);
  }
  .beacon:focus-visible,
  .panel:focus-visible,
  .close:focus-visible,
  .actions button:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .beacon-dot {
      background: Highlight;
      box-shadow: 0 0 0 2px Canvas;
      forced-color-adjust: none;
    }
    .beacon-dot::after {
      border-color: Highlight;
    }
    .panel,
    .arrow {
      border: 1px solid CanvasText;
    }
    .actions button {
      border: 1px solid ButtonText;
    }
  }
`;
