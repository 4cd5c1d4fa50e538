"""Documents of the demo: the shared library of the seeds' networks in all their languages.

The municipal section's directives, contracts and methodological materials (its page says the
members share them), the association's strategy (from the seed), the Slovenian standards and the
mission of the regional central libraries (from the seed), Biblionet's partnership materials (from
the 2020 meeting, one in Latin script), the Kyiv district system's development programme (from
the seed) and two English documents of international cooperation. Texts other than the seeds'
are written for the demo. Everything goes through the document services, as members would upload
it; the text is extracted at once, and nobody follows a document before its versions exist, so
no e-mail is sent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from bibliohub.core.models import Visibility
from bibliohub.directory.models import Network
from bibliohub.knowledge.extraction import extract_version
from bibliohub.knowledge.models import Document, DocumentVersion, Follow
from bibliohub.knowledge.services import document_create, version_add

PUBLIC, MEMBERS, SECTION = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.SECTION

SDRUK, MUNICIPAL, ADVOCACY = "sdruk", "sdruk-mestske-knihovny", "sdruk-advokacie"
OOK, LJUBLJANA = "osrednje-obmocne-knjiznice", "regija-ljubljana"
BIBLIONET, KYIV = "biblionet", "cbs-solomianskyi"

MARTINA, JAN, ZDENKA = (
    "martina.wolna@example.org",
    "jan.cervinka@example.org",
    "zdenka.smahlova@example.org",
)
LUCIE, HANA, PETRA = (
    "lucie.maresova@example.org",
    "hana.svobodova@example.org",
    "petra.novakova@example.org",
)
MAJA, ANA, ANDREJ = "maja.kovac@example.net", "ana.kralj@example.net", "andrej.horvat@example.net"
MILICA, JOVANA = "milica.petrovic@example.org", "jovana.ilic@example.org"
OKSANA, IRYNA = "oksana.shevchuk@example.org", "iryna.melnyk@example.org"


@dataclass
class Later:
    """A later version of a document."""

    by: str
    days_ago: int
    note: str
    body: str


@dataclass
class DemoDocument:
    network: str
    by: str
    title: str
    language: str
    category: str
    visibility: str
    body: str
    days_ago: int
    description: str = ""
    tags: list[str] = field(default_factory=list)
    audience: str = ""
    versions: list[Later] = field(default_factory=list)
    followers: list[str] = field(default_factory=list)


# --- Czech: the municipal section and the association -----------------------------------------

LENDING_RULES_V1 = """\
# Výpůjční řád městské knihovny — vzor

Vzor pro městské knihovny, které svůj výpůjční řád aktualizují. Text v hranatých závorkách nahraďte údaji své knihovny; výpůjční řád vydává ředitel knihovny jako vnitřní předpis a schvaluje jej zřizovatel spolu s ceníkem služeb.

## Článek 1 — Úvodní ustanovení

1. Výpůjční řád upravuje podmínky, za nichž [název knihovny] (dále jen „knihovna“) půjčuje dokumenty ze svého fondu a z fondů jiných knihoven.
2. Knihovna poskytuje veřejné knihovnické a informační služby podle zákona č. 257/2001 Sb., knihovního zákona.

## Článek 2 — Registrace čtenáře

1. Čtenářem se stane každý, kdo vyplní přihlášku, prokáže svou totožnost a zaplatí registrační poplatek podle ceníku.
2. Za děti do 15 let podepisuje přihlášku zákonný zástupce, který ručí za vypůjčené dokumenty.
3. Knihovna zpracovává osobní údaje čtenářů jen v rozsahu nutném pro poskytování služeb.

## Článek 3 — Výpůjční lhůty

1. Výpůjční lhůta je jeden měsíc. Čtenář ji může dvakrát prodloužit, pokud dokument nežádá jiný čtenář.
2. Časopisy se půjčují na čtrnáct dní, deskové hry a čtečky e-knih na tři týdny.
3. Po uplynutí výpůjční lhůty účtuje knihovna upomínací poplatky podle ceníku.

