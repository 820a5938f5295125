import { familyName, givenName } from './names';
import type { Random } from './random';

/**
 * Names of small businesses, clubs, schools and associations as they stand in the office's area: mostly
 * German trade words with a family name or a made-up name, whatever the language of the report around
 * them. The municipality may be part of the name ("Fit-Point Herzogenrath") or follow it ("in Alsdorf").
 */
const TRADES =
  'Bäckerei Metzgerei Fleischerei Konditorei Spedition Elektro Sanitär Malerbetrieb Dachdeckerei Schreinerei Tischlerei Gärtnerei Gartenbau Bauunternehmen Reinigung Gebäudereinigung Gebäudeservice Autohaus Autowerkstatt Kfz-Werkstatt Reifenservice Immobilien Hausverwaltung Steuerbüro Steuerberatung Kanzlei Pflegedienst Fahrschule Friseursalon Friseur Optik Apotheke Praxis Hausarztpraxis Zahnarztpraxis Physiotherapie Druckerei Umzüge Transporte Sicherheitsdienst Getränkehandel Blumen Metallbau Fliesen Logistik Installateur Raumausstattung'.split(
    ' ',
  );
const TRADES_AFTER =
  'Metalltechnik Logistik Bau Haustechnik Elektrotechnik Transporte Immobilien Gebäudeservice Automobile Reisen Catering Textil Kosmetik'.split(
    ' ',
  );
const LEGAL = ['GmbH', 'GmbH & Co. KG', 'e.K.', 'KG', 'AG', 'UG', '& Sohn', '& Söhne', 'OHG', 'GbR'];
const VENUES =
  'Café Restaurant Pizzeria Bistro Imbiss Kiosk Kneipe Bar Brasserie Hotel Pension Gaststätte Teestube Shisha-Bar Eiscafé Boutique Salon Nagelstudio Barbershop Fitnessstudio Kita Kindergarten Grundschule Gesamtschule Realschule Gymnasium Hauptschule Förderschule Seniorenheim Altenheim Jugendzentrum Tanzschule Kampfsportschule Sprachschule'.split(
    ' ',
  );
const FANCY =
  'Pusteblume|Sonnenschein|Regenbogen|Zeitlos|Eifelblick|Waldblick|Abendrot|Sternschnuppe|Löwenzahn|Kunterbunt|Zwergenland|Arche Noah|Morgenrot|Lindenhof|Rosengarten|Seeblick|Talblick|Bergfried|Mühlenbach|Kleeblatt|Glückspilz|Wirbelwind|Sonnenblume|Regenbogenland|Heideblume|Haus Marienthal|Am Weiher|Am Park|An der Linde|Zur Linde|Zum Hirschen|Zur Post|Zum Anker|Zur Krone|Zum Adler|Goldener Hirsch|Alte Mühle|Anadolu|Bosporus|Damaskus|Beirut|Istanbul|Kalinka|Odessa|Sahara|Baobab|Kilimanjaro|Roma|Venezia|Bella Italia|Sakura|Saigon|Ararat|Kabul|Asmara|Lagos|Accra|Dakar|Kleine Strolche|Villa Kunterbunt|Sonnenhügel|Körperwerk|Muckibude|Wolke 7|Schatzkiste'.split(
    '|',
  );
const ENGLISH_BRANDS =
  'Power Gym|Iron Temple|Fade Kings|Fit Point|Body Fit|Muscle House|Beauty Lounge|Nail Art|Hair Studio|Sweet Corner|Urban Style|Golden Scissors|Black Pearl|Happy Kids|Little Stars|Top Cut|Prime Fitness|Smart Phone Repair|Fresh Market|Afro Beauty|Asia Express|Star Döner|King Burger|Happy Nails'.split(
    '|',
  );
const CLUB_PREFIX = [
  'SV',
  'TuS',
  'FC',
  'SC',
  'SG',
  'VfB',
  'VfL',
  'TSV',
  'DJK',
  'SSV',
  'Spvg',
  'Sportfreunde',
  'Borussia',
  'Alemannia',
  'Germania',
  'Eintracht',
  'Rot-Weiß',
  'Grün-Weiß',
  'Blau-Weiß',
  'Viktoria',
  'Fortuna',
];
const CLUB_KINDS = [
  'Boxclub',
  'Tennisclub',
  'Schwimmverein',
  'Turnverein',
  'Schützenverein',
  'Karnevalsverein',
  'Kulturverein',
  'Förderverein',
  'Moscheeverein',
  'Sportverein',
  'Tanzverein',
  'Schachclub',
  'Kampfsportverein',
];
const VILLAGES =
  'Roetgen Baesweiler Alsdorf Eschweiler Stolberg Würselen Herzogenrath Monschau Simmerath Kohlscheid Merkstein Broichweiden Mausbach Neusen Setterich Oidtweiler Hoengen Mariadorf Kellersberg Schaufenberg Eilendorf Brand Kornelimünster Rott Lammersdorf Imgenbroich Konzen Höfen Vicht Zweifall Gressenich Breinig Dürwiß Kinzweiler Weisweiler Pannesheide Bardenberg Euchen'.split(
    ' ',
  );
