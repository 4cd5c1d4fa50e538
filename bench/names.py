"""Small built-in word lists the generator combines into realistic multilingual names."""

# Tables read better as written than one item a line.
# fmt: off

# country: (language, time zone, postcode pattern — "9" is a digit)
COUNTRIES = {
    "CZ": ("cs", "Europe/Prague", "999 99"),
    "SI": ("sl", "Europe/Ljubljana", "9999"),
    "RS": ("sr", "Europe/Belgrade", "99999"),
    "UA": ("uk", "Europe/Kyiv", "99999"),
}

# How the libraries of a national network split between the countries.
COUNTRY_WEIGHTS = {"CZ": 70, "SI": 10, "RS": 10, "UA": 10}

# Rough centres for coordinates: (latitude, longitude, spread in degrees).
COUNTRY_CENTRES = {
    "CZ": (49.8, 15.5, 1.2),
    "SI": (46.1, 14.8, 0.5),
    "RS": (44.0, 20.9, 1.0),
    "UA": (49.0, 31.0, 2.5),
}

# region name → its towns (the first town is the regional centre).
REGIONS = {
    "CZ": {
        "Hlavní město Praha": ["Praha"],
        "Středočeský kraj": ["Kladno", "Mladá Boleslav", "Kolín", "Příbram", "Benešov", "Beroun",
                             "Mělník", "Kutná Hora"],
        "Jihočeský kraj": ["České Budějovice", "Tábor", "Písek", "Strakonice",
                           "Jindřichův Hradec", "Český Krumlov"],
        "Plzeňský kraj": ["Plzeň", "Klatovy", "Rokycany", "Domažlice", "Tachov"],
        "Karlovarský kraj": ["Karlovy Vary", "Cheb", "Sokolov", "Mariánské Lázně"],
        "Ústecký kraj": ["Ústí nad Labem", "Děčín", "Teplice", "Most", "Chomutov", "Litoměřice",
                         "Louny"],
        "Liberecký kraj": ["Liberec", "Jablonec nad Nisou", "Česká Lípa", "Semily", "Turnov"],
        "Královéhradecký kraj": ["Hradec Králové", "Trutnov", "Náchod", "Jičín",
                                 "Rychnov nad Kněžnou"],
        "Pardubický kraj": ["Pardubice", "Chrudim", "Svitavy", "Ústí nad Orlicí", "Litomyšl"],
        "Kraj Vysočina": ["Jihlava", "Třebíč", "Havlíčkův Brod", "Žďár nad Sázavou",
                          "Pelhřimov"],
        "Jihomoravský kraj": ["Brno", "Znojmo", "Břeclav", "Hodonín", "Vyškov", "Blansko",
                              "Boskovice"],
        "Olomoucký kraj": ["Olomouc", "Prostějov", "Přerov", "Šumperk", "Jeseník"],
        "Zlínský kraj": ["Zlín", "Uherské Hradiště", "Kroměříž", "Vsetín",
                         "Valašské Meziříčí"],
        "Moravskoslezský kraj": ["Ostrava", "Opava", "Frýdek-Místek", "Karviná", "Havířov",
                                 "Třinec", "Nový Jičín"],
    },
    "SI": {
        "Osrednjeslovenska regija": ["Ljubljana", "Domžale", "Kamnik", "Vrhnika", "Grosuplje"],
        "Gorenjska regija": ["Kranj", "Jesenice", "Radovljica", "Škofja Loka"],
        "Podravska regija": ["Maribor", "Ptuj", "Slovenska Bistrica"],
        "Savinjska regija": ["Celje", "Velenje", "Žalec"],
        "Pomurska regija": ["Murska Sobota", "Ljutomer", "Lendava"],
        "Goriška regija": ["Nova Gorica", "Tolmin", "Ajdovščina"],
        "Obalno-kraška regija": ["Koper", "Izola", "Piran", "Sežana"],
        "Jugovzhodna Slovenija": ["Novo mesto", "Črnomelj", "Kočevje"],
        "Koroška regija": ["Ravne na Koroškem", "Slovenj Gradec", "Dravograd"],
        "Posavska regija": ["Krško", "Brežice", "Sevnica"],
        "Zasavska regija": ["Trbovlje", "Zagorje ob Savi", "Hrastnik"],
        "Primorsko-notranjska regija": ["Postojna", "Cerknica", "Ilirska Bistrica"],
    },
    "RS": {
        "Град Београд": ["Београд", "Земун", "Младеновац", "Обреновац"],
        "Пчињски округ": ["Врање", "Бујановац", "Владичин Хан", "Сурдулица"],
        "Јужнобачки округ": ["Нови Сад", "Бачка Паланка", "Бечеј", "Темерин"],
        "Нишавски округ": ["Ниш", "Алексинац", "Сокобања"],
        "Шумадијски округ": ["Крагујевац", "Аранђеловац", "Топола"],
        "Златиборски округ": ["Ужице", "Чајетина", "Пријепоље", "Нова Варош"],
        "Расински округ": ["Крушевац", "Трстеник", "Александровац"],
        "Јабланички округ": ["Лесковац", "Лебане", "Власотинце"],
        "Мачвански округ": ["Шабац", "Лозница", "Богатић"],
        "Севернобачки округ": ["Суботица", "Бачка Топола"],
    },
    "UA": {
        "м. Київ": ["Київ"],
        "Київська область": ["Біла Церква", "Бровари", "Ірпінь", "Фастів"],
        "Львівська область": ["Львів", "Дрогобич", "Самбір", "Стрий"],
        "Харківська область": ["Харків", "Лозова", "Ізюм"],
        "Одеська область": ["Одеса", "Ізмаїл", "Білгород-Дністровський"],
        "Вінницька область": ["Вінниця", "Жмеринка", "Могилів-Подільський"],
        "Полтавська область": ["Полтава", "Кременчук", "Миргород"],
        "Чернігівська область": ["Чернігів", "Ніжин", "Прилуки"],
    },
}

