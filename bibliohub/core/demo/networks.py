"""Networks of the demo, their member libraries and the dates they joined."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from . import texts


class NetworkSpec(NamedTuple):
    slug: str
    name: str
    short_name: str
    kind: str
    language: str
    country: str
    summary: str
    description: str
    members: dict[str, datetime.date]
    parent: str = ""
    region: str = ""
    website: str = ""
    accepts_applications: bool = True


d = datetime.date

SECTION_MEMBERS = {
    "knihovna-trinec": d(2023, 3, 1),
    "mestska-knihovna-nymburk": d(2023, 3, 1),
    "mestska-knihovna-valasske-mezirici": d(2023, 3, 1),
    "knihovna-jiriho-mahena-v-brne": d(2023, 5, 15),
    "mestska-knihovna-v-praze": d(2023, 5, 15),
    "krajska-knihovna-frantiska-bartose-ve-zline": d(2023, 9, 1),
    "knihovna-mesta-hradce-kralove": d(2024, 1, 10),
    "mestska-knihovna-jihlava": d(2024, 2, 20),
    "knihovna-mesta-olomouce": d(2024, 6, 3),
}

OOK_MEMBERS = dict.fromkeys(
    [
        "mestna-knjiznica-ljubljana",
        "mariborska-knjiznica",
        "osrednja-knjiznica-celje",
        "goriska-knjiznica-franceta-bevka",
        "knjiznica-mirana-jarca-novo-mesto",
        "knjiznica-ivana-potrca-ptuj",
        "pokrajinska-in-studijska-knjiznica-murska-sobota",
        "koroska-osrednja-knjiznica-ravne",
        "osrednja-knjiznica-srecka-vilharja-koper",
        "mestna-knjiznica-kranj",
    ],
    d(2003, 1, 1),
)

NETWORKS: list[NetworkSpec] = [
    NetworkSpec(
        "sdruk",
        "Sdružení knihoven České republiky",
        "SDRUK",
        "association",
        "cs",
        "CZ",
        texts.SDRUK_SUMMARY,
        texts.SDRUK_DESCRIPTION,
        members={
            "knihovna-jiriho-mahena-v-brne": d(2005, 1, 1),
            "mestska-knihovna-v-praze": d(2005, 1, 1),
            "krajska-knihovna-frantiska-bartose-ve-zline": d(2008, 4, 1),
            "knihovna-mesta-hradce-kralove": d(2011, 1, 1),
            "knihovna-mesta-olomouce": d(2012, 6, 1),
            "mestska-knihovna-jihlava": d(2015, 1, 1),
            "knihovna-trinec": d(2019, 1, 1),
            "mestska-knihovna-nymburk": d(2020, 3, 1),
            "mestska-knihovna-valasske-mezirici": d(2021, 1, 1),
            "mestska-knihovna-louny": d(2022, 9, 1),
        },
        website="https://www.sdruk.cz",
    ),
    NetworkSpec(
        "sdruk-mestske-knihovny",
        "Sekce městských knihoven SDRUK",
        "Sekce městských knihoven",
        "section",
        "cs",
        "CZ",
        texts.SECTION_SUMMARY,
        texts.SECTION_DESCRIPTION,
        members=SECTION_MEMBERS,
        parent="sdruk",
    ),
    NetworkSpec(
        "sdruk-advokacie",
        "Pracovní skupina pro advokacii",
        "Advokacie",
        "working_group",
        "cs",
        "CZ",
        texts.ADVOCACY_SUMMARY,
        texts.ADVOCACY_DESCRIPTION,
        members={
            "knihovna-mesta-olomouce": d(2024, 9, 1),
            "knihovna-trinec": d(2024, 9, 1),
            "mestska-knihovna-jihlava": d(2025, 1, 15),
        },
        parent="sdruk-mestske-knihovny",
        accepts_applications=False,
    ),
    NetworkSpec(
        "osrednje-obmocne-knjiznice",
        "Osrednje območne knjižnice",
        "OOK",
        "regional_system",
        "sl",
        "SI",
        texts.OOK_SUMMARY,
        texts.OOK_DESCRIPTION,
        members=OOK_MEMBERS,
        accepts_applications=False,
    ),
    NetworkSpec(
        "regija-ljubljana",
        "Knjižnična regija Ljubljana",
        "Regija Ljubljana",
        "regional_system",
        "sl",
        "SI",
        texts.slovenian_region_summary("Mestna knjižnica Ljubljana"),
        "",
        members={
            "mestna-knjiznica-ljubljana": d(2003, 1, 1),
            "knjiznica-domzale": d(2003, 1, 1),
            "knjiznica-franceta-balantica-kamnik": d(2003, 1, 1),
            "mestna-knjiznica-grosuplje": d(2003, 1, 1),
            "cankarjeva-knjiznica-vrhnika": d(2003, 1, 1),
        },
        parent="osrednje-obmocne-knjiznice",
        region="si-ljubljana",
    ),
    NetworkSpec(
        "regija-celje",
        "Knjižnična regija Celje",
        "Regija Celje",
        "regional_system",
        "sl",
        "SI",
        texts.slovenian_region_summary("Osrednja knjižnica Celje"),
        "",
        members={
            "osrednja-knjiznica-celje": d(2003, 1, 1),
            "knjiznica-velenje": d(2003, 1, 1),
            "medobcinska-splosna-knjiznica-zalec": d(2003, 1, 1),
            "knjiznica-slovenske-konjice": d(2003, 1, 1),
            "knjiznica-lasko": d(2003, 1, 1),
        },
        parent="osrednje-obmocne-knjiznice",
        region="si-celje",
    ),
    NetworkSpec(
        "regija-maribor",
        "Knjižnična regija Maribor",
        "Regija Maribor",
        "regional_system",
        "sl",
        "SI",
        texts.slovenian_region_summary("Mariborska knjižnica"),
        "",
        members={
            "mariborska-knjiznica": d(2003, 1, 1),
            "knjiznica-lenart": d(2003, 1, 1),
            "knjiznica-josipa-vosnjaka-slovenska-bistrica": d(2003, 1, 1),
        },
        parent="osrednje-obmocne-knjiznice",
        region="si-maribor",
    ),
    NetworkSpec(
        "biblionet",
        "Библионет",
        "Библионет",
        "association",
        "sr",
        "RS",
        texts.BIBLIONET_SUMMARY,
        texts.BIBLIONET_DESCRIPTION,
        members={
            "jb-bora-stankovic-vranje": d(2016, 10, 1),
            "nb-stevan-sremac-nis": d(2016, 10, 1),
            "gradska-biblioteka-novi-sad": d(2017, 3, 15),
            "biblioteka-grada-beograda": d(2018, 5, 1),
        },
    ),
    NetworkSpec(
        "cbs-solomianskyi",
        "ЦБС Солом’янського району м. Києва",
        "ЦБС Солом’янського району",
        "library_system",
        "uk",
        "UA",
        texts.KYIV_SUMMARY,
        texts.KYIV_DESCRIPTION,
        members={"cbs-solomianskyi-central": d(2016, 1, 1)},
        region="ua-kyiv",
        accepts_applications=False,
    ),
]
