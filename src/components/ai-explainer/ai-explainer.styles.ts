import { css } from 'lit';

export const explainerStyles = css`
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
  }
  .summary {
    margin: 0 0 0.25rem;
  }
  .toggle,
  button.link {
    border: 0;
    padding: 0.125em 0;
    min-height: 1.5em;
    text-decoration: underline;
    background: transparent;
  }
  .details h3 {
    border-top: 1px solid var(--_border);
    padding-top: 0.5em;
  }
  .badge {
    display: inline-block;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0 0.5em;
    color: var(--_muted);
  }
  .scale {
    max-width: 100%;
    height: auto;
  }
  .scale .track {
    fill: none;
    stroke: var(--_border);
    stroke-width: 1.5;
  }
  .scale .threshold {
    stroke: var(--_fg);
    stroke-width: 2;
    stroke-dasharray: 3 2;
  }
  .scale .marker {
    fill: var(--_accent);
    stroke: var(--_fg);
  }
  .scale .tick {
    font-size: 10px;
    fill: var(--_fg);
  }
  .icon-array {
    margin: 0.5em 0;
  }
  .icon-array svg {
    max-width: 100%;
    height: auto;
  }
  /* Right to left, the array fills from the reading start (the icons are symmetric; no text is mirrored). The
     threshold scale and Model Facts charts keep numbers running left to right, as number lines do. */
  :host(:dir(rtl)) .icon-array svg {
    transform: scaleX(-1);
  }
  .icon-array .icon {
    stroke: var(--_fg);
    stroke-width: 1;
  }
  .icon-array .icon.with,
  .legend .key.with {
    fill: var(--_accent);
    background: var(--_accent);
  }
  .icon-array .icon.without,
  .legend .key.without {
    fill: transparent;
  }
  .legend .key {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    border: 1px solid var(--_fg);
    vertical-align: middle;
  }
  figcaption {
    font-weight: 600;
  }
  .population.inside strong {
    color: var(--_ok);
  }
  .population.outside strong,
  .population.cannot-tell strong {
    color: var(--_warning);
  }
  .population ul {
    list-style: none;
    padding: 0;
  }
  .feedback {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.75rem;
    border-top: 1px solid var(--_border);
    padding-top: 0.5rem;
  }
  fieldset {
    flex-basis: 100%;
  }
  .error {
    color: var(--_fg);
  }
  @media (forced-colors: active) {
    .icon-array .icon.with,
    .scale .marker {
      fill: CanvasText;
    }
    .legend .key.with {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
