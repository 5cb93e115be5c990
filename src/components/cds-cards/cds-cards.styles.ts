import { css } from 'lit';

export const cdsCardsStyles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .card {
    --_indicator: var(--_info);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_indicator);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
  }
  .card.warning {
    --_indicator: var(--_warning);
  }
  .card.critical {
    --_indicator: var(--_critical);
  }
  .indicator {
    font-weight: 700;
    color: var(--_indicator);
    margin: 0;
  }
  .indicator .icon {
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 0.8em;
  }
  .card h2,
  .card h3,
  .card h4,
  .card h5,
  .card h6 {
    margin: 0.25em 0;
  }
  .source img {
    vertical-align: middle;
  }
  .suggestions,
  .override {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.5rem 0 0;
  }
  fieldset {
    flex-basis: 100%;
  }
  .links {
    margin: 0.25rem 0;
  }
  /* WCAG 2.2 target size (2.5.8): each link at least 24 px high, so stacked links are never too close to tap. */
  .links a {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
  }
  .resolved {
    font-style: italic;
  }
  ehr-ai-explainer {
    margin: 0.5rem 0;
  }
  @media (forced-colors: active) {
    .card {
      border-inline-start-color: CanvasText;
    }
    .indicator {
      color: CanvasText;
    }
  }
  .status {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
`;
