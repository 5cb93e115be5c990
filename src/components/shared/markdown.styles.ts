import { css } from 'lit';

/** Styles for rendered markdown bodies, shared by every element that shows guidance text. */
export const markdownStyles = css`
  .md p,
  .md ul,
  .md ol,
  .md blockquote,
  .md pre {
    margin: 0 0 0.5em;
  }
  .md > :last-child {
    margin-bottom: 0;
  }
  .md ul,
  .md ol {
    padding-inline-start: 1.25em;
  }
  .md .md-h {
    font-weight: 600;
    margin: 0.25em 0 0.25em;
  }
  .md code {
    font-family: var(--ehr-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9em;
    background: var(--ehr-code-background, color-mix(in srgb, currentColor 8%, transparent));
    border-radius: 3px;
    padding: 0 0.2em;
  }
  .md pre {
    overflow: auto;
    max-width: 100%;
  }
  .md blockquote {
    border-inline-start: 3px solid var(--ehr-color-border, #c3c8d0);
    padding-inline-start: 0.75em;
    margin-inline: 0;
  }
  .md a {
    color: var(--ehr-link-color, var(--ehr-color-accent, LinkText));
    text-decoration: underline;
  }
  .md img {
    max-width: 100%;
    height: auto;
  }
  .md .md-table {
    overflow: auto;
    max-width: 100%;
  }
  .md table {
    border-collapse: collapse;
    font-size: 0.95em;
  }
  .md th,
  .md td {
    border: 1px solid var(--ehr-color-border, #c3c8d0);
    padding: 0.15em 0.4em;
  }
  .md .align-center {
    text-align: center;
  }
  .md .align-right {
    text-align: right;
  }
  .md .task {
    list-style: none;
  }
`;
