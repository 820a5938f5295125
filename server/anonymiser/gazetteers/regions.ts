/**
 * Given names and family names of the regions people in the office's area come from, in the scripts and
 * spellings they are written in reports: Latin transcriptions, Cyrillic, Arabic and Persian script. They
 * are one piece of evidence for the token classifier (tagger/), never the only one: the classifier also
 * reads cue words, word shape and position, and was trained with these lists switched off at random so
 * that a name in no list is still found.
 */
const LATIN_GIVEN = {
  eritrean_ethiopian:
    'Tesfay Tesfaye Yohannes Yonas Mehari Haile Kidane Berhane Tsegay Tekle Habte Semhar Senait Selam Helen Ruth Filmon Mussie Aklilu Abraham Tigist Meron Saba Almaz Eden Yordanos Mulugeta Dawit Biniam Robel Henok Natnael Amanuel Awet Samson Fiyori Luwam Makda Feven Hiwet Ghebremedhin Weldemichael Daniel Kibrom Goitom Efrem Rahel Hanna',
  somali:
    'Abdirahman Abdullahi Abdiaziz Abdikarim Mohamud Hodan Ifrah Ayaan Hibaq Warsame Farah Jama Hirsi Duale Guled Ismail Sahra Nimco Faadumo Fadumo Idil Hamda Khadar Liban Mukhtar Osman Sagal Ubah Yasmin Zamzam Deeqa Ilhan Mahad Bashir Cabdi Cali Xasan Maxamed',
  afghan:
    'Ahmad Hamidullah Naqibullah Zabihullah Rahmatullah Ezatullah Sayed Sultan Shafiq Farid Wahid Qasim Jawad Mursal Zarmina Zarghuna Nargis Shabnam Freshta Mariam Parwana Lida Malalai Gulalai Shakila Fatima Sohaila Nazanin Roya Bibi Gul Habiba Masoud Jamshid Khalid Mirwais Nasir Rashid Sharif Tamim Yama Zalmai Ajmal Hewad Omid Elham Nilofar Marwa Hasina',
  persian_kurdish:
    'Reza Mehdi Hossein Mohsen Arash Babak Bahram Behnam Dariush Farhad Hamid Javad Kamran Kaveh Kian Mahsa Nasrin Parisa Parviz Payam Roya Saeed Sanaz Shirin Soraya Taraneh Zahra Ziba Navid Pouya Shahla Golnar Farzaneh Sohrab Fereshteh Mojtaba Morteza Yasaman Niloufar Azadeh Jila Hiwa Shahin Kurosh Ramin Shadi Leila Nazanin Rojda Berfin Delal Zozan Dilovan Azad Rêber Şervan Bawer Hêvî Jiyan Newroz Berivan Rezan Sherko Hawre Dilan Avesta Aryan',
  arab: 'Mohammed Mohamed Muhammad Ahmed Ahmad Mahmoud Mustafa Khaled Khalid Omar Ali Hassan Hussein Ibrahim Yusuf Youssef Yasin Yazan Ziad Amjad Anas Bassel Fares Firas Ghassan Hamza Hani Hisham Issam Jamal Jihad Karim Majd Maher Marwan Mazen Moaz Nizar Nour Qais Rami Samer Tarek Tareq Wael Walid Zaid Aya Amira Asma Batoul Dana Dima Duaa Fatima Ghada Hala Hanadi Hiba Iman Lama Lana Layla Lina Manal Maram Mariam Nada Nadia Nisreen Noor Rahaf Rama Randa Rasha Reem Rawan Rua Safaa Salma Samar Sawsan Shatha Suha Wafaa Yasmin Yara Zeinab Abdelkader Abdelaziz Abderrahim Mounir Rachid Said Soufiane Youness Khadija Fatiha Nadia Saida Samira Houda Hafsa',
  turkish:
    'Ahmet Mehmet Mustafa Hasan Hüseyin İbrahim Ismail Osman Yusuf Murat Emre Burak Serkan Oğuz Tolga Kaan Eren Mert Berk Umut Volkan Cem Can Deniz Ayşe Fatma Emine Hatice Zeynep Elif Merve Büşra Esra Kübra Derya Gül Hülya Sevgi Songül Nurcan Fadime Zeliha Şerife Cansu Ebru Tuğba Hilal Rabia Sevda Ümmühan Gülizar Nesrin Dilek Özlem Yıldız Cihan Recep Orhan Necati Ömer Faruk Halil Kerem Taner Erol Tuncay Gökhan Fikret Şükrü Bülent Hakan Kemal',
  west_african:
    'Mamadou Ibrahima Ousmane Amadou Abdoulaye Moussa Boubacar Alpha Oumar Souleymane Lamine Cheikh Modou Babacar Aliou Seydou Sekou Mohamed Fatoumata Aminata Mariama Aissatou Kadiatou Hawa Awa Binta Fanta Ramatoulaye Djenabou Adama Kouassi Kofi Kwame Kwabena Yaw Ama Akua Abena Efua Chidi Chinedu Chukwuemeka Obinna Nnamdi Emeka Ikenna Uchenna Tunde Femi Segun Bolaji Ayodele Oluwaseun Folake Funmilayo Ngozi Chioma Adaeze Amaka Blessing Precious Joy Godwin Emmanuel Samuel Prince Kelechi Ifeanyi Yetunde Bisi Kehinde Taiwo',
  central_african:
    'Jean-Baptiste Patrice Didier Serge Thierry Arsène Guy-Roger Blaise Hervé Christelle Clarisse Grâce Nadège Chantal Josiane Mireille Solange Kylian Bienvenu Dieudonné Fiston Junior Merveille Prosper',
  roma_balkan:
    'Bajram Ramiz Sead Muhamed Elvis Dzenita Sabina Medina Ardit Arben Besnik Blerim Dritan Fatmir Gzim Ilir Kujtim Labinot Shkelzen Valon Vlora Drita Mirela Ramona Florin Marius Ionut Costel Gheorghe Vasile Nicolae Alin Daniela Mihaela Lavinia Roxana Ana Mariana Elena Lakatos Dragan Zoran Goran Jasmin Emina Amela Selma Sanela Dzemal Enis Nermin Suad Muharem Ilija Nikola Jovan Milica Jelena Marija Vesna Dragana',
  polish:
    'Adam Andrzej Bartosz Dariusz Grzegorz Jakub Jan Janusz Kacper Kamil Krzysztof Łukasz Marcin Marek Mateusz Michał Paweł Piotr Rafał Robert Tomasz Wojciech Zbigniew Oliwier Szymon Filip Antoni Agnieszka Aleksandra Anna Barbara Beata Dorota Ewa Gosia Halina Irena Joanna Justyna Kasia Katarzyna Magda Magdalena Małgorzata Maja Monika Natalia Renata Zuzanna Zofia Wiktoria Jadwiga Bożena Grażyna Krystyna Teresa Urszula Kuba Wiesław Stanisław Mirosław',
  east_slavic:
    'Aleksandr Alexander Alexei Andrei Andriy Anton Artem Artyom Bogdan Denis Dmitri Dmytro Evgeni Igor Ivan Kirill Maksim Maxim Mykola Nikolai Oleg Oleksandr Oleksii Pavel Petro Roman Ruslan Sergei Serhii Stanislav Taras Vadim Valentin Viktor Vitali Vladimir Volodymyr Yaroslav Yuri Anastasia Anna Daria Ekaterina Elena Galina Halyna Inna Irina Iryna Kateryna Ksenia Larisa Lyudmila Marina Nadezhda Natalia Nataliya Oksana Olena Olga Polina Svetlana Tatiana Tetiana Valentina Vera Viktoria Yana Yulia Zhanna Solomiya Myroslava Maryana Nurlan Aigul Timur Islam Zaur Anush Armen Tigran Giorgi Levan Nino Tamar',
  east_asian:
    'Lan Hoa Linh Minh Thanh Tuan Trang Huong Phuong Nga Hai Hung Duc Quang Thi Van Xiaoyu Wei Li Ming Jing Yan Hui Fang Lei Jun Hao Yuki Kenji Hiroshi Sakura Jin Min-jun Ji-woo Seo-yeon',
  south_asian:
    'Priya Rahul Ravi Sanjay Sunita Vikram Arjun Ananya Deepa Kiran Anil Sunil Rajesh Lakshmi Meena Pooja Amit Sivakumar Tharshan Kajan Nirosha Harpreet Gurpreet Manpreet Simran Imran Usman Bilal Ayesha Sana Farhan Zainab',
  german:
    'Reiner Margret Wilfried Lothar Irmgard Hildegard Gertrud Erwin Manfred Norbert Rüdiger Jürgen Gerd Helmut Dieter Detlef Uwe Ralf Dirk Heinz Klaus Günter Günther Hans-Jörg Karl-Heinz Wolfgang Reinhold Herbert Ursula Monika Hilde Petra Sabine Sandra Birgit Cornelia Kerstin Heike Silke Anke Jens Björn Jannik Jonas Lukas Leon Finn Niklas Tim Kevin Dennis Marco Marcel Sven Timo Nils Kai Lennart Malte Ole Lars Toni Jana Lea Lena Leonie Lisa Laura Julia Nina Vanessa Natascha Jennifer Jessica Melanie Nadine Stefanie Carina Sarah Hannah Emma Mia Sophie Marie Nele Greta Frieda Mathilde Ida Karl Paul Emil Anton Theo Fritz Otto Wilhelm Heinrich Hermann Walter Bernd Rolf Horst Werner Ulrich Volker Thorsten Holger Frank Markus Michael Thomas Andreas Stefan Christian Alexander Sebastian Matthias Tobias Florian Daniel Philipp Patrick Jan Max Moritz Felix Benedikt Jakob Johannes',
  french_dutch_english:
    'Jean Jean-Luc Jean-Pierre Pierre Luc Marc Michel Philippe Olivier Nicolas Julien Thomas Antoine Maxime Camille Chloé Léa Manon Sophie Isabelle Nathalie Sylvie Brigitte Françoise Aurélie Émilie Jeroen Joost Bram Sander Ruben Sanne Fleur Anouk Lotte Pieter Wouter Kees Joris Marieke Femke John James David Michael Steven Kevin Ryan Gary Kelly Sharon Tracy Emma Olivia Jack Harry George Charlie',
};

