"""What the team's sittings lead to: tasks turned commitments, the entity's life, who came."""

from datetime import date, time

from domain.effects import AdoptPact, AdvanceStage, ChooseEntity, RecordEntityCreated
from domain.entity import EntityType
from domain.errors import RuleViolationError
from domain.values import Stage
from registry.application import Registry
from tests.integration.zielony_jar import BY, first_sitting, on, propose, refused, zielony_jar


def test_an_accepted_action_item_becomes_a_commitment_of_its_owner(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    task = app.assign_action(
        sitting,
        g.school,
        description="Udostępnić salę na zajęcia KIS",
        due_on=date(2026, 6, 30),
        agenda_item=3,
        recorded_by=BY,
    )
    refused(
        app,
        RuleViolationError,
        "has not accepted this task",
        lambda: app.take_up_action(task, resource="premises", recorded_by=BY),
    )
    app.accept_action(task, recorded_by=BY, effective_on=date(2026, 2, 12))
    commitment = app.take_up_action(
        task, resource="premises", quantity="8", unit="h/mies.", **on(date(2026, 2, 12))
    )
    [made] = app.get_pact(g.id).commitments
    assert (made.id, made.description, made.due_on) == (
        commitment,
        "Udostępnić salę na zajęcia KIS",
        date(2026, 6, 30),
    )
    assert app.get_meeting(sitting).actions[0].state == "taken_up"


def test_the_team_records_its_entity_created_and_registered(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    app.record_analysis(
        g.id,
        findings="Brak w gminie podmiotu reintegracji zawodowej",
        entity_type="cis",
        rationale="CIS obejmie najwięcej osób długotrwale bezrobotnych",
        **on(date(2026, 2, 3)),
    )
    for title, effects in (
        ("ukonstytuowania się Zespołu", [AdvanceStage(Stage.SYNERGY_TEAM)]),
        ("przyjęcia Paktu", [AdoptPact()]),
        ("wyboru podmiotu", [ChooseEntity(EntityType.CIS), AdvanceStage(Stage.ENTITY_CHOSEN)]),
    ):
        motion = propose(app, sitting, g, title, *effects)
        app.vote(motion, at=time(17, 30), totals=(3, 0, 0), recorded_by=BY)
    [cis] = app.list_entities(g.id)
    created = propose(
        app,
        sitting,
        g,
        "utworzenia CIS",
        RecordEntityCreated(cis.id),
        AdvanceStage(Stage.ENTITY_CREATED),
    )
    app.vote(created, at=time(17, 40), totals=(4, 0, 0), recorded_by=BY)
    app.record_entity_registered(
        g.id,
        cis.id,
        authority="Wojewoda Świętokrzyski",
        decision_number="WPS.1.2026",
        **on(date(2026, 5, 5)),
    )
    entity = app.get_entity(cis.id)
    assert [f.state for f in entity.facts] == ["chosen", "created", "registered"]
    assert app.get_gmina(g.id).stage == 6
    assert app.get_entity(cis.id, as_of=date(2026, 3, 1)).state == "created"


def test_the_attendance_list_names_who_came_for_each_signatory(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    app.change_representative(
        g.id,
        g.school,
        representative="Ewa Dąbrowska",
        representative_function="dyrektorka",
        **on(date(2026, 1, 20)),
    )
    sitting = first_sitting(app, g)
    came = {a.name: (a.representative, a.function) for a in app.get_meeting(sitting).attendance}
    assert came["Szkoła Podstawowa w Jarze"] == ("Ewa Dąbrowska", "dyrektorka")
    assert came["Halina Wiśniewska"][0] == "Halina Wiśniewska"
    app.dismiss_member(g.id, g.school, recorded_by=BY, effective_on=date(2026, 3, 1))
    assert app.get_stakeholder(g.school).status == "signatory"
