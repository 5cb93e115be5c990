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
  @media (forced-colors: active) {
    .panel {
      border-color: CanvasText;
    }
  }
`;
