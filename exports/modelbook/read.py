"""Read a model workbook back into a model document, with every problem at its sheet, row and column.

:func:`read_model_workbook` looks at the file first (:mod:`exports.modelbook.zipguard`), opens it
with openpyxl (values only; formulas are refused cell by cell), turns the sheets into a model
document and validates it with the same loader as every model
(:func:`planner.model.modelload.model_from_document`). The loader's problems name places in the
document (``domains[2].capabilities[0].initiatives[3].requires[0]``); the reader remembers where
each part of the document came from and reports the problem there instead:
``Initiatives, row 41, column 'Requires': requires unknown initiative 'x'``. Quality findings of
:mod:`planner.model.modelcheck` (core coverage, dependencies named in the text) come back as notes:
they do not stop an import.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exports.modelbook.cells import BookProblem, Place, SheetRows, read_rows
from exports.modelbook.layout import (
    CAPABILITIES,
    COLUMNS,
    DOMAINS,
    INITIATIVES,
    KEPT,
    KPIS,
    LENSES,
    LEVEL_TEXTS,
    LEVELS,
    MODEL,
    MODEL_FIELDS,
    ORIGIN,
    PERSONAS,
    QUESTIONS,
    SHEETS,
    TOP_LEVEL_SHOWN,
    split_list,
)
from exports.modelbook.zipguard import BookRefused, check_zip
from planner.model.capmodel import CapabilityModel
from planner.model.modelcheck import library_findings
from planner.model.modelload import MODEL_FORMAT, ModelError, model_from_document

__all__ = ["BookRead", "BookRefused", "read_model_workbook"]

_KEPT_MAX = 5 * 1024 * 1024


@dataclass
class BookRead:
    """What reading a workbook gave: the model (when valid), its document, problems and notes."""

    document: dict[str, Any]
    model: CapabilityModel | None = None
    problems: list[BookProblem] = field(default_factory=list)
    notes: list[BookProblem] = field(default_factory=list)
    #: (id, version) of the model the workbook was exported from, when it says so.
    origin: tuple[str, int] | None = None


class _Builder:
    """Builds the document from the sheets and remembers the place of every part."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.problems: list[BookProblem] = []
        self.where: dict[str, Place] = {}
        self.doc: dict[str, Any] = {"format": MODEL_FORMAT}
        self.caps: dict[str, dict[str, Any]] = {}
        self.cap_paths: dict[str, str] = {}
        self.level_ids: list[str] = []
        self.origin: tuple[str, int] | None = None

    def sheet(self, title: str) -> SheetRows:
        """Read a table sheet (a missing sheet is a problem and reads as no rows)."""
        if title not in self.book.sheetnames:
            self.problems.append(BookProblem(Place(title), "the sheet is missing (was it renamed or deleted?)"))
            return SheetRows(title, {f: h for f, h, _w in COLUMNS[title]}, problems=self.problems)
        rows = read_rows(self.book[title], title, COLUMNS[title])
        self.problems.extend(rows.problems)
        rows.problems = self.problems  # later cell problems go straight into the one list
        return rows

    def at(self, path: str, rows: SheetRows, row: int, field_name: str | None = None) -> None:
        self.where[path] = rows.place(row, field_name)

    def fields(
        self, path: str, rows: SheetRows, row: int, cells: dict[str, Any], names: tuple[str, ...]
    ) -> dict[str, Any]:
        self.at(path, rows, row)
        item: dict[str, Any] = {}
        for name in names:
            item[name] = rows.text(row, cells, name)
            self.at(f"{path}.{name}", rows, row, name)
        return item

    def build(self) -> dict[str, Any]:
        self._model_sheet()
        self._levels()
        self._lenses()
        self._personas()
        self._domains_and_capabilities()
        self._level_texts()
        self._kpis_and_questions()
        self._initiatives()
        self._kept()
        return self.doc

    def _model_sheet(self) -> None:
        if MODEL not in self.book.sheetnames:
            self.problems.append(BookProblem(Place(MODEL), "the sheet is missing (was it renamed or deleted?)"))
            return
        labels = {label.casefold(): path for path, label in MODEL_FIELDS}
        rows = read_rows(self.book[MODEL], MODEL, (("field", "Field", 0), ("value", "Value", 0)))
        self.problems.extend(rows.problems)
        rows.problems = self.problems
        attribution: dict[str, Any] = {}
        for row, cells in rows.rows:
            label = rows.text(row, cells, "field").strip().casefold()
            path = labels.get(label)
            if path is None:
                continue
            self.where[path] = rows.place(row, "value")
            if path == "revision":
                number = rows.number(row, cells, "value", whole=True)
                self.doc["revision"] = number if number is not None else 1
            elif path.startswith("attribution."):
                text = rows.text(row, cells, "value")
                if text or path == "attribution.text":
                    attribution[path.partition(".")[2]] = text
            else:
                self.doc[path] = rows.text(row, cells, "value")
        self.doc["attribution"] = attribution
        self.where.setdefault("attribution", Place(MODEL))
        for path, _label in MODEL_FIELDS:
            if path not in self.where:
                self.where[path] = Place(MODEL, None, _label)

    def _levels(self) -> None:
        rows = self.sheet(LEVELS)
        self.doc["levels"] = levels = []
        self.where["levels"] = Place(LEVELS)
        for i, (row, cells) in enumerate(rows.rows):
            path = f"levels[{i}]"
            item = self.fields(path, rows, row, cells, ("id", "name"))
            score = rows.number(row, cells, "min_score", whole=False)
            item["min_score"] = score if score is not None else ("" if cells.get("min_score") is None else -1)
            self.at(f"{path}.min_score", rows, row, "min_score")
            item["description"] = rows.text(row, cells, "description")
            self.at(f"{path}.description", rows, row, "description")
            if item["min_score"] == "":
                del item["min_score"]
            levels.append(item)
            self.level_ids.append(item["id"])

    def _lenses(self) -> None:
        rows = self.sheet(LENSES)
        self.doc["lenses"] = lenses = []
        self.where["lenses"] = Place(LENSES)
        for i, (row, cells) in enumerate(rows.rows):
            path = f"lenses[{i}]"
            item = self.fields(path, rows, row, cells, ("id", "name", "question"))
            item["anchors"] = [rows.text(row, cells, f"anchor{s}") for s in range(5)]
            self.at(f"{path}.anchors", rows, row)
            for s in range(5):
                self.at(f"{path}.anchors[{s}]", rows, row, f"anchor{s}")
            lenses.append(item)

    def _personas(self) -> None:
        rows = self.sheet(PERSONAS)
        self.doc["personas"] = personas = []
        for i, (row, cells) in enumerate(rows.rows):
            item = self.fields(f"personas[{i}]", rows, row, cells, ("name", "kind"))
            if not item["kind"]:
                item["kind"] = "core"
            personas.append(item)

    def _domains_and_capabilities(self) -> None:
        rows = self.sheet(DOMAINS)
        self.doc["domains"] = domains = []
        self.where["domains"] = Place(CAPABILITIES, None, COLUMNS[CAPABILITIES][4][1])
        index: dict[str, int] = {}
        for i, (row, cells) in enumerate(rows.rows):
            item = self.fields(f"domains[{i}]", rows, row, cells, ("id", "name", "summary"))
            item["capabilities"] = []
            index.setdefault(item["id"], i)
            domains.append(item)
        caps = self.sheet(CAPABILITIES)
        for row, cells in caps.rows:
            domain_id = caps.text(row, cells, "domain")
            if domain_id not in index:
                known = ", ".join(index) or "none"
                caps.problems.append(
                    BookProblem(
                        caps.place(row, "domain"), f"unknown domain {domain_id!r} (the Domains sheet has: {known})"
                    )
                )
                continue
            d = index[domain_id]
            path = f"domains[{d}].capabilities[{len(domains[d]['capabilities'])}]"
            item = self.fields(path, caps, row, cells, ("id", "name", "summary"))
            item["prerequisites"] = split_list(caps.text(row, cells, "prerequisites"))
            self.at(f"{path}.prerequisites", caps, row, "prerequisites")
            item.update(levels={}, kpis=[], questions=[], initiatives=[])
            domains[d]["capabilities"].append(item)
            if item["id"] not in self.caps:
                self.caps[item["id"]] = item
                self.cap_paths[item["id"]] = path
                self.where[f"capability {item['id']}"] = caps.place(row, "prerequisites")

    def _owner(self, rows: SheetRows, row: int, cells: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
        cap_id = rows.text(row, cells, "capability")
        if cap_id not in self.caps:
            rows.problems.append(
                BookProblem(
                    rows.place(row, "capability"), f"unknown capability {cap_id!r} (see the Capabilities sheet)"
                )
            )
            return None
        return self.caps[cap_id], self.cap_paths[cap_id]

    def _level_texts(self) -> None:
        rows = self.sheet(LEVEL_TEXTS)
        for row, cells in rows.rows:
            found = self._owner(rows, row, cells)
            if found is None:
                continue
            cap, path = found
            level = rows.text(row, cells, "level")
            if level in cap["levels"]:
                rows.problems.append(
                    BookProblem(rows.place(row, "level"), f"{cap['id']} already has a description for {level!r}")
                )
                continue
            cap["levels"][level] = rows.text(row, cells, "text")
            self.at(f"{path}.levels.{level}", rows, row, "text")

    def _kpis_and_questions(self) -> None:
        kpis = self.sheet(KPIS)
        for row, cells in kpis.rows:
            found = self._owner(kpis, row, cells)
            if found is not None:
                cap, path = found
                item = self.fields(f"{path}.kpis[{len(cap['kpis'])}]", kpis, row, cells, ("name", "measure"))
                cap["kpis"].append(item)
        questions = self.sheet(QUESTIONS)
        for row, cells in questions.rows:
            found = self._owner(questions, row, cells)
            if found is not None:
                cap, path = found
                self.at(f"{path}.questions[{len(cap['questions'])}]", questions, row, "text")
                cap["questions"].append(questions.text(row, cells, "text"))

    def _initiatives(self) -> None:
        rows = self.sheet(INITIATIVES)
        texts = ("level", "key", "title", "description", "owner", "effort", "tier")
        for row, cells in rows.rows:
            found = self._owner(rows, row, cells)
            if found is None:
                continue
            cap, cap_path = found
            path = f"{cap_path}.initiatives[{len(cap['initiatives'])}]"
            item = self.fields(path, rows, row, cells, texts)
            if not item["key"]:
                slug = re.sub(r"[^a-z0-9]+", "-", item["title"].lower()).strip("-")[:40].strip("-") or "initiative"
                item["key"] = f"{cap['id']}.{item['level']}.{slug}"
            for name in ("duration_months", "value"):
                number = rows.number(row, cells, name, whole=True)
                if number is not None:
                    item[name] = number
                elif name == "duration_months" and cells.get(name) is None:
                    rows.problems.append(BookProblem(rows.place(row, name), "is empty; give the months it takes"))
                self.at(f"{path}.{name}", rows, row, name)
            for name in ("sizes", "requires", "lenses"):
                item[name] = split_list(rows.text(row, cells, name))
                self.at(f"{path}.{name}", rows, row, name)
            self.where[f"initiative {item['key']}"] = rows.place(row, "requires")
            cap["initiatives"].append(item)

    def _kept(self) -> None:
        rows = self.sheet(KEPT)
        for row, cells in rows.rows:
            key = rows.text(row, cells, "key")
            text = rows.text(row, cells, "json") + str(cells.get("_continued") or "")
            place = rows.place(row, "json")
            if key == ORIGIN:
                self._origin(text)
                continue
            if not key or key in TOP_LEVEL_SHOWN or key in self.doc:
                rows.problems.append(BookProblem(rows.place(row, "key"), f"{key!r} cannot be kept here"))
                continue
            if len(text) > _KEPT_MAX:
                rows.problems.append(BookProblem(place, "is too long"))
                continue
            try:
                self.doc[key] = json.loads(text, parse_constant=_no_constant)
            except (ValueError, RecursionError):
                rows.problems.append(
                    BookProblem(place, "is not the JSON the workbook was written with; export it again")
                )
                continue
            self.where[key] = place

    def _origin(self, text: str) -> None:
        """Remember the model the workbook came from; a damaged entry only loses the comparison."""
        try:
            found = json.loads(text[:1000])
        except ValueError:
            return
        if isinstance(found, dict) and isinstance(found.get("id"), str) and isinstance(found.get("revision"), int):
            self.origin = (found["id"], found["revision"])


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _locate(where: dict[str, Place], path: str, message: str) -> Place:
    if path == "domains" and "loop" in message:
        return Place(INITIATIVES, None, COLUMNS[INITIATIVES][11][1])
    probe = path
    while probe:
        if probe in where:
            return where[probe]
        probe = _parent(probe)
    return Place(MODEL)


def read_model_workbook(path: Path) -> BookRead:
    """Read and validate a model workbook.

    Raises:
        BookRefused: the file is no workbook the reader will open (too large, a zip bomb, macros,
            damaged); the message says why.
    """
    check_zip(path)
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency of the app
        raise BookRefused("the workbook reader is not protected (defusedxml is missing); reinstall the app")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise BookRefused(f"it cannot be read as an Excel workbook ({type(exc).__name__})") from None
    try:
        builder = _Builder(book)
        try:
            document = builder.build()
        except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError, SyntaxError) as exc:
            # a damaged part of the archive surfaces while its rows are read (SyntaxError: XML)
            raise BookRefused(f"it cannot be read as an Excel workbook ({type(exc).__name__})") from None
    finally:
        book.close()
    result = BookRead(document, problems=list(builder.problems), origin=builder.origin)
    unused = [n for n in book.sheetnames if n not in SHEETS and n != "Instructions"]
    result.notes.extend(BookProblem(Place(n), "is not a sheet of the model workbook; it is ignored") for n in unused)
    taken = {p.place for p in result.problems}
    try:
        result.model = model_from_document(document)
    except ModelError as exc:
        for problem in exc.problems:
            place = _locate(builder.where, problem.path, problem.message)
            if place.row is not None and place in taken:
                continue  # the cell's own problem already says it
            result.problems.append(BookProblem(place, problem.message))
    if result.problems:
        result.model = None
    elif result.model is not None:
        keys = {t.key: f"initiative {t.key}" for c in result.model.capabilities.values() for t in c.initiatives}
        for finding in library_findings(result.model):
            place = builder.where.get(keys.get(finding.where, ""), Place(INITIATIVES))
            result.notes.append(BookProblem(place, str(finding)))
    return result
