"""A facilitator's year in Zielony Jar, on every store the registry runs on."""

from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from domain.errors import (
    AlreadyInPactError,
    ArchivedError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NotInPactError,
    RuleViolationError,
    StageOrderError,
    WrongGminaError,
)
from registry.application import Registry
from tests.integration.zielony_jar import on

BY = "moderatorka.ala"


def gmina_with_catalogue(app: Registry) -> tuple[UUID, UUID, UUID]:
    """Zielony Jar registered in September, its partnership open, GOPS and a school catalogued."""
    gmina = app.register_gmina(
        "2640013",
        "Zielony Jar",
        "zielonojarski",
        "świętokrzyskie",
        **on(date(2025, 9, 1)),
    )
    app.open_partnership(
        gmina,
        reason="Prezentacja na sesji rady gminy",
        **on(date(2025, 9, 15)),
    )
    gops = app.add_stakeholder(
        gmina,
        name="Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze",
        subtype="local_government_unit",
        legal_form="jednostka budżetowa",
        regon="123456785",
        seat="Zielony Jar, ul. Lipowa 1",
        area="pomoc społeczna",
        resources_offered=["sala", "pracownik socjalny"],
        contact="sekretariat GOPS",
        **on(date(2025, 10, 1)),
    )
    school = app.add_stakeholder(
        gmina,
        name="Szkoła Podstawowa w Jarze",
        subtype="education",
        nip="5250001090",
        **on(date(2025, 10, 2)),
    )
    return gmina, gops, school


def last_id(app: Registry) -> int:
    return app.recorder.max_notification_id() or 0


def test_a_facilitator_builds_the_catalogue_and_the_pact(registry: Registry) -> None:
    gmina, gops, school = gmina_with_catalogue(registry)
    registry.add_stakeholder(
        gmina, name="Parafia św. Anny", subtype="church_organisation", **on(date(2025, 10, 20))
    )
    registry.advance_stage(gmina, 2, reason="Wstępny katalog gotowy", **on(date(2025, 11, 1)))
    registry.invite_stakeholder(school, **on(date(2025, 11, 5)))
    registry.join_pact(
        gmina,
        gops,
        representative="Anna Nowak",
        representative_function="kierowniczka GOPS",
        **on(date(2026, 1, 20)),
    )
    registry.join_pact(
        gmina,
        school,
        form="ad_hoc",
        role="supporter",
        **on(date(2026, 3, 3)),
    )
    hall = registry.make_commitment(
        gmina,
        school,
        resource="premises",
        description="Sala gimnastyczna na zajęcia KIS",
        quantity="8",
        unit="h/mies.",
        beneficiary="uczestnicy KIS",
        beneficiary_id=gops,
        due_on=date(2026, 12, 31),
        **on(date(2026, 3, 10)),
    )
    registry.revise_commitment(
        gmina,
        hall,
        quantity="12",
        note="Dodatkowe godziny w wakacje",
        **on(date(2026, 6, 1)),
    )

    pact = registry.get_pact(gmina)
    assert [p.name for p in pact.signatories] == [
        "Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze",
        "Szkoła Podstawowa w Jarze",
    ]
    assert pact.signatories[0].representative == "Anna Nowak"
    [commitment] = pact.commitments
    assert (commitment.quantity, commitment.state) == (Decimal(12), "revised")
    assert registry.get_stakeholder(school).status == "signatory"
    assert registry.get_gmina(gmina).stage == 2
    facts = registry.history(school)
    assert [f.fact for f in facts] == ["Catalogued", "StatusChanged", "StatusChanged"]
    assert all(f.recorded_by == BY for f in facts)
    assert facts[1].effective_on == date(2025, 11, 5)


def test_the_pact_reads_as_it_stood_on_any_past_date(registry: Registry) -> None:
    gmina, gops, school = gmina_with_catalogue(registry)
    registry.join_pact(gmina, gops, **on(date(2026, 1, 20)))
    registry.join_pact(gmina, school, **on(date(2026, 3, 3)))
    registry.leave_pact(gmina, school, reason="Zmiana dyrekcji", **on(date(2026, 9, 1)))

    assert [p.name for p in registry.get_pact(gmina, as_of=date(2026, 2, 1)).signatories] == [
        "Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"
    ]
    assert len(registry.get_pact(gmina, as_of=date(2026, 5, 1)).signatories) == 2
    assert len(registry.get_pact(gmina).signatories) == 1
    assert registry.get_stakeholder(school).status == "former_signatory"
    assert registry.get_stakeholder(school, as_of=date(2026, 5, 1)).status == "signatory"
    assert registry.get_stakeholder(school, version=1).status == "identified"
    assert len(registry.catalogue(gmina, as_of=date(2025, 10, 1))) == 1
    with pytest.raises(NotFoundError, match="did not exist yet on 2025-08-01"):
        registry.get_gmina(gmina, as_of=date(2025, 8, 1))


