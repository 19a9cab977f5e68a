"""A flag in words a facilitator reads aloud: a plain title, why it matters, one next step.

The title names what was looked at, never the party involved; why it matters names the
risk of cooperation as the MLW model calls it (seed 003, slide 5) or the model's feature
at stake (slide 8); the step is one thing the team could do at its next meeting.
"""

from __future__ import annotations

from typing import TypedDict

from projections.i18n import N_, translator

SEVERITY_WORDS = {
    "flag": N_("sygnał ostrzegawczy"),
    "watch": N_("do obserwacji"),
    "insufficient_data": N_("za mało danych"),
}
SEEN = N_("przyjęte do wiadomości")
EVIDENCE_KINDS = {
    "resolution": N_("uchwała Zespołu"),
    "meeting": N_("posiedzenie lub forum"),
    "commitment": N_("zobowiązanie w pakcie"),
    "signatory": N_("sygnatariusz paktu"),
    "stakeholder": N_("podmiot z katalogu"),
}
# What each rule measures, for the details part (the API keeps the English ``metric``).
METRICS = {
    "degree centralisation": N_("centralizacja sieci (stopień)"),
    "share of working ties through one partner": N_(
        "udział powiązań roboczych prowadzących przez jednego partnera"
    ),
    "Jaccard similarity of partners": N_("podobieństwo zbiorów partnerów (Jaccard)"),
    "signatories from the sector": N_("sygnatariusze z sektora"),
    "signatories without a tie, expected at no meeting": N_(
        "sygnatariusze bez powiązań, których nie oczekiwano na żadnym spotkaniu"
    ),
    "stakeholders cut off if it leaves": N_("interesariusze odcięci, gdyby łącznik odszedł"),
    "share of adopted resolutions proposed": N_("udział zgłoszonych wśród przyjętych uchwał"),
    "share of decisions / share of members": N_("udział w uchwałach do udziału w składzie"),
    "attendance over the last meetings": N_("obecność na ostatnich spotkaniach"),
    "share of votes against others' motions": N_("udział głosów przeciw wnioskom innych"),
    "HHI of commitments by stakeholder": N_("wskaźnik HHI zobowiązań według podmiotów"),
    "share of commitments to one holder": N_("udział zobowiązań dla jednego odbiorcy"),
    "share of commitments benefiting the giver": N_("udział zobowiązań na własną rzecz"),
    "E-I index of ties between sectors": N_("indeks E-I powiązań między sektorami"),
    "catalogued stakeholders of the sector": N_("podmioty sektora w katalogu"),
    "share of signatories active in the period": N_("udział aktywnych sygnatariuszy"),
    "share of meetings recorded": N_("udział spotkań z zapisaną obecnością"),
    "share of resolutions recorded": N_("udział uchwał z zapisanymi głosami"),
}

TITLES = {
    "dominance.centralisation": N_("Sieć skupiona wokół jednego podmiotu"),
    "absorption.single_partner": N_("Powiązania prowadzące przez jednego partnera"),
    "dissolving.same_partners": N_("Dwa podmioty o tych samych partnerach"),
    "exclusion.sector_outside_pact": N_("Sektor z katalogu poza paktem"),
    "exclusion.isolated_signatory": N_("Sygnatariusze poza współpracą"),
    "exclusion.single_link": N_("Jeden łącznik z resztą sieci"),
    "dominance.decision_share": N_("Kto zgłasza uchwały"),
    "openness.representation": N_("Udział sektorów w zgłaszanych uchwałach"),
    "exclusion.low_attendance": N_("Obecność na spotkaniach"),
    "own_interest.votes": N_("Zapis głosowań"),
    "own_interest.against_others": N_("Głosy przeciw wnioskom innych"),
    "appropriation.commitments": N_("Zobowiązania skupione u jednego sygnatariusza"),
    "handing_over.one_way": N_("Zasoby płynące w jedną stronę"),
    "own_interest.self_benefit": N_("Zobowiązania na własny użytek"),
    "openness.closed_sectors": N_("Powiązania w obrębie sektorów"),
    "openness.sector_missing": N_("Sektor nieobecny w katalogu"),
    "participation.inactive_signatories": N_("Aktywność sygnatariuszy"),
}

