"""The README's examples stay true: its example output is what the command prints."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"<!-- readme-example: (.+?) -->\n```json\n(.+?)\n```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    return EXAMPLE.findall(README.read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    assert examples()


@pytest.mark.model
@pytest.mark.parametrize(("command", "shown"), examples())
def test_readme_example_output_is_current(command: str, shown: str) -> None:
    result = CliRunner().invoke(app, shlex.split(command))
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert first == json.loads(shown), "update the README example from the real output"
