import type { Candidate, ScanInput } from '../types';
import { allMatches, matchesNear, sticky } from '../scan';

/**
 * Links and social-media handles. A link can point at a person's profile, so every link goes;
 * bare domains need a known top-level domain, because "z.B." or "da.es" in a text written without
 * spaces must not become links.
 */
const SCHEME_URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/giu;
const BARE_TLDS =
  'com|net|org|de|eu|info|io|co|uk|il|ru|tr|ua|pl|fr|nl|ch|at|app|site|online|shop|biz|tv|me|ly|gg|gl|be|dk|se|no|ir|sy|ma|tn|dz|eg|iq|lb|jo|sa|ae|by|kz|ro|bg|gr|it|pt|us|ca|au|nrw|berlin|koeln|ruhr';
const BARE_DOMAIN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${BARE_TLDS})(?![\\p{L}\\p{N}-])(?:/[^\\s<>"'\`]*)?`,
  'giu',
);
/** Handles: @name, not the local part of an e-mail (no word character before the @). */
const HANDLE_RE = /(?<![\p{L}\p{N}_.@/])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])?/gu;
/** "auf Insta: ahmed_92", "TikTok-Name xy.z": a platform word, then a token that looks like a handle. */
const PLATFORMS =
  'instagram|insta|tiktok|tik tok|facebook|twitter|telegram|snapchat|snap|youtube|discord|twitch|vk|вконтакте|инстаграм|телеграм|تلگرام|اینستاگرام|انستغرام|تيك توك';
const PLATFORM_SUFFIX = '(?:[- ]?(?:name|account|konto|profil|kanal|channel|hesabı|hesabi|аккаунт|акаунт))?';
/** After an explicit marker (":", "als", "named") any token is the handle. */
const PLATFORM_MARKED_RE = new RegExp(
  `(?<![\\p{L}])(?:${PLATFORMS})${PLATFORM_SUFFIX}\\s*(?::|\\bals\\b|\\bunter\\b|\\bcalled\\b|\\bnamed\\b|adlı(?=\\s)|\\bnamens\\b|под ником|під ніком)\\s*["„“]?([\\p{L}\\p{N}_.]{3,30})`,
  'giu',
);
/** Without a marker only a token with "_", "." or a digit, which no ordinary word has. */
const PLATFORM_BARE_RE = new RegExp(
  `(?<![\\p{L}])(?:${PLATFORMS})${PLATFORM_SUFFIX}\\s+["„“]?([\\p{L}\\p{N}]*[_.\\d][\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_])`,
  'giu',
);

/**
 * "ihr Account ist sabi.wuerselen", "Reviewer username eschweiler_klartext", "من حساب jannik_wuerselen",
 * "کاربر patriot_wuerselen": after a word for an account, a token with "_", "." or a digit inside.
 */
const ACCOUNT_WORDS =
  'account|accounts|konto|profil|profile|username|user name|user|benutzername|benutzer|nutzer|nick|nickname|kanal|channel|ник|никнейм|аккаунт|акаунт|профиль|профіль|حساب|الحساب|حسابه|کاربر|حساب کاربری|صفحه|compte|pseudo|kullanıcı adı|kullanıcı|hesap|hesabı|hesabından|użytkownik|użytkownika|konta';
const ACCOUNT_HANDLE_RE = new RegExp(
  `(?<![\\p{L}])(?:${ACCOUNT_WORDS})(?:\\s+(?:${PLATFORMS}))?(?:\\s*(?::|ist|is|heißt|est|called|named|adlı|=)?)\\s+["„“]?([\\p{L}\\p{N}]+[_.][\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_]|[\\p{L}]+\\d+[\\p{L}\\p{N}_]*)`,
  'giu',
);
/** A word joined by an underscore ("aachen_weiss") is a user name wherever it stands. */
const UNDERSCORE_RE =
  /(?<![\p{L}\p{N}_.@/-])[A-Za-z0-9]+(?:_[A-Za-z0-9]*)+(?:\.[A-Za-z0-9_]+)*(?![\p{L}\p{N}_@-]|\.[A-Za-z0-9])/gu;

/** Strip sentence punctuation that follows a link but is not part of it. */
function trimUrl(raw: string): string {
  let s = raw;
  while (/[.,;:!?)\]}»"'“”]$/.test(s)) {
    if (s.endsWith(')') && (s.match(/\(/g)?.length ?? 0) >= (s.match(/\)/g)?.length ?? 0)) break;
    s = s.slice(0, -1);
  }
  return s;
}

