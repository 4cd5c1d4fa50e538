"""Descriptions of the demo networks, taken from the public pages in the seeds."""

SDRUK_SUMMARY = (
    "Sdružení knihoven ČR reprezentuje a zastupuje knihovny všech typů, ať už jde o knihovny "
    "veřejné, specializované či univerzitní, a vítá nové členy z řad městských knihoven."
)

SDRUK_DESCRIPTION = """\
SDRUK reprezentuje sebevědomé knihovny, které jsou pilířem demokratické, vzdělané a kulturní společnosti. Podporuje jejich spolupráci, přináší inspiraci a zaštiťuje projekty celostátního významu. Soustřeďuje se na podporu managementu knihoven, vytváření pozitivního legislativního prostředí a na marketing služeb. Je přirozeným partnerem zahraničních knihovnických institucí a spolků.

Podpora, vzdělávání a síťování manažerů
SDRUK pomáhá manažerům k odpovědnému a kvalifikovanému rozhodování a spojuje je navzájem. Hájí jejich zájmy, vytváří prostředí, ve kterém nacházejí oporu, spolupráci, radu a pomoc. Organizuje pro ně cílené vzdělávací aktivity; zajišťuje odborné poradenství především v oblasti legislativy a administrace.

Podpora rozvoje odborných témat českého knihovnictví
SDRUK vytváří platformy pro řešení důležitých odborných otázek, síťuje odborné pracovníky, podporuje sdílení know-how a formulaci doporučení pro management knihoven.

Podmínky pro činnost knihoven, lobbying
SDRUK zastupuje knihovny při vyjednávání o zákonných normách a klíčových koncepčních dokumentech, které určují podobu jejich práce. Dlouhodobě buduje partnerské vztahy s decizní sférou. Iniciuje spolupráci se SŠ a VŠ v oblasti profesních kvalifikací zaměstnanců knihoven.

Marketing knihoven
SDRUK vytváří, nabízí a používá profesionální nástroje pro marketing a branding knihoven, stimuluje poptávku po jejich službách, očekávání a zájem veřejnosti. Spolupracuje s klíčovými knihovnickými i jinými subjekty na relevantních celonárodních kampaních, případně je koordinuje.

Mezinárodní spolupráce
SDRUK je přirozeným partnerem zahraničních odborných organizací. Podílí se na mezinárodní výměně znalostí a zkušeností a zajišťuje síťování knihoven i jejich pracovníků. Aktivně upevňuje hodnoty evropského kulturního prostoru.

Synergie a nové trendy
SDRUK podněcuje nové projekty založené na spolupráci knihoven, hledá cesty pro synergii a odvážná řešení, stává se platformou pro jejich realizaci. Nastoluje témata ke strategické diskusi a moderuje ji. Stává se nositelem nových trendů.
"""

SECTION_SUMMARY = (
    "Sekce městských knihoven SDRUK sdružuje ředitele a vedoucí městských knihoven a podporuje "
    "jejich rozvoj, spolupráci a sdílení zkušeností."
)

