/**
 * All matches of a global regular expression, like `text.matchAll(re)` but without the copy of the
 * expression that `matchAll` makes on every call, which costs more than the whole scan of a short
 * report. The expression's `lastIndex` is reset before and after; callers must not share it while
 * iterating, which holds because everything here is synchronous.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global regular expression');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would loop forever; step over one code point, as matchAll does.
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
