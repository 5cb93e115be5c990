import { css } from 'lit';

/**
 * The one token layer of every ehr-guide element (Material Web's discipline): each public `--ehr-*` custom
 * property is read once, here, into a private `--_*` one that the element's rules use. A theme (or the EHR's
 * `smart_style_url` mapped onto these names) sets only the public ones; system colours are the last fallback, so
 * elements work unthemed and in forced-colours mode. Element-specific public tokens (`--ehr-tip-background`, …)
 * are read where they apply, over these. `test/components/tokens.test.ts` fails on a private token used but not
 * defined, defined but not used, or a public token read but not documented. `--ehr-motion: reduce` on any
 * ancestor stops animations as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export const tokenStyles = css`
  :host {
    --_bg: var(--ehr-color-surface, Canvas);
    --_fg: var(--ehr-color-text, CanvasText);
    --_border: var(--ehr-color-border, #8a94a6);
    --_accent: var(--ehr-color-accent, #0b5cad);
    --_on-accent: var(--ehr-color-on-accent, #ffffff);
    --_radius: var(--ehr-radius, 6px);
    --_font: var(--ehr-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ehr-font-size, 0.875rem);
    --_focus: var(--ehr-focus-ring, 2px solid var(--_accent));
    --_shadow: var(--ehr-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  /* Again on the shadow tree's own top-level parts: a page rule such as "* { all: unset }" reaches the host
     element (outer rules beat :host) but never inside; the private tokens survive it ("all" spares custom properties). */
  [part~='panel'],
  [part~='base'],
  [part~='beacon'] {
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  [hidden] {
    display: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* The EHR's own "reduce animations" setting: --ehr-motion: reduce on any ancestor (a style query). */
  @container style(--ehr-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
