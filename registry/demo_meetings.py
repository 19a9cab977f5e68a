"""A year of the demo gmina's Local Synergy Team: sittings, pact forums and resolutions.

The team's resolutions move the partnership through the MLW stages that remain after the
pact, up to a Social Integration Club (KIS) chosen, created and entered in the voivode's
register. Everything is invented, like the rest of the demo.
"""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from domain.effects import ChangeRules, ChooseEntity, RecordEntityCreated, RecordEntityRegistered
from domain.entity import EntityType
from domain.errors import NotFoundError
from domain.values import Stage
from domain.voting import QuorumRule, TeamRules
from registry.application import Registry
from registry.demo import demo_data
from registry.demo_team import DAY, DemoYear, form_team, team_formed_on

Items = tuple[tuple[str, str], ...]


def agenda(name: str) -> Items:
    """A sitting's or forum's items as [title, summary], from the demo's data file."""
    return tuple((title, summary) for title, summary in demo_data()["agendas"][name])


def outsider(
    app: Registry, gmina_id: UUID, on: date, team: list[UUID], subtypes: tuple[str, ...]
) -> UUID | None:
    """A stakeholder of these sub-types outside the team on a date, signatories first."""
    signatories = {p.stakeholder_id for p in app.get_pact(gmina_id).signatories}
    found = [
        s.id
        for s in app.catalogue(gmina_id, as_of=on)
        if s.subtype in subtypes and s.id not in team
    ]
    found.sort(key=lambda sid: sid not in signatories)
    return found[0] if found else None


def form_demo_team(app: Registry, gmina_id: UUID, by: str) -> tuple[UUID, date, str]:
    """The team as the stage-3 decision formed it, drawn from the catalogue if not yet."""
    formed_on, decision = team_formed_on(app, gmina_id)
    try:
        team = app.get_team(gmina_id)
    except NotFoundError:
        pass
    else:
        return team.id, max(formed_on, team.formed_on), decision
    return form_team(app, gmina_id, formed_on, decision, by), formed_on, decision