# Villages: an adjective (agreeing with the nouns), a noun, and for Czech an invariant tail.
VILLAGES = {
    "CZ": (
        ["", "Horní ", "Dolní ", "Přední ", "Zadní "],
        ["Lhota", "Ves", "Újezd", "Dvůr", "Lomnice", "Bříza", "Bukovina", "Lipová", "Radouň",
         "Krupá", "Habry", "Řasnice", "Brod", "Kounice", "Studnice", "Hradiště", "Lukavice",
         "Olešnice", "Bělá", "Vrbice", "Životice", "Čermná", "Těšice", "Rovensko"],
        ["", " nad Labem", " nad Sázavou", " pod Radhoštěm", " u Brna", " u Tábora",
         " nad Orlicí", " u Jihlavy", " u Plzně", " u Kolína", " u Třebíče", " pod Sněžkou"],
    ),
    "SI": (
        ["", "Zgornja ", "Spodnja ", "Gornja ", "Dolnja ", "Mala ", "Velika "],
        ["Vas", "Loka", "Polana", "Draga", "Lipnica", "Kungota", "Pristava", "Bistrica",
         "Rečica", "Ponikva", "Senica", "Straža"],
        [""],
    ),
    "RS": (
        ["", "Горња ", "Доња ", "Велика ", "Мала ", "Нова ", "Стара "],
        ["Каменица", "Моштаница", "Ливадица", "Ракита", "Бресница", "Плана", "Врбица",
         "Дубрава", "Крушевица", "Ловћа", "Јасеница", "Топоница"],
        [""],
    ),
    "UA": (
        ["", "Нова ", "Стара ", "Велика ", "Мала ", "Верхня ", "Нижня "],
        ["Олександрівка", "Михайлівка", "Петрівка", "Іванівка", "Миколаївка", "Василівка",
         "Григорівка", "Степанівка", "Андріївка", "Федорівка", "Павлівка", "Семенівка"],
        [""],
    ),
}

