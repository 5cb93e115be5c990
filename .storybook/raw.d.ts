// Vite's `?raw` imports (the themes' CSS as text, in preview.ts).
declare module '*?raw' {
  const text: string;
  export default text;
}
