"""The report's "Where views diverged" section: counts for the client, names only when chosen."""

from __future__ import annotations

import io

from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from planner.model.capmodel import CapabilityModel
from planner.report.data import build_report
from tests.questionnaires import project_with_people


def _text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_the_client_version_counts_people_and_names_them_only_when_chosen(model: CapabilityModel) -> None:
    project = project_with_people(model)
    project.assessment.capabilities["forecasting"].votes = {"ana": {"metrics": 0}, "ben": {"metrics": 3}}
    project.assessment.capabilities["allocation"].votes = {"ana": {"process": 2}, "chen": {"process": 3}}
    report = build_report(project)
    assert [(v.capability, v.lens, v.low, v.high) for v in report.views] == [("Forecasting", "Metrics", 0, 3)]
    assert report.views[0].who == "1 at 0; 1 at 3"
    client = _text(pdf_bytes(report)[0])
    assert "Where views diverged" in client and "1 at 0; 1 at 3" in client
    assert "Ana Souza" not in client and "Ben Okafor" not in client
    named = _text(pdf_bytes(build_report(project, participant_names=True))[0])
    assert "0: Ana Souza; 3: Ben Okafor" in named


def test_no_votes_no_section(model: CapabilityModel) -> None:
    report = build_report(project_with_people(model))
    assert report.views == ()
    assert "Where views diverged" not in _text(pdf_bytes(report)[0])