const LATIN_FAMILY = {
  german:
    'Zimmermann Wegener Heuvens Frings Pütz Wolters Nießen Classen Theißen Schiffers Hermanns Thelen Reinartz Kalff Laschet Thissen Jennessen Gielen Wirtz Kreuzer Mertens Emonds Bündgens Cremer Keutmann Lürken Rütten Vonderbank Ramakers Weidenhaupt Hoppe Horbach Kuckartz Lüttgens Nellessen Palm Quadflieg Rombach Savelsberg Schlebusch Schornstein Steinbusch Tillmanns Vieth Willms Zaun Beckers Bosten Coenen Dederichs Erkens Fell Geuenich Hamel Jakobs Kessels Lux Maaßen Nobis Offermanns Paulus Quix Rader Sieben Tholen Ungermann Vinken Wachtendonk',
  turkish_kurdish:
    'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Karaca Erdoğan Güneş Aksoy Akın Yavuz Tekin Bulut Uçar Güler Altun Keskin Çakır Acar Özer Ünal Turan Kaplan Bozkurt Avcı Sarı Genç Ateş Ekinci Tunç Kalkan Işık Ay Başaran Bingöl Zengin Duman Eren Toprak Barzani Amedi Botan Cudi Dersimi Zaza Aktaş Bayram Coşkun Durmaz Erkan Gündoğdu',
  arab: 'Al-Ahmad Al-Hassan Al-Masri Al-Khatib Al-Hamwi Al-Halabi Al-Shami Haddad Hamdan Khalil Nasser Saleh Mansour Abbas Hussein Issa Ismail Darwish Qasim Sabbagh Najjar Attar Chaaban Kanaan Saadi Zein Benali Benabdallah El Haddad El Amrani El Idrissi Bouzid Cherif Amrani Belkacem Mahmoud Othman Youssef Habib Jaber Karam Nassar Rahal Suleiman Tamimi Yassin Zaidan Bakri Hariri Jabbour',
  persian_afghan:
    'Ahmadi Rezaei Hosseini Mohammadi Karimi Hashemi Sadeghi Jafari Rahimi Moradi Mousavi Nazari Rahmani Noori Hakimi Sultani Safi Wardak Popal Popalzai Stanikzai Durrani Ghani Sharifi Amiri Habibi Azizi Samadi Najafi Kazemi Farahani Tehrani Shirazi Esfahani Yousefi Jalali Akbari Rostami Bahrami Zamani Haidari Sakhi Mohseni Faizi Kohistani Panjshiri Hazara',
  african:
    'Diallo Bah Barry Sow Camara Sylla Traoré Keita Coulibaly Konaté Touré Diop Ndiaye Fall Faye Gueye Sarr Mbaye Ba Cissé Kouyaté Okafor Okonkwo Okeke Eze Nwosu Adeyemi Adebayo Ogunleye Bello Abubakar Mensah Asante Owusu Boateng Osei Appiah Kouassi Kabila Mbeki Nkosi Diarra Sangaré Dembélé Warsame Hirsi Farah Jama Osman Mohamud Haile Tesfay Gebremariam Weldemichael Ghebreyesus Kidane Berhane Tekle Haile Mekonnen Girma Bekele Abebe Tadesse',
  roma_balkan:
    'Berisha Krasniqi Gashi Morina Hoxha Shala Bajrami Ramadani Selimović Mehmedović Demiri Memeti Sejdić Nikolić Jovanović Stojanović Mustafić Ibraimović Alijević Hodžić Hadžić Begić Kovačević Petrović Horvat Lakatos Balog Kolompar Rostas Stoica Florea Căldărar Dumitru Constantin Stan Ionescu Popescu Radu Lăcătuș Duka Oláh Horváth Rácz Sárközi',
  polish:
    'Kowalski Kowalska Nowak Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska Lewandowski Lewandowska Zieliński Zielińska Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski Wróbel Malinowski Pawlak Witkowski Walczak Stępień Górski Rutkowski Michalak Sikora Baran Duda Szewczyk',
  east_slavic:
    'Ivanov Ivanova Petrov Petrova Smirnov Smirnova Popov Popova Volkov Volkova Sokolov Kuznetsov Kuznetsova Morozov Novikov Fedorov Mikhailov Orlov Kovalenko Shevchenko Bondarenko Tkachenko Tkachuk Melnyk Kravchenko Boyko Oliynyk Kovalchuk Moroz Lysenko Marchenko Rudenko Savchenko Hrytsenko Kostenko Levchenko Schulz Bauer Musaev Zhumabaev Sarkisyan Gelashvili Beridze Kapanadze Nazarbayev Aliyev Mammadov Hasanov Karimov',
  east_asian:
    'Nguyen Tran Le Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Kim Lee Park Choi Jung Kang Tanaka Suzuki Sato',
  french_dutch_english:
    'Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters Dubois Lambert Martin Bernard Dupont Lefebvre Moreau Laurent Simon Michel Leroy Roux Fournier Girard Bonnet van den Bosch de Vries van Dijk Bakker Visser Smit Meijer de Boer Mulder de Groot Bos Vos Peters Hendriks Smith Jones Williams Brown Taylor Wilson Evans Thomas Johnson Walker',
};

