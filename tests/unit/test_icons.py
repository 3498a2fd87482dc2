"""The platform icons exist, are valid, and are the ones build.spec insists on."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    with Image.open(ICONS / "app.ico") as image:
        assert image.format == "ICO"
        sizes = image.info["sizes"]
        image.load()
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)


def test_the_macos_icon_opens_with_retina_sizes() -> None:
    with Image.open(ICONS / "app.icns") as image:
        assert image.format == "ICNS"
        image.load()
        assert image.size == (1024, 1024)  # the largest entry: 512 pt at 2x
        sizes = image.info["sizes"]
    assert {(128, 128, 1), (256, 256, 1), (512, 512, 1), (512, 512, 2)} <= set(sizes)


def _spec_icon_block() -> ast.Module:
    """The top-level statements of build.spec from ``ICONS = ...`` to the ``if`` that picks the icon."""
    body = ast.parse((REPO / "build.spec").read_text(encoding="utf-8")).body
    names = [ast.unparse(n.targets[0]) if isinstance(n, ast.Assign) else "" for n in body]
    first = names.index("ICONS")
    last = next(i for i, n in enumerate(body) if isinstance(n, ast.If) and "PLATFORM_ICONS" in ast.unparse(n.test))
    return ast.Module(body=body[first : last + 1], type_ignores=[])


def _pick_icon(root: Path, platform: str) -> str | None:
    """Run the spec's icon choice for ``platform`` on a checkout at ``root``; return the icon."""
    namespace: dict[str, object] = {"ROOT": root, "sys": SimpleNamespace(platform=platform)}
    exec(compile(_spec_icon_block(), "build.spec", "exec"), namespace)  # noqa: S102  (our own spec)
    icon = namespace["icon"]
    assert icon is None or isinstance(icon, str)
    return icon


def test_the_spec_uses_the_platform_icon() -> None:
    assert _pick_icon(REPO, "win32") == str(ICONS / "app.ico")
    assert _pick_icon(REPO, "darwin") == str(ICONS / "app.icns")
    assert _pick_icon(REPO, "linux") is None  # Qt sets the window icon from planner.svg


@pytest.mark.parametrize(("platform", "name"), [("win32", "app.ico"), ("darwin", "app.icns")])
def test_the_spec_refuses_to_build_without_the_platform_icon(tmp_path: Path, platform: str, name: str) -> None:
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    with pytest.raises(SystemExit, match=name):
        _pick_icon(tmp_path, platform)
    assert _pick_icon(tmp_path, "linux") is None