# Library names by language and type; "{town}" is filled in. Villages get the last public one.
LIBRARY_NAMES = {
    "cs": {
        "public": ["Městská knihovna {town}", "Místní knihovna {town}", "Obecní knihovna {town}"],
        "regional": ["Regionální knihovna {town}"],
        "university": ["Vysokoškolská knihovna {town}", "Knihovna lékařské fakulty {town}"],
        "specialised": ["Knihovna muzea {town}", "Knihovna Státního okresního archivu {town}",
                        "Odborná knihovna nemocnice {town}"],
        "school": ["Knihovna gymnázia {town}", "Školní knihovna ZŠ {town}"],
        "national": ["Národní knihovna České republiky"],
    },
    "sl": {
        "public": ["Mestna knjižnica {town}", "Splošna knjižnica {town}", "Knjižnica {town}"],
        "regional": ["Osrednja knjižnica {town}"],
        "university": ["Univerzitetna knjižnica {town}"],
        "specialised": ["Knjižnica Pokrajinskega muzeja {town}", "Strokovna knjižnica {town}"],
        "school": ["Knjižnica Gimnazije {town}", "Šolska knjižnica OŠ {town}"],
        "national": ["Narodna in univerzitetna knjižnica"],
    },
    "sr": {
        "public": ["Народна библиотека {town}", "Градска библиотека {town}",
                   "Библиотека {town}"],
        "regional": ["Матична библиотека {town}"],
        "university": ["Универзитетска библиотека {town}"],
        "specialised": ["Библиотека Историјског архива {town}",
                        "Библиотека Народног музеја {town}"],
        "school": ["Библиотека Гимназије {town}", "Школска библиотека ОШ {town}"],
        "national": ["Народна библиотека Србије"],
    },
    "uk": {
        "public": ["Публічна бібліотека, {town}", "Центральна бібліотека, {town}",
                   "Сільська бібліотека, {town}"],
        "regional": ["Обласна універсальна наукова бібліотека, {town}"],
        "university": ["Наукова бібліотека університету, {town}"],
        "specialised": ["Медична бібліотека, {town}", "Науково-технічна бібліотека, {town}"],
        "school": ["Бібліотека ліцею, {town}", "Шкільна бібліотека, {town}"],
        "national": ["Національна бібліотека України імені В. І. Вернадського"],
    },
}

BRANCH_NAMES = {
    "cs": ["Pobočka Centrum", "Pobočka Sever", "Pobočka Jih", "Pobočka Sídliště",
           "Pobočka Nádražní", "Pobočka Lesná", "Pobočka Vinohrady", "Pobočka Zahrádky"],
    "sl": ["Enota Center", "Enota Bežigrad", "Enota Šiška", "Enota Moste", "Enota Vič",
           "Enota Polje"],
    "sr": ["Огранак „Центар“", "Огранак „Ново насеље“", "Огранак „Стари град“",
           "Огранак „Подгорац“", "Дечје одељење"],
    "uk": ["Бібліотека-філія № {n}"],
}

STREETS = {
    "cs": ["Náměstí Míru", "Husova", "Komenského", "Palackého", "Masarykovo náměstí",
           "Nádražní", "Školní", "Jiráskova", "Tyršova", "Sokolská"],
    "sl": ["Prešernova cesta", "Trubarjeva ulica", "Glavni trg", "Cankarjeva ulica",
           "Šolska ulica", "Partizanska cesta"],
    "sr": ["Улица краља Петра I", "Његошева", "Карађорђева", "Вука Караџића",
           "Булевар ослобођења", "Трг републике"],
    "uk": ["вул. Шевченка", "вул. Івана Франка", "просп. Незалежності", "вул. Лесі Українки",
           "вул. Грушевського", "майдан Свободи"],
}

# (men's first names, women's first names, men's surnames, women's surnames)
PEOPLE = {
    "cs": (
        ["Jan", "Petr", "Tomáš", "Jiří", "Pavel", "Martin", "Lukáš", "Jakub"],
        ["Jana", "Petra", "Lucie", "Eva", "Hana", "Kateřina", "Martina", "Tereza"],
        ["Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý",
         "Horák", "Němec"],
        ["Nováková", "Svobodová", "Novotná", "Dvořáková", "Černá", "Procházková", "Kučerová",
         "Veselá", "Horáková", "Němcová"],
    ),
    "sl": (
        ["Luka", "Matej", "Janez", "Marko", "Andrej"],
        ["Maja", "Nina", "Petra", "Mojca", "Urška"],
        ["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar"],
        ["Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar"],
    ),
    "sr": (
        ["Никола", "Марко", "Милош", "Стефан", "Душан"],
        ["Јелена", "Марија", "Ана", "Милица", "Драгана"],
        ["Јовановић", "Петровић", "Николић", "Марковић", "Ђорђевић", "Стојановић", "Илић"],
        ["Јовановић", "Петровић", "Николић", "Марковић", "Ђорђевић", "Стојановић", "Илић"],
    ),
    "uk": (
        ["Олександр", "Андрій", "Сергій", "Дмитро", "Іван"],
        ["Олена", "Наталія", "Ірина", "Оксана", "Тетяна"],
        ["Шевченко", "Бондаренко", "Коваленко", "Ткаченко", "Кравченко", "Мельник", "Бойко"],
        ["Шевченко", "Бондаренко", "Коваленко", "Ткаченко", "Кравченко", "Мельник", "Бойко"],
    ),
}

