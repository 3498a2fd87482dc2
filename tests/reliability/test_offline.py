"""Offline by construction and by observation; logs free of client text.

Three levels: a static scan of every module for network imports; the whole flow run under an
audit hook that refuses any socket or URL event; the log folder searched for the client's name and
notes after the flow and after an internal error.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.reliability import offline_flow
from tests.reliability.helpers import REPO

SOURCE_ROOTS = ("planner", "exports")
BANNED_MODULES = {
    "socket",
    "ssl",
    "socketserver",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "websockets",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebSockets",
    "PySide6.QtWebChannel",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
}


def _modules() -> list[Path]:
    return sorted(p for root in SOURCE_ROOTS for p in (REPO / root).rglob("*.py"))


def _imported_names(tree: ast.AST) -> set[str]:
    """Every module a file imports, with ``from X import Y`` giving both ``X`` and ``X.Y``."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            names.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return names


def _banned(name: str) -> bool:
    return any(name == b or name.startswith(b + ".") for b in BANNED_MODULES)


def test_the_scan_sees_every_kind_of_import() -> None:
    sample = ast.parse(
        "import socket\nfrom urllib import request\nfrom PySide6 import QtNetwork\n"
        "def f():\n    import requests\n    importlib.import_module('http.client')\n"
    )
    found = {n for n in _imported_names(sample) if _banned(n)}
    assert found == {"socket", "urllib.request", "PySide6.QtNetwork", "requests", "http.client"}


def test_no_module_imports_network_code() -> None:
    modules = _modules()
    assert len(modules) > 20
    offenders = {
        str(path.relative_to(REPO)): sorted(n for n in _imported_names(ast.parse(path.read_bytes())) if _banned(n))
        for path in modules
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def run_flow(mode: str, folder: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen", "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, "-m", "tests.reliability.offline_flow", mode, str(folder)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_audit_hook_catches_a_connection(tmp_path: Path) -> None:
    """The hook is not decorative: a real connection attempt in the same set-up is caught."""
    code = (
        "import sys\nfrom tests.reliability import offline_flow as f\nsys.addaudithook(f._hook)\n"
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
        "sys.exit(3 if f._seen else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 3
    assert "NETWORK socket." in done.stderr


def assert_no_client_text_in_logs(data: Path) -> None:
    logs = list((data / "logs").rglob("*")) if (data / "logs").exists() else []
    for path in [p for p in logs if p.is_file()]:
        text = path.read_bytes().decode("utf-8", "replace")
        for secret in (offline_flow.CLIENT, "Quillfeather", "Qwertzuiop", "Jabberwock", "Plughwidget"):
            assert secret not in text, f"{path.name} contains client text {secret!r}"


def test_the_whole_flow_opens_no_socket_and_logs_no_client_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_flow("cli", tmp_path, data)
    assert "NETWORK" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert "FLOW DONE" in done.stdout
    assert (tmp_path / "engagement.roadmap").exists()
    assert (data / "logs" / "planner.log").exists()  # the log was set up, so the search below means something
    assert_no_client_text_in_logs(data)


def test_the_desktop_smoke_test_opens_no_socket_and_logs_no_client_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_flow("smoke", tmp_path, data)
    assert "NETWORK" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FLOW DONE" in done.stdout
    assert_no_client_text_in_logs(data)


def test_an_internal_error_quoting_client_text_keeps_it_out_of_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_flow("crash", tmp_path, data)
    assert "EXIT 1" in done.stdout, done.stdout + done.stderr
    assert "internal error (ValueError)" in done.stderr
    assert "Traceback" not in done.stderr
    log = (data / "logs" / "planner.log").read_text(encoding="utf-8")
    assert "ValueError" in log  # the failure itself is logged ...
    assert_no_client_text_in_logs(data)  # ... but not what it quoted