## Článek 4 — Ztráta a poškození dokumentu

Čtenář, který dokument ztratí nebo poškodí, nahradí škodu stejným dokumentem, nebo uhradí jeho pořizovací cenu a manipulační poplatek.
"""

LENDING_RULES_V2 = LENDING_RULES_V1.replace(
    "1. Výpůjční lhůta je jeden měsíc. Čtenář ji může dvakrát prodloužit, pokud dokument nežádá"
    " jiný čtenář.",
    "1. Výpůjční lhůta je šest týdnů. Čtenář ji může třikrát prodloužit, pokud dokument nežádá"
    " jiný čtenář, a to i v online katalogu.",
).replace(
    "## Článek 4 — Ztráta a poškození dokumentu",
    "## Článek 4 — Elektronické knihy\n\n"
    "1. Registrovaný čtenář si může vypůjčit nejvýše tři e-knihy současně; výpůjčka e-knihy"
    " skončí sama po 31 dnech.\n"
    "2. Podmínky výpůjčky e-knih stanoví licenční smlouva s dodavatelem; knihovna je zveřejní"
    " na svém webu.\n\n"
    "## Článek 5 — Ztráta a poškození dokumentu",
)

EXHIBITION_LOAN = """\
# Smlouva o výpůjčce výstavy

uzavřená podle § 2193 a násl. zákona č. 89/2012 Sb., občanského zákoníku

## Smluvní strany

**Půjčitel:** [název knihovny], se sídlem [adresa], IČO [číslo], zastoupená [jméno ředitele]

**Vypůjčitel:** [název knihovny], se sídlem [adresa], IČO [číslo], zastoupená [jméno ředitele]

## I. Předmět smlouvy

Půjčitel přenechává vypůjčiteli k bezplatnému dočasnému užívání putovní výstavu [název výstavy], která se skládá z [počet] panelů a [počet] vitrín (dále jen „výstava“). Soupis panelů a vitrín je přílohou této smlouvy.

## II. Doba výpůjčky

Výstava se půjčuje na dobu od [datum] do [datum]. Vypůjčitel ji vystaví ve svých veřejně přístupných prostorách a zpřístupní ji návštěvníkům bezplatně.

## III. Doprava a instalace

Dopravu výstavy zajistí a uhradí vypůjčitel. Při předání a vrácení výstavy sepíší strany předávací protokol, v němž popíší stav panelů.

## IV. Odpovědnost za škodu

Vypůjčitel odpovídá za poškození, zničení nebo ztrátu výstavy od převzetí do vrácení. Pojistnou hodnotu výstavy stanovují strany na [částka] Kč.

## V. Propagace

Vypůjčitel uvede na pozvánkách a v tiskových zprávách, že výstavu zapůjčil půjčitel, a použije jeho logo.
"""

VKIS_METHODOLOGY = """\
# Metodika hodnocení knihoven podle standardu VKIS

Pracovní podklad sekce pro ředitele městských knihoven, kteří chtějí porovnat služby své knihovny se standardem veřejných knihovnických a informačních služeb (VKIS) a výsledky použít při jednání se zřizovatelem.

## Proč hodnotit

Standard VKIS popisuje, jaké služby, otevírací dobu, fond a personál má mít knihovna podle počtu obyvatel obce. Hodnocení ukáže, kde knihovna standard splňuje a kde zaostává, a dává zřizovateli srozumitelné podklady pro rozpočet.

## Ukazatele

- **Otevírací doba:** počet hodin týdně, po které je knihovna otevřena veřejnosti, včetně poboček.
- **Nákup knihovního fondu:** počet nových svazků a výdaje na jednoho obyvatele za rok.
- **Obnova fondu:** podíl dokumentů mladších deseti let.
- **Personál:** počet přepočtených úvazků na počet obyvatel.
- **Prostory:** plocha pro veřejnost, počet studijních míst a počítačů.
- **Vzdělávací a kulturní akce:** počet akcí a návštěvníků na tisíc obyvatel.