WHY = {
    "dominance": N_(
        "Ryzyko współpracy w MLW: „Próba dominacji” – gdy jeden podmiot przeważa, "
        "partnerstwo przestaje być wspólnym dziełem."
    ),
    "appropriation": N_(
        "Ryzyko współpracy w MLW: „Zawłaszczenie” – partnerstwo może stać się "
        "przedsięwzięciem jednego podmiotu."
    ),
    "absorption": N_(
        "Ryzyko współpracy w MLW: „Pochłonięcie” – mniejszy partner może zostać "
        "wchłonięty przez większego."
    ),
    "dissolving": N_(
        "Ryzyko współpracy w MLW: „Roztopienie w …” – partner może zatracić własny głos "
        "i tożsamość."
    ),
    "handing_over": N_(
        "Ryzyko współpracy w MLW: „Oddanie zasobu” – partner może stracić kontrolę nad "
        "tym, co wnosi."
    ),
    "exclusion": N_(
        "Ryzyko współpracy w MLW: „Gra na wykluczenie z udziału” – pakt ma włączać "
        "każdego członka społeczności, a nie pomijać części partnerów."
    ),
    "own_interest": N_(
        "Ryzyko współpracy w MLW: „Najważniejszy jest nasz interes” – interes jednego "
        "podmiotu może przesłonić wspólny cel."
    ),
    "openness": N_(
        "Cecha MLW: „Uniwersalizm i otwartość” – każdy sektor może dołączyć i nikt nie "
        "jest pomijany."
    ),
    "participation": N_(
        "Cecha MLW: „Partycypacja” – partnerzy biorą udział w spotkaniach i decyzjach, "
        "a nie tylko podpisują pakt."
    ),
}

STEPS = {
    "dominance.centralisation": N_(
        "Zaplanujcie kolejne zadania w parach partnerów, którzy dziś kontaktują się tylko "
        "przez koordynatora."
    ),
    "absorption.single_partner": N_(
        "Zapytajcie mniejszego partnera, z kim jeszcze chciałby współpracować, i zapiszcie "
        "tę współpracę."
    ),
    "dissolving.same_partners": N_(
        "Zapytajcie cichszego z partnerów, co chciałby wnieść sam: własne zobowiązanie lub wniosek."
    ),
    "exclusion.sector_outside_pact": N_(
        "Zaproście podmioty tego sektora na najbliższe Forum i zapytajcie, na jakich "
        "warunkach przystąpiłyby do paktu."
    ),
    "exclusion.isolated_signatory": N_(
        "Wyślijcie tym sygnatariuszom zaproszenie na najbliższe Forum lub posiedzenie."
    ),
    "exclusion.single_link": N_(
        "Pomóżcie tym podmiotom nawiązać drugi kontakt w sieci, zanim łącznik odejdzie."
    ),
    "dominance.decision_share": N_(
        "Ustalcie na posiedzeniu, że projekty uchwał przygotowują na zmianę różni "
        "członkowie Zespołu."
    ),
    "openness.representation": N_(
        "Zapytajcie członków z innych sektorów, jakie sprawy chcieliby wnieść pod obrady."
    ),
    "exclusion.low_attendance": N_(
        "Zapytajcie nieobecnego członka o terminy i tematy spotkań – może pomoże inna pora "
        "lub forma udziału."
    ),
    "own_interest.votes": N_("Uzupełnijcie w protokołach zapis głosowań."),
    "own_interest.against_others": N_(
        "Poproście na posiedzeniu o uzasadnienie sprzeciwu – może wskazuje realny problem."
    ),
    "appropriation.commitments": N_(
        "Zachęćcie pozostałych sygnatariuszy do złożenia choćby jednego własnego zobowiązania."
    ),
    "handing_over.one_way": N_(
        "Sprawdźcie, czy przekazanie zasobu opisuje osobne porozumienie i czy dający "
        "zachowuje nad nim kontrolę."
    ),
    "own_interest.self_benefit": N_(
        "Zapytajcie, komu w partnerstwie mogłyby służyć te zobowiązania, i wpiszcie beneficjenta."
    ),
    "openness.closed_sectors": N_(
        "Zaplanujcie wspólne zadanie dla par partnerów z różnych sektorów."
    ),
    "openness.sector_missing": N_(
        "Sprawdźcie, czy w gminie działa taki podmiot, i dopiszcie go do katalogu."
    ),
    "participation.inactive_signatories": N_(
        "Zaproponujcie biernym sygnatariuszom jedno konkretne, małe zadanie na najbliższe miesiące."
    ),
}
INSUFFICIENT_STEP = N_("Uzupełnijcie brakujące zapisy: wtedy ocena będzie możliwa.")


class Words(TypedDict):
    title_pl: str
    title_en: str
    why_pl: str
    why_en: str
    step_pl: str
    step_en: str


def words(rule: str, risk: str, severity: str) -> Words:
    """The title, the reason and the next step of a flag, in Polish and English."""
    step = INSUFFICIENT_STEP if severity == "insufficient_data" else STEPS.get(rule, "")
    pl, en = translator("pl"), translator("en")
    title, why = TITLES.get(rule, rule), WHY[risk]
    return {
        "title_pl": pl(title),
        "title_en": en(title),
        "why_pl": pl(why),
        "why_en": en(why),
        "step_pl": pl(step) if step else "",
        "step_en": en(step) if step else "",
    }
