/** Reading server-rendered pages as a browser would, for tests that post forms without one. */

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decode(match[1]!) : undefined;
}

/** The hidden fields of the form with this id, in order, as the browser would post them. */
export function hiddenFields(html: string, formId: string): [string, string][] {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form #${formId} in the page`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => attribute(tag, 'type') === 'hidden')
    .map((tag) => [attribute(tag, 'name') ?? '', attribute(tag, 'value') ?? '']);
}

/** The text inside the element with this id, tags removed, as a person reads it. */
export function textOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no #${id} in the page`);
  const open = html.indexOf('>', start) + 1;
  const tag = html
    .slice(html.lastIndexOf('<', start) + 1, start)
    .trim()
    .split(/\s/)[0]!;
  const close = html.indexOf(`</${tag}>`, open);
  return decode(html.slice(open, close).replace(/<[^>]+>/g, ''));
}
