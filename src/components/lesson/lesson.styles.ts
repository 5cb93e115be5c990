import { css } from 'lit';

export const lessonStyles = css`
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
  }
  fieldset {
    margin: 0.5rem 0;
  }
  fieldset.right {
    border-color: var(--_ok);
    border-width: 2px;
  }
  fieldset.wrong {
    border-color: var(--_critical);
    border-width: 2px;
    border-style: dashed;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .option {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.125rem 0;
  }
  .answer {
    font-weight: 600;
    color: var(--_ok);
  }
  .incomplete {
    color: var(--_critical);
  }
  .result {
    font-weight: 600;
  }
  .result:focus-visible {
    outline: var(--_focus);
  }
  @media (forced-colors: active) {
    fieldset.right,
    fieldset.wrong {
      border-color: CanvasText;
    }
  }
`;
