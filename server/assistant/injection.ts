/**
 * Attempts to make the assistant leave its role, reveal its instructions or write something unrelated. A
 * sign earns a reminder of the role in the system prompt; nothing is refused for it.
 */
const INJECTION: RegExp[] = [
  /\b(ignore|disregard|forget)\b.{0,30}\b(instructions|rules|prompt|guidelines|above|previous)\b/,
  /\bsystem ?prompt\b|\b(your|the) (instructions|initial prompt)\b|\bdeveloper mode\b|\bjailbreak\b|\bdan mode\b/,
  /\b(you are now|from now on you are|act as|pretend (to be|you are)|roleplay as)\b/,
  /\b(write|compose|generate)\b.{0,20}\b(poem|story|song|essay|code|script|recipe|joke)\b/,
  /\b(ignorier|vergiss)\w*\b.{0,30}\b(anweisungen|regeln|instruktionen|vorgaben|prompt)\b|\bsystem-?prompt\b|\bdu bist (jetzt|ab jetzt)\b|\bschreib\w* (mir )?(ein|eine|einen) (gedicht|geschichte|lied|code|witz)\b/,
  /talimat\w* (unut|yok say|görmezden gel)|sistem (istemi|promptu)|şiir yaz|hikaye yaz/,
  /تجاهل.{0,20}(التعليمات|الأوامر|التوجيهات)|موجه النظام|تعليماتك|اكتب (لي )?(قصيدة|قصة|أغنية)/,
  /игнорируй|забудь (все )?(инструкции|правила)|системный промпт|напиши (мне )?(стих|рассказ|песню)/,
  /ігноруй|забудь (всі )?(інструкції|правила)|системний промпт|напиши (мені )?(вірш|оповідання|пісню)/,
  /دستورالعمل.{0,20}(نادیده|فراموش)|نادیده بگیر|پرامپت سیستم|شعر بنویس|داستان بنویس/,
  /zignoruj|zapomnij (o )?(instrukcj|zasad)|prompt systemowy|napisz (mi )?(wiersz|opowiadanie|piosenkę)/,
  /ignore[rz]? (les |tes |toutes )?(instructions|règles|consignes)|prompt système|écris(-moi)? (un|une) (poème|histoire|chanson)/,
];

/** NFKC folds look-alike characters (full-width letters, ligatures) that could slip past the patterns. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

export function looksLikeInjection(text: string): boolean {
  const t = normalise(text);
  return INJECTION.some((p) => p.test(t));
}
