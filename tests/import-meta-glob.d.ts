// Vite's `import.meta.glob`, which tests use to read source files as text. Only this piece of
// vite/client is declared: its asset module types would retype the Worker's font imports.
interface ImportMeta {
  glob<T = unknown>(
    patterns: string | string[],
    options?: { query?: string; import?: string; eager?: boolean },
  ): Record<string, T>;
}