## Postup

1. Sesbírejte údaje z ročního výkazu o knihovně (Kult) za poslední tři roky.
2. Porovnejte je s hodnotami standardu pro velikostní skupinu své obce.
3. U každého ukazatele zapište, zda knihovna standard splňuje, a stručné zdůvodnění.
4. Výsledky shrňte na jedné stránce pro zřizovatele; přidejte tři nejdůležitější kroky na další rok.

Hodnocení doporučujeme opakovat každé dva roky, aby byl vidět vývoj.
"""

PRIVACY_DIRECTIVE = """\
# Směrnice o ochraně osobních údajů čtenářů — vzor

Vzor vnitřní směrnice pro městské knihovny podle obecného nařízení o ochraně osobních údajů (GDPR). Sdílíme jej jen v sekci: obsahuje postupy, které si každá knihovna upraví podle svého knihovního systému.

## Jaké údaje knihovna zpracovává

Jméno, adresu, datum narození, číslo průkazu totožnosti, e-mail a telefon čtenáře, údaje o výpůjčkách a platbách. Historie výpůjček se po vrácení dokumentu a vyrovnání poplatků anonymizuje.

## Jak dlouho

Údaje čtenáře, který dva roky nevyužil služby knihovny a nemá dluhy, knihovna vymaže. Účetní doklady uchovává po dobu, kterou stanoví zákon o účetnictví.

## Kdo k nim má přístup

Jen zaměstnanci výpůjčních služeb a správce knihovního systému, každý pod vlastním přihlášením. Přístup se zaznamenává.

## Práva čtenáře

Čtenář může požádat o výpis svých údajů, o opravu i o výmaz. Knihovna odpoví do třiceti dnů; žádosti eviduje pověřenec pro ochranu osobních údajů.
"""

STRATEGY_2022 = """\
# Strategie Sdružení knihoven ČR 2022+

SDRUK reprezentuje sebevědomé knihovny, které jsou pilířem demokratické, vzdělané a kulturní společnosti. Podporuje jejich spolupráci, přináší inspiraci a zaštiťuje projekty celostátního významu. Soustřeďuje se na podporu managementu knihoven, vytváření pozitivního legislativního prostředí a na marketing služeb.

## Klíčové oblasti činnosti

**Podpora, vzdělávání a síťování manažerů.** SDRUK pomáhá manažerům k odpovědnému a kvalifikovanému rozhodování a spojuje je navzájem. Organizuje pro ně cílené vzdělávací aktivity a zajišťuje odborné poradenství především v oblasti legislativy a administrace.

**Podpora rozvoje odborných témat českého knihovnictví.** SDRUK vytváří platformy pro řešení důležitých odborných otázek, síťuje odborné pracovníky a podporuje sdílení know-how.

**Podmínky pro činnost knihoven, lobbying.** SDRUK zastupuje knihovny při vyjednávání o zákonných normách a klíčových koncepčních dokumentech a dlouhodobě buduje partnerské vztahy s decizní sférou.

**Marketing knihoven.** SDRUK vytváří a nabízí profesionální nástroje pro marketing a branding knihoven a spolupracuje na celonárodních kampaních.

**Mezinárodní spolupráce.** SDRUK je přirozeným partnerem zahraničních odborných organizací a podílí se na mezinárodní výměně znalostí a zkušeností.

**Synergie a nové trendy.** SDRUK podněcuje nové projekty založené na spolupráci knihoven a stává se platformou pro jejich realizaci.

Příprava strategie byla podpořena z Fondů EHP a Norska.
"""

ADVOCACY_BRIEF = """\
# Advokační práce v kostce — podklady z workshopu v Olomouci