SECTION_DESCRIPTION = """\
Sekce městských knihoven SDRUK sdružuje ředitele a vedoucí městských knihoven a podporuje jejich rozvoj, spolupráci a sdílení zkušeností. Naším cílem je pak společně tvořit inspirativní knihovny, které jsou moderní, otevřené a efektivně reagují na potřeby svých komunit.

V sekci se zaměřujeme na praktickou podporu ředitelů či vedoucích knihoven, rozvoj jejich kompetencí a zajištění kvalitních služeb pro veřejnost. Naše společné aktivity se soustředí na tyto klíčové oblasti:

1. Vzdělávání a rozvoj manažerských dovedností
- Budujeme dlouhodobý systém vzdělávání pro vedení knihoven.
- Pomáháme si navzájem hledat zdroje financování na vzdělávání, včetně možnosti kofinancování ze SDRUK.
- Organizujeme stáže a výměnné programy, které umožňují sdílení zkušeností a osvědčených postupů.

2. Zavádění inovací a trendů do knihoven
- Podporujeme moderní trendy v knihovnách v souladu s Koncepcí rozvoje knihoven ČR.
- Pomáháme si s granty, advokacií a sdílením zkušeností – nejen úspěchů, ale i slepých uliček, abychom se společně posouvali dál.
- Spolupracujeme s pilotními knihovnami, které testují nové přístupy a modely služeb.

3. Advokacie a zastupování zájmů knihoven
- Pomáháme si navzájem při přípravě na jednání nejen se zřizovatelem, ale i s dalšími spolupracujícími organizacemi a veřejností.
- Podílíme se na tvorbě strategií a legislativních změn, které ovlivňují fungování knihoven.
- Aktivně se zapojujeme do dotačních programů.

4. Praktická pomoc v řízení knihoven
- Sdílíme si podklady k aktualizaci směrnic, smluv a metodických materiálů.
- Pomáháme si s personální a legislativní problematikou. Sdílíme si zkušenosti z práce s týmem.
- Nabízíme praktickou podporu při tvorbě strategií a jejich realizaci v praxi.

5. Podpora pro nové ředitele knihoven
- Začínáte jako ředitel knihovny? Nejste na to sami! Víme, že začátky můžou být plné otázek, a proto jsme tu pro vás – komunita kolegů, kteří si tím začátkem sami prošli a rádi pomohou. Můžete se na nás obrátit s čímkoliv, co vás v nové roli čeká. Nabízíme mentoring, sdílení zkušeností i možnost probrat důležitá rozhodnutí, která vás potkají.

Naším cílem jsou fungující silné a moderní knihovny, které jsou pilířem demokracie a rozvoje komunit.
"""

ADVOCACY_SUMMARY = (
    "Pomáháme si navzájem při přípravě na jednání se zřizovatelem, s dalšími spolupracujícími "
    "organizacemi a s veřejností."
)

ADVOCACY_DESCRIPTION = """\
Pracovní skupina sekce městských knihoven pro advokacii a zastupování zájmů knihoven.

- Pomáháme si navzájem při přípravě na jednání nejen se zřizovatelem, ale i s dalšími spolupracujícími organizacemi a veřejností.
- Podílíme se na tvorbě strategií a legislativních změn, které ovlivňují fungování knihoven.
- Aktivně se zapojujeme do dotačních programů.
"""

OOK_SUMMARY = (
    "Osrednje območne knjižnice usklajujejo, povezujejo in usmerjajo delo splošnih knjižnic "
    "v knjižničnih regijah."
)

OOK_DESCRIPTION = """\
Poslanstvo osrednjih območnih knjižnic

Osrednje območne knjižnice z osrednjimi knjižnicami sodelujemo ter usklajujemo, povezujemo in usmerjamo delo splošnih knjižnic v knjižničnih regijah. S partnerskim odnosom poglobljamo medsebojno zaupanje.

Omogočamo nastajanje in izmenjavo primerov dobre prakse, spodbujamo in izvajamo strokovna izobraževanja. S tem aktivno ustvarjamo pogoje za kvalitativni napredek pri opravljanju poslanstva vseh splošnih knjižnic.

Prepoznavamo potrebe svojih območij in skrbimo za krepitev identitete regij.

Osrednje območne knjižnice sodelujemo z drugimi kulturnimi in izobraževalnimi ustanovami pri skupnih projektih v regijah.

Soustvarjamo takšen nacionalni knjižnični sistem, ki omogoča vsem državljanom Slovenije enoten in enakopraven dostop do informacij.

Za uresničitev poslanstva skrbi tim osrednjih območnih knjižnic, ki ga sestavljajo direktorji osrednjih območnih knjižnic in regijski koordinatorji. Z delovnimi skupinami sooblikuje razvoj splošnega knjižničarstva v Sloveniji.

Vizija osrednjih območnih knjižnic 2013

Osrednje območne knjižnice spodbujamo razvoj splošnih knjižnic v regiji in podpiramo njihovo raznolikost.

S skupnimi projekti razvijamo nove dejavnosti in rešujemo skupne probleme.

Skrbimo za kakovostne območne zbirke knjižničnega gradiva ter informacije za vse uporabnike in njihove specifične potrebe.

Ob urejenem financiranju in ustrezni kadrovski pokritosti dosegamo standarde za splošne knjižnice.

Območnost v Sloveniji je v evropskem okolju vzorec odlične organiziranosti splošnih knjižnic.
"""


