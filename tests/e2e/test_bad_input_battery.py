"""Every field of every write, with bad values, through the API and the command line.

Each case must be refused (a 4xx naming the field over HTTP, one line and a non-zero
exit in the shell), and the notification log must not grow by a single fact. The API
cases are read from the OpenAPI description itself, so a write added later is covered
without editing this file; the shell cases are the facilitator's commands, one by one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest

from tests.e2e.office import Office, Shell, demo_office

WRITES = ("post", "put", "patch", "delete")
# Logging in records no typed text: a wrong password is a 401, as it must be.
NOT_TYPED_INTO_THE_RECORD = {"/api/token"}
TOO_FAR = (date.today() + timedelta(days=800)).isoformat()
HIDDEN = {
    "NUL": "Fundacja\x00Jutra",
    "ESC": "Fundacja \x1b[31mJutra",
    "DEL": "Fundacja\x7fJutra",
    "C1": "Fundacja\x85Jutra",
    "bidi override": "Fundacja \u202eartuJ",
    "bidi isolate": "Fundacja \u2066Jutra\u2069",
    "zero-width space": "Fundacja\u200bJutra",
    "zero-width joiner": "Fundacja\u200dJutra",
    "byte-order mark": "\ufeffFundacja Jutra",
}
BAD_STRINGS = {**HIDDEN, "wrong type (number)": 12345, "wrong type (object)": {"a": 1}}
BAD_BY_FORMAT: dict[str, dict[str, Any]] = {
    "time": {
        "UTC offset Z": "10:00Z",
        "offset +02:00": "10:00+02:00",
        "hour 25": "25:00",
        "non-ASCII digits": "１０:００",
        "wrong type": [10, 0],
    },
    "date": {
        "not a date": "wczoraj",
        "30 February": "2026-02-30",
        "non-ASCII digits": "２０２６-０２-０１",
        "wrong type": 20260201,
    },
    "uuid": {"not an id": "nie-id", "wrong type": 7},
}
BAD_INTEGERS = {
    "huge": 100000000000000000000,
    "fraction": 1.5,
    "text": "dwa",
    "non-ASCII digits": "٣",
}
BAD_BOOLEANS = {"text": "może", "list": [True]}


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].split("/")[-1]
        node = spec["components"]["schemas"][name]
    return node


def kinds_of(spec: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The non-null shapes a property may take."""
    node = resolve(spec, node)
    options = node.get("anyOf") or node.get("oneOf") or [node]
    return [resolve(spec, o) for o in options if o.get("type") != "null"]


