/**
 * What a person did in a server-rendered page before its script arrived: read before hydrating, so that the
 * hydrated page starts from it instead of drawing its first state over it.
 */
export function checkedInPage(id: string): boolean {
  return (document.getElementById(id) as HTMLInputElement | null)?.checked ?? false;
}

/** The text of a field the person changed from what the server drew; undefined when unchanged or absent. */
export function changedInPage(id: string): string | undefined {
  const field = document.getElementById(id) as HTMLTextAreaElement | HTMLInputElement | null;
  return field && field.value !== field.defaultValue ? field.value : undefined;
}
