"""Speed benchmarks, run by ``make bench`` (never part of the test suite).

Every figure is a ratio against a baseline measured in the same run on the same machine, so
the table means the same on a laptop and in CI. Each ``bench_*.py`` module here exposes
``run(repeat: int) -> list[Result]``.
"""
