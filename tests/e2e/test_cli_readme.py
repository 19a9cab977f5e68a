"""The README's `mlw` examples name commands and options the command line has."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import typer

from api.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[str]:
    """Every `mlw …` line of the README's shell examples, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [re.split(r"\s#\s", line)[0].strip() for line in lines if line.startswith("mlw ")]


def options_of(command: Any) -> set[str]:
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}


def check(command: Any, words: list[str], line: str) -> None:
    """Follow the words down the command tree (a|b names each of them), then the options."""
    if words and hasattr(command, "commands") and not words[0].startswith("-"):
        if words[0] not in command.commands and hasattr(command, "default"):
            words = [command.default, *words]  # a group whose default command takes the word
        for name in words[0].split("|"):
            assert name in command.commands, f"{line}: no command {name!r}"
            check(command.commands[name], words[1:], line)
        return
    given = {w.strip("[]").split("=")[0] for w in words if w.strip("[]").startswith("-")}
    for option in given:
        assert option in options_of(command), f"{line}: no option {option}"
    if "…" not in line and "..." not in line:  # a whole example: its required options too
        for param in command.params:
            if isinstance(param, typer.core.TyperOption) and param.required and not param.prompt:
                assert given & set(param.opts), f"{line}: {param.opts[0]} is required"


def test_every_command_and_option_in_the_readme_exists() -> None:
    root = typer.main.get_command(app)
    lines = readme_commands()
    assert len(lines) > 40
    for line in lines:
        check(root, shlex.split(line)[1:], line)
