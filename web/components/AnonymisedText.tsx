import type { Mark } from '../../shared/reviewed-text';

/**
 * Shows text exactly as it will be stored, never as HTML: what the anonymiser replaced and what the reporter
 * removed are marked, each in its own way.
 */
export function AnonymisedText({ text, marks, id }: { text: string; marks: Mark[]; id?: string }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark class={m.kind} key={m.start}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    // The person's own words may run in another direction than the page (Arabic text on a German page).
    <div class="stored-text" id={id} dir="auto">
      {parts}
    </div>
  );
}
