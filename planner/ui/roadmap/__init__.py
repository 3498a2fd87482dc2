"""The roadmap page: board, table and timeline over the project's roadmap, with its warnings.

Every change goes through :func:`planner.ui.roadmap.edits.push_edit`: a pure edit function of
:mod:`planner.model.roadmap.edit` makes the new roadmap, the scheduler re-plans its months, and a
:class:`~planner.model.edits.ReplaceRoadmap` edit (holding the old and new roadmap) applies it.
"""
