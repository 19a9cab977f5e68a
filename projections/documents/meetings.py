"""Minutes, attendance lists and the team's resolutions as plain data, as of a date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time

from domain.document import DocumentKind
from domain.effects import (
    AdmitSignatory,
    AdoptPact,
    AdvanceStage,
    ApproveMinutes,
    ChangeRules,
    ChooseEntity,
    Effect,
    RecordEntityCreated,
    RecordEntityRegistered,
)
from domain.errors import NotFoundError
from domain.meeting import Meeting
from domain.minutes import MeetingState
from domain.resolution import Resolution
from domain.voting import QuorumRule, quorum_needed
from projections.documents import phrases
from projections.documents.data import Built, DocumentBuilder, Provenance
from projections.documents.polish import format_date, format_time
from projections.i18n import N_, label, translator
from registry.meeting_views import ErratumView, MeetingView, ResolutionView


@dataclass(frozen=True)
class Vote:
    number: str
    title: str
    votes_for: int
    votes_against: int
    abstentions: int
    present: int
    outcome: str


@dataclass(frozen=True)
class Decision:
    """What the minutes say of one draft resolution: its vote, or why there was none."""

    vote: Vote
    voted: bool
    statement: str


@dataclass(frozen=True)
class Task:
    description: str
    owner: str
    due_on: date | None


@dataclass(frozen=True)
class AttendanceLine:
    person: str
    entity: str
    function: str
    role: str
    arrived_at: time
    departed_at: time | None


@dataclass(frozen=True)
class MeetingHeader:
    title: str
    kind: str
    on: date
    at: time
    place: str
    started_at: time | None
    ended_at: time | None


@dataclass(frozen=True)
class MinutesDocument:
    provenance: Provenance
    header: MeetingHeader
    chair: str
    minute_taker: str
    members: int
    present_members: int
    quorum_needed: int
    quorum_rule: str
    agenda: list[tuple[int, str, str]]
    votes: list[Vote]
    tasks: list[Task]
    next_meeting: date | None
    minutes_state: str
    approved_on: date | None
    approval: str
    errata: list[str]
    decisions: list[Decision]
    attendees: int
    movements: list[str]


@dataclass(frozen=True)
class AttendanceDocument:
    provenance: Provenance
    header: MeetingHeader
    lines: list[AttendanceLine]


@dataclass(frozen=True)
class ResolutionDocument:
    provenance: Provenance
    label: str
    title: str
    adopted_on: date
    legal_basis: str
    paragraphs: list[str]
    justification: str
    vote: Vote
    members: int
    quorum: int
    chair: str


def header(m: MeetingView) -> MeetingHeader:
    return MeetingHeader(m.title, m.kind, m.on, m.at, m.place, m.started_at, m.ended_at)


def vote(r: ResolutionView, lang: str) -> Vote:
    return Vote(
        number=r.number,
        title=f"{r.label} {r.title}",
        votes_for=r.votes_for,
        votes_against=r.votes_against,
        abstentions=r.abstentions,
        present=r.present,
        outcome=phrases.RESOLUTION_STATES[lang].get(r.state, r.state),
    )


def decision(b: DocumentBuilder, m: MeetingView, r: ResolutionView) -> Decision:
    """The vote on a draft as the minutes state it: who was present at the vote against the
    quorum, the votes and the outcome; a draft not voted says why (no quorum, withdrawn)."""
    _ = translator(b.lang)
    name = _("Projekt uchwały nr {number} {title}").format(number=r.number, title=r.title)
    voted = r.state in ("adopted", "rejected")
    outcome = ""
    if voted:
        statement = _(
            "{name}: przy głosowaniu obecnych {present} z {members} {noun} Zespołu, "
            "wymagane kworum {quorum} – Zespół był zdolny do podjęcia uchwały; za "
            "{votes_for}, przeciw {votes_against}, wstrzymało się {abstentions}."
        ).format(
            name=name,
            present=r.present,
            members=r.members,
            noun=members_noun(r.members, b.lang),
            quorum=r.quorum,
            votes_for=r.votes_for,
            votes_against=r.votes_against,
            abstentions=r.abstentions,
        )
        verdict = _("Uchwałę podjęto.") if r.state == "adopted" else _("Uchwały nie podjęto.")
        statement = f"{statement} {verdict}"
    elif r.state == "withdrawn":
        statement = _("{name}: projekt wycofano ({reason}).").format(
            name=name, reason=r.withdraw_reason.rstrip(".")
        )
    elif r.vote_at is not None and m.kind == "team":
        q = b.app.quorum_at(m.id, r.vote_at, b.gmina_id)
        if q.has_quorum:
            statement = _("{name}: głosowania nie zakończono.").format(name=name)
        else:
            outcome = _("brak kworum")
            statement = _(
                "{name}: głosowania nie przeprowadzono z braku kworum – obecnych {present} "
                "z {members} {noun} Zespołu, wymagane kworum {quorum}; uchwały nie podjęto."
            ).format(
                name=name,
                present=len(q.present_members),
                members=q.members,
                noun=members_noun(q.members, b.lang),
                quorum=q.needed,
            )
    else:
        statement = _("{name}: projektu nie poddano pod głosowanie.").format(name=name)
    cast = vote(r, b.lang)
    return Decision(replace(cast, outcome=outcome) if outcome else cast, voted, statement)


def members_noun(n: int, lang: str) -> str:
    """ "z 1 członka", "z 9 członków" in Polish; "of 9 members" in English."""
    if lang == "pl":
        return "członka" if n == 1 else "członków"
    return "member" if n == 1 else "members"


def movements(b: DocumentBuilder, m: MeetingView) -> list[str]:
    """Who came after the start or left before the end, in the order it happened."""
    _ = translator(b.lang)
    start, end = m.started_at or m.at, m.ended_at
    moments: list[tuple[time, str]] = []
    for a in m.attendance:
        b.person(a.representative)
        who = a.name if a.representative in ("", a.name) else f"{a.name} ({a.representative})"
        if a.arrived_at > start:
            said = _("{at} – przybywa {who}.")
            moments.append((a.arrived_at, said.format(at=format_time(a.arrived_at), who=who)))
        if a.departed_at is not None and (end is None or a.departed_at < end):
            said = _("{at} – posiedzenie opuszcza {who}.")
            moments.append((a.departed_at, said.format(at=format_time(a.departed_at), who=who)))
    return [text for _at, text in sorted(moments, key=lambda moment: moment[0])]


def erratum(b: DocumentBuilder, m: MeetingView, e: ErratumView) -> str:
    """A correction in words, dated: what part of the minutes it corrects and how."""
    _ = translator(b.lang)
    kind, _sep, key = e.corrects.partition(":")
    what = _("nagłówka protokołu")
    if kind == "agenda":
        titles = {str(i.number): i.title for i in m.agenda}
        what = _("punktu {number} porządku obrad („{title}”)").format(
            number=key, title=titles.get(key, "")
        )
    elif kind == "attendance":
        what = _("listy obecności")
    elif kind == "action":
        tasks = {str(a.id): a.description for a in m.actions}
        what = _("zadania „{task}”").format(task=tasks.get(key, "").rstrip("."))
    elif kind == "resolution":
        numbers = {str(r.id): r.number for r in m.resolutions}
        what = _("uchwały nr {number}").format(number=numbers.get(key, ""))
    return _("Sprostowanie z dnia {on} do {what}: {correction}").format(
        on=format_date(e.recorded_on, b.lang), what=what, correction=e.correction
    )


def meeting(b: DocumentBuilder, ref: str) -> MeetingView:
    return b.app.get_meeting(b.app.find_meeting(b.gmina_id, ref), as_of=b.as_of)


def source(m: MeetingView) -> list[str]:
    return [f"posiedzenie {str(m.id)[:8]} v{m.version}"] + [
        f"uchwała {r.number} v{r.version}" for r in m.resolutions
    ]


def minutes(b: DocumentBuilder, ref: str) -> Built:
    """The minutes of one meeting as they stood on the builder's date (as approved, say)."""
    m = meeting(b, ref)
    members, needed, rule = 0, 0, ""
    if m.kind == "team":
        try:
            team = b.app.get_team(b.gmina_id, as_of=m.on)
        except NotFoundError:
            team = None
        if team is not None:
            members = len(team.members)
            quorum = QuorumRule(team.rules.quorum)
            needed = quorum_needed(quorum, members)
            rule = label(quorum, b.lang)
    later = []
    for s in b.app.list_meetings(b.gmina_id):
        if s.on > m.on and s.kind == m.kind:
            try:
                then = b.app.load(Meeting, s.id, as_of=b.as_of)
            except NotFoundError:  # not yet scheduled on the document's date
                continue
            if then.state is not MeetingState.CANCELLED:
                later.append(then.on)
    b.person(m.chair)
    b.person(m.minute_taker)
    for a in m.attendance:
        b.person(a.representative)
    return b.finish(
        MinutesDocument(
            provenance=b.provenance(DocumentKind.MINUTES, m.number or str(m.on), source(m)),
            header=header(m),
            chair=m.chair,
            minute_taker=m.minute_taker,
            members=members,
            present_members=sum(1 for a in m.attendance if a.role == "member"),
            quorum_needed=needed,
            quorum_rule=rule,
            agenda=[(i.number, i.title, i.summary) for i in m.agenda],
            votes=[vote(r, b.lang) for r in m.resolutions],
            tasks=[Task(a.description, a.owner_name, a.due_on) for a in m.actions],
            next_meeting=min(later) if later else None,
            minutes_state=m.minutes,
            approved_on=m.approved_on,
            approval=m.approval,
            errata=[erratum(b, m, e) for e in m.errata],
            decisions=[decision(b, m, r) for r in m.resolutions],
            attendees=len(m.attendance),
            movements=movements(b, m),
        )
    )