const TURKISH_ORGS = [
  'Camii Derneği',
  'Kültür Derneği',
  'Spor Kulübü',
  'Kahvehanesi',
  'Market',
  'Kebap Salonu',
  'Berber',
];

export function organisationName(r: Random, withPlace: boolean): string {
  const x = r();
  let name: string;
  if (x < 0.22) name = `${r.pick(TRADES)} ${familyName('latin', r)}${r() < 0.3 ? ' ' + r.pick(LEGAL) : ''}`;
  else if (x < 0.3) name = `${familyName('latin', r)} ${r.pick(TRADES_AFTER)}${r() < 0.3 ? ' ' + r.pick(LEGAL) : ''}`;
  else if (x < 0.5) name = `${r.pick(VENUES)} ${r.pick(FANCY)}`;
  else if (x < 0.56) name = `${r.pick(VENUES)} ${familyName('latin', r)}`;
  else if (x < 0.66) {
    const year =
      r() < 0.7
        ? ` ${r.pick(['1921', '1908', '09', '08', '1946', '1952', '1967', '1919', '2001', '1985', '04', '1910'])}`
        : '';
    name = `${r.pick(CLUB_PREFIX)} ${r.pick(VILLAGES)}${r() < 0.3 ? '-' + r.pick(VILLAGES) : ''}${year}`;
  } else if (x < 0.72) name = `${r.pick(CLUB_KINDS)} ${r.pick(FANCY)}${r() < 0.5 ? ' e.V.' : ''}`;
  else if (x < 0.77)
    name = `${r.pick(CLUB_KINDS)} ${r.pick(['St. Hubertus', 'St. Josef', 'St. Sebastianus', 'Concordia', 'Harmonie'])} ${r.pick(VILLAGES)}`;
  else if (x < 0.85) name = `${r.pick(ENGLISH_BRANDS)}`;
  else if (x < 0.89)
    name = `${r.pick(['Imbiss bei', 'Pizzeria da', 'Café bei', 'Bistro bei', 'Salon'])} ${givenName('latin', r)}`;
  else if (x < 0.93)
    name = `${givenName('latin', r)}s ${r.pick(['Imbiss', 'Laden', 'Backstube', 'Friseursalon', 'Kiosk', 'Asia-Imbiss', 'Döner', 'African Market', 'Shop'])}`;
  else if (x < 0.97)
    name = `${r.pick(['Ulu', 'Merkez', 'Yeni', 'Fatih', 'Mevlana', 'Karadeniz', 'Anadolu'])} ${r.pick(TURKISH_ORGS)}`;
  else
    name = `${r.pick(['Praxis Dr.', 'Hausarztpraxis Dr.', 'Zahnarztpraxis Dr.', 'Kanzlei Dr.'])} ${familyName('latin', r)}`;
  if (withPlace && !/\d$/.test(name)) name += ` ${r.pick(VILLAGES)}`;
  return name;
}

/** Public bodies and chains: named, but they identify nobody; the corpus shows them as ordinary words. */
export const INSTITUTIONS =
  "Jobcenter|Ausländerbehörde|Bürgeramt|Sozialamt|Jugendamt|Finanzamt|Familienkasse|Rathaus|Polizei|Bundespolizei|Agentur für Arbeit|Rentenversicherung|AOK|Techniker Krankenkasse|Sparkasse|Deutsche Bank|Rewe|Aldi|Lidl|Edeka|Netto|Kaufland|Penny|dm|Rossmann|Ikea|Deutsche Bahn|ASEAG|Euregiobahn|RWTH|Uniklinik|Caritas|Diakonie|AWO|DRK|McDonald's|Burger King|Primark|H&M|Media Markt|Stadtwerke|Amazon|DHL|Post".split(
    '|',
  );
export const PLACES = [
  ...VILLAGES,
  'Aachen',
  'Düren',
  'Köln',
  'Jülich',
  'Heinsberg',
  'Geilenkirchen',
  'Übach-Palenberg',
];
