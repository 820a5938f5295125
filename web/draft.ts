import type { ReportFormValues } from '../shared/report-form';
import type { StagedEvidence } from '../shared/evidence';
import type { Removed } from '../shared/reviewed-text';

/**
 * The report a person is writing, kept in this tab only (sessionStorage): it survives a reload, Back and
 * Forward and a language switch, and is gone when the tab closes, when the report is sent and on quick exit.
 * Never localStorage or a cookie, never the server before sending.
 */
export interface Draft {
  values: ReportFormValues;
  /** The one-time token of this report's send button: the same through every reload, so it is sent once. */
  sendToken: string;
  /** Words the person removed on the review screen, for the words they were chosen on (see `wordsKey`). */
  removed?: { key: string; removed: Removed };
  /**
   * The report's files, cleaned and staged on the server: the token that names and unlocks them, and a small
   * picture of each. The files themselves never stay in the browser.
   */
  evidence?: { token: string; files: StagedEvidence[] };
  /** When it was last changed (this device's clock; never sent anywhere). */
  savedAt: number;
}

const KEY = 'meldestelle.draft';
/** A restored tab (a browser can bring closed tabs back) does not bring back a draft older than this. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Storage can be switched off or full (private modes of some browsers): the form then works without it. */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(): Draft | null {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    if (!draft?.values || typeof draft.sendToken !== 'string' || Date.now() - draft.savedAt > MAX_AGE_MS) {
      clearDraft();
      return null;
    }
    return draft;
  } catch {
    return null;
  }
}

/** Whether the draft is now safe in the tab: only then may a page give up the post it came by. */
export function saveDraft(draft: Omit<Draft, 'savedAt'>): boolean {
  try {
    const tab = storage();
    tab?.setItem(KEY, JSON.stringify({ ...draft, savedAt: Date.now() }));
    return tab !== null;
  } catch {
    // Full or refused: the page still holds the draft; only a reload would lose it.
    return false;
  }
}

/** Whether this tab can keep a draft at all (storage can be switched off). */
export function canKeepDraft(): boolean {
  try {
    const tab = storage();
    if (!tab) return false;
    tab.setItem(`${KEY}.probe`, '1');
    tab.removeItem(`${KEY}.probe`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once a report is sent, the tab keeps nothing of it: the draft, and whatever else the portal kept in this tab
 * for it (the conversation with the assistant).
 */
export function forgetSentReport(): void {
  try {
    storage()?.clear();
  } catch {
    // Nothing stored, nothing to clear.
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** A new one-time token for a report started afresh in this tab (the server makes the first one). */
export function newSendToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
