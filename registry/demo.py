"""A demonstration gmina, Zielony Jar, with a year of its MLW partnership.

Everything here is invented: the gmina (TERC 2640013 – powiat 40 does not exist in
świętokrzyskie), its villages, institutions, people, register numbers, telephones
(41 000 00 xx) and e-mail addresses (example.org). Facilitators use it to try the
registry on a catalogue and a pact that look like the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.values import (
    CommitmentState,
    CooperationForm,
    ParticipantRole,
    ResourceKind,
    Stage,
    StakeholderKind,
    SubType,
)
from registry.application import Registry

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)


def nip(first_nine: str) -> str:
    """A NIP made of nine invented digits and its check digit."""
    check = sum(w * int(d) for w, d in zip(NIP_WEIGHTS, first_nine, strict=True)) % 11
    if check == 10:
        raise ValueError(f"No NIP starts with {first_nine}: its check digit would be 10.")
    return f"{first_nine}{check}"


def regon(first_eight: str) -> str:
    """A nine-digit REGON made of eight invented digits and its check digit."""
    check = sum(w * int(d) for w, d in zip(REGON_WEIGHTS, first_eight, strict=True)) % 11
    return f"{first_eight}{check % 10}"


# --- the gmina and its partnership process -------------------------------------------

DEMO_TERC = "2640013"
DEMO_NAME = "Zielony Jar (gmina demonstracyjna)"
DEMO_POWIAT = "zielonojarski"
DEMO_VOIVODESHIP = "świętokrzyskie"
DEMO_REGISTERED_ON = date(2025, 9, 1)
DEMO_OPENED_ON = date(2025, 9, 18)
DEMO_OPENING_REASON = (
    "Prezentacja idei Modelu Lokalnej Współpracy na sesji Rady Miejskiej w Zielonym Jarze "
    "(dane demonstracyjne)"
)


@dataclass(frozen=True)
class DemoStage:
    """A stage of the MLW process reached: when, why, on whose decision."""

    stage: Stage
    on: date
    reason: str
    decided_by: str


STAGES: tuple[DemoStage, ...] = (
    DemoStage(
        Stage.CATALOGUE,
        date(2025, 11, 27),
        "Wstępny Katalog Lokalnych Interesariuszy przyjęty na spotkaniu w MGOPS",
        "Burmistrz Miasta i Gminy Zielony Jar",
    ),
    DemoStage(
        Stage.SYNERGY_TEAM,
        date(2026, 1, 22),
        "Zespół Synergii Lokalnej powołany: 9 osób z sektora publicznego, pozarządowego, "
        "kościelnego, biznesu i liderów społecznych",
        "Zarządzenie Burmistrza nr 0050.14.2026 (demo)",
    ),
    DemoStage(
        Stage.PACT,
        date(2026, 3, 12),
        "Pakt na rzecz MLW podpisany na Forum Lokalnym w Miejsko-Gminnym Ośrodku Kultury",
        "Forum Lokalne sygnatariuszy Paktu",
    ),
)


# --- the catalogue of local stakeholders ---------------------------------------------


@dataclass(frozen=True)
class DemoStakeholder:
    """One entry of the demo catalogue; a social leader is a natural person."""

    key: str
    subtype: SubType
    name: str
    legal_form: str
    seat: str
    area: str
    resources: tuple[str, ...]
    contact: str
    on: date
    nip: str | None = None
    regon: str | None = None
    krs: str | None = None

    @property
    def kind(self) -> StakeholderKind:
        if self.subtype is SubType.SOCIAL_LEADER:
            return StakeholderKind.PERSON
        return StakeholderKind.INSTITUTION


# fmt: off
STAKEHOLDERS: tuple[DemoStakeholder, ...] = (
    # władza publiczna – administracja rządowa
    DemoStakeholder(
        "uw", SubType.GOVERNMENT,
        "Świętokrzyski Urząd Wojewódzki – Delegatura w Zielonym Jarze (demo)",
        "urząd administracji rządowej (delegatura)", "Zielony Jar, Rynek 3",
        "nadzór nad pomocą społeczną, programy rządowe dla seniorów i rodzin",
        ("informacja o programach rządowych", "sala konferencyjna"),
        "sekretariat delegatury, tel. 41 000 00 01, delegatura.zielonyjar@example.org",
        date(2025, 9, 29), regon=regon("26000001"),
    ),
    DemoStakeholder(
        "policja", SubType.GOVERNMENT, "Posterunek Policji w Zielonym Jarze (demo)",
        "jednostka organizacyjna Policji", "Zielony Jar, ul. Ogrodowa 4",
        "bezpieczeństwo publiczne, przeciwdziałanie przemocy domowej (Niebieska Karta)",
        ("dzielnicowy", "spotkania profilaktyczne w szkołach"),
        "dyżurny posterunku, tel. 41 000 00 02",
        date(2025, 10, 6),
    ),
    DemoStakeholder(
        "krus", SubType.GOVERNMENT, "Placówka Terenowa KRUS w Zielonym Jarze (demo)",
        "jednostka terenowa Kasy Rolniczego Ubezpieczenia Społecznego",
        "Zielony Jar, ul. Polna 2", "ubezpieczenia i rehabilitacja rolników",
        ("informacja o turnusach rehabilitacyjnych",),
        "punkt obsługi klientów, tel. 41 000 00 03",
        date(2025, 10, 20),
    ),
    # władza publiczna – administracja samorządowa
    DemoStakeholder(
        "ug", SubType.LOCAL_GOVERNMENT, "Urząd Miasta i Gminy Zielony Jar (demo)",
        "jednostka budżetowa gminy (urząd)", "Zielony Jar, Rynek 1",
        "zadania własne gminy: pomoc społeczna, oświata, rozwój lokalny",
        ("środki budżetowe gminy", "sala sesyjna", "lokale komunalne", "obsługa prawna"),
        "sekretariat burmistrza, tel. 41 000 00 10, sekretariat.umig@zielonyjar.example.org",
        date(2025, 9, 22), nip=nip("657000100"), regon=regon("26000010"),
    ),
    DemoStakeholder(
        "starostwo", SubType.LOCAL_GOVERNMENT, "Starostwo Powiatowe w Zielonym Jarze (demo)",
        "jednostka budżetowa powiatu zielonojarskiego", "Zielony Jar, ul. Kościuszki 12",
        "zadania powiatu: rynek pracy, wspieranie rodziny, szkoły ponadpodstawowe",
        ("dofinansowanie z budżetu powiatu", "transport powiatowy"),
        "wydział spraw społecznych, tel. 41 000 00 11, spoleczne@powiat-zj.example.org",
        date(2025, 10, 13), nip=nip("657000101"), regon=regon("26000011"),
    ),
    DemoStakeholder(
        "gkrpa", SubType.LOCAL_GOVERNMENT,
        "Gminna Komisja Rozwiązywania Problemów Alkoholowych w Zielonym Jarze",
        "komisja powołana zarządzeniem burmistrza", "Zielony Jar, Rynek 1",
        "profilaktyka i rozwiązywanie problemów alkoholowych, program gminny",
        ("środki gminnego programu profilaktyki", "punkt konsultacyjny"),
        "sekretarz komisji, tel. 41 000 00 12",
        date(2025, 10, 14),
    ),
    # władza publiczna – jednostki samorządu terytorialnego
    DemoStakeholder(
        "gops", SubType.LOCAL_GOVERNMENT_UNIT,
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze",
        "jednostka budżetowa gminy", "Zielony Jar, ul. Lipowa 1",
        "pomoc społeczna, praca socjalna, asysta rodzinna, koordynacja MLW",
        ("pracownicy socjalni", "asystent rodziny", "sala szkoleniowa"),
        "sekretariat MGOPS, tel. 41 000 00 20, mgops@zielonyjar.example.org",
        date(2025, 9, 22), nip=nip("657000102"), regon=regon("26000020"),
    ),
    DemoStakeholder(
        "pup", SubType.LOCAL_GOVERNMENT_UNIT, "Powiatowy Urząd Pracy w Zielonym Jarze",
        "jednostka budżetowa powiatu", "Zielony Jar, ul. Kościuszki 14",
        "aktywizacja zawodowa bezrobotnych, staże, prace społecznie użyteczne",
        ("doradca zawodowy", "staże", "środki Funduszu Pracy"),
        "dział aktywizacji, tel. 41 000 00 21, pup@powiat-zj.example.org",
        date(2025, 9, 30), nip=nip("657000103"), regon=regon("26000021"),
    ),
    DemoStakeholder(
        "pcpr", SubType.LOCAL_GOVERNMENT_UNIT,
        "Powiatowe Centrum Pomocy Rodzinie w Zielonym Jarze",
        "jednostka budżetowa powiatu", "Zielony Jar, ul. Kościuszki 16",
        "piecza zastępcza, rehabilitacja społeczna osób z niepełnosprawnościami",
        ("psycholog", "dofinansowania ze środków PFRON"),
        "sekretariat PCPR, tel. 41 000 00 22, pcpr@powiat-zj.example.org",
        date(2025, 10, 1), nip=nip("657000104"), regon=regon("26000022"),
    ),
    DemoStakeholder(
        "rops", SubType.LOCAL_GOVERNMENT_UNIT,
        "Regionalny Ośrodek Polityki Społecznej – Zespół ds. Ekonomii Społecznej (demo)",
        "wojewódzka samorządowa jednostka organizacyjna", "Kielce",
        "koordynacja polityki społecznej w województwie, wsparcie gmin we wdrażaniu MLW",
        ("szkolenia kadr pomocy społecznej", "doradztwo metodyczne MLW"),
        "zespół ds. ekonomii społecznej, tel. 41 000 00 23, es.rops@example.org",
        date(2025, 10, 2), regon=regon("26000023"),
    ),
    DemoStakeholder(
        "zgk", SubType.LOCAL_GOVERNMENT_UNIT, "Zakład Gospodarki Komunalnej w Zielonym Jarze",
        "samorządowy zakład budżetowy", "Zielony Jar, ul. Przemysłowa 5",
        "gospodarka komunalna, utrzymanie zieleni i dróg gminnych",
        ("prace społecznie użyteczne", "sprzęt komunalny"),
        "kierownik zakładu, tel. 41 000 00 24",
        date(2025, 10, 15), nip=nip("657000105"), regon=regon("26000024"),
    ),
    DemoStakeholder(
        "sds", SubType.LOCAL_GOVERNMENT_UNIT, "Środowiskowy Dom Samopomocy w Jarkach",
        "jednostka budżetowa gminy", "Jarki 20",
        "wsparcie dzienne osób z zaburzeniami psychicznymi",
        ("terapeuci zajęciowi", "pracownia kulinarna"),
        "kierowniczka ŚDS, tel. 41 000 00 25, sds.jarki@example.org",
        date(2025, 10, 8), regon=regon("26000025"),
    ),
    # organizacje pozarządowe
    DemoStakeholder(
        "srw", SubType.NGO, "Stowarzyszenie Rozwoju Wsi Jarki",
        "stowarzyszenie rejestrowe", "Jarki 14",
        "rozwój lokalny, świetlica wiejska, projekty z funduszu sołeckiego",
        ("świetlica wiejska", "wolontariusze"),
        "zarząd stowarzyszenia, tel. 41 000 00 30, srw.jarki@example.org",
        date(2025, 10, 3), nip=nip("657000106"), regon=regon("26000030"), krs="0000900101",
    ),
    DemoStakeholder(
        "zprog", SubType.NGO, "Fundacja „Zielony Próg”",
        "fundacja (organizacja pożytku publicznego)", "Zielony Jar, ul. Polna 7",
        "wychodzenie z bezdomności i kryzysu, mieszkania treningowe",
        ("mieszkanie treningowe", "trener pracy"),
        "biuro fundacji, tel. 41 000 00 31, biuro@zielony-prog.example.org",
        date(2025, 10, 7), nip=nip("657000108"), regon=regon("26000031"), krs="0000900102",
    ),
    DemoStakeholder(
        "kgw", SubType.NGO, "Koło Gospodyń Wiejskich w Woli Jarskiej",
        "koło gospodyń wiejskich (rejestr KGW)", "Wola Jarska 3",
        "kultura ludowa, kuchnia regionalna, integracja mieszkanek",
        ("catering na wydarzenia", "rękodzieło"),
        "przewodnicząca koła, tel. 41 000 00 32",
        date(2025, 10, 9), nip=nip("657000109"),
    ),
    DemoStakeholder(
        "osp", SubType.NGO, "Ochotnicza Straż Pożarna w Dębowej Łące",
        "stowarzyszenie", "Dębowa Łąka 1 (remiza)",
        "ochrona przeciwpożarowa, ratownictwo, wydarzenia lokalne",
        ("remiza", "namiot i agregat", "druhowie-wolontariusze"),
        "prezes OSP, tel. 41 000 00 33, osp.debowa@example.org",
        date(2025, 10, 9), nip=nip("657000110"), regon=regon("26000033"), krs="0000900103",
    ),
    DemoStakeholder(
        "uks", SubType.NGO, "Uczniowski Klub Sportowy „Jar”",
        "uczniowski klub sportowy (ewidencja starosty)", "Zielony Jar, ul. Szkolna 2",
        "sport dzieci i młodzieży",
        ("trenerzy-wolontariusze", "sprzęt sportowy"),
        "zarząd klubu, uks.jar@example.org",
        date(2025, 10, 16), regon=regon("26000034"),
    ),
    DemoStakeholder(
        "razem", SubType.NGO,
        "Stowarzyszenie „Razem w Jarze” na rzecz Osób z Niepełnosprawnościami",
        "stowarzyszenie (organizacja pożytku publicznego)", "Zielony Jar, ul. Lipowa 9",
        "rzecznictwo i wsparcie osób z niepełnosprawnościami i ich rodzin",
        ("grupa wsparcia rodziców", "wypożyczalnia sprzętu rehabilitacyjnego"),
        "biuro stowarzyszenia, tel. 41 000 00 35, razem@example.org",
        date(2025, 10, 10), nip=nip("657000111"), regon=regon("26000035"), krs="0000900104",
    ),
    DemoStakeholder(
        "lgd", SubType.NGO, "Lokalna Grupa Działania „Jarskie Porozumienie” (demo)",
        "stowarzyszenie (lokalna grupa działania)", "Zielony Jar, Rynek 7",
        "rozwój lokalny kierowany przez społeczność, lokalna strategia rozwoju",
        ("granty z lokalnej strategii rozwoju", "pomoc w pisaniu wniosków"),
        "biuro LGD, tel. 41 000 00 36, biuro@lgd-jar.example.org",
        date(2025, 10, 21), nip=nip("657000112"), regon=regon("26000036"), krs="0000900105",
    ),
    DemoStakeholder(
        "owes", SubType.NGO, "Fundacja Ekonomii Społecznej „Wspólny Jar” – OWES (demo)",
        "fundacja (ośrodek wsparcia ekonomii społecznej)", "Kielce",
        "wsparcie tworzenia podmiotów ekonomii społecznej w subregionie",
        ("doradca biznesowy", "dotacje na miejsca pracy w przedsiębiorstwach społecznych"),
        "doradcy kluczowi OWES, tel. 41 000 00 37, owes@wspolny-jar.example.org",
        date(2026, 2, 12), nip=nip("657000114"), regon=regon("26000037"), krs="0000900106",
    ),
    DemoStakeholder(
        "seniorzy", SubType.NGO, "Grupa nieformalna „Seniorzy z Kamiennego Brodu”",
        "grupa nieformalna", "Kamienny Bród (świetlica wiejska)",
        "aktywność seniorów, samopomoc sąsiedzka",
        ("wolontariat sąsiedzki",),
        "kontakt przez sołectwo Kamienny Bród, tel. 41 000 00 38",
        date(2025, 11, 4),
    ),
    DemoStakeholder(
        "jarzebina", SubType.SOCIAL_COOPERATIVE, "Spółdzielnia Socjalna „Jarzębina”",
        "spółdzielnia socjalna", "Zielony Jar, ul. Młyńska 2",
        "catering i gastronomia, reintegracja zawodowa członków",
        ("miejsca pracy dla osób zagrożonych wykluczeniem", "catering"),
        "biuro spółdzielni, tel. 41 000 00 39, jarzebina@example.org",
        date(2025, 10, 17), nip=nip("657000115"), regon=regon("26000039"), krs="0000900107",
    ),
    DemoStakeholder(
        "zielona_reka", SubType.SOCIAL_COOPERATIVE, "Spółdzielnia Socjalna „Zielona Ręka”",
        "spółdzielnia socjalna osób prawnych", "Jarki 22",
        "utrzymanie zieleni, drobne usługi remontowe",
        ("ekipa porządkowa", "miejsca pracy"),
        "prezes spółdzielni, tel. 41 000 00 40, zielona.reka@example.org",
        date(2025, 11, 12), nip=nip("657000116"), regon=regon("26000040"), krs="0000900108",
    ),
    # organizacje kościelne i związki wyznaniowe
    DemoStakeholder(
        "parafia", SubType.CHURCH_ORGANISATION,
        "Parafia Rzymskokatolicka pw. św. Wojciecha w Zielonym Jarze (demo)",
        "kościelna osoba prawna", "Zielony Jar, pl. Kościelny 1",
        "duszpasterstwo, pomoc charytatywna",
        ("salka parafialna", "ogłoszenia parafialne"),
        "kancelaria parafialna, tel. 41 000 00 50",
        date(2025, 10, 6), nip=nip("657000117"), regon=regon("26000050"),
    ),
    DemoStakeholder(
        "pzc", SubType.CHURCH_ORGANISATION,
        "Parafialny Zespół Caritas przy Parafii pw. św. Wojciecha w Zielonym Jarze",
        "parafialny zespół Caritas (bez osobowości prawnej)", "Zielony Jar, pl. Kościelny 1",
        "pomoc żywnościowa, paczki świąteczne, odwiedziny chorych",
        ("magazyn żywności", "wolontariusze"),
        "przewodnicząca zespołu, tel. 41 000 00 51",
        date(2025, 10, 6),
    ),
    DemoStakeholder(
        "stacja", SubType.CHURCH_ORGANISATION, "Stacja Opieki Caritas w Jarkach (demo)",
        "jednostka organizacyjna Caritas diecezjalnej", "Jarki 5",
        "pielęgniarska opieka domowa, wypożyczalnia sprzętu",
        ("pielęgniarki środowiskowe", "sprzęt rehabilitacyjny"),
        "kierowniczka stacji, tel. 41 000 00 52, stacja.jarki@example.org",
        date(2025, 10, 22), regon=regon("26000052"),
    ),
    DemoStakeholder(
        "ksm", SubType.CHURCH_ORGANISATION,
        "Katolickie Stowarzyszenie Młodzieży – oddział parafialny w Zielonym Jarze",
        "oddział stowarzyszenia kościelnego", "Zielony Jar, pl. Kościelny 1",
        "wychowanie i wolontariat młodzieży",
        ("młodzi wolontariusze",),
        "prezes oddziału, ksm.zielonyjar@example.org",
        date(2025, 11, 5),
    ),
    # przedsiębiorstwa i instytucje – edukacja
    DemoStakeholder(
        "sp", SubType.EDUCATION, "Szkoła Podstawowa im. Marii Konopnickiej w Zielonym Jarze",
        "jednostka budżetowa gminy (szkoła publiczna)", "Zielony Jar, ul. Szkolna 2",
        "edukacja, świetlica szkolna, pomoc psychologiczno-pedagogiczna",
        ("sala gimnastyczna", "pracownia komputerowa", "pedagog szkolny"),
        "sekretariat szkoły, tel. 41 000 00 60, sp.zielonyjar@example.org",
        date(2025, 9, 24), regon=regon("26000060"),
    ),
    DemoStakeholder(
        "przedszkole", SubType.EDUCATION, "Przedszkole Samorządowe w Jarkach",
        "jednostka budżetowa gminy", "Jarki 18",
        "wychowanie przedszkolne",
        ("sala na zajęcia popołudniowe",),
        "dyrektorka przedszkola, tel. 41 000 00 61",
        date(2025, 10, 13), regon=regon("26000061"),
    ),
    DemoStakeholder(
        "zsp", SubType.EDUCATION, "Zespół Szkół Ponadpodstawowych w Zielonym Jarze",
        "jednostka budżetowa powiatu", "Zielony Jar, ul. Kościuszki 30",
        "technikum i szkoła branżowa: gastronomia, ogrodnictwo",
        ("praktyki zawodowe", "pracownia gastronomiczna"),
        "sekretariat ZSP, tel. 41 000 00 62, zsp@powiat-zj.example.org",
        date(2025, 10, 23), regon=regon("26000062"),
    ),
    DemoStakeholder(
        "kompas", SubType.EDUCATION, "Niepubliczny Ośrodek Szkoleniowy „Kompas” sp. z o.o.",
        "spółka z ograniczoną odpowiedzialnością", "Zielony Jar, ul. Młyńska 10",
        "kursy zawodowe i kwalifikacyjne dla dorosłych",
        ("kursy kwalifikacyjne", "sala szkoleniowa"),
        "biuro ośrodka, tel. 41 000 00 63, kompas@example.org",
        date(2025, 11, 6), nip=nip("657000118"), regon=regon("26000063"), krs="0000900109",
    ),
    # przedsiębiorstwa i instytucje – kultura
    DemoStakeholder(
        "gok", SubType.CULTURE, "Miejsko-Gminny Ośrodek Kultury w Zielonym Jarze",
        "samorządowa instytucja kultury", "Zielony Jar, Rynek 5",
        "kultura, zespoły artystyczne, wydarzenia gminne",
        ("sala widowiskowa", "nagłośnienie", "instruktorzy"),
        "sekretariat MGOK, tel. 41 000 00 70, mgok@zielonyjar.example.org",
        date(2025, 9, 25), nip=nip("657000119"), regon=regon("26000070"),
    ),
    DemoStakeholder(
        "gbp", SubType.CULTURE, "Miejsko-Gminna Biblioteka Publiczna w Zielonym Jarze",
        "samorządowa instytucja kultury", "Zielony Jar, Rynek 5",
        "czytelnictwo, kompetencje cyfrowe, klub książki",
        ("komputery z dostępem do internetu", "klub książki"),
        "wypożyczalnia, tel. 41 000 00 71, biblioteka@zielonyjar.example.org",
        date(2025, 9, 25), nip=nip("657000120"), regon=regon("26000071"),
    ),
    DemoStakeholder(
        "izba", SubType.CULTURE, "Izba Regionalna Ziemi Jarskiej",
        "oddział samorządowej instytucji kultury", "Wola Jarska 10",
        "dziedzictwo lokalne, rękodzieło ludowe",
        ("sala wystawowa", "warsztaty rękodzieła"),
        "opiekunka izby, tel. 41 000 00 72",
        date(2025, 11, 10),
    ),
    # przedsiębiorstwa i instytucje – ochrona zdrowia
    DemoStakeholder(
        "spzoz", SubType.HEALTH,
        "Samodzielny Publiczny Zakład Opieki Zdrowotnej w Zielonym Jarze",
        "samodzielny publiczny zakład opieki zdrowotnej", "Zielony Jar, ul. Zdrojowa 3",
        "podstawowa opieka zdrowotna, poradnia zdrowia psychicznego",
        ("psycholog", "pielęgniarka środowiskowa"),
        "rejestracja, tel. 41 000 00 80, spzoz@zielonyjar.example.org",
        date(2025, 10, 2), nip=nip("657000121"), regon=regon("26000080"), krs="0000900110",
    ),
    DemoStakeholder(
        "rehab", SubType.HEALTH, "Centrum Rehabilitacji „Ruch” sp. z o.o.",
        "spółka z ograniczoną odpowiedzialnością", "Zielony Jar, ul. Zdrojowa 8",
        "fizjoterapia i rehabilitacja ambulatoryjna",
        ("zajęcia ruchowe dla seniorów",),
        "recepcja, tel. 41 000 00 81, ruch@example.org",
        date(2025, 10, 27), nip=nip("657000122"), regon=regon("26000081"), krs="0000900111",
    ),
    DemoStakeholder(
        "apteka", SubType.HEALTH, "Apteka „Pod Lipą” s.c.",
        "spółka cywilna", "Zielony Jar, ul. Lipowa 3",
        "apteka ogólnodostępna",
        ("edukacja zdrowotna",),
        "apteka, tel. 41 000 00 82",
        date(2025, 11, 3), nip=nip("657000123"), regon=regon("26000082"),
    ),
    # przedsiębiorstwa i instytucje – inne
    DemoStakeholder(
        "jarsad", SubType.OTHER_BUSINESS, "Zakład Przetwórstwa Owoców „Jarsad” sp. z o.o.",
        "spółka z ograniczoną odpowiedzialnością", "Modrzewie Jarskie 40",
        "przetwórstwo owoców, zatrudnienie sezonowe",
        ("miejsca pracy", "owoce i przetwory"),
        "dział kadr, tel. 41 000 00 90, kadry@jarsad.example.org",
        date(2026, 1, 14), nip=nip("657000124"), regon=regon("26000090"), krs="0000900112",
    ),
    DemoStakeholder(
        "jartrans", SubType.OTHER_BUSINESS,
        "Przedsiębiorstwo Usług Transportowych „Jar-Trans” sp. z o.o.",
        "spółka z ograniczoną odpowiedzialnością", "Zielony Jar, ul. Przemysłowa 9",
        "przewozy osób i transport",
        ("bus 9-osobowy", "kierowca"),
        "biuro przewozów, tel. 41 000 00 91, biuro@jar-trans.example.org",
        date(2025, 10, 28), nip=nip("657000125"), regon=regon("26000091"), krs="0000900113",
    ),
    DemoStakeholder(
        "agro", SubType.OTHER_BUSINESS, "Gospodarstwo Agroturystyczne „Pod Dębem”",
        "jednoosobowa działalność gospodarcza", "Dębowa Łąka 17",
        "agroturystyka, zagroda edukacyjna",
        ("zajęcia w zagrodzie edukacyjnej",),
        "rezerwacje, pod.debem@example.org",
        date(2025, 11, 13), nip=nip("657000126"), regon=regon("26000092"),
    ),
    DemoStakeholder(
        "gs", SubType.OTHER_BUSINESS,
        "Gminna Spółdzielnia „Samopomoc Chłopska” w Zielonym Jarze (demo)",
        "spółdzielnia", "Zielony Jar, Rynek 9",
        "handel, sklepy wiejskie",
        ("lokal użytkowy do wynajęcia", "bony na zakupy"),
        "zarząd spółdzielni, tel. 41 000 00 93",
        date(2025, 10, 29), nip=nip("657000127"), regon=regon("26000093"), krs="0000900114",
    ),
    # finanse i bankowość
    DemoStakeholder(
        "bs", SubType.FINANCE_BANKING, "Bank Spółdzielczy w Zielonym Jarze (demo)",
        "bank spółdzielczy", "Zielony Jar, Rynek 2",
        "usługi bankowe dla mieszkańców, rolników i samorządu",
        ("fundusz grantowy banku", "edukacja finansowa"),
        "sekretariat zarządu, tel. 41 000 00 95, zarzad@bs-zielonyjar.example.org",
        date(2025, 10, 20), nip=nip("657000128"), regon=regon("26000095"), krs="0000900115",
    ),
    DemoStakeholder(
        "tuw", SubType.FINANCE_BANKING,
        "Towarzystwo Ubezpieczeń Wzajemnych „Jarska Wzajemność” (demo)",
        "towarzystwo ubezpieczeń wzajemnych", "Zielony Jar, ul. Kościuszki 3",
        "ubezpieczenia rolne i majątkowe",
        ("sponsoring wydarzeń", "ubezpieczenie NNW wolontariuszy"),
        "oddział w Zielonym Jarze, tel. 41 000 00 96, oddzial@tuw-jar.example.org",
        date(2025, 11, 17), nip=nip("657000129"), regon=regon("26000096"), krs="0000900116",
    ),
    DemoStakeholder(
        "fundusz", SubType.FINANCE_BANKING, "Fundusz Pożyczkowy Ziemi Jarskiej sp. z o.o.",
        "spółka z ograniczoną odpowiedzialnością (instytucja pożyczkowa)",
        "Zielony Jar, ul. Młyńska 4",
        "pożyczki dla mikroprzedsiębiorstw i podmiotów ekonomii społecznej",
        ("pożyczki preferencyjne",),
        "doradca pożyczkowy, tel. 41 000 00 97, pozyczki@fpzj.example.org",
        date(2026, 4, 8), nip=nip("657000130"), regon=regon("26000097"), krs="0000900117",
    ),
    # obywatele – liderzy społeczni (dane osobowe, zmyślone)
    DemoStakeholder(
        "halina", SubType.SOCIAL_LEADER, "Halina Wierzbicka", "", "",
        "przewodnicząca koła seniorów, opiekunka osoby zależnej",
        ("prowadzenie grupy wsparcia opiekunów",),
        "tel. 41 000 00 98",
        date(2025, 10, 30),
    ),
    DemoStakeholder(
        "stanislaw", SubType.SOCIAL_LEADER, "Stanisław Jarocki", "", "",
        "sołtys Kamiennego Brodu",
        ("znajomość potrzeb mieszkańców", "zebrania wiejskie"),
        "soltys.kamienny.brod@example.org",
        date(2025, 11, 4),
    ),
    DemoStakeholder(
        "marta", SubType.SOCIAL_LEADER, "Marta Dąbczyńska", "", "",
        "liderka wolontariatu młodzieżowego",
        ("organizacja wolontariatu młodzieży",),
        "marta.wolontariat@example.org",
        date(2025, 11, 14),
    ),
    DemoStakeholder(
        "jozef", SubType.SOCIAL_LEADER, "Józef Lipiński", "", "",
        "emerytowany nauczyciel, kronikarz gminy",
        ("korepetycje", "historia lokalna"),
        "tel. 41 000 00 99",
        date(2025, 11, 18),
    ),
    DemoStakeholder(
        "agnieszka", SubType.SOCIAL_LEADER, "Agnieszka Rudnicka", "", "",
        "liderka grupy rodziców dzieci z niepełnosprawnościami",
        ("grupa rodziców",),
        "rodzice.razem@example.org",
        date(2025, 11, 20),
    ),
)

INVITATIONS: tuple[tuple[str, date], ...] = (
    *((key, date(2025, 12, 1)) for key in ("ug", "gops", "pup", "pcpr", "rops", "gok", "gbp")),
    *((key, date(2025, 12, 3)) for key in ("parafia", "pzc", "stacja", "sp", "zsp", "spzoz")),
    *((key, date(2025, 12, 5)) for key in ("srw", "zprog", "kgw", "osp", "razem", "seniorzy")),
    *((key, date(2025, 12, 8)) for key in ("jarzebina", "zielona_reka", "bs", "tuw", "uw")),
    *((key, date(2025, 12, 10)) for key in ("jartrans", "apteka", "halina", "stanislaw")),
    *((key, date(2025, 12, 12)) for key in ("marta", "jozef", "agnieszka", "lgd")),
    ("jarsad", date(2026, 2, 2)),
    ("owes", date(2026, 2, 16)),
    ("fundusz", date(2026, 4, 20)),
)


# --- the pact: signatories, commitments, a leaving, an archived entry ----------------

LASTING, AD_HOC = CooperationForm.LASTING, CooperationForm.AD_HOC
ASSOCIATED = ParticipantRole.ASSOCIATED_INSTITUTION
SUPPORTER, USER = ParticipantRole.SUPPORTER, ParticipantRole.USER


@dataclass(frozen=True)
class DemoSignature:
    """A stakeholder signs the pact; a citizen leader signs in person (no representative)."""

    key: str
    on: date
    form: CooperationForm
    role: ParticipantRole
    representative: str = ""
    function: str = ""
    contact: str = ""


FORUM = date(2026, 3, 12)

SIGNATURES: tuple[DemoSignature, ...] = (
    DemoSignature("ug", FORUM, LASTING, ASSOCIATED, "Tomasz Wilczek",
                  "Burmistrz Miasta i Gminy", "tel. 41 000 00 10"),
    DemoSignature("gops", FORUM, LASTING, ASSOCIATED, "Ewa Grabowiecka",
                  "kierowniczka MGOPS", "mgops@zielonyjar.example.org"),
    DemoSignature("pup", FORUM, LASTING, ASSOCIATED, "Krzysztof Malinowski",
                  "dyrektor PUP", "pup@powiat-zj.example.org"),
    DemoSignature("pcpr", FORUM, LASTING, ASSOCIATED, "Beata Sikorska",
                  "dyrektorka PCPR", "pcpr@powiat-zj.example.org"),
    DemoSignature("gok", FORUM, LASTING, ASSOCIATED, "Paweł Jodłowski",
                  "dyrektor MGOK", "mgok@zielonyjar.example.org"),
    DemoSignature("parafia", FORUM, LASTING, ASSOCIATED, "ks. Marek Olszewski",
                  "proboszcz", "tel. 41 000 00 50"),
    DemoSignature("pzc", FORUM, LASTING, SUPPORTER, "Danuta Kowalczyk",
                  "przewodnicząca zespołu Caritas", "tel. 41 000 00 51"),
    DemoSignature("sp", FORUM, LASTING, ASSOCIATED, "Joanna Wiśniewska",
                  "dyrektorka szkoły", "sp.zielonyjar@example.org"),
    DemoSignature("spzoz", FORUM, LASTING, ASSOCIATED, "Adam Czerwiński",
                  "kierownik SP ZOZ", "spzoz@zielonyjar.example.org"),
    DemoSignature("bs", FORUM, LASTING, SUPPORTER, "Renata Bielecka",
                  "prezeska zarządu banku", "zarzad@bs-zielonyjar.example.org"),
    DemoSignature("srw", FORUM, LASTING, ASSOCIATED, "Zbigniew Kamiński",
                  "prezes stowarzyszenia", "srw.jarki@example.org"),
    DemoSignature("jarzebina", FORUM, LASTING, ASSOCIATED, "Monika Zawada",
                  "prezeska spółdzielni", "jarzebina@example.org"),
    DemoSignature("razem", FORUM, LASTING, USER, "Elżbieta Nowicka",
                  "prezeska stowarzyszenia", "razem@example.org"),
    DemoSignature("halina", FORUM, LASTING, SUPPORTER),
    DemoSignature("osp", date(2026, 4, 16), AD_HOC, SUPPORTER, "Ryszard Kania",
                  "prezes OSP", "osp.debowa@example.org"),
    DemoSignature("kgw", date(2026, 4, 16), AD_HOC, SUPPORTER, "Stanisława Bąk",
                  "przewodnicząca KGW", "tel. 41 000 00 32"),
    DemoSignature("gbp", date(2026, 4, 16), LASTING, ASSOCIATED, "Aleksandra Lis",
                  "dyrektorka biblioteki", "biblioteka@zielonyjar.example.org"),
    DemoSignature("jartrans", date(2026, 4, 16), AD_HOC, SUPPORTER, "Marcin Wójcik",
                  "prezes zarządu", "biuro@jar-trans.example.org"),
    DemoSignature("stanislaw", date(2026, 4, 16), LASTING, SUPPORTER),
    DemoSignature("zprog", date(2026, 5, 21), LASTING, ASSOCIATED, "Piotr Sadowski",
                  "prezes fundacji", "biuro@zielony-prog.example.org"),
    DemoSignature("zielona_reka", date(2026, 5, 21), LASTING, ASSOCIATED, "Grzegorz Pawlak",
                  "prezes spółdzielni", "zielona.reka@example.org"),
    DemoSignature("seniorzy", date(2026, 5, 21), LASTING, USER, "Irena Mazur",
                  "liderka grupy", "tel. 41 000 00 38"),
    DemoSignature("rops", date(2026, 5, 21), LASTING, ASSOCIATED, "Katarzyna Dudek",
                  "kierowniczka zespołu ds. ekonomii społecznej", "es.rops@example.org"),
    DemoSignature("uw", date(2026, 5, 21), AD_HOC, SUPPORTER, "Jan Zalewski",
                  "kierownik delegatury", "delegatura.zielonyjar@example.org"),
    DemoSignature("marta", date(2026, 5, 21), LASTING, SUPPORTER),
    DemoSignature("jarsad", date(2026, 6, 18), AD_HOC, SUPPORTER, "Andrzej Kubiak",
                  "prezes zarządu", "kadry@jarsad.example.org"),
    DemoSignature("owes", date(2026, 6, 18), LASTING, ASSOCIATED, "Magdalena Górska",
                  "doradczyni kluczowa OWES", "owes@wspolny-jar.example.org"),
    DemoSignature("tuw", date(2026, 6, 18), AD_HOC, SUPPORTER, "Robert Szymański",
                  "dyrektor oddziału", "oddzial@tuw-jar.example.org"),
    DemoSignature("zsp", date(2026, 6, 18), LASTING, ASSOCIATED, "Iwona Pietrzak",
                  "dyrektorka ZSP", "zsp@powiat-zj.example.org"),
    DemoSignature("fundusz", date(2026, 9, 17), AD_HOC, SUPPORTER, "Łukasz Michalski",
                  "prezes zarządu", "pozyczki@fpzj.example.org"),
    DemoSignature("stacja", date(2026, 9, 17), LASTING, ASSOCIATED, "Teresa Gajewska",
                  "kierowniczka stacji", "stacja.jarki@example.org"),
    DemoSignature("jozef", date(2026, 9, 17), AD_HOC, SUPPORTER),
)


@dataclass(frozen=True)
class DemoCommitment:
    """What a signatory puts into the partnership, for whom, with whom, by when."""

    key: str
    party: str
    resource: ResourceKind
    description: str
    quantity: str | None
    unit: str
    on: date
    due_on: date | None = None
    beneficiary: str = ""
    beneficiary_key: str | None = None
    joint_with: tuple[str, ...] = ()


R = ResourceKind
COMMITMENTS: tuple[DemoCommitment, ...] = (
    DemoCommitment("koordynatorka", "gops", R.STAFF,
                   "Koordynatorka partnerstwa MLW – pracownica socjalna MGOPS",
                   "0.5", "etatu", FORUM, date(2026, 12, 31)),
    DemoCommitment("wklad_kis", "ug", R.MONEY,
                   "Wkład własny gminy na utworzenie Klubu Integracji Społecznej przy MGOPS",
                   "40000", "zł", FORUM, date(2026, 12, 31),
                   "Klub Integracji Społecznej", "gops"),
    DemoCommitment("sala_mgok", "gok", R.PREMISES,
                   "Sala widowiskowa MGOK na posiedzenia ZSL, forum Paktu i warsztaty",
                   "16", "h/miesiąc", FORUM),
    DemoCommitment("plan_lpdi", "pcpr", R.KNOW_HOW,
                   "Wsparcie gminy w przygotowaniu lokalnego planu deinstytucjonalizacji",
                   None, "", FORUM, date(2026, 9, 30)),
    DemoCommitment("miejsca_pracy", "jarzebina", R.STAFF,
                   "Miejsca pracy w spółdzielni dla absolwentów KIS (zatrudnienie wspierane)",
                   "2", "osoby", FORUM, date(2026, 12, 31), "absolwenci KIS"),
    DemoCommitment("grupa_wsparcia", "halina", R.TIME,
                   "Prowadzenie grupy wsparcia dla opiekunów osób zależnych (wolontariat)",
                   "6", "h/miesiąc", FORUM, None, "", "razem"),
    DemoCommitment("doradca_pup", "pup", R.KNOW_HOW,
                   "Dyżur doradcy zawodowego dla uczestników KIS i klientów MGOPS",
                   "8", "h/miesiąc", date(2026, 3, 19), date(2026, 12, 31),
                   "uczestnicy KIS", None, ("gops",)),
    DemoCommitment("salka_parafialna", "parafia", R.PREMISES,
                   "Salka parafialna na spotkania Klubu Seniora",
                   "12", "h/miesiąc", date(2026, 3, 20), None, "", "seniorzy"),
    DemoCommitment("grant_kuchnia", "bs", R.MONEY,
                   "Grant z funduszu społecznego banku na wyposażenie kuchni spółdzielni",
                   "5000", "zł", date(2026, 3, 26), date(2026, 6, 30), "", "jarzebina"),
    DemoCommitment("psycholog", "spzoz", R.TIME,
                   "Konsultacje psychologa dla rodzin w kryzysie kierowanych przez MGOPS",
                   "4", "h/miesiąc", date(2026, 4, 2), date(2026, 12, 31), "rodziny w kryzysie"),
    DemoCommitment("bus", "jartrans", R.EQUIPMENT,
                   "Bus 9-osobowy z kierowcą na dowozy uczestników KIS i seniorów",
                   "20", "h/miesiąc", date(2026, 4, 16), date(2026, 12, 31), "", "seniorzy"),
    DemoCommitment("pracownia", "sp", R.EQUIPMENT,
                   "Pracownia komputerowa na kurs kompetencji cyfrowych dla dorosłych",
                   "8", "h/miesiąc", date(2026, 4, 20), date(2026, 10, 31),
                   "", "seniorzy", ("gbp",)),
    DemoCommitment("kurs_cyfrowy", "gbp", R.KNOW_HOW,
                   "Kurs kompetencji cyfrowych dla seniorów, dwie edycje",
                   "2", "edycje", date(2026, 4, 20), date(2026, 10, 31),
                   "", "seniorzy", ("sp",)),
    DemoCommitment("namiot", "osp", R.EQUIPMENT,
                   "Namiot, ławostoły i agregat na Piknik Integracyjny Paktu",
                   "1", "komplet", date(2026, 4, 23), date(2026, 8, 23)),
    DemoCommitment("poczestunek", "kgw", R.IN_KIND,
                   "Wypieki i poczęstunek na Piknik Integracyjny Paktu",
                   "150", "porcji", date(2026, 4, 23), date(2026, 8, 23),
                   "uczestnicy pikniku", None, ("osp",)),
    DemoCommitment("trening", "zprog", R.KNOW_HOW,
                   "Trening kompetencji społecznych dla uczestników KIS",
                   "40", "h", date(2026, 5, 21), date(2026, 11, 30), "uczestnicy KIS"),
    DemoCommitment("wolontariat", "marta", R.TIME,
                   "Koordynacja wolontariatu młodzieży przy pikniku i kursie cyfrowym",
                   "10", "h/miesiąc", date(2026, 5, 21), date(2026, 10, 31)),
    DemoCommitment("lokal_jarki", "ug", R.PREMISES,
                   "Użyczenie lokalu po dawnej szkole w Jarkach na bazę spółdzielni",
                   "160", "m²", date(2026, 5, 28), date(2026, 10, 1), "", "zielona_reka"),
    DemoCommitment("owoce", "jarsad", R.IN_KIND,
                   "Owoce i przetwory na warsztaty kulinarne uczestników KIS",
                   "30", "kg/miesiąc", date(2026, 6, 18), date(2026, 12, 31),
                   "", "jarzebina"),
    DemoCommitment("nnw", "tuw", R.MONEY,
                   "Opłacenie ubezpieczenia NNW wolontariuszy Pikniku Integracyjnego",
                   "1200", "zł", date(2026, 6, 18), date(2026, 8, 23), "wolontariusze pikniku"),
    DemoCommitment("doradztwo_owes", "owes", R.KNOW_HOW,
                   "Doradztwo przy tworzeniu KIS i biznesplanie spółdzielni socjalnej",
                   "30", "h", date(2026, 6, 18), date(2026, 12, 31), "", "gops", ("rops",)),
)


@dataclass(frozen=True)
class DemoRevision:
    """A commitment's terms changed: a new amount or a new deadline, and why."""

    commitment: str
    on: date
    note: str
    quantity: str | None = None
    due_on: date | None = None