def slovenian_region_summary(centre: str) -> str:
    return f"Splošne knjižnice regije, ki jih povezuje in usmerja {centre} kot osrednja območna knjižnica."


BIBLIONET_SUMMARY = (
    "Мрежа јавних библиотека Србије и њихов годишњи скуп. Библионет 2020: Сарадња и "
    "партнерства – креирање нове заједничке визије за библиотеке."
)

BIBLIONET_DESCRIPTION = """\
Библионет 2020 – Сарадња и партнерства: креирање нове заједничке визије за библиотеке

Домаћин скупа у 2020. години била је Јавна библиотека Бора Станковић из Врања.

У времену брисања граница које је донело глобално умрежавање на свим нивоима, партнерства имају велики потенцијал када је реч о проширивању капацитета библиотека и њиховом изласку из активности које се сматрају традиционалним. Ступањем у различите партнерске односе, библиотеке не само што ове капацитете шире, већ стичу и нова искуства, повећавају буџете, склапају контакте, како би понудиле више, досегле широку публику и искористиле ресурсе којима располажу на најкориснији начин.

Примери партнерстава и сарадње:
1. Партнерства у циљу описмењавања (програми за описмењавање деце или одраслих, у сарадњи са школама, програми медијске писмености, информационе писмености и сл.)
2. Партнерства са музичким или позоришним групама, научним друштвима, историјским друштвима, музејима, архивима, галеријама, удружењима књижевника, организацијама за људска права, домовима за старе и сл.
3. Партнерства са предузећима као подстицај склапању нових послова или подршка запошљавању
4. Партнерства са туристичким сектором
5. Партнерства са локалним предузећима или националним корпорацијама
6. Међународна партнерства
7. Оснивачи и државни органи као партнери библиотека
8. Културна дипломатија као облик сарадње и партнерства
9. Партнерства у области заштите и промоције културног наслеђа, савременог стваралаштва, интеркултуралности и сл.

Посебну врсту партнерстава чине она у која ступају библиотеке међу собом. Хоризонтално умрежавање и ступање у партнерске односе зарад остваривања заједничких пројеката интензивније се јавља у новије време и представља додатни квалитет библиотечке мреже.
"""

VRANJE_DESCRIPTION = (
    "Домаћин скупа Библионет 2020. Поручивање публикација завршава се сат времена пре "
    "затварања библиотеке."
)

KYIV_SUMMARY = (
    "Програма розвитку «Бібліотеки+» на 2016–2021 роки: бібліотеки-хаби, партнерство, цифрові "
    "сервіси та сильний бібліотечний менеджмент."
)

KYIV_DESCRIPTION = """\
Програма розвитку ЦБС Солом’янського району на 2016–2021 роки

Програма розвитку «Бібліотеки+» спрямована на виконання «Стратегії розвитку бібліотечної справи на період до 2025 року „Якісні зміни бібліотек для забезпечення сталого розвитку України“». Вона націлена на розвиток необхідних компетенцій, впровадження нових форм і методів роботи та розширення повноважень філіалів, що входять в структуру ЦБС.

Завдання
1. Трансформація діяльності ЦБС шляхом формування бібліотек-хабів, що максимально наближені до потреб сучасної людини.
2. Фандрейзингова діяльність, взаємовигідне партнерство, залучення додаткових ресурсів задля підвищення якості бібліотечних послуг.
3. Впровадження і локалізація новітніх бібліотечних технологій та цифрових сервісів задля роботи, розваг і творчості мешканців району.
4. Посилення бібліотечного менеджменту, концентрація всіх ресурсів, доступних ЦБС задля забезпечення життєздатності та сталого розвитку організації.

Очікувані результати
• використання бібліотечних локацій для розвитку та покращення якості життя людини
• створення єдиного інформаційного бібліотечного поля і координація існування в цьому полі
• соціалізація бібліотек, ефективна взаємодія з громадою, завоювання статусу «Бібліотека потрібна громаді»
"""
