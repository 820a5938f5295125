/**
 * First names common among people living in Germany, by origin, in the spellings reporters use.
 * A hit here makes a capitalised word a name and lets the next capitalised word join as surname.
 * Names that are also ordinary words ("Rose", "Mark", "Said") live in AMBIGUOUS_FIRST_NAMES and need
 * a title, a surname or a naming phrase to count.
 */
const GERMAN =
  'Alexander Andreas Anja Angelika Anke Annette Antje Axel Barbara Bärbel Bernd Bettina Birgit Björn Brigitte Carina Carsten Christa Christian Christiane Christina Christine Christoph Claudia Cornelia Dagmar Daniel Daniela Dennis Detlef Dieter Dirk Doris Erika Felix Finn Florian Frank Franziska Frieda Gabi Gabriele Gerd Gerhard Gisela Gudrun Günter Günther Hanna Hannah Hannelore Hans Harald Heike Heinz Helga Helmut Herbert Holger Horst Ilse Ingrid Jan Jana Jannik Jens Joachim Johanna Johannes Jonas Jörg Julian Jürgen Karl Karl-Heinz Katharina Kathrin Katja Kerstin Kevin Klaus Kurt Lars Lea Leon Leonie Lukas Manfred Manuela Marcel Marcus Marina Markus Martin Martina Matthias Max Maximilian Melanie Michael Michaela Monika Nadine Nicole Niklas Nils Norbert Olaf Oliver Patrick Peter Philipp Ralf Regina Reinhard Renate Rita Robert Rolf Sabine Sandra Sascha Sebastian Silke Simone Sonja Stefanie Steffen Steffi Stephan Susanne Sven Swen Thomas Thorsten Tim Tobias Torsten Udo Ulrich Ulrike Ursula Ute Uwe Volker Walter Werner Willi Wolfgang Yvonne Hermann Heinrich Wilhelm Friedrich Hildegard Gertrud Lisa Luisa Nina Tanja Jessica Jennifer Marvin Justin Tom Ben Elias Noah Emilia Lina';
const TURKISH_KURDISH =
  'Ahmet Ali Arda Aslı Ayla Aylin Aynur Ayşe Aysel Aysun Barış Berk Berkay Burak Burcu Can Cansu Cem Cemal Cengiz Deniz Derya Dilek Ebru Ece Elif Emel Emine Emir Emre Enes Erkan Esra Fatih Fatma Ferhat Filiz Gizem Gül Gülsüm Gülten Hakan Halil Hande Hasan Hatice Havva Hülya Hüseyin İbrahim Ibrahim İsmail Kadir Kemal Kübra Levent Mehmet Melek Melike Meltem Merve Mesut Metin Murat Mustafa Necla Nesrin Nur Nurcan Onur Orhan Osman Özlem Ramazan Recep Rıza Sabri Selin Selim Serkan Sevgi Sevim Şükrü Sibel Songül Tuba Tuncay Tülay Uğur Ümit Yasemin Yasin Yavuz Yeliz Yusuf Zehra Zeynep Zübeyde Zafer Erdal Ercan Gökhan Ilker İlker Kenan Serdar Sinan Tarık Volkan Yunus Eda Ece Damla Büşra Rojda Berivan Dilan Rojin Zilan Baran Şivan Azad Serhat Kawa Hevin';
const ARABIC =
  'Abdallah Abdullah Abdel Abdul Adnan Ahmad Ahmed Aisha Aischa Ali Amal Amin Amina Amir Amira Anas Asma Ayman Bilal Fadi Farah Fatima Fatma Hamza Hanan Hassan Hussein Huda Ibrahim Imad Iman Issa Jamal Jamila Karim Khaled Khalid Khalil Layla Leila Leyla Lina Mahmoud Malak Mariam Maryam Mohamed Mohammad Mohammed Muhammad Mona Mustafa Nabil Nadia Nour Nur Omar Osama Rami Rania Rasha Samir Samira Sara Sarah Salma Tarek Tariq Walid Yasmin Yasmina Yara Yousef Youssef Yusuf Zainab Zaid Ziad Hadi Hiba Rana Rawan Reem Ola Alaa Abir Wafa Mariama Malik Nasser Rashid Salim Sami Hamid Majid Faisal';
const PERSIAN_AFGHAN =
  'Reza Mehdi Hossein Mohsen Amir Arash Babak Bahram Behnam Dariush Farid Farhad Hamid Javad Kamran Kaveh Kian Mahsa Maryam Mina Nasrin Parisa Parviz Payam Roya Saeed Sanaz Shirin Soraya Taraneh Zahra Ziba Navid Omid Pouya Shahla Golnar Farzaneh Leyla Ahmadzai Sohrab Wahid Habib Nadia Fereshteh Mojtaba Morteza Hadi Yasaman Niloufar Azadeh';
const AFRICAN =
  'Abdoulaye Adama Adebayo Adeola Amadou Aminata Ama Akua Abena Aissatou Chinedu Chioma Chiamaka Chukwuemeka Emeka Fatou Femi Folake Ibrahima Kwabena Kwame Kofi Kojo Kwaku Mamadou Mariatou Moussa Ngozi Nnamdi Obinna Oluwaseun Ousmane Seydou Sekou Tunde Yaw Yaa Zanele Thabo Kelechi Ifeoma Aboubacar Boubacar Binta Djeneba Mariam Awa Oumar Cheikh Sileshi Tesfaye Abebe Selam Aster Mulugeta Dawit Yonas Senait Abdirahman Abdi Hodan Faduma Asha Samuel Grace Blessing Emmanuel Joseph Esther Patience Precious Godwin Ebenezer';