JOB_TITLES = {
    "cs": ["knihovnice", "knihovník", "metodička", "správce fondu"],
    "sl": ["knjižničarka", "bibliotekar", "vodja oddelka"],
    "sr": ["библиотекар", "виши библиотекар", "књижничар"],
    "uk": ["бібліотекар", "провідний бібліотекар", "бібліограф"],
}

# Reasons for closures and changed hours.
EXCEPTION_REASONS = {
    "cs": ["Státní svátek", "Revize fondu", "Dovolená", "Školení zaměstnanců", "Zkrácený provoz"],
    "sl": ["Državni praznik", "Inventura", "Dopust", "Izobraževanje zaposlenih"],
    "sr": ["Државни празник", "Ревизија фонда", "Годишњи одмор", "Скраћено радно време"],
    "uk": ["Державне свято", "Санітарний день", "Інвентаризація фонду", "Відпустка"],
}

# Network plans, in the order they are created: a tiny run takes the first few and still nests.
# (key, parent key, kind, country, region name or "", name, short name)
NETWORKS = [
    ("cz-sdruk", None, "association", "CZ", "", "Sdružení knihoven České republiky", "SDRUK"),
    ("cz-sdruk-mestske", "cz-sdruk", "section", "CZ", "", "Sekce městských knihoven", ""),
    ("cz-sdruk-mestske-reditele", "cz-sdruk-mestske", "working_group", "CZ", "",
     "Pracovní skupina pro vzdělávání ředitelů", ""),
    ("si-zsk", None, "association", "SI", "", "Združenje splošnih knjižnic", "ZSK"),
    ("rs-zmbs", None, "association", "RS", "", "Заједница матичних библиотека Србије", "ЗМБС"),
    ("ua-uba", None, "association", "UA", "", "Українська бібліотечна асоціація", "УБА"),
    ("ua-cbs-solomianskyi", None, "library_system", "UA", "м. Київ",
     "ЦБС Солом'янського району м. Києва", "ЦБС"),
    ("cz-skip", None, "association", "CZ", "", "Svaz knihovníků a informačních pracovníků ČR",
     "SKIP"),
    ("cz-sdruk-krajske", "cz-sdruk", "section", "CZ", "", "Sekce krajských knihoven", ""),
    ("rs-biblionet", "rs-zmbs", "working_group", "RS", "",
     "Библионет – конференција јавних библиотека", ""),
    ("cz-sdruk-mestske-ai", "cz-sdruk-mestske", "working_group", "CZ", "",
     "Akademie umělé inteligence", ""),
    *[
        (f"si-ook-{i}", "si-zsk", "regional_system", "SI", region,
         f"Območje Osrednje knjižnice {town}", "")
        for i, (region, town) in enumerate(
            [
                ("Savinjska regija", "Celje"),
                ("Obalno-kraška regija", "Koper"),
                ("Gorenjska regija", "Kranj"),
                ("Osrednjeslovenska regija", "Ljubljana"),
                ("Podravska regija", "Maribor"),
                ("Pomurska regija", "Murska Sobota"),
                ("Goriška regija", "Nova Gorica"),
                ("Jugovzhodna Slovenija", "Novo mesto"),
                ("Koroška regija", "Ravne na Koroškem"),
                ("Posavska regija", "Krško"),
            ],
            start=1,
        )
    ],
    *[
        (f"cz-rf-{i}", "cz-sdruk-krajske", "regional_system", "CZ", region,
         f"Regionální funkce knihoven – {region}", "")
        for i, region in enumerate(REGIONS["CZ"], start=1)
    ],
    *[
        (f"rs-mreza-{i}", "rs-zmbs", "regional_system", "RS", region,
         f"Мрежа библиотека – {region}", "")
        for i, region in enumerate(["Пчињски округ", "Нишавски округ", "Јужнобачки округ"],
                                   start=1)
    ],
    ("cz-skip-morava", "cz-skip", "section", "CZ", "", "Regionální organizace SKIP Morava", ""),
    ("ua-cbs-shevchenkivskyi", None, "library_system", "UA", "м. Київ",
     "ЦБС Шевченківського району м. Києва", "ЦБС"),
]

