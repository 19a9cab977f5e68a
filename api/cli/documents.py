"""`mlw doc`: the pact, minutes, attendance lists, resolutions and the catalogue as files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.options import ByOpt, JsonOpt
from api.cli.support import emit, recorder, run
from domain.document import DocumentKind
from projections.documents.build import build_document
from projections.documents.issue import issue
from projections.documents.render import FORMATS, render
from projections.documents.verify import Verdict, verify_file
from registry.application import Registry
from registry.documents import IssuedDocumentView

doc_app = typer.Typer(help="Documents to sign, file and publish (HTML, PDF, DOCX).")

GminaOpt = Annotated[str, typer.Option("--gmina", help="TERC code, id or name of the gmina.")]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="YYYY-MM-DD, or 'signed' (pact), 'approved' (minutes)."),
]
FormatOpt = Annotated[str, typer.Option("--format", help="html, pdf or docx.")]
LangOpt = Annotated[str, typer.Option("--lang", help="pl or en.")]
PublicOpt = Annotated[
    bool, typer.Option("--public", help="Without natural persons' personal data (BIP).")
]
OutOpt = Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")]
DraftOpt = Annotated[
    bool, typer.Option("--draft", help="Do not record the copy as issued (a preview).")
]
MeetingOpt = Annotated[
    str | None,
    typer.Option("--meeting", help="Minutes, attendance: date, id or 'zsl 2/2026'."),
]
ResolutionOpt = Annotated[
    str | None, typer.Option("--resolution", help="Resolution: its number, e.g. 3/2026.")
]

# What each kind of document is, and the option that says which one where a gmina has many.
KINDS = {
    DocumentKind.PACT: (
        "The Pact for the MLW: parties, theses, commitments, coordination, signatures.",
        None,
    ),
    DocumentKind.MINUTES: (
        "The minutes of a meeting (``--as-of approved``: as they were approved).",
        "--meeting",
    ),
    DocumentKind.ATTENDANCE: (
        "The attendance list of a meeting, with signature fields.",
        "--meeting",
    ),
    DocumentKind.RESOLUTION: ("A resolution of the Local Synergy Team.", "--resolution"),
    DocumentKind.CATALOGUE: ("The catalogue of local stakeholders, grouped by sector.", None),
    DocumentKind.ANALYSIS: (
        "The Local Synergy Team's analysis (stage 5): findings, the entity chosen and why.",
        None,
    ),
}


def document(
    ctx: typer.Context,
    gmina: GminaOpt,
    meeting: MeetingOpt = None,
    resolution: ResolutionOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = "html",
    lang: LangOpt = "pl",
    public: PublicOpt = False,
    out: OutOpt = None,
    draft: DraftOpt = False,
    by: ByOpt = None,
) -> None:
    """`mlw doc KIND`: one command for every kind of document, the kind being its name."""
    kind = DocumentKind(ctx.info_name)
    which = KINDS[kind][1]
    given = {"--meeting": meeting, "--resolution": resolution}
    for option, value in given.items():
        if value is not None and option != which:  # as if the kind had no such option
            ctx.fail(f"No such option: {option}")
    subject = given.get(which or "") or ""
    if which and not subject:
        ctx.fail(f"Missing option '{which}'.")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of: {', '.join(FORMATS)}", param_hint="--format")

    def act(reg: Registry) -> Any:
        built = build_document(
            reg, kind, reg.find_gmina(gmina), subject=subject, as_of=as_of, lang=lang, public=public
        )
        rendered = render(built, fmt)
        if not draft:
            issue(reg, built, fmt, recorder(by), rendered.content)
        return built, rendered

    built, rendered = run(act)
    if out is None:
        sys.stdout.buffer.write(rendered.content)
        return
    out.write_bytes(rendered.content)
    p = built.provenance
    typer.echo(f"{out}: {p.kind}, {p.gmina}, as of {p.as_of}, SHA-256 {built.digest}", err=True)


for doc_kind, (about, _) in KINDS.items():
    doc_app.command(doc_kind.value, help=about)(document)


@doc_app.command("verify")
def verify(
    ref: Annotated[str, typer.Argument(help="A generated file, or a SHA-256 digest.")],
    as_json: JsonOpt = False,
) -> None:
    """Whether a file is an issued copy, unchanged (exit code 1 if not); or what a digest is."""
    path = Path(ref)
    if not path.is_file():
        emit(run(lambda reg: reg.verify_document(ref), as_json), as_json, describe_issued)
        return
    content = path.read_bytes()
    verdict: Verdict = run(lambda reg: verify_file(reg, content, str(path)), as_json)
    emit(verdict, as_json, describe_verdict)
    if not verdict.genuine:
        raise typer.Exit(code=1)


def describe_issued(d: IssuedDocumentView) -> str:
    return (
        f"Issued: {d.title} – {d.gmina_name}, as of {d.as_of} ({d.variant}, {d.lang})\n"
        f"  digest: {d.digest}\n"
        f"  built from: {d.built_from}\n"
        + "\n".join(
            f"  copy: {c.format}, issued {c.issued_on} by {c.issued_by}"
            + (f", SHA-256 {c.file_digest}" if c.file_digest else "")
            for c in d.copies
        )
    )


def describe_verdict(v: Verdict) -> str:
    if v.genuine and v.copy is not None:
        return (
            f"Genuine: the {v.copy.format} copy issued {v.copy.issued_on} "
            f"by {v.copy.issued_by}.\n" + describe_issued(v.document)
        )
    return (
        f"NOT GENUINE: this {v.format} file is not a copy issued from the registry.\n"
        f"  It claims to be: {v.document.title} – {v.document.gmina_name}, "
        f"as of {v.document.as_of}\n"
        f"  issued digest: {v.document.digest}\n"
        f"  file's SHA-256: {v.file_digest}\n" + "\n".join(f"  {d}" for d in v.differences)
    )