def test_minutes_recorded_late_do_not_rewrite_what_was_known_earlier(registry: Registry) -> None:
    gmina, gops, school = gmina_with_catalogue(registry)
    registry.join_pact(gmina, gops, **on(date(2026, 4, 1)))
    # The school's signing in February is typed in from paper minutes only now.
    registry.join_pact(gmina, school, **on(date(2026, 2, 10)))
    in_march = registry.get_pact(gmina, as_of=date(2026, 3, 1))
    assert [p.name for p in in_march.signatories] == ["Szkoła Podstawowa w Jarze"]
    recorded_order = registry.get_pact(gmina, version=2)
    assert [p.name for p in recorded_order.parties] == [
        "Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"
    ]


@pytest.mark.parametrize(
    ("command", "error", "words"),
    [
        (
            lambda app, g, gops, school: app.join_pact(g, gops, **on(date(2026, 2, 1))),
            AlreadyInPactError,
            "already signed the pact on 2026-01-20",
        ),
        (
            lambda app, g, gops, school: app.make_commitment(
                g,
                school,
                resource="money",
                description="Dotacja",
                quantity="100",
                unit="zł",
                recorded_by=BY,
            ),
            NotInPactError,
            "is not a signatory",
        ),
        (
            lambda app, g, gops, school: app.leave_pact(g, school, recorded_by=BY),
            NotInPactError,
            "is not a signatory",
        ),
        (
            lambda app, g, gops, school: app.add_stakeholder(
                g, name="Fundacja", subtype="ngo", nip="1234567890", recorded_by=BY
            ),
            InvalidInputError,
            "NIP '1234567890' is not valid",
        ),
        (
            lambda app, g, gops, school: app.add_stakeholder(
                g, name="Fundacja", subtype="ngo", krs="123", recorded_by=BY
            ),
            InvalidInputError,
            "KRS '123' must be 10 digits",
        ),
        (
            lambda app, g, gops, school: app.add_stakeholder(
                g, name="Fundacja", subtype="think_tank", recorded_by=BY
            ),
            InvalidInputError,
            "Unknown sub-type 'think_tank'",
        ),
        (
            lambda app, g, gops, school: app.advance_stage(g, 4, reason="Pakt", recorded_by=BY),
            StageOrderError,
            "cannot skip to stage 4",
        ),
        (
            lambda app, g, gops, school: app.register_gmina(
                "2640013", "Duplikat", "zielonojarski", recorded_by=BY
            ),
            RuleViolationError,
            "TERC code 2640013 is already registered",
        ),
        (
            lambda app, g, gops, school: app.register_gmina(
                "2640013", "Zły", "zielonojarski", "mazowieckie", recorded_by=BY
            ),
            InvalidInputError,
            "lies in województwo świętokrzyskie",
        ),
        (
            lambda app, g, gops, school: app.join_pact(g, uuid4(), recorded_by=BY),
            NotFoundError,
            "No stakeholder with id",
        ),
        (lambda app, g, gops, school: app.get_pact(uuid4()), NotFoundError, "No gmina with id"),
        (
            lambda app, g, gops, school: app.make_commitment(
                g,
                gops,
                resource="money",
                description="Dotacja",
                quantity="100",
                unit="",
                recorded_by=BY,
            ),
            InvalidInputError,
            "Say in what unit",
        ),
        (
            lambda app, g, gops, school: app.make_commitment(
                g, gops, resource="gold", description="Złoto", recorded_by=BY
            ),
            InvalidInputError,
            "Unknown resource 'gold'",
        ),
    ],
)
def test_refused_commands_say_what_was_wrong_and_record_nothing(
    registry: Registry,
    command,
    error,
    words,  # type: ignore[no-untyped-def]
) -> None:
    gmina, gops, school = gmina_with_catalogue(registry)
    registry.join_pact(gmina, gops, **on(date(2026, 1, 20)))
    before = last_id(registry)
    with pytest.raises(error, match=words):
        command(registry, gmina, gops, school)
    assert last_id(registry) == before