const CYRILLIC_GIVEN =
  "Александр Алексей Анастасия Андрей Андрій Анна Антон Артём Артем Виктор Владимир Володимир Галина Дмитрий Дмитро Евгений Екатерина Елена Иван Іван Игорь Ігор Ирина Ірина Катерина Максим Мария Марія Михаил Михайло Наталья Наталія Николай Микола Олег Олександр Олена Ольга Оксана Павел Павло Роман Сергей Сергій Светлана Тарас Татьяна Тетяна Юлия Юлія Юрий Юрій Алина Аліна Богдан Вера Віра Людмила Софія София Артур Денис Даша Дарья Дарина Ксения Кирилл Егор Полина Руслан Ислам Тимур Нурлан Ануш Давид Гиорги Лейла Заур Мирослава Соломія Мар'яна Галя Ніна Нина Сашко Саша Петро Степан Василь Василий Яна Яна Юрко Назар Остап Зоряна Христина Любов Надія Надежда Вадим Виталий Віталій Станислав Ярослав Богдана Леся Ганна Марина Лариса Инна Інна Жанна Валентина Валентин Кевин Мартин Свен Дитер Херберт Биргит Вольфганг Гюнтер Йоахим Моника Сандра Томас Рольф Бернд Клаус Ханс Йорг Юрген Петер Уве Хайнц Франк Штефан Михаэль Андреас Маркус Кристиан Себастьян Тобиас Флориан Йонас Лукас Леон Финн Хельмут Манфред Вернер Герхард Хорст Лотар Зигфрид Гизела Урсула Хильдегард Герда Ингрид Сабина Петра Габриэле Катрин Штеффи Маргрет Ирмгард Дениз Айше Фатма Мехмет Ахмед Мухаммед Мохаммед Али Омар Хасан Юсуф Ибрагим Мустафа Фатима Амира Лейла Зейнаб";
