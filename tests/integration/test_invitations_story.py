"""Who was invited to a meeting: a guest from outside the team, refusals that write nothing."""

from datetime import date, time

from domain.errors import ArchivedError, RuleViolationError, WrongGminaError
from registry.application import Registry
from tests.integration.zielony_jar import BY, FEB, first_sitting, on, refused, zielony_jar


def test_the_bank_is_invited_to_a_team_sitting_as_a_guest(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    invited = app.invite_to_meeting(
        sitting, [g.bank], recorded_by=BY, effective_on=date(2026, 2, 1)
    )
    assert invited == [g.bank]
    assert app.meeting(sitting).invited == [g.bank]
    assert [f.fact for f in app.history(sitting)][-1:] == ["Invited"]


def test_an_invitation_twice_or_to_a_stakeholder_of_another_gmina_or_archived_is_refused(
    registry: Registry,
) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = app.schedule_meeting(
        g.id, kind="team", on=FEB, at=time(17), place="GOPS", **on(date(2026, 1, 20))
    )
    app.invite_to_meeting(sitting, [g.bank], **on(date(2026, 1, 25)))
    refused(
        app,
        RuleViolationError,
        "Bank Spółdzielczy is already invited",
        lambda: app.invite_to_meeting(sitting, [g.bank], **on(date(2026, 1, 26))),
    )
    refused(
        app,
        RuleViolationError,
        "already invited",
        lambda: app.invite_to_meeting(sitting, [g.parish, g.parish], **on(date(2026, 1, 26))),
    )
    other = app.register_gmina(
        "2640023", "Jarki", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    stranger = app.add_stakeholder(
        other, name="Koło Gospodyń w Jarkach", subtype="ngo", kind="institution", **on(FEB)
    )
    refused(
        app,
        WrongGminaError,
        "in another gmina's catalogue",
        lambda: app.invite_to_meeting(sitting, [g.parish, stranger], **on(date(2026, 1, 26))),
    )
    gone = app.add_stakeholder(
        g.id, name="Klub Seniora", subtype="ngo", kind="institution", **on(date(2026, 1, 2))
    )
    app.archive_stakeholder(gone, reason="Rozwiązany", **on(date(2026, 1, 21)))
    refused(
        app,
        ArchivedError,
        "archived stakeholder is not invited",
        lambda: app.invite_to_meeting(sitting, [gone], **on(date(2026, 1, 26))),
    )
    assert app.meeting(sitting).invited == [g.bank]