Shrnutí workshopu pracovní skupiny pro advokacii. Podklady slouží ředitelům, kteří se připravují na jednání se zřizovatelem o rozpočtu nebo o rekonstrukci knihovny.

## Tři otázky před každým jednáním

1. Co přesně chceme (částka, rozhodnutí, termín)?
2. Kdo rozhoduje a co je pro něj důležité?
3. Jaký příběh a jaká čísla ukážou, co knihovna obci přináší?

## Argumenty, které fungují

- Počet návštěv knihovny ve srovnání s jinými institucemi obce.
- Konkrétní lidé: senioři v kurzech digitální gramotnosti, děti v letních dílnách, čtenáři z ukrajinských rodin.
- Srovnání se standardem VKIS a s knihovnami podobně velkých měst.

## Po jednání

Pošlete krátké poděkování se shrnutím dohodnutých kroků a pozvěte zastupitele na akci knihovny. Advokacie je dlouhodobý vztah, ne jednorázová žádost.
"""

# --- Slovenian -------------------------------------------------------------------------------

STANDARDS_SL = """\
# Standardi za splošne knjižnice — povzetek za regijo

Povzetek standardov za splošne knjižnice za obdobje 2018–2028, pripravljen za sestanke direktorjev v knjižničnih regijah. Standardi določajo pogoje, ki jih morajo splošne knjižnice izpolnjevati, da lahko uresničujejo svoje poslanstvo.

## Knjižnična zbirka

Knjižnica letno pridobi najmanj 250 enot knjižničnega gradiva na 1000 prebivalcev. Zbirka je aktualna: vsaj polovica gradiva ni starejša od deset let. Posebno skrb namenja gradivu za otroke in mladino ter gradivu v jezikih narodnih skupnosti.

## Prostor in oprema

Velikost knjižnice je odvisna od števila prebivalcev, ki jim je namenjena. Knjižnica ima prostore za izposojo, študij, prireditve in delo s skupinami; dostopna je tudi ljudem z ovirami.

## Odprtost in kadri

Osrednja knjižnica je odprta najmanj 60 ur tedensko. Na 2000 prebivalcev ima knjižnica eno strokovno delavko ali delavca z ustrezno izobrazbo.

## Vloga osrednjih območnih knjižnic

Osrednje območne knjižnice usklajujejo delo splošnih knjižnic v regiji, skrbijo za območno zbirko in strokovno pomoč ter organizirajo izobraževanja.
"""

MISSION_OOK = """\
# Poslanstvo in vizija osrednjih območnih knjižnic

## Poslanstvo

Osrednje območne knjižnice z osrednjimi knjižnicami sodelujemo ter usklajujemo, povezujemo in usmerjamo delo splošnih knjižnic v knjižničnih regijah. S partnerskim odnosom poglobljamo medsebojno zaupanje.

Omogočamo nastajanje in izmenjavo primerov dobre prakse, spodbujamo in izvajamo strokovna izobraževanja. S tem aktivno ustvarjamo pogoje za kvalitativni napredek pri opravljanju poslanstva vseh splošnih knjižnic.

Soustvarjamo takšen nacionalni knjižnični sistem, ki omogoča vsem državljanom Slovenije enoten in enakopraven dostop do informacij.

## Vizija

Osrednje območne knjižnice spodbujamo razvoj splošnih knjižnic v regiji in podpiramo njihovo raznolikost. S skupnimi projekti razvijamo nove dejavnosti in rešujemo skupne probleme.

Tim osrednjih območnih knjižnic je prepoznavno strateško, svetovalno in strokovno telo za področje splošnih knjižnic. Delamo povezovalno in odprto komuniciramo.

Območnost v Sloveniji je v evropskem okolju vzorec odlične organiziranosti splošnih knjižnic.
"""

REGIONAL_TASKS = """\
# Navodila za izvajanje območnih nalog v regiji Ljubljana

Navodila za knjižnice v ljubljanski knjižnični regiji, pripravljena za letni načrt območnih nalog. Namenjena so direktorjem in kontaktnim osebam za območne naloge.

