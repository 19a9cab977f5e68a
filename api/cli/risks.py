"""`mlw risks`: the flags as a facilitator reads them, and `mlw risks acknowledge`.

``mlw risks GMINA`` (the command as it always was) shows the flags; ``mlw risks
acknowledge GMINA FLAG --note …`` records that the team has seen one.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from api.cli.command import GminaId, UndatedDesk, command
from api.cli.options import AsOfOpt, GminaArg, JsonOpt
from api.cli.support import emit, run
from projections.collaboration import CollaborationView
from projections.i18n import N_, translator
from projections.read_models import ReadModels
from projections.risk_words import EVIDENCE_KINDS, METRICS, SEEN
from projections.risks import Flag, flag_named
from registry.application import Registry

LangOpt = Annotated[str, typer.Option("--lang", help="pl or en: the language of the sentences.")]
DetailsOpt = Annotated[
    bool, typer.Option("--details", help="Also the rule, its numbers, evidence and history.")
]

WHY, STEP, SEEN_ON = N_("Dlaczego to ważne"), N_("Co można zrobić"), N_("Przyjęte do wiadomości")
DETAILS, THRESHOLD = N_("Szczegóły"), N_("próg")
BEFORE, NEW = N_("Kwartał wcześniej"), N_("poniżej progu")
FIRST = N_("Próg przekroczony po raz pierwszy")
EVIDENCE, BASIS = N_("Fakty"), N_("Podstawa: faktów do dnia")
WORSE = N_("od tamtej pory wartość wyraźnie się pogorszyła")


class ShowUnlessNamed(TyperGroup):
    """`mlw risks GMINA` shows the flags; a subcommand's name (acknowledge) runs it."""

    default = "show"

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default, *args]
        return super().parse_args(ctx, args)


risks_app = typer.Typer(
    cls=ShowUnlessNamed,
    help="Risk flags: `mlw risks GMINA [--as-of …] [--details]` shows what was observed, why "
    "it matters and one step; `mlw risks acknowledge` records that the team has seen one.",
    no_args_is_help=True,
)


def flags_today(reg: Registry, gmina: str, on: Any = None) -> list[Flag]:
    with ReadModels(reg) as models:
        return CollaborationView(models).risks(reg.find_gmina(gmina), on)


def describe_flags(flags: list[Flag], lang: str, details: bool = False) -> str:
    _ = translator(lang)
    if not flags:
        return _("Brak sygnałów ryzyka.")
    blocks = []
    for number, f in enumerate(flags, 1):
        seen = f" · {_(SEEN)}" if f.seen else ""
        lines = [
            f"{number}. {f.text('title', lang)} · {_(f.severity_pl)}{seen}",
            f"   {f.text('sentence', lang)}",
            f"   {_(WHY)}: {f.text('why', lang)}",
        ]
        if f.text("step", lang):
            lines.append(f"   {_(STEP)}: {f.text('step', lang)}")
        if f.acknowledged is not None:
            a = f.acknowledged
            worse = "" if f.seen else f" – {_(WORSE)}"
            note = f"“{a.note}”" if lang == "en" else f"„{a.note}”"
            lines.append(f"   {_(SEEN_ON)} {a.on} ({a.by}): {note}{worse}")
        if details:
            lines += detail_lines(f, lang)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def detail_lines(f: Flag, lang: str) -> list[str]:
    _ = translator(lang)
    counts = ", ".join(f"{k} {v:g}" for k, v in f.counts.items())
    metric = _(METRICS.get(f.metric, f.metric))
    lines = [
        f"   {_(DETAILS)}: {f.rule} v{f.version} · {metric} = {f.value:g} "
        f"({_(THRESHOLD)} {f.threshold:g}) · {counts}",
    ]
    if f.previous_as_of is not None:
        then = _(NEW) if f.previous_value is None else f"{f.previous_value:g}"
        first = f" · {_(FIRST)}: {f.first_crossed}" if f.first_crossed else ""
        lines.append(f"   {_(BEFORE)} ({f.previous_as_of}): {then}{first}")
    if f.text("note", lang):
        lines.append(f"   {f.text('note', lang)}")
    if f.evidence:
        facts = ", ".join(
            f"{_(EVIDENCE_KINDS.get(e.kind, e.kind))} {e.id[:8]} ({e.on})" for e in f.evidence
        )
        lines.append(f"   {_(EVIDENCE)}: {facts}")
    lines.append(f"   {_(BASIS)} {f.as_of}: {f.facts} · SHA-256 {f.digest}")
    lines.append(f"   key: {f.key}")
    return lines


@risks_app.command("show", hidden=True)
def show(
    gmina: GminaArg,
    as_of: AsOfOpt = None,
    lang: LangOpt = "pl",
    details: DetailsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Risk flags of domination and exclusion, each in one sentence with its numbers."""
    flags = run(lambda reg: flags_today(reg, gmina, as_of), as_json)
    emit(flags, as_json, lambda fs: describe_flags(fs, lang, details))


FlagArg = Annotated[
    str,
    typer.Argument(
        help="The flag: its number in `mlw risks`, its key (`--details`) or its rule id."
    ),
]
NoteOpt = Annotated[str, typer.Option(help="What the team made of the flag (required).")]


@command(risks_app, "acknowledge", lambda a: f"Acknowledged: {a['flag']} ({a['id']})")
def acknowledge(
    desk: UndatedDesk, gmina: GminaId, flag: FlagArg, note: NoteOpt = ""
) -> dict[str, Any]:
    """Record that the team has seen a flag today, with a note; it stays shown, marked as seen."""
    with ReadModels(desk.app) as models:
        flags = CollaborationView(models).risks(gmina)
    chosen = flag_named(flags, flag)
    seen = desk.app.acknowledge_flag(
        gmina,
        flag_key=chosen.key,
        rule=chosen.rule,
        value=chosen.value,
        note=note,
        recorded_by=desk.by,
    )
    return {"id": seen, "flag": chosen.key}