REVISIONS: tuple[DemoRevision, ...] = (
    DemoRevision("wklad_kis", date(2026, 6, 25),
                 "Zmiana uchwały budżetowej po rozeznaniu kosztów adaptacji lokalu KIS",
                 quantity="55000"),
    DemoRevision("koordynatorka", date(2026, 7, 1),
                 "Burmistrz zwiększył wymiar koordynacji do pełnego etatu", quantity="1"),
    DemoRevision("sala_mgok", date(2026, 9, 10),
                 "Dodatkowe godziny na warsztaty KIS od września", quantity="24"),
    DemoRevision("miejsca_pracy", date(2026, 9, 24),
                 "KIS rusza w październiku; pierwsi absolwenci w przyszłym roku",
                 due_on=date(2027, 3, 31)),
)


@dataclass(frozen=True)
class DemoClosure:
    """A commitment fulfilled or withdrawn, with a note."""

    commitment: str
    on: date
    state: CommitmentState
    note: str


FULFILLED, WITHDRAWN = CommitmentState.FULFILLED, CommitmentState.WITHDRAWN
CLOSURES: tuple[DemoClosure, ...] = (
    DemoClosure("grant_kuchnia", date(2026, 6, 15), FULFILLED,
                "Środki przekazane na podstawie odrębnej umowy darowizny"),
    DemoClosure("nnw", date(2026, 8, 20), FULFILLED, "Polisa NNW opłacona"),
    DemoClosure("namiot", date(2026, 8, 23), FULFILLED,
                "Piknik Integracyjny odbył się przy remizie w Dębowej Łące"),
    DemoClosure("poczestunek", date(2026, 8, 23), FULFILLED, "Wydano około 150 porcji"),
    DemoClosure("bus", date(2026, 8, 31), WITHDRAWN,
                "Firma sprzedała bus i ogranicza działalność w gminie"),
    DemoClosure("plan_lpdi", date(2026, 9, 29), FULFILLED,
                "Projekt LPDI przekazany burmistrzowi"),
    DemoClosure("lokal_jarki", date(2026, 10, 1), FULFILLED, "Umowa użyczenia podpisana"),
    DemoClosure("pracownia", date(2026, 10, 30), FULFILLED, "Dwie edycje kursu zakończone"),
    DemoClosure("kurs_cyfrowy", date(2026, 10, 30), FULFILLED,
                "Dwie edycje, 24 uczestników, w tym 15 seniorów z Kamiennego Brodu"),
)

