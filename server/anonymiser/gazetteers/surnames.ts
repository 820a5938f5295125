/**
 * Frequent surnames in Germany (German, Turkish, Arabic, Polish, Russian, ...). A capitalised word
 * from this list is a name on its own ("Müller hat gesagt"), unless an article stands before it
 * (then it is an occupation: "der Koch") or it is in AMBIGUOUS_SURNAMES without further evidence.
 */
const LIST =
  'Müller Schmidt Schneider Fischer Weber Meyer Meier Mayer Wagner Becker Schulz Schulze Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Lange Schmitt Werner Schmitz Krause Lehmann Schmid Schulte Maier Köhler Herrmann König Walter Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich Ziegler Kuhn Kühn Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Janssen Thelen Reinartz Kalff Frings Pütz Wolters Nießen Classen Kohl Heinen Franzen Wegener Hensel Engels Schaffrath Laschet Thissen Jennessen Gielen Wirtz Kreuzer Wiese Holz Brandts Langen Theißen Schiffers Hermanns Yılmaz Yilmaz Kaya Demir Sahin Çelik Celik Yıldız Yildiz Yıldırım Yildirim Öztürk Ozturk Aydın Aydin Özdemir Ozdemir Arslan Doğan Dogan Kılıç Kilic Aslan Çetin Cetin Kara Koç Koc Kurt Özkan Ozkan Şimşek Simsek Polat Korkmaz Karaca Erdoğan Güneş Aksoy Akın Akin Yavuz Tekin Bulut Uçar Güler Altun Keskin Çakır Cakir Acar Özer Ünal Turan Kaplan Bozkurt Avcı Sarı Genç Ateş Al-Hassan Al-Ahmad Hamdan Khalil Nasser Saleh Mansour Abbas Hussein Haidari Ahmadi Rezaei Hosseini Mohammadi Karimi Hashemi Sadeghi Jafari Kowalski Kowalska Nowak Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Iwanow Iwanowa Ivanov Ivanova Petrow Petrov Petrova Smirnow Smirnov Smirnova Popov Popova Kusnezow Kuznetsov Sokolov Kovalenko Shevchenko Schewtschenko Bondarenko Tkachenko Melnyk Kravchenko Boyko Oliynyk Ionescu Nguyen Tran Pham Le Okafor Okonkwo Mensah Asante Owusu Boateng Diallo Traoré Traore Coulibaly Diop Ndiaye Camara Bah Barry Adeyemi Osei Horvat Hodžić Hadžić Begić Krasniqi Gashi Berisha Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco';

export const SURNAMES: ReadonlySet<string> = new Set(LIST.split(/\s+/));

/** Surnames that are also occupations, colours, adjectives or first names; they need a title or first name. */
export const AMBIGUOUS_SURNAMES: ReadonlySet<string> = new Set(
  'Koch Bauer Klein Wolf Schwarz Braun König Kaiser Fuchs Lang Lange Weiß Jung Hahn Vogel Keller Frank Winter Sommer Otto Stein Engel Horn Busch Thomas Arnold Martin Simon Ludwig Friedrich Heinrich Walter Werner Günther Berger Richter Fischer Weber Schneider Becker Schäfer Jäger Graf Kraus Roth Beck Groß Kara Kurt Genç Sarı Le Bah Barry Bremen Holz Kirch Heck Peters Wiese Haas Pohl Kohl Post Greco'.split(
    ' ',
  ),
);
