/**
 * Quick exit, as safety sites do it (GOV.UK's "Exit this page" is the model): the page disappears at once,
 * what this tab kept (the draft, the conversation) is cleared, the page's content is taken out of the
 * document, and a neutral site replaces this entry in the history. Shift pressed three times does the same
 * for people who cannot reach the button in time. What the browser's history already holds (the addresses
 * of pages visited before) no page can erase: the landing page says so and how to browse privately.
 */

/** Left in this tab's storage on the way out, so that Back into the portal leaves again at once. */
const EXITED = 'meldestelle.exited';
const SHIFT_PRESSES = 3;
/** GOV.UK's window for the three presses. */
const SHIFT_WINDOW_MS = 5000;

function exitLink(): HTMLAnchorElement | null {
  return document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
}

export function leave(url: string): void {
  document.body.hidden = true;
  document.title = '';
  try {
    window.sessionStorage.clear();
    window.sessionStorage.setItem(EXITED, '1');
  } catch {
    // Storage switched off: there is nothing in it to clear either.
  }
  // Nothing for a back-forward cache to show again: no text, no form values, no receipt code.
  document.getElementById('app')?.replaceChildren();
  window.location.replace(url);
}

/**
 * Back (or Forward) into the portal after a quick exit leaves again before anything can be read. Coming back
 * on purpose, by a link or the address bar, is a new visit and shows the portal as usual.
 */
export function guardAfterQuickExit(): void {
  const bounce = () => {
    let exited = false;
    try {
      exited = window.sessionStorage.getItem(EXITED) === '1';
    } catch {
      return;
    }
    if (!exited) return;
    const link = exitLink();
    if (link) leave(link.href);
  };
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'back_forward') bounce();
  else {
    try {
      window.sessionStorage.removeItem(EXITED);
    } catch {
      // Nothing to forget.
    }
  }
  // A page restored whole from the back-forward cache runs no script again, only this event.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) bounce();
  });
}

export function installQuickExit(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-quick-exit]') as HTMLAnchorElement | null;
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });

  // Shift on its own, three times within five seconds; Shift held for a capital letter does not count.
  let presses = 0;
  let lastKeyWasModified = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const status = () => document.getElementById('quick-exit-status');
  const announce = (count: number) => {
    const region = status();
    const link = exitLink();
    if (!region || !link) return;
    const left = SHIFT_PRESSES - count;
    region.textContent = count === 0 ? '' : ((left === 1 ? link.dataset.pressOnce : link.dataset.pressTwice) ?? '');
  };
  document.addEventListener('keyup', (event) => {
    if (event.key === 'Shift' && !lastKeyWasModified) {
      presses += 1;
      clearTimeout(timer);
      if (presses >= SHIFT_PRESSES) {
        presses = 0;
        const link = exitLink();
        if (link) leave(link.href);
        return;
      }
      announce(presses);
      timer = setTimeout(() => {
        presses = 0;
        announce(0);
      }, SHIFT_WINDOW_MS);
    } else if (presses > 0) {
      presses = 0;
      clearTimeout(timer);
      announce(0);
    }
    lastKeyWasModified = event.shiftKey;
  });
}
