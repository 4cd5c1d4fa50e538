"""Regions and libraries of the demo: real organisations, approximate figures, demo hours.

Names, towns, founders and regions are real; population served and coordinates are
approximate. Opening hours are invented, except Vranje's, which are those of the Biblionet seed.
"""

from __future__ import annotations

from typing import NamedTuple

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = (MON, TUE, WED, THU, FRI)

# (service, weekdays, periods); a list of them is one library's week.
Hours = list[tuple[str, tuple[int, ...], tuple[tuple[str, str], ...]]]

REGIONS: list[tuple[str, str, str]] = [
    # slug, country, name as the country's libraries write it
    ("cz-praha", "CZ", "Hlavní město Praha"),
    ("cz-stredocesky", "CZ", "Středočeský kraj"),
    ("cz-jihocesky", "CZ", "Jihočeský kraj"),
    ("cz-ustecky", "CZ", "Ústecký kraj"),
    ("cz-kralovehradecky", "CZ", "Královéhradecký kraj"),
    ("cz-vysocina", "CZ", "Kraj Vysočina"),
    ("cz-jihomoravsky", "CZ", "Jihomoravský kraj"),
    ("cz-olomoucky", "CZ", "Olomoucký kraj"),
    ("cz-zlinsky", "CZ", "Zlínský kraj"),
    ("cz-moravskoslezsky", "CZ", "Moravskoslezský kraj"),
    ("si-ljubljana", "SI", "Knjižnična regija Ljubljana"),
    ("si-maribor", "SI", "Knjižnična regija Maribor"),
    ("si-celje", "SI", "Knjižnična regija Celje"),
    ("si-nova-gorica", "SI", "Knjižnična regija Nova Gorica"),
    ("si-novo-mesto", "SI", "Knjižnična regija Novo mesto"),
    ("si-ptuj", "SI", "Knjižnična regija Ptuj"),
    ("si-murska-sobota", "SI", "Knjižnična regija Murska Sobota"),
    ("si-ravne", "SI", "Knjižnična regija Ravne na Koroškem"),
    ("si-koper", "SI", "Knjižnična regija Koper"),
    ("si-kranj", "SI", "Knjižnična regija Kranj"),
    ("rs-beograd", "RS", "Град Београд"),
    ("rs-juznobacki", "RS", "Јужнобачки округ"),
    ("rs-nisavski", "RS", "Нишавски округ"),
    ("rs-pirotski", "RS", "Пиротски округ"),
    ("rs-pcinjski", "RS", "Пчињски округ"),
    ("ua-kyiv", "UA", "Київ"),
]

COUNTRY = {
    "CZ": ("cs", "Europe/Prague"),
    "SI": ("sl", "Europe/Ljubljana"),
    "RS": ("sr", "Europe/Belgrade"),
    "UA": ("uk", "Europe/Kyiv"),
}


def _week(*lines: tuple[str, tuple[int, ...], tuple[tuple[str, str], ...]]) -> Hours:
    return list(lines)


MORNING_AFTERNOON = (("9:00", "12:00"), ("13:00", "18:00"))

