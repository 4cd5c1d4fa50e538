"""People of the demo, their roles, and applications waiting for a decision.

Everyone here is invented, with an address at example.org or example.net, except the three
coordinators of the municipal section, whose names are public on the section's page (their
demo e-mail addresses are invented).
"""

from __future__ import annotations

from typing import NamedTuple


class Person(NamedTuple):
    email: str
    full_name: str
    language: str


PEOPLE: list[Person] = [
    # Czech association and its municipal section
    Person("martina.wolna@example.org", "Martina Wolna", "cs"),
    Person("jan.cervinka@example.org", "Jan Červinka", "cs"),
    Person("zdenka.smahlova@example.org", "Zdeňka Smahlová", "cs"),
    Person("lucie.maresova@example.org", "Lucie Marešová", "en"),
    Person("hana.svobodova@example.org", "Hana Svobodová", "cs"),
    Person("petra.novakova@example.org", "Petra Nováková", "cs"),
    Person("tomas.dvorak@example.org", "Tomáš Dvořák", "cs"),
    Person("lenka.kralova@example.org", "Lenka Králová", "cs"),
    Person("jiri.kucera@example.org", "Jiří Kučera", "cs"),
    Person("michaela.horakova@example.org", "Michaela Horáková", "cs"),
    # Slovenian regional central libraries
    Person("maja.kovac@example.net", "Maja Kovač", "sl"),
    Person("ana.kralj@example.net", "Ana Kralj", "sl"),
    Person("nina.krajnc@example.net", "Nina Krajnc", "sl"),
    Person("andrej.horvat@example.net", "Andrej Horvat", "sl"),
    Person("matej.zupancic@example.net", "Matej Zupančič", "sl"),
    Person("barbara.golob@example.net", "Barbara Golob", "sl"),
    Person("tjasa.kos@example.net", "Tjaša Kos", "sl"),
    Person("luka.vidmar@example.net", "Luka Vidmar", "sl"),
    Person("urska.potocnik@example.net", "Urška Potočnik", "sl"),
    Person("rok.mlakar@example.net", "Rok Mlakar", "sl"),
    # Serbian public libraries
    Person("milica.petrovic@example.org", "Милица Петровић", "sr"),
    Person("nemanja.jovanovic@example.org", "Немања Јовановић", "sr"),
    Person("jovana.ilic@example.org", "Јована Илић", "sr"),
    # Kyiv district system
    Person("oksana.shevchuk@example.org", "Оксана Шевчук", "uk"),
    Person("iryna.melnyk@example.org", "Ірина Мельник", "uk"),
]

# (e-mail, library slug, role, job title)
LIBRARY_ROLES: list[tuple[str, str, str, str]] = [
    ("petra.novakova@example.org", "mestska-knihovna-jihlava", "director", "ředitelka"),
    ("tomas.dvorak@example.org", "knihovna-mesta-olomouce", "director", "ředitel"),
    ("lenka.kralova@example.org", "knihovna-mesta-hradce-kralove", "director", "ředitelka"),
    (
        "jiri.kucera@example.org",
        "krajska-knihovna-frantiska-bartose-ve-zline",
        "director",
        "ředitel",
    ),
    ("michaela.horakova@example.org", "mestska-knihovna-louny", "director", "ředitelka"),
    ("hana.svobodova@example.org", "knihovna-mesta-olomouce", "staff", "vedoucí oddělení služeb"),
    ("andrej.horvat@example.net", "mariborska-knjiznica", "director", "direktor"),
    ("nina.krajnc@example.net", "osrednja-knjiznica-celje", "director", "direktorica"),
    ("matej.zupancic@example.net", "knjiznica-mirana-jarca-novo-mesto", "director", "direktor"),
    ("barbara.golob@example.net", "knjiznica-ivana-potrca-ptuj", "director", "direktorica"),
    ("tjasa.kos@example.net", "knjiznica-domzale", "director", "direktorica"),
    ("luka.vidmar@example.net", "knjiznica-franceta-balantica-kamnik", "director", "direktor"),
    ("urska.potocnik@example.net", "knjiznica-slovenske-konjice", "director", "direktorica"),
    ("rok.mlakar@example.net", "knjiznica-lenart", "director", "direktor"),
    ("ana.kralj@example.net", "mestna-knjiznica-ljubljana", "staff", "regijska koordinatorka"),
    ("maja.kovac@example.net", "osrednja-knjiznica-celje", "staff", "regijska koordinatorka"),
    ("milica.petrovic@example.org", "jb-bora-stankovic-vranje", "director", "директорка"),
    ("nemanja.jovanovic@example.org", "nb-stevan-sremac-nis", "director", "директор"),
    ("oksana.shevchuk@example.org", "cbs-solomianskyi-central", "director", "директорка ЦБС"),
    (
        "iryna.melnyk@example.org",
        "cbs-solomianskyi-central",
        "staff",
        "завідувачка бібліотеки-хабу № 3",
    ),
]