## Strokovna pomoč

Regijska koordinatorka obišče vsako knjižnico v regiji najmanj enkrat letno. Knjižnice pošljejo vprašanja in predloge za obisk do konca februarja.

## Izobraževanja

Mestna knjižnica Ljubljana pripravi program izobraževanj za zaposlene v regiji: bibliopedagoško delo, delo z ranljivimi skupinami, obdelava domoznanskega gradiva. Prijave zbira regijska koordinatorka.

## Območna zbirka

Knjižnice lahko za svoje člane naročijo gradivo iz območne zbirke po medknjižnični izposoji brez stroškov. Gradivo se vrača z rednim prevozom enkrat tedensko.

## Poročanje

Knjižnice do 15. januarja sporočijo podatke o izvedenih dejavnostih, ki so bile podprte iz sredstev za območne naloge.
"""

# --- Serbian ---------------------------------------------------------------------------------

SCHOOL_PARTNERSHIPS = """\
# Партнерства библиотека са школама

Материјал Библионета за јавне библиотеке које желе да започну или прошире сарадњу са основним и средњим школама у свом граду.

## Зашто партнерство

Библиотека и школа имају заједнички циљ: децу и младе који читају, разумеју оно што читају и умеју да пронађу поуздане информације. Партнерство проширује капацитете обе стране — библиотека добија редовне кориснике, а школа простор, грађу и стручњаке.

## Облици сарадње

1. Програми описмењавања и подстицања читања за ученике млађих разреда.
2. Часови медијске и информационе писмености у библиотеци.
3. Заједнички пројекти са школским библиотекарима и наставницима српског језика.
4. Такмичења у читању и књижевни сусрети са писцима.

## Како почети

Договорите састанак са директором школе и школским библиотекаром на почетку школске године. Предложите годишњи план са два или три конкретна програма и јасно подељеним обавезама. После сваког програма заједно процените шта је успело.
"""

BIBLIONET_2020 = """\
# Библионет 2020: сарадња и партнерства — закључци скупа

Домаћин скупа у 2020. години била је Јавна библиотека „Бора Станковић“ из Врања. Тема: креирање нове заједничке визије за библиотеке.

## Закључци

1. Партнерства имају велики потенцијал када је реч о проширивању капацитета библиотека и њиховом изласку из активности које се сматрају традиционалним.
2. Међусекторска партнерства — са државним органима, установама културе, научним сектором, струковним удружењима, бизнис сектором, медицинским установама и установама социјалне заштите — доносе обострану корист.
3. Хоризонтално умрежавање библиотека зарад заједничких пројеката представља додатни квалитет библиотечке мреже.
4. Сарадња са библиотечким струковним удружењима, домаћим и међународним, важан је сегмент ове повезаности.

## Следећи кораци

Радна група Библионета до следећег скупа прикупља примере партнерстава из библиотека мреже и објављује их као збирку добре праксе.
"""

LOCAL_GOVERNMENT_GUIDE = """\
# Vodič za saradnju biblioteka sa lokalnom samoupravom

Biblionetov vodič za direktore javnih biblioteka o tome kako da osnivač — grad ili opština — postane partner biblioteke, a ne samo izvor finansiranja.

## Upoznajte osnivača

Saznajte ko u gradskoj upravi odlučuje o kulturi i budžetu, koji su prioriteti lokalnog razvoja i kada se planira budžet za sledeću godinu.

## Pokažite šta biblioteka donosi zajednici

Pripremite kratak godišnji izveštaj sa brojem korisnika, programima i pričama ljudi kojima je biblioteka pomogla. Pozovite predstavnike grada na programe biblioteke.

## Predložite zajedničke projekte

Biblioteka može biti partner u programima za starije, za zapošljavanje mladih, u turističkoj ponudi grada i u zaštiti kulturnog nasleđa. Zajednički projekti grade poverenje i olakšavaju razgovor o budžetu.