const CYRILLIC_FAMILY =
  'Иванов Иванова Петров Петрова Смирнов Смирнова Попов Попова Волков Волкова Соколов Кузнецов Кузнецова Морозов Новиков Федоров Михайлов Орлов Коваленко Шевченко Бондаренко Ткаченко Ткачук Мельник Кравченко Бойко Олейник Ковальчук Мороз Лысенко Марченко Руденко Савченко Гриценко Костенко Левченко Алиев Мамедов Гасанов Каримов Шульц Бауэр Бауер Шмидт Шмідт Мюллер Мюлер Шнайдер Шнейдер Фишер Майер Мейер Вебер Вагнер Беккер Шульце Хоффманн Гофман Шефер Кох Рихтер Кляйн Вольф Шрёдер Нойманн Шварц Циммерманн Браун Крюгер Хофманн Ланге Шмитт Шмітт Шмиц Шміц Вернер Краузе Краузе Леманн Шмид Кёлер Кьолер Херманн Кёниг Кайзер Фукс Петерс Фогель Келлер Бергер Винклер Рот Бек Лоренц Бауман Франке Альбрехт Шустер Кремер Фогель Кессель Дюрен';
const ARABIC_GIVEN =
  'محمد أحمد احمد علي عمر خالد حسن حسين إبراهيم ابراهيم يوسف مصطفى محمود عبدالله عبد الله عبد الرحمن عبدالرحمن سارة فاطمة عائشة مريم زينب ليلى نور هدى سلمى أمل ياسمين رنا سامر سمير كريم طارق وليد رامي ماهر عمار باسل نادر فراس زيد حمزة بلال أنس سعيد جمال منى هبة ريم رشا لين لانا دانا رهف جود تالا شهد غنى سلام هالة سوسن نسرين وفاء سناء رغد آية بتول دعاء إيمان أسماء خديجة حليمة صفاء مازن معاذ قيس يزن زياد مجد وائل مروان هشام عصام غسان نزار جهاد عماد إياد أيمن أسامة سليمان صالح منصور ناصر جابر فارس بشار سامي هاني ضياء شادي كلاوس هيرمان ميشائيل ماركوس ينس يانس توماس بيتر مارتن فرانك ديرك ديتر هانس يورغن فولفغانغ شتيفان أندرياس كريستيان سيباستيان يوناس لوكاس كيفن دينيس سفين سابينه بترا أورسولا مونيكا زابينه كورنيليا هيلدغارد غيردا إنغريد';
