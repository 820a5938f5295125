import { describe, expect, it } from 'vitest';
import { cleanReply, createReplyFilter, fitsLanguage } from '../../../server/assistant/reply';

describe('model text as the chat shows it', () => {
  it('loses markup and links, keeps the words', () => {
    expect(cleanReply('**Danke**, dass Sie _das_ erzählen. Mehr unter https://example.org/hilfe. `Code`')).toBe(
      'Danke, dass Sie das erzählen. Mehr unter. Code',
    );
    expect(cleanReply('# Titel\n- eins\n- zwei\n<img src=x onerror="alert(1)">')).toBe('Titel\neins\nzwei\n');
    expect(cleanReply('Siehe [hier](https://example.org).')).toBe('Siehe hier.');
  });

  it('is judged by its language: the page’s, or the one the person writes in', () => {
    expect(
      fitsLanguage('Thank you for telling me. When did this happen to you?', 'de', 'Im Bus wurde ich beleidigt.'),
    ).toBe(false);
    expect(
      fitsLanguage(
        'Thank you for telling me. When did this happen to you?',
        'de',
        'It was on the bus, and the driver did nothing.',
      ),
    ).toBe(true);
    expect(fitsLanguage('Спасибо, что рассказали. Когда это произошло?', 'de', 'Im Bus.')).toBe(false);
    expect(fitsLanguage('Спасибо, что рассказали. Когда это произошло?', 'de', 'Это было в автобусе.')).toBe(true);
    expect(fitsLanguage('شكراً لأنك أخبرتني. متى حدث ذلك؟', 'ar', '')).toBe(true);
  });

  it('streams sentence by sentence once the language is clear, and shows nothing of a reply in the wrong one', () => {
    const german = createReplyFilter('de', 'Im Bus wurde ich beleidigt.');
    const shown = ['Das tut mir ', 'leid. Es ist nicht in Ordnung, was ', 'Ihnen passiert ist. Wann war', ' das?']
      .map((chunk) => german.push(chunk))
      .concat(german.end());
    expect(shown.join('')).toBe('Das tut mir leid. Es ist nicht in Ordnung, was Ihnen passiert ist. Wann war das?');
    expect(german.text).toBe('Das tut mir leid. Es ist nicht in Ordnung, was Ihnen passiert ist. Wann war das?');

    const english = createReplyFilter('de', 'Im Bus wurde ich beleidigt.');
    const leaked = ['Thank you for telling me. ', 'When did this happen to you? ', 'Take your time.'].map((c) =>
      english.push(c),
    );
    expect([...leaked, english.end()].join('')).toBe('');
    expect(english.text).toBe('');
    expect(english.rejected).toBe(true);
  });
});