def test_a_stakeholder_from_another_gmina_cannot_sign_this_pact(registry: Registry) -> None:
    _, gops, _ = gmina_with_catalogue(registry)
    other = registry.register_gmina("2640022", "Dolny Jar", "zielonojarski", **on(date(2025, 9, 1)))
    registry.open_partnership(other, reason="Prezentacja", **on(date(2025, 9, 2)))
    before = last_id(registry)
    with pytest.raises(WrongGminaError, match="another gmina's catalogue, not Dolny Jar's"):
        registry.join_pact(other, gops, recorded_by=BY)
    assert last_id(registry) == before


def test_an_archived_entry_refuses_edits_and_keeps_its_history(registry: Registry) -> None:
    gmina, _, school = gmina_with_catalogue(registry)
    registry.archive_stakeholder(school, reason="Szkoła połączona z inną", **on(date(2026, 8, 31)))
    before = last_id(registry)
    with pytest.raises(ArchivedError, match="archived on 2026-08-31"):
        registry.edit_stakeholder(school, seat="Nowy Jar", recorded_by=BY)
    assert last_id(registry) == before
    assert registry.catalogue(gmina) != registry.catalogue(gmina, include_archived=True)
    assert [f.fact for f in registry.history(school)][-1] == "Archived"


def test_the_second_of_two_concurrent_edits_gets_a_conflict(registry: Registry) -> None:
    _, gops, _ = gmina_with_catalogue(registry)
    seen = registry.get_stakeholder(gops).version
    registry.edit_stakeholder(
        gops, area="pomoc społeczna i reintegracja", recorded_by="ala", expected_version=seen
    )
    before = last_id(registry)
    with pytest.raises(ConflictError, match="changed by someone else"):
        registry.edit_stakeholder(
            gops, seat="Zielony Jar, ul. Nowa 2", recorded_by="ola", expected_version=seen
        )
    assert last_id(registry) == before
    assert registry.get_stakeholder(gops).area == "pomoc społeczna i reintegracja"


def test_a_race_between_two_writers_never_overwrites_silently(registry: Registry) -> None:
    _, gops, _ = gmina_with_catalogue(registry)
    from domain.stakeholder import Stakeholder

    mine = registry.load(Stakeholder, gops)
    theirs = registry.load(Stakeholder, gops)
    theirs.edit({"area": "ich zmiana"}, date(2026, 1, 1), "ola")
    registry.commit(theirs)
    mine.edit({"area": "moja zmiana"}, date(2026, 1, 1), "ala")
    with pytest.raises(ConflictError, match="nothing of yours was recorded"):
        registry.commit(mine)
    assert registry.get_stakeholder(gops).area == "ich zmiana"


def test_erasing_a_citizen_leader_leaves_no_trace_of_them_but_history_replays(
    registry: Registry,
) -> None:
    gmina, gops, _ = gmina_with_catalogue(registry)
    leader = registry.add_stakeholder(
        gmina,
        name="Halina Wiśniewska",
        kind="person",
        subtype="social_leader",
        contact="halina@example.org",
        area="koło seniorów",
        **on(date(2025, 10, 3)),
    )
    registry.join_pact(gmina, leader, role="supporter", **on(date(2026, 2, 1)))
    registry.join_pact(
        gmina,
        gops,
        representative="Anna Nowak",
        representative_contact="anna.nowak@example.org",
        **on(date(2026, 2, 1)),
    )
    person = registry.get_stakeholder(leader).person_id
    rep = registry.get_pact(gmina).signatories[0].representative_person_id
    assert person and rep

    registry.erase_person(person)
    registry.erase_person(rep)

    reads = [
        registry.get_stakeholder(leader),
        registry.get_stakeholder(leader, as_of=date(2026, 3, 1)),
        registry.get_stakeholder(leader, version=1),
        registry.catalogue(gmina),
        registry.get_pact(gmina),
        registry.get_pact(gmina, as_of=date(2026, 3, 1)),
        registry.history(leader),
        registry.history(registry.get_pact(gmina).id),
    ]
    text = repr(reads)
    for secret in ("Halina", "Wiśniewska", "halina@example.org", "Anna Nowak", "anna.nowak"):
        assert secret not in text
    # The stores hold only ciphertext: not even the raw events name the persons.
    raw = b"".join(n.state for n in registry.recorder.select_notifications(start=1, limit=1000))
    assert b"Halina" not in raw and b"Nowak" not in raw
    assert registry.get_stakeholder(leader).personal_data_erased
    assert registry.get_stakeholder(gops).name.startswith("Gminny Ośrodek")
    assert len(registry.get_pact(gmina).signatories) == 2
