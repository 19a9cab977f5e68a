"""The pages' words: Polish first, English on request (``?lang=en``, remembered in a cookie).

A small catalogue keyed by the Polish text, like gettext's msgids; kept as a dict because
the pages have a few hundred words and no translator tooling is needed yet.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

LANGS = ("pl", "en")

EN: dict[str, str] = {
    "Rejestr Modelu Lokalnej Współpracy": "Local Cooperation Model Registry",
    "Gminy w rejestrze": "Gminas in the registry",
    "Gmina": "Gmina",
    "Powiat": "Powiat",
    "Województwo": "Voivodeship",
    "Etap MLW": "MLW stage",
    "Interesariusze": "Stakeholders",
    "Pulpit": "Dashboard",
    "Katalog": "Catalogue",
    "Pakt": "Pact",
    "Spotkania": "Meetings",
    "Zespół i uchwały": "Team and resolutions",
    "Sieć": "Network",
    "Ryzyka": "Risks",
    "Oś czasu": "Timeline",
    "Wyloguj": "Log out",
    "Zaloguj": "Log in",
    "Logowanie": "Log in",
    "Nazwa użytkownika": "Username",
    "Hasło": "Password",
    "Konta demonstracyjne": "Demo accounts",
    "Hasło każdego z nich:": "The password of each:",
    "Etapy Modelu Lokalnej Współpracy": "Stages of the Local Cooperation Model",
    "Stan na dzień": "As of",
    "Pokaż": "Show",
    "dziś": "today",
    "Sygnatariusze": "Signatories",
    "Zobowiązania": "Commitments",
    "Otwarte sygnały ryzyka": "Open risk flags",
    "Brak sygnałów ryzyka.": "No risk flags.",
    "Nazwa": "Name",
    "Sektor": "Sector",
    "Rodzaj": "Kind",
    "Status": "Status",
    "Dodaj interesariusza": "Add a stakeholder",
    "Osoba (lider społeczny)": "Person (social leader)",
    "To inny interesariusz niż wpis o podobnej nazwie": (
        "A different stakeholder from the entry with a similar name"
    ),
    "Forma prawna": "Legal form",
    "Siedziba": "Seat",
    "Obszar działania": "Area of activity",
    "Kontakt": "Contact",
    "Dodaj": "Add",
    "Zapisz": "Save",
    "Edytuj": "Edit",
    "Filtruj": "Filter",
    "wszystkie": "all",
    "Szukaj": "Search",
    "Przystąpił": "Joined",
    "Przedstawiciel": "Representative",
    "Kto": "Who",
    "Zasób": "Resource",
    "Co": "What",
    "Ile": "How much",
    "Termin": "Due",
    "Stan": "State",
    "Przystąpienie do paktu": "Joining the pact",
    "Nowe zobowiązanie": "New commitment",
    "Opis": "Description",
    "Od dnia": "Effective on",
    "Zaplanuj spotkanie": "Schedule a meeting",
    "Data": "Date",
    "Godzina": "Time",
    "Miejsce": "Place",
    "Porządek obrad (jeden punkt w wierszu)": "Agenda (one item a line)",
    "Posiedzenie zespołu": "Team sitting",
    "Forum paktu": "Pact forum",
    "Rozpocznij posiedzenie": "Open the sitting",
    "Lista obecności": "Attendance list",
    "obecny": "present",
    "nieobecny": "absent",
    "Porządek obrad i protokół": "Agenda and minutes",
    "Uchwały": "Resolutions",
    "Zgłoś projekt uchwały": "Propose a resolution",
    "Tytuł": "Title",
    "Treść": "Text",
    "Wnioskodawca": "Proposer",
    "Głosowanie": "Vote",
    "za": "for",
    "przeciw": "against",
    "wstrzymał się": "abstained",
    "Zapisz głosowanie": "Record the vote",
    "Zespół Synergii Lokalnej": "Local Synergy Team",
    "Członkowie": "Members",
    "Rola": "Role",
    "Sieć współpracy": "Collaboration network",
    "Raport ryzyk": "Risk report",
    "Fakt": "Fact",
    "Zapisał(a)": "Recorded by",
    "Obowiązuje od": "Took effect",
    "Zapisano": "Recorded at",
    "Trwa przeliczanie…": "Working…",
    "Odmowa": "Refused",
    "Wróć do listy gmin": "Back to the list of gminas",
    "Zapisz podsumowanie": "Save the summary",
    "Sektory": "Sectors",
    "Rodzaje więzi": "Tie kinds",
    "sygnał ryzyka": "risk flag",
    "zadeklarowana współpraca": "declared cooperation",
    "zobowiązanie na rzecz partnera": "commitment for a partner",
    "wspólne zobowiązanie": "joint commitment",
    "wspólna obecność na spotkaniach": "sitting at the same meetings",
    "wspólny wniosek": "joint proposal",
    "gęstość": "density",
    "brak": "none",
    "Zaproś": "Invite",
    "Ustalenia": "Summary",
    "Czas": "Time",
}


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "pl"
    return asked if asked in LANGS else "pl"


def translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: EN.get(text, text)
    return lambda text: text
