import { css } from 'lit';

/**
 * The arrow of a floating panel (tips, tour steps): a rotated square whose two outer edges show, on the side
 * floating-ui placed the panel (`data-placement`).
 */
export const arrowStyles = css`
  .arrow {
    position: absolute;
    inline-size: 10px;
    block-size: 10px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    transform: rotate(45deg);
  }
  .panel[data-placement^='bottom'] .arrow {
    border-right: 0;
    border-bottom: 0;
  }
  .panel[data-placement^='top'] .arrow {
    border-left: 0;
    border-top: 0;
  }
  .panel[data-placement^='left'] .arrow {
    border-left: 0;
    border-bottom: 0;
  }
  .panel[data-placement^='right'] .arrow {
    border-right: 0;
    border-top: 0;
  }
`;
