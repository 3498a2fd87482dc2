"""File > Export model… and Import model…: a capability model as a workbook or JSON, and back.

Export writes the chosen model (the open project's, or one picked in the Capability models
dialog) as the model workbook (.xlsx) or its JSON. Import reads a workbook or JSON, shows every
problem with its sheet, row and column (nothing saved), or the changes against the model it came
from and asks before saving it into the model folder as a new version. The open project is never
touched: a new project uses the imported model through New.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from planner.model.capmodel import CapabilityModel

__all__ = ["PROBLEMS_SHOWN", "export_model", "import_model"]

_FILTER = "Model workbook (*.xlsx);;Model file (*.json)"
#: How many problems the message lists (the rest are counted).
PROBLEMS_SHOWN = 25


def export_model(parent: QWidget, model: CapabilityModel) -> Path | None:
    """Ask where to write ``model`` and write it; return the file (``None``: cancelled or failed)."""
    from planner.storage.atomic import describe_os_error, write_atomic

    name, chosen = QFileDialog.getSaveFileName(parent, "Export model", str(Path.home() / f"{model.id}.xlsx"), _FILTER)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".json"):
        path = path.with_name(path.name + (".json" if "json" in chosen else ".xlsx"))
    if path.suffix.lower() == ".json":
        from planner.storage.jsonio import dumps_bytes

        data = dumps_bytes(dict(model.document))
    else:
        from exports.modelbook.write import model_workbook_bytes

        data = model_workbook_bytes(model)
    try:
        write_atomic(path, data)
    except OSError as exc:
        QMessageBox.warning(parent, "Export model", f"{path.name}: {describe_os_error(exc)}")
        return None
    QMessageBox.information(parent, "Export model", f"Wrote {path.name}: {model.name}, version {model.revision}.")
    return path


def _read(path: Path) -> tuple[dict[str, object], CapabilityModel | None, list[str], tuple[str, int] | None]:
    """Read a workbook or JSON model: (document, model or None, problems, the model it came from)."""
    if path.suffix.lower() == ".xlsx":
        from exports.modelbook.read import BookRefused, read_model_workbook

        try:
            read = read_model_workbook(path)
        except BookRefused as exc:
            return {}, None, [str(exc)], None
        return read.document, read.model, [str(p) for p in read.problems], read.origin
    from planner.storage.errors import ProjectFileError
    from planner.storage.models import load_model_file

    try:
        model = load_model_file(path)
    except ProjectFileError as exc:
        return {}, None, list(exc.problems), None
    return dict(model.document), model, [], None


def import_model(parent: QWidget, path: Path | None = None) -> Path | None:
    """Ask for a workbook or JSON model, check it, show the changes and save it as a new version."""
    from planner.model.modeldiff import model_changes
    from planner.storage.errors import ProjectFileError
    from planner.storage.modellib import import_base, save_own_model

    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, "Import model", str(Path.home()), _FILTER)
        if not name:
            return None
        path = Path(name)
    document, model, problems, origin = _read(path)
    if model is None:
        shown = "\n".join(problems[:PROBLEMS_SHOWN])
        more = f"\n… and {len(problems) - PROBLEMS_SHOWN} more." if len(problems) > PROBLEMS_SHOWN else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        QMessageBox.warning(parent, "Import model", f"{path.name}: {count}; nothing was saved.\n\n{shown}{more}")
        return None
    base = import_base(model, origin)
    if base is not None and base.model is not None:
        changes = model_changes(base.model, model)
        if not changes:
            QMessageBox.information(parent, "Import model", f"No change against {base.label}: nothing was saved.")
            return None
        summary = f"Changes against {base.label}:\n\n" + "\n".join(changes)
    else:
        summary = f"A new model: {model.name} ({model.id}), {len(model.capabilities)} capabilities."
    answer = QMessageBox.question(
        parent, "Import model", f"{summary}\n\nSave it into your model folder as a new version?"
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        saved_path, saved = save_own_model(dict(document))
    except ProjectFileError as exc:
        QMessageBox.warning(parent, "Import model", str(exc))
        return None
    QMessageBox.information(
        parent,
        "Import model",
        f"Saved {saved.name} as version {saved.revision}. File > New project offers it.",
    )
    return saved_path
