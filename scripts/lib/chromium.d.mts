export const CHROMIUM_ARGS: string[];
export function findChromium(): string | undefined;
export function ensureChromium(options?: { log?: (message: string) => void }): string;
