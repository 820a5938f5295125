/**
 * Rule-based checks on what a reporter writes, in every language of the portal. They run before any model
 * is asked, so that emergency numbers appear at once even when no model answers; the extraction step adds
 * the model's own reading (`danger`) on top. Tuned to err towards showing help: a needless emergency box
 * costs a glance, a missed one may cost far more.
 */

export type Danger = 'acute_danger' | 'self_harm';

/** Someone is being attacked, threatened or followed now, or says they are in danger. */
const ACUTE_DANGER: RegExp[] = [
  // English
  /\b(right now|at the moment|currently|as we speak)\b.{0,80}\b(attack|hit|beat|punch|kick|follow|chas|threat|stab|kill|hurt)/,
  /\b(is|are|keeps?) (hitting|beating|attacking|following|chasing|threatening|kicking) (me|us)\b/,
  /\b(outside|in front of|at) my (door|house|home|flat|apartment|window)\b/,
  /\bi('m| am) (in danger|not safe|scared for my life)\b/,
  /\b(going to|gonna|will|wants? to) kill (me|us)\b/,
  /\bhelp( me)?( now| quickly| please)?\s*!|\bplease help me,? (now|quick)/,
  /\bcall (the )?police\b/,
  // German
  /\b(gerade|jetzt|grade|im moment|in diesem moment)\b.{0,80}(schläg|schlag|angegriffen|angreif|greift|verfolg|bedroh|prügel|tritt|treten|umbring|messer)/,
  /\b(schlägt|verfolgt|bedroht|tritt|attackiert) (mich|uns) (gerade|jetzt|grade)\b/,
  /\bich bin in gefahr\b|\bwir sind in gefahr\b/,
  /\bvor meiner (tür|wohnung)\b|\bvor meinem haus\b/,
  /\b(will|wollen|werden|wird) (mich|uns) umbringen\b/,
  /\bhilfe\s*!|\bhelfen sie mir,? (bitte|schnell|sofort)|\bruf(t|en sie)? die polizei\b/,
  // Turkish
  /(şu an|şimdi|şu anda).{0,80}(saldır|dövüyor|vuruyor|takip ediyor|peşimde|tehdit|öldürecek|bıçak)/,
  /tehlikedeyim|beni öldürecek|yardım edin|imdat/,
  // Arabic
  /(الآن|الان|حاليا|حالياً|في هذه اللحظة).{0,80}(يضرب|يضربني|يهاجم|يلاحق|يتبعني|يطاردني|يهدد|سكين)/,
  /أنا في خطر|انا في خطر|سيقتلني|يريد قتلي|ساعدوني|النجدة|أنقذوني/,
  // Russian
  /(сейчас|прямо сейчас|в данный момент).{0,80}(бьют|бьёт|бьет|напал|нападают|преследу|угрожа|убьют|нож)/,
  /я в опасности|помогите|убьют меня|убьёт меня|убьет меня/,
  // Ukrainian
  /(зараз|прямо зараз|в цей момент).{0,80}(б'ють|б’ють|б'є|б’є|напав|нападають|переслід|погрожу|вб'ють|ніж)/,
  /я в небезпеці|допоможіть|вб'ють мене|вб’ють мене|вб'є мене/,
  // Persian
  /(الان|همین الان|اکنون|همین حالا).{0,80}(می‌زند|میزنه|میزند|حمله|تعقیب|دنبالم|تهدید|چاقو)/,
  /در خطر هستم|در خطرم|منو میکشه|مرا می‌کشد|مرا میکشد|کمکم کنید|کمک کنید/,
  // Polish
  /(teraz|właśnie|w tej chwili).{0,80}(bije|biją|atakuj|śledzi|goni|grozi|zabij|nóż)/,
  /jestem w niebezpieczeństwie|zabije mnie|zabiją mnie|pomocy\s*!|ratunku/,
  // French
  /(maintenant|en ce moment|là,? tout de suite).{0,80}(frappe|attaque|suit|poursuit|menace|tuer|couteau)/,
  /je suis en danger|va me tuer|vont me tuer|au secours|aidez-moi,? (vite|maintenant)/,
];

/** Thoughts of self-harm or suicide. */
const SELF_HARM: RegExp[] = [
  /\b(kill|hurt|harm|cut) myself\b|\bend (my|it all|my own) life\b|\bsuicid|\b(don't|do not|no longer) want to (live|be alive)\b|\bwant to die\b|\bno reason to live\b/,
  /\bich (will|möchte|werde) mich (umbringen|töten)\b|\bmich selbst (umbringen|töten|verletzen)\b|\bmich ritzen\b|\bmir (das leben nehmen|etwas antun|was antun)\b|\bsuizid|\bselbstmord|\b(will|möchte) (ich )?(nicht mehr leben|sterben)\b/,
  /kendimi öldür|intihar|yaşamak istemiyorum|ölmek istiyorum|canıma kıy/,
  /انتحار|أقتل نفسي|اقتل نفسي|لا أريد أن أعيش|لا اريد ان اعيش|أريد أن أموت|اريد ان اموت|أؤذي نفسي/,
  /покончить с собой|самоубий|не хочу жить|хочу умереть|убить себя|покончу с собой/,
  /покінчити з собою|самогубств|не хочу жити|хочу померти|вбити себе/,
  /خودکشی|خودمو بکشم|خودم را بکشم|نمی‌خواهم زنده|نمیخوام زنده|میخوام بمیرم|می‌خواهم بمیرم/,
  /zabić się|samobój|nie chcę żyć|chcę umrzeć/,
  /me suicider|\bsuicide|me tuer\b|je ne veux plus vivre|envie de mourir|veux mourir/,
];

/** Attempts to make the assistant leave its role, reveal its instructions or write something unrelated. */
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

/** The most serious danger in a text, if any: self-harm first, as it needs a different kind of help. */
export function detectDanger(text: string): Danger | null {
  const t = normalise(text);
  if (SELF_HARM.some((p) => p.test(t))) return 'self_harm';
  if (ACUTE_DANGER.some((p) => p.test(t))) return 'acute_danger';
  return null;
}

export function looksLikeInjection(text: string): boolean {
  const t = normalise(text);
  return INJECTION.some((p) => p.test(t));
}