def attendance(b: DocumentBuilder, ref: str) -> Built:
    """The attendance list of one meeting, with a field for each signature: the annex no. 1
    to its minutes. A natural person attends in their own name, so no entity is repeated;
    at a pact meeting a member attends as a signatory."""
    m = meeting(b, ref)
    roles = phrases.ATTENDANCE_ROLES if m.kind == "team" else phrases.ATTENDANCE_ROLES_AT_PACT
    in_own_name = {i for i, s in b.stakeholders.items() if s.kind == "person"}
    lines = [
        AttendanceLine(
            person=b.person(a.representative),
            entity="" if a.stakeholder_id in in_own_name else a.name,
            function=a.function,
            role=roles[b.lang].get(a.role, a.role),
            arrived_at=a.arrived_at,
            departed_at=a.departed_at,
        )
        for a in m.attendance
    ]
    return b.finish(
        AttendanceDocument(
            provenance=b.provenance(DocumentKind.ATTENDANCE, m.number or str(m.on), source(m)[:1]),
            header=header(m),
            lines=lines,
        )
    )


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b(\.?)")
SECTION = re.compile(r"^§\s*(\d+)\.\s*")
EXECUTION = N_("§2. Wykonanie uchwały powierza się Przewodniczącemu Zespołu.")
ENTRY_INTO_FORCE = N_("§3. Uchwała wchodzi w życie z dniem podjęcia.")
STOCK_CLAUSES = {
    "Wykonanie uchwały powierza się Przewodniczącej Zespołu.": EXECUTION,
    "Wykonanie uchwały powierza się Przewodniczącemu Zespołu.": EXECUTION,
    "Uchwała wchodzi w życie z dniem podjęcia.": ENTRY_INTO_FORCE,
}
ACT_GENITIVE = {"zarządzenie": "zarządzenia", "decyzja": "decyzji", "uchwała": "uchwały"}


