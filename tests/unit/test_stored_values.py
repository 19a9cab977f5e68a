"""Values written into stored facts read back at any version, or are refused by name."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from eventsourcing.persistence import JSONTranscoder

from domain.stakeholder import StakeholderDetails
from domain.values import Identifiers, Immutable, ResourceKind
from registry.transcodings import (
    StoredValueError,
    dataclass_transcoding,
    register_domain_transcodings,
)


def transcoder(*extra: type[Any]) -> JSONTranscoder:
    t = JSONTranscoder()
    register_domain_transcodings(t)
    for cls in extra:
        t.register(dataclass_transcoding(cls))
    return t


def stored(type_name: str, data: dict[str, Any]) -> bytes:
    return json.dumps({"v": {"_type_": type_name, "_data_": data}}).encode()


def test_a_value_is_written_with_the_version_of_its_shape() -> None:
    written = json.loads(transcoder().encode({"v": Identifiers(nip="6570001005")}))
    assert written["v"] == {
        "_type_": "Identifiers",
        "_data_": {"nip": "6570001005", "regon": None, "krs": None, "_v_": 1},
    }


def test_a_value_stored_before_versions_existed_reads_as_version_one() -> None:
    data = stored("Identifiers", {"nip": "6570001005", "regon": None, "krs": None})
    assert transcoder().decode(data)["v"] == Identifiers(nip="6570001005")


def test_a_field_the_value_does_not_know_is_refused_naming_the_type_and_the_field() -> None:
    data = stored("Identifiers", {"nip": "6570001005", "pesel": "02070803628"})
    with pytest.raises(StoredValueError, match=r"Identifiers .* 'pesel'"):
        transcoder().decode(data)


def test_a_missing_field_takes_its_documented_default() -> None:
    data = stored("StakeholderDetails", {"name": "GOPS", "_v_": 1})
    details = transcoder().decode(data)["v"]
    assert details == StakeholderDetails(name="GOPS")
    assert details.identifiers == Identifiers()
    assert details.resources_offered == []


def test_a_missing_field_without_a_default_is_refused_naming_it() -> None:
    data = stored("CommitmentTerms", {"description": "Sala", "_v_": 1})
    with pytest.raises(StoredValueError, match=r"CommitmentTerms .* 'resource'"):
        transcoder().decode(data)


def test_a_version_newer_than_the_code_is_refused() -> None:
    data = stored("Identifiers", {"nip": None, "_v_": 2})
    with pytest.raises(StoredValueError, match="Identifiers has version 2"):
        transcoder().decode(data)


def test_an_unknown_member_of_an_enumeration_is_refused_naming_the_type() -> None:
    data = json.dumps({"v": {"_type_": "ResourceKind", "_data_": "gold"}}).encode()
    with pytest.raises(StoredValueError, match="ResourceKind has the value 'gold'"):
        transcoder().decode(data)
    assert transcoder().decode(data.replace(b"gold", b"time"))["v"] is ResourceKind.TIME


@dataclass(frozen=True)
class Venue(Immutable):
    """A value whose field ``place`` was renamed ``address`` in version 2, and which
    gained ``rooms`` in version 3."""

    __version__: ClassVar[int] = 3

    address: str
    rooms: int = 1

    @staticmethod
    def upcast_v1_v2(data: dict[str, Any]) -> None:
        data["address"] = data.pop("place")

    @staticmethod
    def upcast_v2_v3(data: dict[str, Any]) -> None:
        data.setdefault("rooms", 1)


def test_an_older_shape_is_brought_up_through_each_upcaster_in_turn() -> None:
    t = transcoder(Venue)
    assert t.decode(stored("Venue", {"place": "MGOPS"}))["v"] == Venue("MGOPS")
    assert t.decode(stored("Venue", {"address": "MGOPS", "_v_": 2}))["v"] == Venue("MGOPS")
    written = t.encode({"v": Venue("Świetlica", rooms=2)})
    assert json.loads(written)["v"]["_data_"]["_v_"] == 3
    assert t.decode(written)["v"] == Venue("Świetlica", rooms=2)


@dataclass(frozen=True)
class Hall(Immutable):
    __version__: ClassVar[int] = 2

    address: str


def test_a_version_without_its_upcaster_is_refused() -> None:
    with pytest.raises(StoredValueError, match="Hall has no upcast_v1_v2"):
        transcoder(Hall).decode(stored("Hall", {"place": "MGOPS"}))


@dataclass(frozen=True)
class Place(Immutable):
    """The value once called Venue, renamed: it is still stored and read as Venue."""

    __stored_as__: ClassVar[str] = "Venue"
    __version__: ClassVar[int] = 3

    address: str
    rooms: int = 1

    upcast_v1_v2 = Venue.upcast_v1_v2
    upcast_v2_v3 = Venue.upcast_v2_v3


def test_a_renamed_value_is_read_from_facts_stored_under_its_old_name() -> None:
    assert transcoder(Place).decode(stored("Venue", {"place": "MGOPS"}))["v"] == Place("MGOPS")


def test_every_word_of_the_model_stored_before_its_kinds_shared_a_vocabulary_still_reads() -> None:
    # One word of each kind, as facts stored them when each record's module declared its own.
    stored_words = {
        "Stage": 4,
        "Sector": "ngo",
        "SubType": "social_cooperative",
        "StakeholderKind": "person",
        "StakeholderStatus": "former_signatory",
        "CooperationForm": "ad_hoc",
        "ParticipantRole": "supporter",
        "ResourceKind": "premises",
        "CommitmentState": "revised",
        "TeamRole": "secretary",
        "QuorumRule": "at_least_two_thirds",
        "MajorityRule": "of_members",
        "VoteChoice": "abstain",
        "Outcome": "rejected",
        "MeetingKind": "team",
        "MeetingState": "cancelled",
        "MinutesState": "approved",
        "AttendanceRole": "guest",
        "ResolutionState": "withdrawn",
        "ActionState": "taken_up",
        "DocumentKind": "catalogue",
        "DocumentVariant": "public",
        "EntityType": "wtz",
        "EntityState": "status_lost",
    }
    for kind, value in stored_words.items():
        word = transcoder().decode(json.dumps({"v": {"_type_": kind, "_data_": value}}).encode())
        assert (type(word["v"]).__name__, word["v"].value) == (kind, value)
        assert (
            transcoder().encode({"v": word["v"]})
            == json.dumps({"v": {"_type_": kind, "_data_": value}}, separators=(",", ":")).encode()
        )