## Budite redovno prisutni

Partnerstvo je dugoročan odnos: redovni sastanci, pravovremene informacije i zahvalnost za podršku.
"""

# --- Ukrainian -------------------------------------------------------------------------------

KYIV_PROGRAMME = """\
# Програма розвитку ЦБС Солом'янського району на 2016–2021 роки

## І. Загальні положення

Визначальним вектором сучасного суспільства є його трансформація в інформаційне суспільство — суспільство знань, яке орієнтоване на інтереси людей та підвищення якості життя.

Програма розвитку «Бібліотеки+» розроблена відповідно до Конституції України, Закону України «Про бібліотеки і бібліотечну справу» та спрямована на виконання Стратегії розвитку бібліотечної справи на період до 2025 року «Якісні зміни бібліотек для забезпечення сталого розвитку України».

## ІІ. Завдання

1. Трансформація діяльності ЦБС шляхом формування бібліотек-хабів, що максимально наближені до потреб сучасної людини.
2. Фандрейзингова діяльність, взаємовигідне партнерство, залучення додаткових ресурсів задля підвищення якості бібліотечних послуг.
3. Впровадження і локалізація новітніх бібліотечних технологій та цифрових сервісів.
4. Посилення бібліотечного менеджменту задля забезпечення життєздатності та сталого розвитку організації.

## ІІІ. Очікувані результати

- використання бібліотечних локацій для розвитку та покращення якості життя людини;
- створення єдиного інформаційного бібліотечного поля;
- соціалізація бібліотек, ефективна взаємодія з громадою, завоювання статусу «Бібліотека потрібна громаді».
"""

HUB_REGULATION = """\
# Положення про бібліотеку-хаб ЦБС Солом'янського району

Внутрішнє положення для філій ЦБС, які працюють у форматі бібліотеки-хабу.

## 1. Загальні положення

Бібліотека-хаб — це філія ЦБС, яка поєднує бібліотечне обслуговування з простором для навчання, роботи та зустрічей мешканців району. Бібліотека-хаб діє на підставі Статуту ЦБС та цього положення.

## 2. Послуги

- бібліотечне обслуговування та доступ до електронних ресурсів;
- коворкінг із безкоштовним інтернетом;
- курси цифрової грамотності для дорослих і людей старшого віку;
- клуби за інтересами, мовні клуби та зустрічі громади.

## 3. Організація роботи

Завідувач бібліотеки-хабу щороку складає план роботи разом із партнерами з громади та подає його директору ЦБС. Простір для зустрічей надається громадським організаціям району безкоштовно за попереднім записом.

## 4. Звітність

Бібліотека-хаб щокварталу звітує про кількість відвідувань, заходів і користувачів коворкінгу.
"""

# --- English ---------------------------------------------------------------------------------

ADVOCACY_TOOLKIT = """\
# Library advocacy toolkit: talking to your municipality

A short toolkit prepared for the international workshop of library associations. It gathers what directors of public libraries in Czechia, Slovenia, Serbia and Ukraine found useful when they asked their municipalities for support.

## Know your numbers

Prepare one page: visits per year, active readers, events and their audiences, and what the library costs each inhabitant. Compare them with the national standard for libraries of your size.

## Tell stories, not only statistics

Decision makers remember people: the pensioner who learnt to use e-government services, the teenager who found a summer job through the library's workshop, the refugee family that found a place to meet neighbours.

## Make the ask concrete

Say exactly what you need, how much it costs and what will change for the town. Offer something in return: a joint event, a report, a place in the town's development plan.

## Keep the relationship

Invite councillors to the library, send short news after successes, and thank them in public when they help.
"""

EXCHANGE_GUIDELINES = """\
# Guidelines for international staff exchanges

Guidelines agreed by the partner networks for short study visits of library staff between Czechia, Slovenia, Serbia and Ukraine.

## Who can take part

