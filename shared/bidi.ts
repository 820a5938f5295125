/**
 * Directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) let a text reorder what
 * comes after it: "‮txt.exe" displays as "exe.txt", a reply can seem to say the opposite of what it says.
 * Nothing a person writes here needs them (Arabic and Persian flow right to left by themselves; the marks
 * U+200E/U+200F stay, they reorder nothing beyond their neighbours), so they are removed wherever text is
 * stored or shown.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The same through a page's props: every string in plain objects and arrays, everything else as it is. */
export function propsWithoutBidiControls<T>(value: T): T {
  if (typeof value === 'string') return withoutBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(propsWithoutBidiControls) as T;
  if (value && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, propsWithoutBidiControls(inner)])) as T;
  }
  return value;
}