const ARABIC_FAMILY =
  'الأحمد الحسن المصري الخطيب الحموي الحلبي الشامي حداد حمدان خليل ناصر صالح منصور عباس حسين عيسى إسماعيل درويش قاسم صباغ نجار عطار شعبان كنعان سعدي الزين بن علي بن عبد الله العلي الزهراء الحسيني الكردي العمر الأسعد البكري الحريري جبور التميمي الرفاعي الشيخ النجار السيد الدوري الجبوري العبيدي شولتس شولز شميت شميدت مولر مولير شنايدر فيشر ماير فيبر فاغنر بيكر هوفمان كوخ ريشتر كلاين فولف شرودر نويمان شفارتس تسيمرمان براون كروغر لانغه شميتس فيرنر كراوزه ليمان كونيغ كايزر فوكس بيترز فوغل كيلر بيرغر روت بيك لورنتس';
const PERSIAN_GIVEN =
  'علی محمد حسین رضا مهدی حسن امیر آرش بابک امید نوید فرهاد حمید سعید رحیم محمدرضا احمد محمود مصطفی جواد مجید مسعود جمشید خالد میرویس ناصر رشید شریف تمیم یما زلمی اجمل هواد سهراب فرید وحید قاسم داریوش کاوه کیان پیمان پویا رامین شاهین کورش زهرا مریم سارا نرگس فرشته پریسا فاطمه شیرین مهسا نسرین سمیرا لیلا نازنین رویا شبنم مرسل زرمینه زرغونه پروانه لیدا ملالی گلالی شکیلا سهیلا حبیبه بی‌بی گل آزاده نیلوفر یاسمن الهام مروه حسینه ژیلا هیوا شادی آیدا ترانه ثریا شهلا گلنار فرزانه شیما نگار مینا ماکدا کورنلیا راینر یوناس دنیس کلاوس هانس پتر توماس مارتین فرانک دیرک دیتر یورگن ولفگانگ اشتفان آندریاس کریستین سباستین لوکاس کوین سون زابینه پترا اورزولا مونیکا هیلدگارد گردا اینگرید';