def load_demo_meetings(app: Registry, gmina_id: UUID, recorded_by: str = "demo") -> UUID:
    """Record the demo team's year; if the gmina's meetings are recorded already, nothing."""
    by = recorded_by
    if app.list_meetings(gmina_id):
        return app.get_team(gmina_id).id
    team_id, f, decision = form_demo_team(app, gmina_id, by)
    members = [m.stakeholder_id for m in app.get_team(gmina_id, as_of=f).members]
    chair, secretary = members[0], members[min(2, len(members) - 1)]
    last, late, early = members[-1], members[len(members) // 2], members[-2]
    year = DemoYear(app, gmina_id, by)

    # February and March: the team constitutes itself, drafts the pact; the Forum signs it.
    s1 = year.sitting(f + 14 * DAY, agenda("constituting"), absent=[last])
    rules = "§1. Zespół przyjmuje regulamin pracy stanowiący załącznik do uchwały."
    stage_3 = year.next_stage(Stage.SYNERGY_TEAM, f + 14 * DAY)
    year.resolve(s1, time(17, 30), "przyjęcia regulaminu Zespołu", rules, stage_3, chair)
    task = app.assign_action(
        s1,
        chair,
        description="Przygotować projekt Paktu na rzecz MLW",
        due_on=f + 40 * DAY,
        agenda_item=4,
        recorded_by=by,
    )
    app.accept_action(task, recorded_by=by, effective_on=f + 16 * DAY)
    s2 = year.sitting(f + 42 * DAY, agenda("draft_pact"))
    year.approve(s2, time(17, 15), s1, chair)
    draft = "§1. Zespół przyjmuje projekt Paktu na rzecz MLW i przedkłada go Forum Lokalnemu."
    stage_4 = year.next_stage(Stage.PACT, f + 42 * DAY)
    year.resolve(
        s2, time(17, 45), "przyjęcia projektu Paktu", draft, stage_4, secretary, abstain=[late]
    )
    app.finalise_minutes(s1, recorded_by=by, effective_on=f + 49 * DAY)
    signed = [
        s.effective_on for s in app.get_gmina(gmina_id).stages if s.stage == Stage.PACT.number
    ]
    forum = year.pact_meeting(max([f + 49 * DAY, *signed]), agenda("signing_forum"))

    # May and June: the analysis, a guest, a late arrival and an early departure; a KIS chosen.
    guest = outsider(app, gmina_id, f + 105 * DAY, members, ("local_government_unit", "ngo"))
    s3 = year.sitting(
        f + 105 * DAY,
        agenda("analysis"),
        late={late: time(17, 40)},
        guests=[guest] if guest else [],
    )
    year.approve(s3, time(17, 15), s2, chair)
    found = demo_data()["analysis"]
    app.record_analysis(
        gmina_id,
        findings=found["findings"],
        entity_type=found["entity_type"],
        rationale=found["rationale"],
        decided_by=f"Posiedzenie Zespołu nr {app.get_meeting(s3).number}",
        recorded_by=by,
        effective_on=f + 105 * DAY,
    )
    app.finalise_minutes(s2, recorded_by=by, effective_on=f + 112 * DAY)
    s4_on = f + 140 * DAY
    s4 = year.sitting(s4_on, agenda("choice"), late={late: time(17, 40)}, early={early: time(18)})
    year.approve(s4, time(17, 15), s3, chair)
    kis = f"Klub Integracji Społecznej w gminie {app.get_gmina(gmina_id).name.split(' (')[0]}"
    choice = [ChooseEntity(EntityType.KIS, kis), *year.next_stage(Stage.ENTITY_CHOSEN, s4_on)]
    text = "§1. Zespół wybiera jako podmiot zatrudnienia socjalnego Klub Integracji Społecznej."
    year.resolve(
        s4,
        time(17, 45),
        "wyboru podmiotu zatrudnienia socjalnego",
        text,
        choice,
        secretary,
        against=[last],
    )
    app.finalise_minutes(s3, recorded_by=by, effective_on=s4_on + 7 * DAY)
    task = app.assign_action(
        s4,
        chair,
        description="Zapewnić kadrę na inaugurację KIS",
        due_on=f + 250 * DAY,
        agenda_item=2,
        recorded_by=by,
    )
    app.accept_action(task, recorded_by=by, effective_on=s4_on + DAY)
    if chair in {p.stakeholder_id for p in app.get_pact(gmina_id).signatories}:
        app.take_up_action(
            task,
            resource="staff",
            quantity="2",
            unit="etaty",
            beneficiary="uczestnicy KIS",
            recorded_by=by,
            effective_on=s4_on + 2 * DAY,
        )
    forum_2 = year.pact_meeting(s4_on + 7 * DAY, agenda("choice_forum"))
    app.approve_minutes(forum, at_meeting=forum_2, decided_by="Przez aklamację", recorded_by=by)

    # Summer: a member steps down and another takes its seat; the August sitting is called off.
    change_on = s4_on + 20 * DAY
    newcomer = outsider(app, gmina_id, change_on, members, ("other_business", "finance_banking"))
    if newcomer is not None:
        app.dismiss_member(
            gmina_id, early, reason="Rezygnacja", recorded_by=by, effective_on=change_on
        )
        app.appoint_member(
            gmina_id, newcomer, decided_by=decision, recorded_by=by, effective_on=change_on
        )
    off = app.schedule_meeting(
        gmina_id,
        kind="team",
        on=f + 196 * DAY,
        at=time(17),
        place="Ośrodek pomocy społecznej",
        recorded_by=by,
        effective_on=f + 180 * DAY,
    )
    app.cancel_meeting(
        off, reason="Okres urlopowy, brak kworum", recorded_by=by, effective_on=f + 189 * DAY
    )

    # September to November: the KIS created (totals only), the rules changed, the register.
    s5_on = f + 245 * DAY
    s5 = year.sitting(s5_on, agenda("creation"), absent=[members[1]])
    year.approve(s5, time(17, 15), s4, chair)
    [entity] = app.list_entities(gmina_id)
    created = [RecordEntityCreated(entity.id), *year.next_stage(Stage.ENTITY_CREATED, s5_on)]
    present = len(year.present_members(s5, time(17, 35)))
    text = "§1. Zespół przyjmuje informację o utworzeniu Klubu Integracji Społecznej."
    year.resolve(
        s5,
        time(17, 35),
        "przyjęcia informacji o utworzeniu Klubu Integracji Społecznej",
        text,
        created,
        chair,
        totals=(present - 1, 0, 1),
    )
    text = (
        "§1. W regulaminie Zespołu wprowadza się zmianę: Zespół jest zdolny do podejmowania "
        "uchwał przy obecności co najmniej połowy członków."
    )
    half = [ChangeRules(TeamRules(QuorumRule.AT_LEAST_HALF))]
    year.resolve(s5, time(18, 10), "zmiany regulaminu Zespołu", text, half, secretary)
    app.finalise_minutes(s4, recorded_by=by, effective_on=s5_on + 7 * DAY)
    app.record_erratum(
        s2,
        corrects="agenda:2",
        correction="Powinno być: pięć tez MLW i sześć zasad współpracy.",
        recorded_by=by,
        effective_on=s5_on + 7 * DAY,
    )
    s6 = year.sitting(f + 301 * DAY, agenda("register"))
    year.approve(s6, time(17, 15), s5, chair)
    voivode = voivode_of(app.get_gmina(gmina_id).voivodeship)
    entry = f"rejestr KIS, wpis nr 12/{s5_on.year} (demo)"
    registered = [RecordEntityRegistered(entity.id, voivode, entry, f + 266 * DAY)]
    text = "§1. Zespół przyjmuje informację o wpisie Klubu do rejestru wojewody."
    title = "przyjęcia informacji o wpisie Klubu Integracji Społecznej do rejestru wojewody"
    year.resolve(s6, time(17, 40), title, text, registered, chair)
    return team_id


def voivode_of(voivodeship: str) -> str:
    """The voivode as an authority signs: "świętokrzyskie" → "Wojewoda Świętokrzyski"."""
    name = voivodeship.strip()
    masculine = name.removesuffix("e") if name.endswith("ie") else name
    return "Wojewoda " + "-".join(part.capitalize() for part in masculine.split("-"))
