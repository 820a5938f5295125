import { describe, expect, it } from 'vitest';
import { anonymise } from '../../../server/anonymiser/index';
import { found, foundOf } from './helpers';

/** The classes of misses that text written by others showed (issue 13), each with a sentence of its own. */
describe('names wherever people put them', () => {
  it('after cues the rules never knew: apposition, "mit Nachnamen", "Ansprechpartner:", "ich bin die"', () => {
    expect(foundOf('name', 'Mein Mann, Yohannes Tesfamariam, war dabei.')).toEqual(['Yohannes Tesfamariam']);
    expect(foundOf('name', 'Er heißt mit Nachnamen Okonkwo, glaube ich.')).toEqual(['Okonkwo']);
    expect(foundOf('name', 'Ansprechpartner: Zoran Petrović, Schichtleitung.')).toEqual(['Zoran Petrović']);
    expect(foundOf('name', 'Hallo, ich bin die Berivan und wohne in Alsdorf.')).toEqual(['Berivan']);
  });
  it('in chat style, in the possessive, and unknown names after a word for a person', () => {
    expect(foundOf('name', 'mein kumpel ali wurde auch kontrolliert')).toEqual(['ali']);
    expect(foundOf('name', 'Ahmeds Chef hat ihn vor allen beleidigt.')).toEqual(['Ahmeds']);
    expect(foundOf('name', 'Mein Nachbar Tesfalem hat mir geholfen.')).toEqual(['Tesfalem']);
  });
  it('from regions no list covered, with every part of the name', () => {
    expect(foundOf('name', 'Meine Kollegin Mebrat Kidane hat alles gesehen.')).toEqual(['Mebrat Kidane']);
    expect(foundOf('name', 'Mein Onkel Naqibullah Stanikzai wurde geschlagen.')).toEqual(['Naqibullah Stanikzai']);
    expect(foundOf('name', 'fatma yıldırım hat mich danach angerufen')).toEqual(['fatma yıldırım']);
    expect(foundOf('name', 'اسمي فاطمة حداد وأسكن في ألسدورف', 'ar')).toEqual(['فاطمة حداد']);
  });
  it('inflected in Russian, Ukrainian and Polish, and German names in Cyrillic', () => {
    expect(foundOf('name', 'С Олегом и Сергеем Петровым нас остановила полиция.', 'ru')).toEqual([
      'Олегом',
      'Сергеем Петровым',
    ]);
    expect(foundOf('name', 'Сосед Вольфганг Майер кричит на детей.', 'ru')).toEqual(['Вольфганг Майер']);
    expect(foundOf('name', 'Rozmawiałem z panem Kowalskim z urzędu.', 'pl')).toEqual(['Kowalskim']);
  });
  it('keeps ordinary words: Turkish "ama" and "Ben", the word after a Persian title', () => {
    expect(found('Ama kimse yardım etmedi. Ben de oradaydım.', 'tr')).toEqual([]);
    expect(anonymise('آقای کریمی گفت که اینجا آلمان است.', 'fa').text).toBe('آقای [نام] گفت که اینجا آلمان است.');
  });
});

describe('organisations that point at people', () => {
  it('are replaced by their kind in the reporter’s language', () => {
    expect(anonymise('Ich arbeite in der Fleischerei Offermanns in Monschau.', 'de').text).toBe(
      'Ich arbeite in der [Metzgerei] in Monschau.',
    );
    expect(anonymise('Le patron de la Pizzeria Bella Napoli nous a insultés.', 'fr').text).toBe(
      'Le patron de la [restaurant] nous a insultés.',
    );
    expect(foundOf('organisation', 'Mein Sohn spielt beim SC Eintracht Eschweiler.')).toEqual([
      'SC Eintracht Eschweiler',
    ]);
  });
  it('keep public bodies and chains, which identify nobody', () => {
    expect(found('Beim Jobcenter Eschweiler und bei Rewe in Alsdorf war es dasselbe.')).toEqual([]);
  });
  it('are recognised as placeholders again, so that anonymising twice changes nothing', () => {
    const once = anonymise('Wir waren in der Bäckerei Hamacher und im SV Roetgen 1921.', 'de').text;
    expect(anonymise(once, 'de').text).toBe(once);
  });
});
