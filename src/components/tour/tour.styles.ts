import { css } from 'lit';

export const tourStyles = css`
  :host {
    display: contents;
  }
  [popover] {
    position: fixed;
    inset: auto;
    margin: 0;
  }
  .panel {
    box-sizing: border-box;
    max-width: var(--ehr-tour-max-width, 22rem);
    padding: 0.75rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
    overflow: visible;
  }
  .header {
    display: flex;
    gap: 0.5rem;
    align-items: start;
    justify-content: space-between;
  }
  .header :is(h2, h3, h4, h5, h6) {
    margin: 0;
  }
  .close {
    border: 0;
    background: transparent;
    font-size: 1.25em;
    line-height: 1;
    padding: 0 0.25em;
    min-height: 1.5em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    margin-top: 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  .hint,
  .fix,
  .waiting {
    margin: 0.5rem 0 0;
  }
  .fix {
    color: var(--_critical);
    font-weight: 600;
  }
  .hint {
    color: var(--_info);
  }
  .secondary {
    background: transparent;
  }
  /* The spotlight: a layer over the page that takes no pointer events, dimmed except a cut-out (.hole). */
  .spotlight {
    position: fixed;
    inset: 0;
    width: auto;
    height: auto;
    max-width: none;
    max-height: none;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: hidden;
    pointer-events: none;
  }
  .spotlight::backdrop {
    display: none;
  }
  .hole {
    position: absolute;
    left: var(--x, 0);
    top: var(--y, 0);
    width: var(--w, 0);
    height: var(--h, 0);
    border-radius: var(--_radius);
    box-shadow: 0 0 0 200vmax rgb(0 0 0 / 45%);
    outline: 2px solid var(--_accent);
    pointer-events: none;
    transition: left 160ms ease, top 160ms ease, width 160ms ease, height 160ms ease;
  }
  /* A paused tour (its next step is on another screen) and an offered tour: a quiet card in a corner. */
  .corner {
    inset: auto 1rem 1rem auto;
    max-width: var(--ehr-tour-max-width, 22rem);
  }
  :host(:dir(rtl)) .corner {
    inset: auto auto 1rem 1rem;
  }
  .corner p {
    margin: 0.25rem 0 0.5rem;
  }
  @media (forced-colors: active) {
    .panel {
      border-color: CanvasText;
    }
    /* No dimming in forced colours (shadows are dropped): a system-colour frame marks the control instead. */
    .hole {
      box-shadow: none;
      outline: 3px solid Highlight;
      forced-color-adjust: none;
    }
  }
`;
