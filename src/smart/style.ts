/**
 * The EHR's look, from the SMART launch's `smart_style_url` (SMART App Launch, "Styling"): each field the style
 * document has, mapped onto ehr-guide's tokens; fields it leaves out keep the elements' own defaults. Only plain
 * CSS values pass (colours, lengths, font lists): nothing with `url(`, `expression(` or `;`, nothing over 100
 * characters.
 */
export const SMART_STYLE_TOKENS: Readonly<Record<string, string>> = {
  color_background: '--ehr-color-surface',
  color_text: '--ehr-color-text',
  color_highlight: '--ehr-color-accent',
  color_error: '--ehr-color-critical',
  color_success: '--ehr-color-success',
  dim_border_radius: '--ehr-radius',
  dim_font_size: '--ehr-font-size',
  font_family_body: '--ehr-font-family',
};

/** The tokens a style document sets (token → value), and the fields it had that were refused. */
export function smartStyleTokens(style: unknown): { tokens: Record<string, string>; refused: string[] } {
  const tokens: Record<string, string> = {};
  const refused: string[] = [];
  if (!style || typeof style !== 'object' || Array.isArray(style)) return { tokens, refused: ['(the style document is not a JSON object)'] };
  for (const [field, token] of Object.entries(SMART_STYLE_TOKENS)) {
    const value = (style as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value === 'string' && /^[#\w\s.,%()'"-]{1,100}$/.test(value) && !/(url|expression)\(/i.test(value)) tokens[token] = value.trim();
    else refused.push(field);
  }
  return { tokens, refused };
}