def in_words(text: str, lang: str) -> str:
    """Dates written in words ("5 lutego 2026 r."), never 2026-02-05: the team words its
    clauses in Polish, so their dates stay Polish in every language."""

    def written(m: re.Match[str]) -> str:
        said = format_date(date.fromisoformat(m.group(0).rstrip(".")), lang)
        return said if said.endswith(".") else said + m.group(1)

    return ISO_DATE.sub(written, text)


def section(text: str) -> str:
    """A paragraph's mark spaced as in the pact: "§ 1. …"."""
    return SECTION.sub(lambda m: f"§\xa0{m.group(1)}. ", text.strip())


def stock_clause(paragraph: str, lang: str) -> str:
    """A recorded clause every resolution has (who executes it, when it takes effect), in the
    document's language; any other clause stays as the team worded it."""
    mark = SECTION.match(paragraph)
    if lang == "pl" or mark is None:
        return paragraph
    msgid = STOCK_CLAUSES.get(paragraph[mark.end() :].strip())
    if msgid is None:
        return paragraph
    return f"§\xa0{mark.group(1)}. {SECTION.sub('', translator(lang)(msgid))}"


def founding_act(decided_by: str, lang: str) -> str:
    """The act that formed the team, as it follows "Na podstawie": "zarządzenia Burmistrza nr …"."""
    first, _, rest = decided_by.strip().partition(" ")
    if lang == "pl" and first.lower() in ACT_GENITIVE:
        return f"{ACT_GENITIVE[first.lower()]} {rest}".strip()
    return decided_by.strip()


def legal_basis(b: DocumentBuilder, adopted_on: date) -> str:
    """The team's founding act, with its date, and its rules: what the team resolves under."""
    _ = translator(b.lang)
    try:
        team = b.app.get_team(b.gmina_id, as_of=adopted_on)
    except NotFoundError:
        return _("Na podstawie regulaminu Zespołu Synergii Lokalnej uchwala się, co następuje:")
    return _(
        "Na podstawie {act} z dnia {formed_on} w sprawie powołania Zespołu Synergii Lokalnej "
        "oraz regulaminu Zespołu Synergii Lokalnej uchwala się, co następuje:"
    ).format(
        act=founding_act(team.decided_by, b.lang), formed_on=format_date(team.formed_on, b.lang)
    )