HOURS: dict[str, Hours] = {
    # A town library with a lunch break, closed on Wednesday afternoon.
    "cz_lunch": _week(
        ("general", (MON, TUE, THU, FRI), MORNING_AFTERNOON),
        ("general", (WED,), (("9:00", "12:00"),)),
        ("general", (SAT,), (("8:00", "11:00"),)),
        ("children", (MON, TUE, THU, FRI), (("13:00", "17:00"),)),
    ),
    "cz_small": _week(
        ("general", (MON, TUE, THU), (("8:00", "11:30"), ("12:30", "17:00"))),
        ("general", (WED,), (("8:00", "11:30"), ("12:30", "18:00"))),
        ("general", (FRI,), (("8:00", "11:30"), ("12:30", "16:00"))),
    ),
    "cz_town": _week(
        ("general", WEEKDAYS, (("9:00", "19:00"),)),
        ("general", (SAT,), (("9:00", "12:00"),)),
        ("children", WEEKDAYS, (("12:00", "18:00"),)),
    ),
    "cz_regional": _week(
        ("general", WEEKDAYS, (("8:00", "19:00"),)),
        ("general", (SAT,), (("8:00", "12:00"),)),
        ("lending", WEEKDAYS, (("9:00", "18:30"),)),
        ("lending", (SAT,), (("8:00", "11:30"),)),
    ),
    "cz_city": _week(
        ("general", WEEKDAYS, (("8:30", "20:00"),)),
        ("general", (SAT,), (("9:00", "17:00"),)),
        ("reading_room", WEEKDAYS, (("9:00", "19:00"),)),
        ("children", WEEKDAYS, (("12:00", "19:00"),)),
        ("children", (SAT,), (("9:00", "15:00"),)),
    ),
    "si_central": _week(
        ("general", WEEKDAYS, (("8:00", "20:00"),)),
        ("general", (SAT,), (("8:00", "13:00"),)),
        ("children", WEEKDAYS, (("10:00", "19:00"),)),
        ("children", (SAT,), (("8:00", "13:00"),)),
    ),
    "si_general": _week(
        ("general", WEEKDAYS, (("8:00", "19:00"),)),
        ("general", (SAT,), (("8:00", "12:00"),)),
    ),
    "si_small": _week(
        ("general", (MON, WED, FRI), (("8:00", "19:00"),)),
        ("general", (TUE, THU), (("12:00", "19:00"),)),
        ("general", (SAT,), (("8:00", "12:00"),)),
    ),
    # The Biblionet seed: "понедељак – петак од 8.00 – 20.00 (поручивање публикација
    # 8.00 – 19.00), субота од 8.00 – 15.00 (поручивање публикација 8.00 – 14.00)".
    "rs_vranje": _week(
        ("general", WEEKDAYS, (("8:00", "20:00"),)),
        ("general", (SAT,), (("8:00", "15:00"),)),
        ("ordering", WEEKDAYS, (("8:00", "19:00"),)),
        ("ordering", (SAT,), (("8:00", "14:00"),)),
    ),
    "rs_city": _week(
        ("general", WEEKDAYS, (("7:30", "20:00"),)),
        ("general", (SAT,), (("8:00", "14:00"),)),
        ("children", WEEKDAYS, (("8:00", "19:00"),)),
    ),
    "ua_central": _week(
        ("general", WEEKDAYS, (("10:00", "19:00"),)),
        ("general", (SAT,), (("10:00", "18:00"),)),
        ("reading_room", WEEKDAYS, (("10:00", "18:00"),)),
    ),
    "ua_branch": _week(
        ("general", WEEKDAYS, (("11:00", "19:00"),)),
        ("general", (SAT,), (("10:00", "17:00"),)),
    ),
    "ua_children": _week(
        ("general", (TUE, WED, THU, FRI, SAT), (("10:00", "18:00"),)),
    ),
}


class Place(NamedTuple):
    slug: str
    name: str
    library_type: str
    country: str
    region: str
    town: str
    founder: str
    population: int
    latitude: str
    longitude: str
    hours: str
    street: str = ""
    postcode: str = ""
    website: str = ""
    description: str = ""


P, R = "public", "regional"

