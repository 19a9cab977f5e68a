"""`mlw`: the registry's command line, an entry point of the outer layer like the web app.

It sits beside the HTTP app, so it imports the registry, the read models and the documents
directly. Each module holds one noun's commands; this file puts the whole tree together.
"""

from __future__ import annotations

import typer

from api.cli import (
    accounts,
    actions,
    attendance,
    backup,
    catalogue,
    documents,
    gmina,
    meetings,
    minutes,
    network,
    pact,
    resolutions,
    risks,
    team,
    workers,
)
from api.cli.support import guarded

app = typer.Typer(
    help="MLW Registry: local cooperation partnerships in Polish gminas.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(gmina.gmina_app, name="gmina")
app.add_typer(catalogue.stakeholder_app, name="stakeholder")
app.add_typer(pact.pact_app, name="pact")
app.add_typer(pact.commitment_app, name="commitment")
app.add_typer(pact.cooperation_app, name="cooperation")
app.add_typer(team.team_app, name="team")
app.add_typer(meetings.meeting_app, name="meeting")
app.add_typer(attendance.attendance_app, name="attendance")
app.add_typer(minutes.minutes_app, name="minutes")
minutes.minutes_app.add_typer(actions.commands)  # tasks are written in the minutes
app.add_typer(resolutions.resolution_app, name="resolution")
app.add_typer(team.entity_app, name="entity")
app.add_typer(documents.doc_app, name="doc")
app.add_typer(gmina.person_app, name="person")
app.add_typer(accounts.account_app, name="account")
app.add_typer(risks.risks_app, name="risks")
# Commands without a group: history, demo, serve, where; catalogue; backup, restore;
# network, export, timeline; init-db, worker, generate-national. (`risks` is a group whose
# default command shows the flags.)
for top_level in (gmina, catalogue, backup, network, workers):
    app.add_typer(top_level.commands)


def main() -> None:
    """The console script `mlw`."""
    guarded(app)