NETWORK_SUMMARIES = {
    "cs": "Sdílení zkušeností, vzdělávání a společné projekty knihoven.",
    "sl": "Izmenjava dobrih praks, strokovno izobraževanje in skupni projekti knjižnic.",
    "sr": "Размена искустава, стручно усавршавање и заједнички пројекти библиотека.",
    "uk": "Обмін досвідом, професійне навчання та спільні проєкти бібліотек.",
}

# Transliteration of Cyrillic for addresses on the site (slugs) and e-mail addresses.
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
    # Serbian letters; Serbian reads some shared letters differently (below).
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
}
SERBIAN_LATIN = {"г": "g", "и": "i", "х": "h", "ц": "c", "ч": "c", "ш": "s", "ж": "z"}

# --- Events ------------------------------------------------------------------------------------
# The same twelve topics in every language, in the same order, so a translation can match.
EVENT_TOPICS = {
    "cs": ["Čtenářská gramotnost dětí", "Digitalizace fondu", "Katalogizace podle RDA",
           "Knihovna jako třetí místo", "Umělá inteligence v knihovně", "Služby pro seniory",
           "Regionální bibliografie", "Mediální gramotnost", "Ochrana osobních údajů",
           "Propagace na sociálních sítích", "E-knihy a e-výpůjčky", "Knihovní zákon v praxi"],
    "sl": ["Bralna pismenost otrok", "Digitalizacija gradiva", "Katalogizacija po RDA",
           "Knjižnica kot tretji prostor", "Umetna inteligenca v knjižnici",
           "Storitve za starejše", "Domoznanstvo", "Medijska pismenost",
           "Varstvo osebnih podatkov", "Promocija na družbenih omrežjih",
           "E-knjige in e-izposoja", "Zakon o knjižničarstvu v praksi"],
    "sr": ["Читалачка писменост деце", "Дигитализација фонда", "Каталогизација према RDA",
           "Библиотека као треће место", "Вештачка интелигенција у библиотеци",
           "Услуге за старије кориснике", "Завичајна збирка", "Медијска писменост",
           "Заштита података о личности", "Промоција на друштвеним мрежама",
           "Електронске књиге и позајмица", "Закон о библиотечкој делатности у пракси"],
    "uk": ["Читацька грамотність дітей", "Оцифрування фондів", "Каталогізація за RDA",
           "Бібліотека як третє місце", "Штучний інтелект у бібліотеці",
           "Послуги для людей старшого віку", "Краєзнавство", "Медіаграмотність",
           "Захист персональних даних", "Просування в соціальних мережах",
           "Електронні книги та позичання", "Закон про бібліотеки на практиці"],
    "en": ["Children's reading literacy", "Digitising the collection", "Cataloguing with RDA",
           "The library as a third place", "Artificial intelligence in the library",
           "Services for older readers", "Local studies", "Media literacy",
           "Protecting personal data", "Promotion on social media", "E-books and e-lending",
           "The library act in practice"],
}

# Titles by language and kind: {topic}, {network} (its short name or name) and {year}.
EVENT_TITLES = {
    "cs": {
        "meeting": ["Setkání {network}: {topic}", "Porada metodiků – {topic}"],
        "workshop": ["Workshop: {topic}", "Dílna: {topic}"],
        "course": ["Kurz: {topic}", "Cyklus školení: {topic}"],
        "conference": ["Konference {network} {year}", "Odborná konference: {topic}"],
        "webinar": ["Webinář: {topic}"],
        "assembly": ["Valná hromada {network} {year}", "Členská schůze {network} {year}"],
    },
    "sl": {
        "meeting": ["Srečanje {network}: {topic}", "Delovni sestanek – {topic}"],
        "workshop": ["Delavnica: {topic}"],
        "course": ["Tečaj: {topic}", "Izobraževalni cikel: {topic}"],
        "conference": ["Posvet {network} {year}", "Strokovno posvetovanje: {topic}"],
        "webinar": ["Spletni seminar: {topic}"],
        "assembly": ["Skupščina {network} {year}", "Redni letni zbor {network} {year}"],
    },
    "sr": {
        "meeting": ["Састанак {network}: {topic}", "Радни састанак – {topic}"],
        "workshop": ["Радионица: {topic}"],
        "course": ["Курс: {topic}", "Циклус обука: {topic}"],
        "conference": ["Конференција {network} {year}", "Стручни скуп: {topic}"],
        "webinar": ["Вебинар: {topic}"],
        "assembly": ["Скупштина {network} {year}", "Годишња скупштина {network} {year}"],
    },
    "uk": {
        "meeting": ["Зустріч {network}: {topic}", "Нарада бібліотекарів – {topic}"],
        "workshop": ["Майстер-клас: {topic}"],
        "course": ["Курс: {topic}", "Школа бібліотекаря: {topic}"],
        "conference": ["Конференція {network} {year}", "Науково-практична конференція: {topic}"],
        "webinar": ["Вебінар: {topic}"],
        "assembly": ["Загальні збори {network} {year}", "Звітна конференція {network} {year}"],
    },
    "en": {
        "meeting": ["Meeting of {network}: {topic}", "Working meeting – {topic}"],
        "workshop": ["Workshop: {topic}"],
        "course": ["Course: {topic}", "Training series: {topic}"],
        "conference": ["{network} conference {year}", "Professional conference: {topic}"],
        "webinar": ["Webinar: {topic}"],
        "assembly": ["{network} general assembly {year}", "Annual meeting of {network} {year}"],
    },
}