def bad_values(spec: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    """Bad values for one property, by its type, named for the report."""
    found: dict[str, Any] = {}
    kinds = kinds_of(spec, prop)
    if "number" in {k.get("type") for k in kinds}:  # a decimal, as a number or its digits
        return {
            "huge": BAD_INTEGERS["huge"],
            "text": "dwa",
            "not a number": "NaN",
            "infinite": "Infinity",
            "list": [1],
        }
    for kind in kinds:
        fmt, typ = kind.get("format"), kind.get("type")
        if fmt in BAD_BY_FORMAT:
            found.update(BAD_BY_FORMAT[fmt])
        elif typ == "string":
            found.update(BAD_STRINGS)
            found["too long"] = "x" * (kind.get("maxLength", 10_000) + 1)
            if "\\u0000-\\u001f" in kind.get("pattern", ""):
                found["line break in a one-line field"] = "Fundacja\nJutra"
            if kind.get("enum"):
                found["not one of the choices"] = "żaden"
        elif typ == "integer":
            found.update(BAD_INTEGERS)
        elif typ == "boolean":
            found.update(BAD_BOOLEANS)
        elif typ == "array":
            items = bad_values(spec, kind.get("items", {}))
            found.update({f"list item {k}": [v] for k, v in items.items()})
            found["not a list"] = "Fundacja Jutra"
    return found


def good_value(spec: dict[str, Any], prop: dict[str, Any], office: Office) -> Any:
    kind = kinds_of(spec, prop)[0]
    fmt, typ = kind.get("format"), kind.get("type")
    if fmt == "time":
        return "10:00"
    if fmt == "date":
        return "2026-11-20"
    if fmt == "uuid":
        return office.ids["sid"]
    return {"integer": 1, "boolean": False, "array": [], "number": 1}.get(typ, "Próba")


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in WRITES and path not in NOT_TYPED_INTO_THE_RECORD:
                yield method, path, op


def api_cases(office: Office) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """(method, path, field, what is wrong, body) for every field of every write."""
    spec = office.client.get("/openapi.json").json()
    for method, path, op in operations(spec):
        content = op.get("requestBody", {}).get("content", {}).get("application/json")
        if not content:
            continue
        schema = resolve(spec, content["schema"])
        props = schema.get("properties", {})
        base = {name: good_value(spec, props[name], office) for name in schema.get("required", [])}
        for field, prop in props.items():
            for what, value in bad_values(spec, prop).items():
                yield method, path, field, what, {**base, field: value}


@pytest.fixture(scope="module")
def office() -> Iterator[Office]:
    for office in demo_office():
        meeting = office.first("/meetings", kind="team", state="held", minutes="draft")
        office.ids = {
            "ref": "2640013",
            "mid": meeting["id"],
            "sid": office.first("/stakeholders", subtype="local_government_unit")["id"],
            "rid": office.client.get("/api/gminas/2640013/resolutions").json()[-1]["id"],
        }
        yield office


def concrete(path: str, ids: dict[str, str]) -> str:
    for name in ("ref", "mid", "sid", "rid"):
        path = path.replace("{" + name + "}", ids[name])
    path = path.replace("{item}", "1")
    while "{" in path:  # ids of records the demo may not hold: any well-formed id
        start, end = path.index("{"), path.index("}")
        path = path[:start] + str(uuid4()) + path[end + 1 :]
    return path


def test_every_field_of_every_api_write_refuses_bad_values_and_records_nothing(
    office: Office,
) -> None:
    before = office.facts()
    cases = 0
    misses = []
    for method, path, field, what, body in api_cases(office):
        answer = office.client.request(method.upper(), concrete(path, office.ids), json=body)
        cases += 1
        problem = answer.json() if answer.status_code < 500 else {}
        named = {tuple(e.get("loc", ()))[1:2] for e in problem.get("errors", [])}
        if not (400 <= answer.status_code < 500) or (
            problem.get("field") != field and (field,) not in named
        ):
            misses.append((method, path, field, what, answer.status_code, answer.text[:200]))
        assert office.facts() == before, (method, path, field, what)
    print(f"\nbad-input battery, API: {cases} cases, {len(misses)} not refused by field")
    assert not misses, "\n".join(map(str, misses[:20]))
    assert cases > 500


# --- the command line -------------------------------------------------------------------

GMINA = "2640013"
GOPS = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"
FUNDACJA = "Fundacja „Zielony Próg”"
SITTING = "zsl 6/2026"
TEXT = {**HIDDEN, "too long": "x" * 10_001}
NAME = {**TEXT, "too long": "x" * 301, "line break": "Fundacja\nJutra"}
TIME = {"UTC offset": "10:00Z", "offset": "10:00+02:00", "not a time": "25:00"}
DAY = {"more than a year ahead": TOO_FAR, "not a date": "wczoraj"}
NUMBER = {"zero": "0", "huge": "100000000000000000000"}
AS_OF = {"not a date": "wczoraj", "five digits": "99999", "non-ASCII digits": "２０２６-０１-０１"}

# Each command as a facilitator types it, and the bad values for each of its fields:
# (arguments with {} where the bad value goes, the field, the bad values).
SHELL = [
    (["gmina", "register", "{}", "Nowa Gmina", "--powiat", "p"], "terc",
     {"full-width digit lookalike": "26４0013", "Arabic-Indic digits": "٢٦٤٠٠١١", **TEXT}),
    (["gmina", "register", "2640021", "{}", "--powiat", "p"], "name", NAME),
    (["gmina", "register", "2640021", "Nowa", "--powiat", "{}"], "powiat", NAME),
    (["gmina", "register", "2640021", "Nowa", "--powiat", "p", "--on", "{}"], "on", DAY),
    (["gmina", "change", GMINA, "--name", "{}"], "name", NAME),
    (["gmina", "advance", GMINA, "5", "--reason", "{}"], "reason", TEXT),
    (["stakeholder", "add", GMINA, "{}", "--subtype", "ngo"], "name", NAME),
    (["stakeholder", "add", GMINA, "{}", "--subtype", "ngo", "--person"], "name", NAME),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--legal-form", "{}"],
     "legal_form", NAME),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--krs", "{}"], "krs",
     {"full-width digits": "０００００１２３４５x", "Arabic-Indic": "٠٠٠٠٠١٢٣٤٥", **TEXT}),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--nip", "{}"], "nip",
     {"Arabic-Indic": "١٢٣٤٥٦٣٢١٨", **TEXT}),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--regon", "{}"],
     "regon", {"Arabic-Indic": "١٢٣٤٥٦٧٨٥", **TEXT}),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--seat", "{}"], "seat",
     NAME),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--area", "{}"], "area",
     TEXT),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--resource", "{}"],
     "resources_offered", NAME),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--contact", "{}"],
     "contact", NAME),
    (["stakeholder", "add", GMINA, "Fundacja Jutra", "--subtype", "ngo", "--on", "{}"], "on", DAY),
    (["stakeholder", "add", GMINA, "fundacja zielony prog", "--subtype", "ngo"], "name",
     {"look-alike of a catalogue name": None}),
    (["stakeholder", "edit", FUNDACJA, "--name", "{}"], "name", NAME),
    (["stakeholder", "edit", FUNDACJA, "--area", "{}"], "area", TEXT),
    (["stakeholder", "archive", FUNDACJA, "--reason", "{}"], "reason", TEXT),
    (["pact", "leave", GMINA, FUNDACJA, "--reason", "{}"], "reason", TEXT),
    (["commitment", "make", GMINA, FUNDACJA, "--resource", "time", "--description", "{}"],
     "description", TEXT),
    (["commitment", "make", GMINA, FUNDACJA, "--resource", "time", "--description", "Dyżury",
      "--unit", "{}"], "unit", NAME),
    (["meeting", "schedule", GMINA, "--kind", "team", "--date", "2026-12-03", "--time", "{}",
      "--place", "Sala"], "time", TIME),
    (["meeting", "schedule", GMINA, "--kind", "team", "--date", "2026-12-03", "--time", "10:00",
      "--place", "{}"], "place", NAME),
    (["meeting", "schedule", GMINA, "--kind", "team", "--date", "2026-12-03", "--time", "10:00",
      "--place", "Sala", "--agenda", "{}"], "agenda", {**NAME, "too long": "x" * 1001}),
    (["meeting", "agenda", GMINA, SITTING, "{}"], "title", {**NAME, "too long": "x" * 1001}),
    (["minutes", "summary", GMINA, SITTING, "1", "{}"], "summary", TEXT),
    (["attendance", "quorum", GMINA, SITTING, "--at", "{}"], "at", TIME),
    (["resolution", "propose", GMINA, SITTING, "--title", "{}", "--text", "§1 Próba.",
      "--proposer", GOPS], "title", {**NAME, "too long": "x" * 1001}),
    (["resolution", "propose", GMINA, SITTING, "--title", "w sprawie próby", "--text", "{}",
      "--proposer", GOPS], "text", TEXT),
    (["resolution", "propose", GMINA, SITTING, "--title", "w sprawie próby", "--text", "§1.",
      "--proposer", GOPS, "--number", "{}"], "number", NUMBER),
    # Reads record nothing, but an as-of that is not a date is still refused in one line.
    *[([*command, "--as-of", "{}"], "as_of", AS_OF) for command in (
        ["catalogue", GMINA], ["network", GMINA], ["risks", GMINA], ["timeline", GMINA],
        ["export", GMINA, "--format", "gexf"], ["pact", "show", GMINA],
        ["doc", "catalogue", "--gmina", GMINA, "--draft"],
    )],
]  # fmt: skip


def shell_cases() -> Iterator[tuple[list[str], str, str]]:
    for args, field, values in SHELL:
        for what, value in values.items():
            typed = [a.replace("{}", str(value)) if a == "{}" else a for a in args]
            yield typed, field, what


@pytest.fixture(scope="module")
def mlw(tmp_path_factory: pytest.TempPathFactory) -> Shell:
    shell = Shell(tmp_path_factory.mktemp("shell"))
    assert shell("demo").exit_code == 0
    return shell


def test_every_field_of_the_facilitators_commands_refuses_bad_values_and_records_nothing(
    mlw: Shell,
) -> None:
    before = mlw.facts()
    cases = 0
    misses = []
    for args, field, what in shell_cases():
        result = mlw(*args)
        cases += 1
        said = result.output.strip()
        if result.exit_code == 0 or "Traceback" in said or not said or said.count("\n") > 3:
            misses.append((args[:2], field, what, result.exit_code, said[:200]))
    assert mlw.facts() == before
    print(f"\nbad-input battery, CLI: {cases} cases, {len(misses)} not refused in words")
    assert not misses, "\n".join(map(str, misses))
