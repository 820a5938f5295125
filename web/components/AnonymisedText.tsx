/** A span of the stored text that replaced personal data: highlighted so the reporter sees what changed. */
export interface Highlight {
  start: number;
  end: number;
}

/** Shows text exactly as it will be stored, with the replaced parts marked; never as HTML. */
export function AnonymisedText({ text, highlights, id }: { text: string; highlights: Highlight[]; id?: string }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark class="replaced" key={h.start}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <div class="stored-text" id={id}>
      {parts}
    </div>
  );
}