# One row per library keeps the table readable; the formatter would put a field per line.
# fmt: off
LIBRARIES: list[Place] = [
    # The towns of the municipal-section seed (its coordinators, meetings and workshops).
    Place("knihovna-trinec", "Knihovna Třinec", P, "CZ", "cz-moravskoslezsky", "Třinec",
          "Město Třinec", 34000, "49.6776", "18.6708", "cz_lunch"),
    Place("mestska-knihovna-nymburk", "Městská knihovna Nymburk", P, "CZ", "cz-stredocesky",
          "Nymburk", "Město Nymburk", 15000, "50.1861", "15.0417", "cz_small"),
    Place("mestska-knihovna-valasske-mezirici", "Městská knihovna Valašské Meziříčí", P, "CZ",
          "cz-zlinsky", "Valašské Meziříčí", "Město Valašské Meziříčí", 22000, "49.4718",
          "17.9712", "cz_lunch"),
    Place("knihovna-jiriho-mahena-v-brne", "Knihovna Jiřího Mahena v Brně", P, "CZ",
          "cz-jihomoravsky", "Brno", "Statutární město Brno", 400000, "49.1951", "16.6068",
          "cz_city", street="Kobližná 4", postcode="601 50", website="https://www.kjm.cz"),
    Place("mestska-knihovna-louny", "Městská knihovna Louny", P, "CZ", "cz-ustecky", "Louny",
          "Město Louny", 18000, "50.3570", "13.7967", "cz_small"),
    Place("mestska-knihovna-v-praze", "Městská knihovna v Praze", P, "CZ", "cz-praha", "Praha",
          "Hlavní město Praha", 1380000, "50.0874", "14.4178", "cz_city",
          street="Mariánské náměstí 98/1", postcode="110 00", website="https://www.mlp.cz"),
    Place("krajska-knihovna-frantiska-bartose-ve-zline",
          "Krajská knihovna Františka Bartoše ve Zlíně", R, "CZ", "cz-zlinsky", "Zlín",
          "Zlínský kraj", 75000, "49.2265", "17.6707", "cz_regional",
          website="https://www.kfbz.cz"),
    Place("knihovna-mesta-hradce-kralove", "Knihovna města Hradce Králové", P, "CZ",
          "cz-kralovehradecky", "Hradec Králové", "Statutární město Hradec Králové", 93000,
          "50.2092", "15.8328", "cz_town"),
    Place("mestska-knihovna-jihlava", "Městská knihovna Jihlava", P, "CZ", "cz-vysocina",
          "Jihlava", "Statutární město Jihlava", 54000, "49.3961", "15.5912", "cz_town"),
    Place("knihovna-mesta-olomouce", "Knihovna města Olomouce", P, "CZ", "cz-olomoucky",
          "Olomouc", "Statutární město Olomouc", 102000, "49.5938", "17.2509", "cz_town"),
    # The ten Slovenian regional central libraries.
    Place("mestna-knjiznica-ljubljana", "Mestna knjižnica Ljubljana", R, "SI", "si-ljubljana",
          "Ljubljana", "Mestna občina Ljubljana", 380000, "46.0503", "14.5046", "si_central",
          website="https://www.mklj.si"),
    Place("mariborska-knjiznica", "Mariborska knjižnica", R, "SI", "si-maribor", "Maribor",
          "Mestna občina Maribor", 150000, "46.5547", "15.6459", "si_central"),
    Place("osrednja-knjiznica-celje", "Osrednja knjižnica Celje", R, "SI", "si-celje", "Celje",
          "Mestna občina Celje", 55000, "46.2309", "15.2604", "si_central"),
    Place("goriska-knjiznica-franceta-bevka", "Goriška knjižnica Franceta Bevka Nova Gorica", R,
          "SI", "si-nova-gorica", "Nova Gorica", "Mestna občina Nova Gorica", 60000, "45.9558",
          "13.6483", "si_central"),
    Place("knjiznica-mirana-jarca-novo-mesto", "Knjižnica Mirana Jarca Novo mesto", R, "SI",
          "si-novo-mesto", "Novo mesto", "Mestna občina Novo mesto", 37000, "45.8030",
          "15.1689", "si_central"),
    Place("knjiznica-ivana-potrca-ptuj", "Knjižnica Ivana Potrča Ptuj", R, "SI", "si-ptuj",
          "Ptuj", "Mestna občina Ptuj", 70000, "46.4199", "15.8697", "si_central"),
    Place("pokrajinska-in-studijska-knjiznica-murska-sobota",
          "Pokrajinska in študijska knjižnica Murska Sobota", R, "SI", "si-murska-sobota",
          "Murska Sobota", "Mestna občina Murska Sobota", 19000, "46.6625", "16.1664",
          "si_central"),
    Place("koroska-osrednja-knjiznica-ravne",
          "Koroška osrednja knjižnica dr. Franca Sušnika Ravne na Koroškem", R, "SI", "si-ravne",
          "Ravne na Koroškem", "Občina Ravne na Koroškem", 25000, "46.5436", "14.9692",
          "si_central"),
    Place("osrednja-knjiznica-srecka-vilharja-koper", "Osrednja knjižnica Srečka Vilharja Koper",
          R, "SI", "si-koper", "Koper", "Mestna občina Koper", 53000, "45.5481", "13.7302",
          "si_central"),
    Place("mestna-knjiznica-kranj", "Mestna knjižnica Kranj", R, "SI", "si-kranj", "Kranj",
          "Mestna občina Kranj", 56000, "46.2389", "14.3556", "si_central"),
    # General libraries of three Slovenian library regions.
    Place("knjiznica-domzale", "Knjižnica Domžale", P, "SI", "si-ljubljana", "Domžale",
          "Občina Domžale", 37000, "46.1376", "14.5937", "si_general"),
    Place("knjiznica-franceta-balantica-kamnik", "Knjižnica Franceta Balantiča Kamnik", P, "SI",
          "si-ljubljana", "Kamnik", "Občina Kamnik", 30000, "46.2259", "14.6121", "si_general"),
    Place("mestna-knjiznica-grosuplje", "Mestna knjižnica Grosuplje", P, "SI", "si-ljubljana",
          "Grosuplje", "Občina Grosuplje", 40000, "45.9553", "14.6589", "si_general"),
    Place("knjiznica-litija", "Knjižnica Litija", P, "SI", "si-ljubljana", "Litija",
          "Občina Litija", 21000, "46.0583", "14.8225", "si_small"),
    Place("cankarjeva-knjiznica-vrhnika", "Cankarjeva knjižnica Vrhnika", P, "SI",
          "si-ljubljana", "Vrhnika", "Občina Vrhnika", 25000, "45.9660", "14.2980", "si_small"),
    Place("knjiznica-velenje", "Knjižnica Velenje", P, "SI", "si-celje", "Velenje",
          "Mestna občina Velenje", 33000, "46.3592", "15.1103", "si_general"),
    Place("medobcinska-splosna-knjiznica-zalec", "Medobčinska splošna knjižnica Žalec", P, "SI",
          "si-celje", "Žalec", "Občina Žalec", 43000, "46.2513", "15.1649", "si_general"),
    Place("knjiznica-slovenske-konjice", "Knjižnica Slovenske Konjice", P, "SI", "si-celje",
          "Slovenske Konjice", "Občina Slovenske Konjice", 15000, "46.3378", "15.4245",
          "si_small"),
    Place("knjiznica-lasko", "Knjižnica Laško", P, "SI", "si-celje", "Laško", "Občina Laško",
          13000, "46.1547", "15.2358", "si_small"),
    Place("knjiznica-lenart", "Knjižnica Lenart", P, "SI", "si-maribor", "Lenart",
          "Občina Lenart", 20000, "46.5757", "15.8311", "si_small"),
    Place("knjiznica-josipa-vosnjaka-slovenska-bistrica",
          "Knjižnica Josipa Vošnjaka Slovenska Bistrica", P, "SI", "si-maribor",
          "Slovenska Bistrica", "Občina Slovenska Bistrica", 25000, "46.3925", "15.5733",
          "si_general"),
    # Serbian public libraries: the host of Biblionet 2020 under the seed's name, and others.
    Place("jb-bora-stankovic-vranje", "Јавна библиотека Бора Станковић", P, "RS", "rs-pcinjski",
          "Врање", "Град Врање", 80000, "42.5514", "21.9003", "rs_vranje"),
    Place("nb-stevan-sremac-nis", "Народна библиотека „Стеван Сремац“", P, "RS", "rs-nisavski",
          "Ниш", "Град Ниш", 260000, "43.3209", "21.8958", "rs_city"),
    Place("gradska-biblioteka-novi-sad", "Градска библиотека у Новом Саду", P, "RS",
          "rs-juznobacki", "Нови Сад", "Град Нови Сад", 370000, "45.2551", "19.8452", "rs_city"),
    Place("biblioteka-grada-beograda", "Библиотека града Београда", P, "RS", "rs-beograd",
          "Београд", "Град Београд", 1680000, "44.8176", "20.4569", "rs_city",
          street="Кнез Михаилова 56", postcode="11000"),
    # The central library of the Kyiv district system; its branches are in BRANCHES.
    Place("cbs-solomianskyi-central",
          "Центральна районна бібліотека Солом’янського району м. Києва", P, "UA", "ua-kyiv",
          "Київ", "Солом’янська районна в місті Києві державна адміністрація", 380000,
          "50.4330", "30.4750", "ua_central"),
]
# fmt: on

# Branches of the Kyiv district system. The names are invented for the demo.
BRANCHES: list[tuple[str, str]] = [
    ("Бібліотека-філія № 1", "ua_branch"),
    ("Бібліотека для дітей № 2", "ua_children"),
    ("Бібліотека-хаб № 3", "ua_branch"),
    ("Бібліотека-філія № 4", "ua_branch"),
]
KYIV_LIBRARY = "cbs-solomianskyi-central"
