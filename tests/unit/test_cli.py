"""The command line, run as a user runs it: a real process, real files, exit codes and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.scoring import score_project
from planner.storage.projectfile import load_project, save_project
from tests.factories import scored_project


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_version_and_models() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == "planner 0.1.0"
    out = run("models")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["NAME", "ID", "VERSION", "SOURCE", "CAPABILITIES"]
    assert lines[1].split()[-4:] == ["finops-2026", "2", "bundled", "22"]
    assert "(default)" in lines[1]


def test_new_then_validate_then_summary(tmp_path: Path) -> None:
    path = tmp_path / "acme.roadmap"
    out = run("new", "-o", path, "--client", "Acme Zoë 東京")
    assert out.returncode == 0, out.stderr
    assert "Created" in out.stdout
    project = load_project(path)
    assert project.engagement.client == "Acme Zoë 東京"
    assert project.model.id == "finops-2026"
    assert [p.id for p in project.roadmap.phases] == ["crawl", "walk", "run"]
    assert run("validate", path).returncode == 0
    again = run("new", "-o", path, "--client", "Other")
    assert again.returncode == 2
    assert again.stderr.strip() == "planner: acme.roadmap: the file already exists (use --force to overwrite it)"
    assert load_project(path).engagement.client == "Acme Zoë 東京"


def test_new_with_unknown_model(tmp_path: Path) -> None:
    out = run("new", "-o", tmp_path / "x.roadmap", "--client", "A", "--model", "itil-9")
    assert out.returncode == 2
    assert "no model 'itil-9' (available: finops-2025, finops-2026" in out.stderr
    assert not (tmp_path / "x.roadmap").exists()


def test_summary_json_matches_the_scoring_module(model: CapabilityModel, tmp_path: Path) -> None:
    project = scored_project(model)
    path = tmp_path / "n.roadmap"
    save_project(project, path)
    out = run("summary", path, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    card = score_project(model, project.assessment)
    assert data["client"] == "Northwind Retail"
    assert data["model"] == "finops-2026"
    assert data["overall"] == {"score": card.overall.score, "level": card.overall.level}
    assert [d["id"] for d in data["domains"]] == ["understand", "quantify", "optimize", "manage"]
    assert [d["score"] for d in data["domains"]] == [d.score for d in card.domains]
    caps = {c["id"]: c for c in data["capabilities"]}
    assert len(caps) == 22
    assert set(caps["allocation"]) == {"id", "domain", "applicable", "score", "level", "target", "gap", "complete"}
    assert caps["allocation"]["score"] == card.capabilities["allocation"].score
    assert caps["sustainability"]["applicable"] is False
    assert caps["sustainability"]["score"] is None
    assert caps["licensing-saas"]["complete"] is False
    text = run("summary", path)
    assert text.returncode == 0
    assert "Northwind Retail" in text.stdout
    assert "Overall" in text.stdout
    assert "[incomplete]" in text.stdout


@pytest.mark.parametrize("command", ["validate", "summary"])
def test_bad_file_gives_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    path = tmp_path / "broken.roadmap"
    path.write_text('{"format": "finops-roadmap-planner", "schema_version": 1, "model": ', encoding="utf-8")
    out = run(command, path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "broken.roadmap" in lines[0]
    assert "truncated" in lines[0]
    assert "Traceback" not in out.stderr


def test_validate_lists_every_problem(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    save_project(scored_project(model), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["assessment"]["capabilities"]["allocation"]["lenses"]["process"] = 7
    doc["assessment"]["capabilities"]["budgeting"]["importance"] = 0
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run("validate", path)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "p.roadmap: assessment.capabilities.allocation.lenses.process: must be from 0 to 4, not 7",
        "p.roadmap: assessment.capabilities.budgeting.importance: must be from 1 to 5, not 0",
    ]


def test_usage_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    for args in (["summary"], ["new", "--client", "x"], ["frobnicate", "--now"], [str(tmp_path / "gone.roadmap")]):
        out = run(*args)
        assert out.returncode == 2, args
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert "Traceback" not in out.stderr


def test_internal_error_says_where_the_log_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner import cli
    from planner.cli import models

    def boom(ns: object) -> int:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(models, "cmd_models", boom)
    code = cli.main(["models"])
    assert code == 1
    from planner.logsetup import log_path

    assert "internal error" in log_path().read_text(encoding="utf-8")


def test_reader_leaving_early_is_not_an_error(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "n.roadmap"
    project = scored_project(model)
    project.roadmap.scope = "full"  # every library item: a long output
    save_project(project, path)
    assert run("roadmap", path, "--regenerate").returncode == 0
    assert len(run("roadmap", path, "--json").stdout) > 80_000  # more than a pipe buffer (64 KiB) holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "planner", "roadmap", str(path), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert proc.stdout is not None
    assert proc.stdout.read(1) == b"{"
    proc.stdout.close()  # like `| head -c 1`
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -13)  # done, or killed by SIGPIPE before Python saw it
    assert b"internal error" not in err
    assert b"Traceback" not in err


def test_a_missing_app_module_is_an_internal_error_not_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner import cli

    monkeypatch.setitem(sys.modules, "planner.ui.app", None)  # import fails as if the module were not built
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert "internal error (ModuleNotFoundError)" in err
    assert "usage:" not in err


def test_every_subcommand_module_is_on_the_parser() -> None:
    from planner.cli.parser import build_parser, command_names

    assert command_names(build_parser()) == {
        "models",
        "model",
        "new",
        "validate",
        "summary",
        "roadmap",
        "compare",
        "upgrade",
        "export",
        "questionnaire",
        "import",
        "demo",
    }


def test_new_force_keeps_the_old_file_and_never_writes_over_an_open_project(tmp_path: Path) -> None:
    from planner.storage.lock import ProjectLock

    path = tmp_path / "acme.roadmap"
    assert run("new", "-o", path, "--client", "First").returncode == 0
    first = path.read_bytes()
    with ProjectLock.acquire(path):  # as the app holds it while the project is open
        out = run("new", "-o", path, "--client", "Second", "--force")
        assert out.returncode == 2
        assert out.stderr.startswith("planner: acme.roadmap: it is already open")
        assert "read-only" not in out.stderr and "copy" not in out.stderr  # nothing the command line can do
    assert path.read_bytes() == first
    assert run("new", "-o", path, "--client", "Second", "--force").returncode == 0
    assert load_project(path).engagement.client == "Second"
    assert path.with_name("acme.roadmap.bak").read_bytes() == first


def test_new_refuses_a_client_name_the_file_could_not_hold(tmp_path: Path) -> None:
    path = tmp_path / "long.roadmap"
    out = run("new", "-o", path, "--client", "A" * 501)
    assert out.returncode == 2
    assert "could not be opened again: engagement.client" in out.stderr
    assert not path.exists()