const PERSIAN_FAMILY =
  'احمدی رضایی حسینی محمدی کریمی هاشمی صادقی جعفری رحیمی مرادی موسوی نظری رحمانی نوری حکیمی سلطانی صافی وردک پوپل پوپلزی ستانکزی درانی غنی شریفی امیری حبیبی عزیزی صمدی نجفی کاظمی فراهانی تهرانی شیرازی اصفهانی یوسفی جلالی اکبری رستمی بهرامی زمانی حیدری سخی محسنی فیضی کوهستانی پنجشیری هزاره کرمانی قربانی عباسی طاهری رسولی نیک‌نام فیشر شولتس شمیت مولر اشنایدر مایر وبر واگنر بکر هوفمان کخ ریشتر کلاین ولف شرودر نویمان شوارتس براون کروگر لانگه اشمیتس ورنر کراوزه لمان کونیگ کایزر فوکس پترز فوگل کلر برگر روت بک';

function words(...lists: string[]): string[] {
  return lists.join(' ').split(/\s+/).filter(Boolean);
}

export const REGION_GIVEN_NAMES: readonly string[] = words(
  ...Object.values(LATIN_GIVEN),
  CYRILLIC_GIVEN,
  ARABIC_GIVEN,
  PERSIAN_GIVEN,
);
export const REGION_FAMILY_NAMES: readonly string[] = words(
  ...Object.values(LATIN_FAMILY),
  CYRILLIC_FAMILY,
  ARABIC_FAMILY,
  PERSIAN_FAMILY,
);

/** The lists by region and script, for the training corpus (server/anonymiser/training/). */
export const NAME_LISTS = {
  latinGiven: LATIN_GIVEN,
  latinFamily: LATIN_FAMILY,
  cyrillicGiven: words(CYRILLIC_GIVEN),
  cyrillicFamily: words(CYRILLIC_FAMILY),
  arabicGiven: words(ARABIC_GIVEN),
  arabicFamily: words(ARABIC_FAMILY),
  persianGiven: words(PERSIAN_GIVEN),
  persianFamily: words(PERSIAN_FAMILY),
};
