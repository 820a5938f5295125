import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { removableWords, type Span } from '../../shared/reviewed-text';
import { usePage } from './page-context';

/**
 * The reporter's own check, with JavaScript: the words of an anonymised text, each a toggle. A tap removes a
 * word, another tap keeps it; a passage selected with the finger or the mouse goes at once. One tab stop for
 * the whole text, arrow keys from word to word, Space or Enter to toggle.
 */
export function RemoveMore(props: {
  id: string;
  /** Names the text for screen readers: "Description". */
  label: string;
  text: string;
  placeholders: Span[];
  removed: number[];
  placeholder: string;
  onChange: (removed: number[]) => void;
}) {
  const { id, label, text, placeholders, removed, placeholder, onChange } = props;
  const { t } = usePage();
  const [open, setOpen] = useState(false);
  const [selectFirst, setSelectFirst] = useState(false);
  const [active, setActive] = useState(0);
  const picker = useRef<HTMLDivElement>(null);
  // The words the latest selection covered, and when: on a phone, tapping the button can end the selection
  // before the tap arrives.
  const lastSelection = useRef<{ words: number[]; at: number }>({ words: [], at: 0 });
  const words = useMemo(() => removableWords(text, placeholders), [text, placeholders]);
  const isRemoved = new Set(removed);

  useEffect(() => {
    if (!open) return;
    const onSelection = () => {
      const covered = selectedWords(picker.current);
      if (covered.length) {
        lastSelection.current = { words: covered, at: Date.now() };
        setSelectFirst(false);
      }
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [open]);

  if (words.length === 0) return null;

  const toggle = (i: number) =>
    onChange(isRemoved.has(i) ? removed.filter((r) => r !== i) : [...removed, i].sort((a, b) => a - b));

  const removeSelected = () => {
    const now = selectedWords(picker.current);
    const recent = Date.now() - lastSelection.current.at < RECENT_SELECTION_MS ? lastSelection.current.words : [];
    const chosen = now.length ? now : recent;
    lastSelection.current = { words: [], at: 0 };
    if (!chosen.length) {
      setSelectFirst(true);
      return;
    }
    onChange([...new Set([...removed, ...chosen])].sort((a, b) => a - b));
    document.getSelection()?.removeAllRanges();
  };

  const focusWord = (i: number) => {
    const next = Math.max(0, Math.min(words.length - 1, i));
    setActive(next);
    picker.current?.querySelector<HTMLElement>(`[data-i="${next}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = picker.current ? getComputedStyle(picker.current).direction === 'rtl' : false;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward || event.key === 'ArrowDown') focusWord(active + 1);
    else if (event.key === backward || event.key === 'ArrowUp') focusWord(active - 1);
    else if (event.key === 'Home') focusWord(0);
    else if (event.key === 'End') focusWord(words.length - 1);
    else if (event.key === ' ' || event.key === 'Enter') toggle(active);
    else return;
    event.preventDefault();
  };

  const onClick = (event: MouseEvent) => {
    // A drag that selects a passage ends in a click too: that is a selection, not a tap.
    if (document.getSelection()?.isCollapsed === false) return;
    const word = (event.target as Element).closest<HTMLElement>('[data-i]');
    if (!word) return;
    const i = Number(word.dataset.i);
    setActive(i);
    toggle(i);
  };

  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  const pieces = [...words.map((w, i) => ({ ...w, word: i })), ...placeholders.map((p) => ({ ...p, word: -1 }))].sort(
    (a, b) => a.start - b.start,
  );
  for (const piece of pieces) {
    if (piece.start > at) parts.push(text.slice(at, piece.start));
    const shown = text.slice(piece.start, piece.end);
    if (piece.word < 0) {
      parts.push(
        <mark class="replaced" key={`p${piece.start}`}>
          {shown}
        </mark>,
      );
    } else {
      const i = piece.word;
      parts.push(
        <span
          key={i}
          role="button"
          class={isRemoved.has(i) ? 'word removed' : 'word'}
          tabIndex={i === active ? 0 : -1}
          aria-pressed={isRemoved.has(i) ? 'true' : 'false'}
          data-i={i}
        >
          {shown}
        </span>,
      );
    }
    at = piece.end;
  }
  if (at < text.length) parts.push(text.slice(at));

  return (
    <div class="remove-more">
      <button
        type="button"
        class="button"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        {t('review.remove.open')}
      </button>
      {open && (
        <div class="remove-panel" id={`${id}-panel`}>
          <p class="hint" id={`${id}-hint`}>
            {t('review.remove.hint', { placeholder })}
          </p>
          <div
            class="word-picker stored-text"
            dir="auto"
            ref={picker}
            role="group"
            aria-label={label}
            aria-describedby={`${id}-hint`}
            onKeyDown={onKeyDown}
            onClick={onClick}
          >
            {parts}
          </div>
          <p class="actions">
            <button
              type="button"
              class="button"
              // Pressing the button must not end the selection it is about to remove.
              onMouseDown={(event) => event.preventDefault()}
              onClick={removeSelected}
            >
              {t('review.remove.selection')}
            </button>
            <button type="button" class="button" disabled={removed.length === 0} onClick={() => onChange([])}>
              {t('review.remove.reset')}
            </button>
          </p>
          <p class="hint" role="status">
            {selectFirst ? t('review.remove.select_first') : ''}
          </p>
        </div>
      )}
    </div>
  );
}

const RECENT_SELECTION_MS = 10_000;

/** The words a selection inside the picker touches, in part or whole. */
function selectedWords(box: HTMLElement | null): number[] {
  const selection = document.getSelection();
  if (!box || !selection || selection.isCollapsed || !box.contains(selection.anchorNode)) return [];
  return [...box.querySelectorAll<HTMLElement>('[data-i]')]
    .filter((el) => selection.containsNode(el, true))
    .map((el) => Number(el.dataset.i));
}
