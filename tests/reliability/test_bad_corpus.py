"""Every file of the bad-file corpus is refused with one plain line, through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import check_project_file, load_project
from tests.reliability.helpers import BAD, REPO, assert_plain_message, corpus_module, listing

INDEX: dict[str, str] = json.loads((BAD / "index.json").read_text(encoding="utf-8"))


def run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )


def assert_refused_by_cli(path: Path, fragment: str) -> None:
    """``validate`` and ``summary`` both exit 2 with exactly one stderr line naming the file."""
    runs = {command: run_cli(command, str(path)) for command in ("validate", "summary")}
    for command, child in runs.items():
        out, err = child.communicate(timeout=60)
        assert child.returncode == 2, (command, child.returncode, err)
        lines = err.splitlines()
        assert len(lines) == 1, (command, err)
        line = lines[0].removeprefix("planner: ")  # how the command line signs its usage errors
        assert_plain_message(line, path.name)
        assert fragment in line, (command, line)
        assert "Traceback" not in out + err
        assert out == "", (command, out)


def test_the_corpus_is_large_and_the_index_lists_exactly_its_files() -> None:
    files = [n for n in listing(BAD) if n not in ("index.json", ".gitattributes")]
    assert sorted(INDEX) == files
    assert len(INDEX) >= 30


def test_the_committed_corpus_is_what_the_script_builds(tmp_path: Path) -> None:
    index = corpus_module().build(tmp_path / "bad")
    assert index == INDEX
    for name in INDEX:
        built, committed = tmp_path / "bad" / name, BAD / name
        if committed.is_dir():
            assert built.is_dir()
        else:
            assert built.read_bytes() == committed.read_bytes(), f"{name}: run tests/data/make_bad_corpus.py"


def test_the_base_the_corpus_derives_from_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "base.roadmap"
    path.write_bytes(corpus_module().base_bytes())
    project = load_project(path)
    assert project.engagement.client == "Northwind Retail"
    assert check_project_file(path) == []


@pytest.mark.parametrize("name", sorted(INDEX))
def test_bad_file_is_refused_by_validate_and_summary(name: str) -> None:
    assert_refused_by_cli(BAD / name, INDEX[name])


@pytest.mark.parametrize("name", sorted(INDEX))
def test_bad_file_raises_only_the_project_file_error(name: str) -> None:
    with pytest.raises(ProjectFileError) as caught:
        load_project(BAD / name)
    assert_plain_message(str(caught.value), name)
    assert INDEX[name] in str(caught.value)
    assert caught.value.__cause__ is None  # raised "from None": nothing internal leaks into logs or dialogs


def test_oversized_file_is_refused_without_being_read(tmp_path: Path) -> None:
    corpus = corpus_module()
    path = corpus.write_oversized(tmp_path / corpus.OVERSIZED_NAME)
    assert path.stat().st_size > 20 * 1024 * 1024
    assert_refused_by_cli(path, corpus.OVERSIZED_FRAGMENT)
    with pytest.raises(ProjectFileError, match=r"the limit is 20 MB"):
        load_project(path)
