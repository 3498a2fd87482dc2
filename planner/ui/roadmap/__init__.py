"""The roadmap page: board, table and timeline over the project's roadmap, with its warnings.

Modules: ``page`` (layout and refresh), ``actions`` (what each button, drop and key does),
``plan`` (the roadmap with its calendar and horizons, as every view reads it), ``board`` and
``cards``, ``table`` and ``tableview``, ``timeline``, ``detail`` (the initiative editor),
``dialogs`` (regeneration preview, new initiative, done date) and ``banner`` (out of date).

Every change goes through :func:`planner.ui.roadmap.edits.push_edit`: a pure edit function of
:mod:`planner.model.roadmap` makes the new roadmap, the scheduler re-plans its months, and a
:class:`~planner.model.edits.ReplaceRoadmap` edit (holding the old and new roadmap) applies it.
"""