# fmt: on

LEAVING = ("jartrans", date(2026, 9, 30), "Przeniesienie działalności firmy poza powiat")
ARCHIVED = ("apteka", date(2026, 5, 29), "Apteka zakończyła działalność w gminie")


# --- loading ---------------------------------------------------------------------------


def load_demo(app: Registry, recorded_by: str = "demo") -> UUID:
    """Record the demo gmina's year; if its TERC code is taken already, record nothing."""
    existing = app.directory().by_terc.get(DEMO_TERC)
    if existing is not None:
        return existing
    by = recorded_by
    gmina = app.register_gmina(
        DEMO_TERC,
        DEMO_NAME,
        DEMO_POWIAT,
        DEMO_VOIVODESHIP,
        recorded_by=by,
        effective_on=DEMO_REGISTERED_ON,
    )
    app.open_partnership(
        gmina, reason=DEMO_OPENING_REASON, recorded_by=by, effective_on=DEMO_OPENED_ON
    )
    ids: dict[str, UUID] = {}
    for s in sorted(STAKEHOLDERS, key=lambda s: s.on):
        ids[s.key] = app.add_stakeholder(
            gmina,
            name=s.name,
            subtype=s.subtype,
            kind=s.kind,
            legal_form=s.legal_form,
            nip=s.nip,
            regon=s.regon,
            krs=s.krs,
            seat=s.seat,
            area=s.area,
            resources_offered=list(s.resources),
            contact=s.contact,
            recorded_by=by,
            effective_on=s.on,
        )
    for st in STAGES:
        app.advance_stage(
            gmina,
            st.stage,
            reason=st.reason,
            decided_by=st.decided_by,
            recorded_by=by,
            effective_on=st.on,
        )
    for key, on in sorted(INVITATIONS, key=lambda i: i[1]):
        app.invite_stakeholder(ids[key], recorded_by=by, effective_on=on)
    for j in SIGNATURES:
        app.join_pact(
            gmina,
            ids[j.key],
            representative=j.representative or None,
            representative_contact=j.contact,
            representative_function=j.function,
            form=j.form,
            role=j.role,
            recorded_by=by,
            effective_on=j.on,
        )
    made: dict[str, UUID] = {}
    for c in COMMITMENTS:
        made[c.key] = app.make_commitment(
            gmina,
            ids[c.party],
            resource=c.resource,
            description=c.description,
            quantity=c.quantity,
            unit=c.unit,
            beneficiary=c.beneficiary,
            beneficiary_id=ids[c.beneficiary_key] if c.beneficiary_key else None,
            joint_with=[ids[k] for k in c.joint_with],
            due_on=c.due_on,
            recorded_by=by,
            effective_on=c.on,
        )
    for r in REVISIONS:
        terms: dict[str, object] = {"quantity": r.quantity, "due_on": r.due_on}
        changes = {k: v for k, v in terms.items() if v is not None}
        app.revise_commitment(
            gmina, made[r.commitment], note=r.note, recorded_by=by, effective_on=r.on, **changes
        )
    for cl in CLOSURES:
        close = app.fulfil_commitment if cl.state is FULFILLED else app.withdraw_commitment
        close(gmina, made[cl.commitment], note=cl.note, recorded_by=by, effective_on=cl.on)
    key, on, reason = LEAVING
    app.leave_pact(gmina, ids[key], reason=reason, recorded_by=by, effective_on=on)
    key, on, reason = ARCHIVED
    app.archive_stakeholder(ids[key], reason=reason, recorded_by=by, effective_on=on)
    return gmina
