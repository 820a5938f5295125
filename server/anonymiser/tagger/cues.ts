/**
 * Words that tell the classifier a name may be near, in every portal language: titles ("Herr", "пані",
 * "آقای"), words for people one knows ("Nachbar", "kumpel", "سرکارگر"), and naming words ("heißt",
 * "зовут", "اسمه", "Nachname"). Inflected forms are listed where a language inflects them; the classifier
 * weighs each as it learned from the training corpus, so a cue is a hint, never a rule.
 */
const TITLES =
  'herr herrn frau hr fr dr prof mr mrs ms miss mx m mme madame monsieur mlle sir pan pani panem panią pana panu państwo господин госпожа господина пан пані пана пані фрау герр гер مسيو السيد السيدة سيد سيدة الأستاذ الاستاذ الدكتور الدكتورة الحاج الحاجة أبو ام أم فراو هير آقای خانم دکتر استاد حاج فراو هر بانو bay bayan sayın hoca hocam abi abla teyze amca familie fam';
const ROLES =
  // de
  'nachbar nachbarin nachbarn nachbars freund freundin freunde kumpel kumpels kollege kollegin kollegen chef chefin vorgesetzter vorgesetzte meister meisterin ausbilder ausbilderin schichtleiter schichtleiterin vorarbeiter teamleiter teamleiterin filialleiter filialleiterin abteilungsleiter hausmeister vermieter vermieterin lehrer lehrerin klassenlehrer klassenlehrerin schulleiter schulleiterin rektor rektorin erzieher erzieherin trainer trainerin betreuer betreuerin sozialarbeiter sozialarbeiterin sachbearbeiter sachbearbeiterin mitarbeiter mitarbeiterin ansprechpartner ansprechpartnerin inhaber inhaberin besitzer besitzerin arzt ärztin kassierer kassiererin verkäufer verkäuferin kontrolleur kontrolleurin busfahrer fahrer türsteher polizist polizistin beamter beamtin mann frau ehemann ehefrau sohn tochter bruder schwester cousin cousine onkel tante neffe nichte schwager schwägerin mutter vater oma opa enkel enkelin mitschüler mitschülerin admin ' +
  // en
  'neighbour neighbor friend mate buddy colleague coworker co-worker boss manager supervisor foreman landlord landlady teacher coach trainer caseworker owner doctor nurse husband wife son daughter brother sister cousin uncle aunt nephew niece mother father mum mom dad partner flatmate classmate officer ' +
  // tr
  'komşu komşum komşumuz komşusu arkadaş arkadaşım arkadaşı arkadaşımız kardeşim kardeşi abim ablam eşim eşi kocam kocası karım oğlum oğlu kızım kızı annem annesi babam babası patron patronum patronu şef şefim müdür müdürü ustabaşı usta ustam öğretmen öğretmenim öğretmeni hoca antrenör antrenörü ev sahibi sahibi danışman danışmanım memur doktor hemşire yönetici yöneticisi kuzenim amcam dayım teyzem yeğenim meslektaşım ' +
  // ar
  'جاري جارتي جارنا جارتنا جار صديقي صديقتي صديق زميلي زميلتي زميل مديري مدير المدير المشرف المشرفة مشرف رئيسي صاحب المؤجر المؤجرة المعلم المعلمة معلم معلمة المدرب مدرب الطبيب الطبيبة الموظف الموظفة زوجي زوجتي ابني ابنتي أخي أختي اخي اختي أمي أبي ابن بنت عمي خالي عمتي خالتي ' +
  // fa
  'همسایه همسایه‌ام همسایه‌مان دوستم دوست همکارم همکار رئیسم رئیس سرکارگر مدیر صاحبخانه صاحبخانه‌ام صاحب معلم معلمش معلمم مربی مربی‌ام دکتر پرستار کارمند شوهرم همسرم زنم پسرم دخترم برادرم خواهرم مادرم پدرم پسرعمویم ' +
  // ru
  'сосед соседка соседа соседу соседом соседке соседку друг друга другу другом подруга подруги подругу подругой коллега коллеги коллегу коллегой начальник начальника начальнику начальником бригадир бригадира прораб хозяин хозяйка хозяина учитель учительница учителя учительницу тренер тренера охранник охранника врач медсестра муж мужа мужу жена жены жену сын сына сыну сыном дочь дочери дочка брат брата брату сестра сестры сестру мама маму папа тётя дядя племянник сотрудник сотрудница ' +
  // uk
  'сусід сусіда сусідові сусідка сусідку друга подруга подругу колега колеги колегу начальник начальника бригадир власник власниця вчитель вчителька вчителя тренер тренера охоронець лікар медсестра чоловік чоловіка дружина сина синові сином донька доньку дочка брат брата сестра сестру мати мама батько тато знайомий знайома працівниця працівник ' +
  // pl
  'sąsiad sąsiada sąsiadka sąsiadki sąsiadem kolega kolegi kolegą koleżanka koleżanki koleżanką przyjaciel przyjaciółka szef szefa szefowa kierownik kierowniczka majster nauczyciel nauczycielka nauczyciela trener trenera właściciel właścicielka lekarz lekarka mąż męża mężem żona żony syn syna synem synowi córka córki córką brat brata siostra siostry mama tata ' +
  // fr
  'voisin voisine voisins ami amie copain copine collègue collègues chef patron patronne gérant gérante directeur directrice propriétaire professeur prof maîtresse maître entraîneur coach médecin infirmière mari femme fils fille frère sœur soeur cousin cousine oncle tante mère père employé employée agent';
const NAMING =
  'heiße heisse heißt heisst hieß hiess hießen namens name namen nachname nachnamen vorname vornamen lautet genannt ' +
  'named called name surname lastname firstname ' +
  'adım adı ismi ismim soyadı soyadım soyismi ' +
  'اسمي اسمه اسمها اسم اسمك يدعى تدعى يسمى ' +
  'اسم اسمم اسمش نام نامش نامم به‌نام بنام فامیلی فامیلش ' +
  "зовут звали звать фамилия фамилии имя звати звуть прізвище ім'я імʼя " +
  'nazywam nazywa nazywał nazywała imię nazwisko nazwiskiem ' +
  "appelle appelles appelait appellent nom prénom s'appelle m'appelle";

function map(entries: [string, string][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [codes, words] of entries) for (const w of words.split(/\s+/)) if (w && !m.has(w)) m.set(w, codes);
  return m;
}

/** Lower-cased cue word → class: T title, R role or relation, V naming word. */
export const CUE_WORDS: ReadonlyMap<string, string> = map([
  ['T', TITLES],
  ['V', NAMING],
  ['R', ROLES],
]);