/** Pre-checks, each implied by a match of the full pattern, so a text without them skips the scan. */
const HAS_SCHEME_URL_RE = /:\/\/|www\./iu;
const HAS_BARE_DOMAIN_RE = new RegExp(`[a-z0-9]\\.(?:${BARE_TLDS})`, 'iu');
const HAS_PLATFORM_RE = new RegExp(PLATFORMS, 'iu');

// Anchored scans (see matchesNear): where each pattern can start relative to a part every match holds.
/** "://" is at most five characters ("https") after the start; "www." is the start. */
const SCHEME_ANCHOR_RE = /:\/\/|www\./giu;
const SCHEME_URL_AT = sticky(SCHEME_URL_RE);
const schemeStart = (_text: string, q: number): number => q - 5;
/** A bare domain ends in label character, dot, top-level domain, and is made of [a-z0-9.-] before. */
const BARE_ANCHOR_RE = new RegExp(HAS_BARE_DOMAIN_RE.source, 'giu');
const BARE_DOMAIN_AT = sticky(BARE_DOMAIN_RE);
function mayBeInDomain(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ASCII letters and digits, '.', '-', and the two characters that case-fold into a-z (ſ, Kelvin sign).
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 46 ||
    c === 45 ||
    c === 0x17f ||
    c === 0x212a
  );
}
function domainStart(text: string, q: number, floor: number): number {
  let s = q;
  while (s > floor && mayBeInDomain(text, s - 1)) s--;
  return s;
}
/** Handles start with their "@"; platform matches start with the platform word. */
const AT_SIGN_RE = /@/g;
const HANDLE_AT = sticky(HANDLE_RE);
const PLATFORM_ANCHOR_RE = new RegExp(PLATFORMS, 'giu');
const PLATFORM_MARKED_AT = sticky(PLATFORM_MARKED_RE);
const PLATFORM_BARE_AT = sticky(PLATFORM_BARE_RE);
const startsAtAnchor = (_text: string, q: number): number => q;

export function recognizeUrl({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (HAS_SCHEME_URL_RE.test(text)) collectSchemeUrls(text, out);
  if (HAS_BARE_DOMAIN_RE.test(text)) collectBareDomains(text, out);
  return out;
}

function collectSchemeUrls(text: string, out: Candidate[]): void {
  for (const m of matchesNear(SCHEME_URL_AT, text, SCHEME_ANCHOR_RE, schemeStart)) {
    const s = trimUrl(m[0]);
    if (/^www\.[^.]+$/i.test(s)) continue;
    if (/^[a-z]+:\/\/[^./]+\/?$/i.test(s)) continue;
    out.push({ type: 'url', start: m.index, end: m.index + s.length, score: 0.9 });
  }
}

function collectBareDomains(text: string, out: Candidate[]): void {
  for (const m of matchesNear(BARE_DOMAIN_AT, text, BARE_ANCHOR_RE, domainStart)) {
    const s = trimUrl(m[0]);
    out.push({ type: 'url', start: m.index, end: m.index + s.length, score: 0.75 });
  }
}

export function recognizeHandle({ text }: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  if (text.includes('@')) {
    for (const m of matchesNear(HANDLE_AT, text, AT_SIGN_RE, startsAtAnchor)) {
      out.push({ type: 'handle', start: m.index, end: m.index + m[0].length, score: 0.85 });
    }
  }
  if (text.includes('_')) {
    for (const m of allMatches(UNDERSCORE_RE, text)) {
      if (!/[A-Za-z]{2}/.test(m[0])) continue;
      out.push({ type: 'handle', start: m.index, end: m.index + m[0].length, score: 0.55 });
    }
  }
  for (const m of allMatches(ACCOUNT_HANDLE_RE, text)) {
    const handle = m[1]!.replace(/\.+$/, '');
    const start = m.index + m[0].lastIndexOf(m[1]!);
    out.push({ type: 'handle', start, end: start + handle.length, score: 0.6 });
  }
  if (!HAS_PLATFORM_RE.test(text)) return out;
  for (const re of [PLATFORM_MARKED_AT, PLATFORM_BARE_AT]) {
    for (const m of matchesNear(re, text, PLATFORM_ANCHOR_RE, startsAtAnchor)) {
      const handle = m[1]!.replace(/\.+$/, '');
      if (handle.length < 3 || /^\d+$/.test(handle)) continue;
      const start = m.index + m[0].lastIndexOf(m[1]!);
      out.push({ type: 'handle', start, end: start + handle.length, score: 0.6 });
    }
  }
  return out;
}
