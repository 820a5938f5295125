import type { Locale } from '../../shared/locales';
import type { ReportSubmission } from '../../shared/report';

/**
 * Invented reports for the demo year, as people might write them, in several languages: what happened,
 * and how it was coded. Every name, place and person here is made up. The demo marks each report as such.
 */
export interface Story {
  locale: Locale;
  description: string;
  consequences?: string;
  grounds: ReportSubmission['grounds'];
  racismForms?: ReportSubmission['racismForms'];
  lifeDomain: NonNullable<ReportSubmission['lifeDomain']>;
  incidentForms: ReportSubmission['incidentForms'];
  reporterRole: NonNullable<ReportSubmission['reporterRole']>;
  online?: true;
  /** What the reporter writes back after the office's first reply. */
  answer?: string;
}

export const STORIES: readonly Story[] = [
  {
    locale: 'de',
    description:
      'Im Bus nach Alsdorf hat ein älterer Mann meine Freundin und mich als „Kopftuchmädchen“ beschimpft und gesagt, wir sollen „nach Hause gehen“. Der Busfahrer hat nichts gesagt. Andere Fahrgäste haben weggeschaut.',
    consequences: 'Ich fahre jetzt lieber mit dem Fahrrad, auch bei Regen.',
    grounds: ['racism', 'religion'],
    racismForms: ['anti_muslim'],
    lifeDomain: 'public_transport',
    incidentForms: ['insult_harassment'],
    reporterRole: 'affected',
    answer: 'Danke für Ihre Antwort. Ja, ich würde gern wissen, ob man sich bei dem Busunternehmen beschweren kann.',
  },
  {
    locale: 'de',
    description:
      'Ich habe mich auf eine Wohnung beworben. Am Telefon war sie noch frei. Als ich meinen Namen gesagt habe, hieß es plötzlich, sie sei schon vergeben. Mein deutscher Kollege hat eine Stunde später angerufen und wurde zur Besichtigung eingeladen.',
    grounds: ['racism'],
    racismForms: ['anti_arab'],
    lifeDomain: 'housing',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
    answer: 'Ich habe noch die Nachricht von der Hausverwaltung. Soll ich die schicken?',
  },
  {
    locale: 'de',
    description:
      'Mein Sohn (9) wird in der Schule seit Wochen wegen seiner Hautfarbe gehänselt. Ein Mitschüler hat ihm Affengeräusche hinterhergemacht. Die Lehrerin sagt, das seien „Kinderstreitereien“.',
    consequences: 'Er will morgens nicht mehr in die Schule und weint oft.',
    grounds: ['racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'education',
    incidentForms: ['insult_harassment'],
    reporterRole: 'relative_friend',
    answer: 'Ein Gespräch mit der Schulleitung wäre gut. Ich bin vormittags erreichbar.',
  },
  {
    locale: 'de',
    description:
      'Beim Jobcenter hat die Sachbearbeiterin meinen Antrag nicht angenommen und gesagt, ich solle erst „richtig Deutsch lernen“. Eine Übersetzung durch meine Tochter wurde nicht erlaubt.',
    grounds: ['language', 'racism'],
    racismForms: ['anti_eastern_european'],
    lifeDomain: 'authorities',
    incidentForms: ['denial_unequal_treatment', 'institutional'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'An der Bushaltestelle am Markt klebten Aufkleber mit rassistischen Parolen gegen Geflüchtete. Ich habe Fotos gemacht und die Aufkleber abgekratzt.',
    grounds: ['racism'],
    racismForms: ['against_refugees'],
    lifeDomain: 'public_space',
    incidentForms: ['propaganda'],
    reporterRole: 'witness',
  },
  {
    locale: 'de',
    description:
      'Der Türsteher vom Club hat meine Freunde und mich nicht reingelassen: „Heute nur Stammgäste.“ Direkt nach uns kam eine Gruppe ohne Probleme rein. Das passiert nicht zum ersten Mal.',
    grounds: ['racism'],
    racismForms: ['anti_turkish_kurdish'],
    lifeDomain: 'goods_services',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'Unsere Nachbarin beschimpft uns seit Monaten im Treppenhaus als „Zigeunerpack“ und hat einen Zettel an unsere Tür geklebt, wir sollen ausziehen.',
    consequences: 'Die Kinder haben Angst, allein ins Treppenhaus zu gehen.',
    grounds: ['racism'],
    racismForms: ['antiziganism'],
    lifeDomain: 'neighbourhood',
    incidentForms: ['insult_harassment', 'threat'],
    reporterRole: 'affected',
    answer: 'Es ist wieder passiert, gestern Abend. Wir haben den Zettel aufgehoben.',
  },
  {
    locale: 'de',
    description:
      'Bei einer Polizeikontrolle am Bahnhof wurde nur ich aus der ganzen Gruppe kontrolliert. Als ich gefragt habe, warum, hieß es: „Sie wissen schon, warum.“',
    grounds: ['racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'police',
    incidentForms: ['institutional', 'denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'Als Gruppe von Ehrenamtlichen melden wir: In einem Gemeindeforum im Internet wurden unter einem Artikel über das neue Wohnheim Dutzende hetzerische Kommentare gegen Geflüchtete gepostet, teils mit Gewaltaufrufen.',
    grounds: ['racism'],
    racismForms: ['against_refugees'],
    lifeDomain: 'media_internet',
    incidentForms: ['online_hate', 'threat'],
    reporterRole: 'organisation',
    online: true,
  },
  {
    locale: 'de',
    description:
      'Im Fitnessstudio hat ein Trainer zu meinem Mann gesagt, mit seinem Bart solle er lieber zu Hause trainieren, „sonst haben die anderen Angst“.',
    grounds: ['religion', 'racism'],
    racismForms: ['anti_muslim'],
    lifeDomain: 'leisure_sports',
    incidentForms: ['insult_harassment'],
    reporterRole: 'relative_friend',
  },
  {
    locale: 'de',
    description:
      'In der Arztpraxis wurde mir gesagt, ohne deutsche Krankenversicherungskarte bekäme ich keinen Termin, obwohl ich den Behandlungsschein vom Sozialamt dabeihatte. Andere Patienten wurden drangenommen.',
    grounds: ['citizenship_residence'],
    lifeDomain: 'health_care',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de-LS',
    description:
      'Ich war im Supermarkt. Ein Mann hat mich geschubst. Er hat gesagt: Geh weg, du gehörst nicht hierher. Ich hatte Angst.',
    grounds: ['racism'],
    racismForms: ['anti_asian'],
    lifeDomain: 'goods_services',
    incidentForms: ['physical_attack', 'insult_harassment'],
    reporterRole: 'affected',
  },
  {
    locale: 'en',
    description:
      'At my workplace, a warehouse, my team leader keeps calling me "the foreigner" in front of everyone and gives me the worst shifts. When I complained, he said I should be grateful to have a job at all.',
    consequences: 'I feel sick before every shift.',
    grounds: ['racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'work',
    incidentForms: ['insult_harassment', 'denial_unequal_treatment'],
    reporterRole: 'affected',
    answer: 'Thank you. I would like to talk to someone about my options, but I am afraid of losing my job.',
  },
  {
    locale: 'en',
    description:
      'I saw a woman in a headscarf being spat at on the train platform by two young men. Nobody intervened. I went to her afterwards; she was very shaken.',
    grounds: ['racism', 'religion'],
    racismForms: ['anti_muslim'],
    lifeDomain: 'public_transport',
    incidentForms: ['physical_attack', 'insult_harassment'],
    reporterRole: 'witness',
  },
  {
    locale: 'en',
    description:
      'I applied for an apprenticeship and was told in the interview that "people like you usually do not stay long". I was not invited for the second round although my grades were good.',
    grounds: ['racism', 'age'],
    racismForms: ['anti_arab'],
    lifeDomain: 'job_search',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'tr',
    description:
      'Belediyede randevu almak istedim. Memur benimle konuşmak yerine yanımdaki Alman arkadaşıma döndü ve "O zaten anlamıyor" dedi. Kendimi çok küçük düşmüş hissettim.',
    grounds: ['racism', 'language'],
    racismForms: ['anti_turkish_kurdish'],
    lifeDomain: 'authorities',
    incidentForms: ['insult_harassment', 'institutional'],
    reporterRole: 'affected',
    answer: 'Cevabınız için teşekkürler. Evet, danışmanlık almak isterim.',
  },
  {
    locale: 'tr',
    description:
      'Kızım okulda başörtüsü taktığı için beden eğitimi dersine alınmadı. Öğretmen "Ya çıkarırsın ya da kenarda oturursun" demiş.',
    grounds: ['religion', 'racism'],
    racismForms: ['anti_muslim'],
    lifeDomain: 'education',
    incidentForms: ['denial_unequal_treatment', 'institutional'],
    reporterRole: 'relative_friend',
  },
  {
    locale: 'tr',
    description: 'Evimizin duvarına gece gamalı haç ve "Türkler defolun" yazılmış. Polise bildirdik ama kimse gelmedi.',
    consequences: 'Geceleri uyuyamıyoruz.',
    grounds: ['racism'],
    racismForms: ['anti_turkish_kurdish'],
    lifeDomain: 'neighbourhood',
    incidentForms: ['property_damage', 'threat', 'propaganda'],
    reporterRole: 'affected',
  },
  {
    locale: 'ar',
    description:
      'في المخبز قالت لي البائعة إنها لا تفهم كلامي ورفضت أن تبيعني، ثم خدمت الزبون الذي بعدي بلطف. حدث هذا أمام ابني.',
    grounds: ['racism', 'language'],
    racismForms: ['anti_arab'],
    lifeDomain: 'goods_services',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
    answer: 'شكراً لكم. لا أحتاج إلى استشارة، أردت فقط أن يُعرف ما حدث.',
  },
  {
    locale: 'ar',
    description:
      'في مكتب الأجانب صرخ الموظف في وجهي وقال إن أمثالي يأتون فقط من أجل المال. لم يقبل أوراقي رغم أنها كانت كاملة.',
    grounds: ['citizenship_residence', 'racism'],
    racismForms: ['against_refugees'],
    lifeDomain: 'authorities',
    incidentForms: ['insult_harassment', 'institutional'],
    reporterRole: 'affected',
  },
  {
    locale: 'ar',
    description: 'على فيسبوك كتب أحدهم تحت صورة عائلتنا تعليقات مهينة وتهديداً بأنه يعرف أين نسكن.',
    grounds: ['racism'],
    racismForms: ['anti_arab'],
    lifeDomain: 'media_internet',
    incidentForms: ['online_hate', 'threat'],
    reporterRole: 'affected',
    online: true,
  },
  {
    locale: 'uk',
    description:
      'Орендодавець сказав, що не здає житло українцям, бо «ви все одно скоро поїдете». Оголошення після цього ще два тижні висіло на сайті.',
    grounds: ['citizenship_residence', 'racism'],
    racismForms: ['anti_eastern_european'],
    lifeDomain: 'housing',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
    answer: 'Дякую. Так, я хотіла б консультацію, краще українською або російською.',
  },
  {
    locale: 'uk',
    description:
      'У поліклініці медсестра голосно сказала в черзі, що «через біженців» звичайні люди не можуть потрапити до лікаря, і відправила мене на інший день.',
    grounds: ['citizenship_residence'],
    lifeDomain: 'health_care',
    incidentForms: ['insult_harassment', 'denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'ru',
    description:
      'На работе коллеги постоянно шутят над моим акцентом и называют меня «русской шпионкой». Начальник смеётся вместе с ними.',
    grounds: ['racism', 'language'],
    racismForms: ['anti_eastern_european'],
    lifeDomain: 'work',
    incidentForms: ['insult_harassment'],
    reporterRole: 'affected',
  },
  {
    locale: 'fa',
    description: 'در باشگاه فوتبال، مربی به پسرم گفت که با این اسم نمی‌تواند کاپیتان تیم شود. بقیهٔ بچه‌ها خندیدند.',
    grounds: ['racism'],
    racismForms: ['other'],
    lifeDomain: 'leisure_sports',
    incidentForms: ['denial_unequal_treatment', 'insult_harassment'],
    reporterRole: 'relative_friend',
  },
  {
    locale: 'pl',
    description:
      'W pracy na budowie szef płaci nam, Polakom, mniej niż niemieckim kolegom za tę samą pracę i mówi, że „i tak jesteśmy tańsi”.',
    grounds: ['racism', 'citizenship_residence'],
    racismForms: ['anti_eastern_european'],
    lifeDomain: 'work',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'fr',
    description:
      "Dans le tram, un contrôleur m'a demandé mes papiers d'identité en plus de mon billet, alors qu'il ne l'a demandé à personne d'autre. Il m'a tutoyé et parlé très fort.",
    grounds: ['racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'public_transport',
    incidentForms: ['denial_unequal_treatment', 'insult_harassment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'Ich sitze im Rollstuhl. Der Eingang zum Bürgerbüro ist seit Monaten nur über Stufen erreichbar, und als ich um Hilfe bat, hieß es, ich solle „jemanden mitbringen“. Mit meiner dunklen Hautfarbe werde ich dort außerdem immer auf Englisch angesprochen.',
    grounds: ['disability', 'racism'],
    racismForms: ['anti_black'],
    lifeDomain: 'authorities',
    incidentForms: ['institutional', 'denial_unequal_treatment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'Meine Partnerin und ich haben uns in einem Café an den Händen gehalten. Der Kellner hat uns gebeten zu gehen, „das stört die anderen Gäste“. Er hat außerdem über ihren Akzent gelacht.',
    grounds: ['sexual_identity', 'language'],
    lifeDomain: 'goods_services',
    incidentForms: ['denial_unequal_treatment', 'insult_harassment'],
    reporterRole: 'affected',
  },
  {
    locale: 'de',
    description:
      'Bei der Tafel wurde meine Mutter (72) angeschrien, Leute wie sie sollten „hinten anstehen“. Sie trägt ein Kopftuch und spricht wenig Deutsch.',
    grounds: ['age', 'social_status', 'religion'],
    lifeDomain: 'public_space',
    incidentForms: ['insult_harassment'],
    reporterRole: 'relative_friend',
  },
  {
    locale: 'en',
    description:
      'As a trans woman of colour I was refused a room at a guest house after I showed my ID. The owner said the room was "no longer available" although the booking site still listed it.',
    grounds: ['gender', 'racism'],
    racismForms: ['anti_asian'],
    lifeDomain: 'goods_services',
    incidentForms: ['denial_unequal_treatment'],
    reporterRole: 'affected',
  },
];

/** The office's first replies, in German: the reporter reads them with the receipt code. */
export const OFFICE_REPLIES: readonly string[] = [
  'Vielen Dank für Ihre Meldung. Wir haben sie gelesen und nehmen sie ernst. Möchten Sie, dass wir Sie an eine Beratungsstelle vermitteln?',
  'Danke, dass Sie uns das geschrieben haben. Können Sie uns sagen, ob es Zeuginnen oder Zeugen gab? Sie müssen keine Namen nennen.',
  'Ihre Meldung ist bei uns angekommen. Wir dokumentieren den Vorfall. Wenn Sie Unterstützung möchten, schreiben Sie uns einfach hier.',
];