const SLAVIC_EASTERN =
  'Agnieszka Aleksandra Aleksander Anastasia Andrzej Andriy Andrii Anton Artem Artjom Bogdan Dariusz Dmitri Dmitrij Dmitry Ekaterina Elena Galina Igor Irina Ivan Iwan Jakub Jan Janusz Jelena Jewgeni Julia Kacper Karolina Katarzyna Kateryna Krzysztof Lena Ljudmila Ludmila Magdalena Maksym Maksim Marek Marta Michał Mykola Natalia Natalja Natascha Nikolai Oksana Olena Olga Oleksandr Oleg Pavel Pawel Paweł Piotr Roman Sergej Sergei Sergey Serhii Svetlana Swetlana Tatjana Tatiana Taras Tomasz Valentina Viktor Wiktor Vladimir Wladimir Volodymyr Yulia Jurij Juri Zofia Żaneta Dimitri Dimitrios Petar Milan Dragan Goran Zoran Jovana Ivana Marija Nikola Stefan Darko Emir Amela Adem Mirela Florin Ionut Andreea Ioana Mihai Gheorghe Elena Alina Daniela';
const OTHER =
  'Aarav Ananya Arjun Priya Rahul Ravi Sanjay Sunita Vikram Li Wei Ming Nguyen Minh Thanh Hoa Linh Tuan Jin Hyun Yuki Kenji Hiroshi Carlos Maria José Juan Pedro Luis Ana Sofia Giuseppe Giovanni Francesco Marco Alessandro Chiara Giulia Dimitris Georgios Eleni Nikos Kostas João Rui Ines Pavol Jamal Tyrone DeShawn Dzhamal Ramon Rafael';
const CYRILLIC =
  'Александр Алексей Анастасия Андрей Андрій Анна Антон Артём Артем Виктор Владимир Володимир Галина Дмитрий Дмитро Евгений Екатерина Елена Иван Іван Игорь Ігор Ирина Ірина Катерина Максим Мария Марія Михаил Михайло Наталья Наталія Николай Микола Олег Олександр Олена Ольга Оксана Павел Павло Роман Сергей Сергій Светлана Тарас Татьяна Тетяна Юлия Юлія Юрий Юрій Алина Аліна Богдан Вера Віра Людмила Софія София Артур Денис Даша Дарья Дарина Ксения Кирилл Егор Полина';
const ARABIC_SCRIPT =
  'محمد أحمد احمد علي عمر خالد حسن حسين إبراهيم ابراهيم يوسف مصطفى محمود عبدالله عبد سارة فاطمة عائشة مريم زينب ليلى نور هدى سلمى أمل ياسمين رنا سامر سمير كريم طارق وليد رامي ماهر عمار باسل نادر فراس زيد حمزة بلال أنس سعيد جمال منى هبة ريم رضا مهدی مهدي حسین علی زهرا مریم سارا نرگس فرشته پریسا آرش بابک امید نوید فرهاد حمید سعید رحیم محمدرضا فاطمه';
/**
 * Frequent given names that the lists above lacked: German first names of the birth years 1950–2020,
 * and common Polish, French and English ones.
 */
const MORE =
  'Anna Anne Andrea Amelie Charlotte Clara Klara Emily Emma Eva Ella Greta Ida Jessica Jennifer Katrin Laura Lara Lena Lina Luisa Maja Marie Mia Mila Nele Paula Petra Sabrina Sophie Sophia Tanja Ulla Ulrike Vanessa Anna-Lena Marie-Luise Ben Bernhard David Elias Emil Erik Fabian Henry Jakob Jannis Jonathan Kai Karsten Lennard Leo Linus Luca Luis Malte Mats Mathias Moritz Noah Ole Oskar Paul Rainer Theo Timo Uli Will Sam Jean Pierre Jacques Luc Marc Camille Chloé Léa Manon Nathalie Isabelle Sylvie Kuba Mateusz Łukasz Tomasz Piotr Paweł Wojciech Joanna Ewa Małgorzata Barbara Zofia Zuzanna Natalia Marta Олег Наталія Наталья Катарина Оксана Светлана Татьяна Тетяна Юлия Юлія Сергей Сергій Олександр Віктор';

function words(...lists: string[]): Set<string> {
  return new Set(lists.join(' ').split(/\s+/).filter(Boolean));
}

export const FIRST_NAMES: ReadonlySet<string> = words(
  GERMAN,
  TURKISH_KURDISH,
  ARABIC,
  PERSIAN_AFGHAN,
  AFRICAN,
  SLAVIC_EASTERN,
  OTHER,
  CYRILLIC,
  ARABIC_SCRIPT,
  MORE,
);

/** First names that are also common words in a language of the portal; they need supporting evidence. */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = words(
  'Ramazan Rose Rosa Mark Will Kuba Kai Frank Ernst Said Grace Blessing Precious Patience Nur Can Deniz Gül Nour Ana Jin Li Wei Ming Lina Jan Ali Emir Adem Kurt Amal Iman Hoa Minh Thanh Linh Sami Max Tom Ben Roman Salma Tuba Nasser Aster Awa Hadi Wahid Habib Vera Selam Abdel Abdul Abd عبد سعيد نور أمل منى هبة ريم Вера Віра علي',
);
