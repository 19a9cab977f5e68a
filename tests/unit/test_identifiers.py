"""Identifiers: TERC codes of gminas, NIP, REGON and KRS of institutions."""

import pytest

from domain.errors import InvalidInputError
from domain.gmina import check_terc, voivodeship_of
from registry.identifiers import check_identifiers, check_krs, check_nip, check_regon


@pytest.mark.parametrize("code", ["2640013", "1465011", "0201011", "3262012"])
def test_well_formed_terc_codes_are_accepted(code: str) -> None:
    assert check_terc(code) == code


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("264001", "7 digits"),
        ("2740013", "not a voivodeship"),
        ("2600013", "powiat part 00"),
        ("2640003", "gmina part 00"),
        ("2640014", "town or rural part"),
        ("2640016", "must be 1, 2 or 3"),
    ],
)
def test_malformed_terc_codes_are_refused_in_words(code: str, words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        check_terc(code)


def test_the_voivodeship_is_read_from_the_terc_code() -> None:
    assert voivodeship_of("2640013") == "świętokrzyskie"


def test_nip_is_normalised_and_its_checksum_checked() -> None:
    assert check_nip("525-000-10-90") == "5250001090"
    with pytest.raises(InvalidInputError, match="NIP '5250001091' is not valid"):
        check_nip("5250001091")


def test_regon_of_nine_and_fourteen_digits_is_checked() -> None:
    assert check_regon("123456785") == "123456785"
    assert check_regon("12345678512347") == "12345678512347"
    with pytest.raises(InvalidInputError, match="REGON"):
        check_regon("123456789")


def test_krs_is_ten_digits_and_optional() -> None:
    assert check_krs("0000 123 456") == "0000123456"
    with pytest.raises(InvalidInputError, match="10 digits"):
        check_krs("12345")
    assert check_identifiers(nip="", regon=None, krs="  ").krs is None


@pytest.mark.parametrize(
    ("typed", "check", "number"),
    [
        ("26４0013", check_terc, "2640013"),
        ("０００００１２３４５", check_krs, "0000012345"),
        ("１２３４５６３２１８", check_nip, "1234563218"),
    ],
)
def test_full_width_digits_are_read_as_the_digits_they_show(
    typed: str, check: object, number: str
) -> None:
    assert check(typed) == number  # type: ignore[operator]


@pytest.mark.parametrize(
    ("typed", "check"),
    [
        ("٢٦٤٠٠١٣", check_terc),  # Arabic-Indic digits
        ("२६४००१३", check_terc),  # Devanagari digits
        ("٠٠٠٠٠١٢٣٤٥", check_krs),
        ("١٢٣٤٥٦٣٢١٨", check_nip),
        ("١٢٣٤٥٦٧٨٥", check_regon),
    ],
)
def test_digits_of_other_scripts_are_refused(typed: str, check: object) -> None:
    with pytest.raises(InvalidInputError):
        check(typed)  # type: ignore[operator]


def test_a_gmina_typed_with_a_full_width_digit_is_the_gmina_already_registered(
    memory_registry: object,
) -> None:
    from datetime import date

    from domain.errors import RuleViolationError
    from registry.application import Registry

    reg = memory_registry
    assert isinstance(reg, Registry)
    reg.register_gmina(
        "2640013", "Zielony Jar", "p", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    before = reg.recorder.max_notification_id()
    with pytest.raises(RuleViolationError):
        reg.register_gmina("26４0013", "Zielony Jar", "p", recorded_by="ala")
    assert reg.recorder.max_notification_id() == before
    assert reg.find_gmina("26４0013") == reg.find_gmina("2640013")