EVENT_SUMMARIES = {
    "cs": ["Pro knihovníky veřejných knihoven, začátečníky i pokročilé.",
           "Praktické ukázky, diskuse a sdílení zkušeností z knihoven regionu.",
           "S sebou notebook; občerstvení zajištěno."],
    "sl": ["Za knjižničarje splošnih knjižnic, začetnike in izkušene.",
           "Praktični primeri, razprava in izmenjava izkušenj iz knjižnic regije.",
           "Prinesite prenosnik; poskrbljeno je za pogostitev."],
    "sr": ["За библиотекаре јавних библиотека, почетнике и искусне.",
           "Практични примери, дискусија и размена искустава библиотека из региона.",
           "Понесите лаптоп; освежење је обезбеђено."],
    "uk": ["Для бібліотекарів публічних бібліотек, початківців і досвідчених.",
           "Практичні приклади, обговорення та обмін досвідом бібліотек регіону.",
           "Візьміть із собою ноутбук; буде кава-брейк."],
    "en": ["For librarians of public libraries, beginners and experienced alike.",
           "Practical examples, discussion and experience from the region's libraries.",
           "Bring a laptop; refreshments provided."],
}

# Rooms of a host library, and the titles of a course's lessons and a conference's days.
EVENT_ROOMS = {
    "cs": ["přednáškový sál", "klubovna", "studovna", "konferenční sál"],
    "sl": ["dvorana", "čitalnica", "sejna soba", "pravljična soba"],
    "sr": ["велика сала", "читаоница", "сала за састанке", "галерија"],
    "uk": ["читальна зала", "конференц-зала", "мала зала", "медіацентр"],
}
SESSION_TITLES = {
    "cs": {"course": "Lekce {n}", "conference": "Den {n}", "other": "Část {n}"},
    "sl": {"course": "{n}. srečanje", "conference": "{n}. dan", "other": "{n}. del"},
    "sr": {"course": "Час {n}", "conference": "Дан {n}", "other": "Део {n}"},
    "uk": {"course": "Заняття {n}", "conference": "День {n}", "other": "Частина {n}"},
}

# A question asked at registration for conferences: (question, choices).
EVENT_QUESTIONS = {
    "cs": ("Oběd", ["Běžný", "Vegetariánský", "Bez lepku"]),
    "sl": ("Kosilo", ["Običajno", "Vegetarijansko", "Brez glutena"]),
    "sr": ("Ручак", ["Уобичајен", "Вегетаријански", "Без глутена"]),
    "uk": ("Обід", ["Звичайний", "Вегетаріанський", "Без глютену"]),
}

# Where visitors who register without an account come from.
VISITOR_ORGANISATIONS = {
    "cs": ["Základní škola", "Muzeum regionu", "Městský úřad", "Archiv", ""],
    "sl": ["Osnovna šola", "Pokrajinski muzej", "Občinska uprava", "Arhiv", ""],
    "sr": ["Основна школа", "Народни музеј", "Градска управа", "Историјски архив", ""],
    "uk": ["Загальноосвітня школа", "Краєзнавчий музей", "Міська рада", "Архів", ""],
}