# (e-mail, network slug, role, title shown)
NETWORK_ROLES: list[tuple[str, str, str, str]] = [
    ("lucie.maresova@example.org", "sdruk", "coordinator", "mezinárodní spolupráce"),
    ("martina.wolna@example.org", "sdruk-mestske-knihovny", "coordinator", "Třinec"),
    ("jan.cervinka@example.org", "sdruk-mestske-knihovny", "coordinator", "Nymburk"),
    ("zdenka.smahlova@example.org", "sdruk-mestske-knihovny", "coordinator", "Valašské Meziříčí"),
    ("hana.svobodova@example.org", "sdruk-advokacie", "coordinator", "Olomouc"),
    ("petra.novakova@example.org", "sdruk-advokacie", "member", ""),
    ("tomas.dvorak@example.org", "sdruk-mestske-knihovny", "mentor", "mentoring nových ředitelů"),
    (
        "maja.kovac@example.net",
        "osrednje-obmocne-knjiznice",
        "coordinator",
        "koordinatorka tima OOK",
    ),
    ("ana.kralj@example.net", "regija-ljubljana", "coordinator", "regijska koordinatorka"),
    ("nina.krajnc@example.net", "regija-celje", "coordinator", ""),
    ("andrej.horvat@example.net", "regija-maribor", "coordinator", ""),
    ("jovana.ilic@example.org", "biblionet", "coordinator", "координаторка мреже"),
    ("oksana.shevchuk@example.org", "cbs-solomianskyi", "coordinator", "директорка ЦБС"),
]

# The accounts the command prints, for trying the site in each role and language.
DEMO_ACCOUNTS: list[tuple[str, str]] = [
    ("martina.wolna@example.org", "coordinator of the municipal section (cs)"),
    ("petra.novakova@example.org", "director of a member library, Jihlava (cs)"),
    ("lucie.maresova@example.org", "coordinator of SDRUK, English interface (en)"),
    ("maja.kovac@example.net", "coordinator of the Slovenian regional central libraries (sl)"),
    ("ana.kralj@example.net", "coordinator of the Ljubljana library region (sl)"),
    ("milica.petrovic@example.org", "director of the Vranje public library (sr)"),
    ("oksana.shevchuk@example.org", "director of the Kyiv district system (uk)"),
]


class ApplicationSpec(NamedTuple):
    network: str
    contact_name: str
    contact_role: str
    email: str
    language: str
    note: str
    days_ago: int
    library: str = ""  # slug of a library already in the directory
    library_name: str = ""  # or a new library
    library_type: str = ""
    town: str = ""
    region: str = ""


APPLICATIONS: list[ApplicationSpec] = [
    ApplicationSpec(
        "sdruk-mestske-knihovny",
        "Michaela Horáková",
        "director",
        "michaela.horakova@example.org",
        "cs",
        "Dobrý den, jsme členy SDRUK a rádi bychom se zapojili i do sekce městských knihoven, "
        "hlavně do mentoringu a sdílení směrnic.",
        days_ago=2,
        library="mestska-knihovna-louny",
    ),
    ApplicationSpec(
        "sdruk-mestske-knihovny",
        "Karel Beneš",
        "director",
        "karel.benes@example.org",
        "cs",
        "Jsem ředitelem knihovny teprve půl roku a uvítal bych kontakt s kolegy.",
        days_ago=5,
        library_name="Městská knihovna Písek",
        library_type="public",
        town="Písek",
        region="cz-jihocesky",
    ),
    ApplicationSpec(
        "regija-ljubljana",
        "Sara Novak",
        "staff",
        "sara.novak@example.net",
        "sl",
        "Pozdravljeni, želimo se pridružiti delovnim skupinam regije.",
        days_ago=1,
        library="knjiznica-litija",
    ),
    ApplicationSpec(
        "biblionet",
        "Марко Стојановић",
        "director",
        "marko.stojanovic@example.net",
        "sr",
        "Желели бисмо да се придружимо мрежи и учествујемо на следећем Библионету.",
        days_ago=3,
        library_name="Народна библиотека Пирот",
        library_type="public",
        town="Пирот",
        region="rs-pirotski",
    ),
]