Staff of member libraries of the partner networks, after agreement between the two directors. Priority goes to staff who will share what they learnt with colleagues at home.

## Length and programme

A study visit lasts three to five working days. The host library prepares a programme with at least one day of shadowing in public services and one meeting with the local partners of the library.

## Costs

The sending library pays travel; the host library arranges accommodation at the lowest reasonable cost. Both may apply together for grants from international programmes.

## Sharing results

Within a month of the visit the participant writes a short report, and presents it at a meeting of their network.
"""


def documents() -> list[DemoDocument]:
    return [
        DemoDocument(
            MUNICIPAL,
            MARTINA,
            "Výpůjční řád městské knihovny — vzor",
            "cs",
            "directive",
            MEMBERS,
            LENDING_RULES_V1,
            days_ago=240,
            description=(
                "Vzor výpůjčního řádu pro městské knihovny, podklad k **aktualizaci směrnic**."
                " Upravte jej podle svého ceníku a knihovního systému."
            ),
            tags=["výpůjční řád", "vzory", "směrnice"],
            versions=[
                Later(
                    JAN,
                    45,
                    "Výpůjční lhůta prodloužena na šest týdnů, doplněn článek o e-knihách.",
                    LENDING_RULES_V2,
                )
            ],
            followers=[PETRA, ZDENKA],
        ),
        DemoDocument(
            MUNICIPAL,
            ZDENKA,
            "Smlouva o výpůjčce výstavy",
            "cs",
            "contract",
            MEMBERS,
            EXHIBITION_LOAN,
            days_ago=180,
            description="Vzor smlouvy pro putovní výstavy mezi knihovnami sekce.",
            tags=["smlouvy", "výstavy", "vzory"],
        ),
        DemoDocument(
            MUNICIPAL,
            JAN,
            "Metodika hodnocení knihoven podle standardu VKIS",
            "cs",
            "methodology",
            PUBLIC,
            VKIS_METHODOLOGY,
            days_ago=120,
            description="Jak porovnat služby knihovny se standardem VKIS a výsledky ukázat zřizovateli.",
            tags=["VKIS", "standardy", "hodnocení"],
            followers=[PETRA],
        ),
        DemoDocument(
            SDRUK,
            MARTINA,
            "Směrnice o ochraně osobních údajů čtenářů — vzor",
            "cs",
            "directive",
            SECTION,
            PRIVACY_DIRECTIVE,
            days_ago=90,
            audience=MUNICIPAL,
            tags=["GDPR", "směrnice", "vzory"],
        ),
        DemoDocument(
            SDRUK,
            LUCIE,
            "Strategie Sdružení knihoven ČR 2022+",
            "cs",
            "strategy",
            PUBLIC,
            STRATEGY_2022,
            days_ago=400,
            tags=["strategie"],
        ),
        DemoDocument(
            ADVOCACY,
            HANA,
            "Advokační práce v kostce — podklady z workshopu",
            "cs",
            "advocacy",
            MEMBERS,
            ADVOCACY_BRIEF,
            days_ago=60,
            tags=["advokacie", "zřizovatel"],
        ),
        DemoDocument(
            OOK,
            MAJA,
            "Standardi za splošne knjižnice — povzetek za regijo",
            "sl",
            "recommendation",
            PUBLIC,
            STANDARDS_SL,
            days_ago=300,
            tags=["standardi", "splošne knjižnice"],
            followers=[ANDREJ],
        ),
        DemoDocument(
            OOK,
            MAJA,
            "Poslanstvo in vizija osrednjih območnih knjižnic",
            "sl",
            "strategy",
            PUBLIC,
            MISSION_OOK,
            days_ago=500,
            tags=["poslanstvo", "vizija"],
        ),
        DemoDocument(
            LJUBLJANA,
            ANA,
            "Navodila za izvajanje območnih nalog v regiji Ljubljana",
            "sl",
            "methodology",
            MEMBERS,
            REGIONAL_TASKS,
            days_ago=75,
            tags=["območne naloge", "izobraževanja"],
        ),
        DemoDocument(
            BIBLIONET,
            JOVANA,
            "Партнерства библиотека са школама",
            "sr",
            "recommendation",
            PUBLIC,
            SCHOOL_PARTNERSHIPS,
            days_ago=200,
            tags=["партнерства", "школе"],
            followers=[MILICA],
        ),
        DemoDocument(
            BIBLIONET,
            MILICA,
            "Библионет 2020: сарадња и партнерства — закључци скупа",
            "sr",
            "report",
            MEMBERS,
            BIBLIONET_2020,
            days_ago=150,
            tags=["партнерства", "Библионет 2020"],
        ),
        DemoDocument(
            BIBLIONET,
            JOVANA,
            "Vodič za saradnju biblioteka sa lokalnom samoupravom",
            "sr-latn",
            "advocacy",
            PUBLIC,
            LOCAL_GOVERNMENT_GUIDE,
            days_ago=100,
            tags=["partnerstva", "lokalna samouprava"],
        ),
        DemoDocument(
            KYIV,
            OKSANA,
            "Програма розвитку ЦБС Солом'янського району 2016–2021",
            "uk",
            "strategy",
            PUBLIC,
            KYIV_PROGRAMME,
            days_ago=700,
            tags=["програма розвитку", "бібліотеки-хаби"],
            followers=[IRYNA],
        ),
        DemoDocument(
            KYIV,
            OKSANA,
            "Положення про бібліотеку-хаб ЦБС Солом'янського району",
            "uk",
            "directive",
            MEMBERS,
            HUB_REGULATION,
            days_ago=210,
            tags=["бібліотеки-хаби", "положення"],
        ),
        DemoDocument(
            SDRUK,
            LUCIE,
            "Library advocacy toolkit: talking to your municipality",
            "en",
            "advocacy",
            PUBLIC,
            ADVOCACY_TOOLKIT,
            days_ago=30,
            tags=["advocacy", "international cooperation"],
        ),
        DemoDocument(
            SDRUK,
            LUCIE,
            "Guidelines for international staff exchanges",
            "en",
            "methodology",
            MEMBERS,
            EXCHANGE_GUIDELINES,
            days_ago=20,
            tags=["international cooperation", "staff exchanges"],
        ),
    ]


def _backdate(document: Document, version: DocumentVersion, moment: datetime.datetime) -> None:
    DocumentVersion.objects.filter(pk=version.pk).update(created_at=moment)
    Document.objects.filter(pk=document.pk).update(updated_at=moment)


def load_documents(*, now: datetime.datetime | None = None) -> int:
    """Create the demo's documents (texts extracted at once); returns how many."""
    now = now or timezone.now()
    people = {u.email: u for u in get_user_model().objects.all()}
    networks = {n.slug: n for n in Network.objects.all()}
    specs = documents()
    for spec in specs:
        created = now - datetime.timedelta(days=spec.days_ago)
        document = document_create(
            actor=people[spec.by],
            network=networks[spec.network],
            title=spec.title,
            body=spec.body,
            language=spec.language,
            category=spec.category,
            tags=spec.tags,
            visibility=spec.visibility,
            audience=networks.get(spec.audience),
            description=spec.description,
        )
        first = document.current_version
        extract_version(first)
        Document.objects.filter(pk=document.pk).update(created_at=created)
        _backdate(document, first, created)
        for later in spec.versions:
            version = version_add(
                actor=people[later.by],
                document=document,
                file=ContentFile(later.body.encode("utf-8"), name=f"{document.slug}.md"),
                note=later.note,
            )
            extract_version(version)
            _backdate(document, version, now - datetime.timedelta(days=later.days_ago))
        # Followers come last: nobody is told of the versions the demo itself made.
        Follow.objects.bulk_create(
            Follow(user=people[email], document=document) for email in spec.followers
        )
    return len(specs)