def justification(b: DocumentBuilder, effects: list[Effect]) -> str:
    """Why the team resolves so, as a sentence for each thing the resolution does."""
    _ = translator(b.lang)
    sentences = []
    for effect in effects:
        if isinstance(effect, ApproveMinutes):
            earlier = b.app.get_meeting(effect.meeting_id, as_of=b.as_of)
            sentences.append(
                _(
                    "Protokół nr {number} z posiedzenia Zespołu w dniu {on} przyjmuje się "
                    "uchwałą, zgodnie z regulaminem Zespołu."
                ).format(number=earlier.number, on=format_date(earlier.on, b.lang))
            )
        elif isinstance(effect, ChooseEntity):
            entity = phrases.ENTITY_TYPES[b.lang].get(
                effect.entity_type.value, effect.entity_type.value
            )
            sentences.append(
                _(
                    "Zespół przeanalizował potrzeby i zasoby gminy (etap 5 Modelu Lokalnej "
                    "Współpracy) i wybrał jako podmiot zatrudnienia socjalnego: {entity}."
                ).format(entity=entity)
            )
            analysis = b.gmina.analysis
            if analysis is not None and analysis.rationale and b.lang == "pl":
                sentences.append(analysis.rationale.strip().rstrip(".") + ".")
        elif isinstance(effect, AdoptPact):
            sentences.append(
                _(
                    "Projekt Paktu na rzecz Modelu Lokalnej Współpracy, przygotowany przez "
                    "Zespół, jest gotowy do przedłożenia Forum Lokalnemu (etap 4 Modelu)."
                )
            )
        elif isinstance(effect, RecordEntityCreated):
            sentences.append(
                _(
                    "Podmiot zatrudnienia socjalnego wybrany przez Zespół został utworzony; "
                    "Zespół przyjmuje tę informację do wiadomości."
                )
            )
        elif isinstance(effect, RecordEntityRegistered):
            sentences.append(
                _(
                    "Wpis podmiotu do rejestru nastąpił w dniu {on}: {authority}, {entry}. "
                    "Zespół przyjmuje tę informację do wiadomości."
                ).format(
                    authority=effect.authority,
                    entry=effect.decision_number,
                    on=format_date(effect.decided_on, b.lang),
                )
            )
        elif isinstance(effect, ChangeRules):
            sentences.append(
                _(
                    "Zmiana regulaminu określa, przy ilu obecnych członkach i jaką większością "
                    "głosów Zespół podejmuje uchwały."
                )
            )
        elif isinstance(effect, AdmitSignatory) and effect.stakeholder_id in b.stakeholders:
            joining = b.stakeholders[effect.stakeholder_id]
            name = b.person(joining.name) if joining.kind == "person" else joining.name
            sentences.append(_("Do Paktu przystępuje nowy sygnatariusz: {name}.").format(name=name))
        elif isinstance(effect, AdvanceStage):
            sentences.append(
                _("Uchwała zamyka etap {number} Modelu Lokalnej Współpracy.").format(
                    number=effect.stage.number
                )
            )
    if not sentences:
        sentences.append(
            _("Uchwała mieści się w zadaniach Zespołu określonych w regulaminie Zespołu.")
        )
    return " ".join(sentences)


def resolution(b: DocumentBuilder, number: str) -> Built:
    """A resolution of the team: §1 its substance, §2 who executes it, §3 entry into force."""
    r = b.app.get_resolution(b.app.find_resolution(b.gmina_id, number), as_of=b.as_of)
    m = b.app.get_meeting(r.meeting_id, as_of=b.as_of)
    b.person(m.chair)
    paragraphs = [
        stock_clause(section(in_words(p, "pl")), b.lang)
        for p in ("§" + t for t in r.text.split("§")[1:])
        if p.strip()
    ]
    _ = translator(b.lang)
    if not any(p.startswith("§\xa02") for p in paragraphs):
        paragraphs.append(section(_(EXECUTION)))
    if not any(p.startswith("§\xa03") for p in paragraphs):
        paragraphs.append(section(_(ENTRY_INTO_FORCE)))
    effects = b.app.load(Resolution, r.id, as_of=b.as_of).effects
    return b.finish(
        ResolutionDocument(
            provenance=b.provenance(
                DocumentKind.RESOLUTION, r.number, [f"uchwała {r.number} v{r.version}"]
            ),
            label=_("Uchwała nr {number}").format(number=r.number),
            title=r.title,
            adopted_on=m.on,
            paragraphs=paragraphs,
            legal_basis=legal_basis(b, m.on),
            justification=justification(b, effects),
            vote=vote(r, b.lang),
            members=r.members,
            quorum=r.quorum,
            chair=m.chair,
        )
    )
