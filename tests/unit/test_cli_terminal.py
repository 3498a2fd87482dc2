"""Terminal output is safe: escape sequences in a project file are shown, never obeyed by the terminal.

Every subcommand runs as a real process; the checks read the raw bytes of stdout and stderr.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli.terminal import SafeStream, escape_controls
from planner.model.capmodel import CapabilityModel
from planner.storage.projectfile import save_project
from tests.factories import scored_project

#: Retitle the terminal, clear the screen, an 8-bit CSI, a carriage return, a bidi override.
RETITLE, CLEAR, CSI8, CR, RLO = "\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\r", "\u202e"
EVIL = f"Acme{RETITLE}{CLEAR}{CSI8}{CR}Evil{RLO}txt.exe"
#: Byte sequences a terminal acts on: ESC, BEL, CR, backspace, DEL, C1 CSI and NEL, bidi override.
FORBIDDEN = (b"\x1b", b"\x07", b"\r", b"\x08", b"\x7f", b"\xc2\x9b", b"\xc2\x85", b"\xe2\x80\xae")


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, timeout=60)


def assert_safe(raw: bytes) -> None:
    for seq in FORBIDDEN:
        assert seq not in raw, (seq, raw[:300])


@pytest.fixture
def evil_file(model: CapabilityModel, tmp_path: Path) -> Path:
    project = scored_project(model, client=EVIL)
    project.engagement.summary = EVIL
    project.assessment.capabilities["allocation"].notes = EVIL
    assert project.roadmap.initiatives, "the factory's project has a roadmap"
    for item in project.roadmap.initiatives:
        item.title = f"Step {CLEAR}{CSI8}{CR}\x08\x7f\x85 {item.title}"
        item.owner = RETITLE
    path = tmp_path / "evil.roadmap"
    save_project(project, path)
    return path


def test_escape_controls_shows_every_control_visibly() -> None:
    assert escape_controls("a\x1b[2Jb") == "a\\u001b[2Jb"
    assert escape_controls(RETITLE) == "\\u001b]0;pwned\\u0007"
    assert escape_controls("x\x9b31m\x7f\r\u202e\u2066\u2028") == "x\\u009b31m\\u007f\\u000d\\u202e\\u2066\\u2028"
    assert escape_controls("line\n\ttabbed Zoë 東京 😀 \u00a0") == "line\n\ttabbed Zoë 東京 😀 \u00a0"


def test_the_stream_counts_what_it_was_given() -> None:
    target = io.StringIO()
    stream = SafeStream(target)
    assert stream.write("a\x1bb\n") == 4
    assert target.getvalue() == "a\\u001bb\n"


@pytest.mark.parametrize("command", [["summary"], ["roadmap"], ["validate"], ["export", "--xlsx", "X"]])
def test_text_output_escapes_control_characters(evil_file: Path, command: list[str]) -> None:
    args = [command[0], evil_file, *[evil_file.with_suffix(".xlsx") if a == "X" else a for a in command[1:]]]
    out = run(*args)
    assert out.returncode == 0, out.stderr
    assert_safe(out.stdout)
    assert_safe(out.stderr)
    if command[0] in ("summary", "roadmap"):
        text = out.stdout.decode("utf-8")
        assert "\\u001b]0;pwned\\u0007" in text
    if command[0] == "roadmap":
        assert "\\u001b[2J\\u009b31m\\u000d\\u0008\\u007f\\u0085" in out.stdout.decode("utf-8")


@pytest.mark.parametrize("command", ["summary", "roadmap"])
def test_json_output_stays_valid_and_exact(evil_file: Path, command: str) -> None:
    out = run(command, evil_file, "--json")
    assert out.returncode == 0, out.stderr
    assert_safe(out.stdout)
    data = json.loads(out.stdout)
    if command == "summary":
        assert data["client"] == EVIL
    else:
        assert data["initiatives"][0]["owner"] == RETITLE
        assert data["initiatives"][0]["title"].startswith(f"Step {CLEAR}{CSI8}{CR}\x08\x7f\x85 ")


def test_file_names_in_errors_are_escaped(tmp_path: Path) -> None:
    """A file name is text from elsewhere too: a missing or damaged file is named safely."""
    missing = tmp_path / f"gone{CLEAR}{RETITLE}.roadmap"
    for command in ("summary", "roadmap", "validate"):
        out = run(command, missing)
        assert out.returncode == 2
        assert_safe(out.stderr)
        assert "\\u001b[2J" in out.stderr.decode("utf-8")
    damaged = tmp_path / f"bad{CSI8}.roadmap"
    damaged.write_text('{"format": "finops-roadmap-planner", "schema_version": 1, "engagement": {"client": 5}')
    out = run("validate", damaged)
    assert out.returncode == 2
    assert_safe(out.stderr)
    assert "bad\\u009b31m.roadmap" in out.stderr.decode("utf-8")


def test_usage_errors_from_argparse_are_escaped() -> None:
    out = run("summary", "a.roadmap", f"--{CLEAR}")
    assert out.returncode == 2
    assert_safe(out.stderr)
    assert b"\\u001b[2J" in out.stderr


def test_new_echoes_the_client_name_safely(tmp_path: Path) -> None:
    out = run("new", "-o", tmp_path / "n.roadmap", "--client", EVIL)
    assert out.returncode == 0, out.stderr
    assert_safe(out.stdout)
    assert "\\u001b]0;pwned\\u0007" in out.stdout.decode("utf-8")
