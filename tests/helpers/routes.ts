/**
 * A concrete path for a Hono route pattern: each `:name` or `:name{regex}` (the regex may hold braces of its
 * own, as `{[a-z]{2}}` does) replaced by `valueOf(name)`.
 */
export function concretePath(pattern: string, valueOf: (name: string) => string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== ':') {
      out += pattern[i];
      continue;
    }
    const name = /^:(\w+)/.exec(pattern.slice(i))![1]!;
    i += name.length;
    if (pattern[i + 1] === '{') {
      let depth = 0;
      do {
        i++;
        if (pattern[i] === '{') depth++;
        else if (pattern[i] === '}') depth--;
      } while (depth > 0 && i < pattern.length);
    }
    out += valueOf(name);
  }
  return out.replace(/(.)\/$/, '$1');
}

/** The app's routes with a method (middleware is registered as ALL), each pattern once. */
export function routesOf(app: { routes: { method: string; path: string }[] }): { method: string; path: string }[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      return !seen.has(key) && seen.add(key);
    });
}
