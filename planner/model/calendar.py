"""Plan months as a person reads them: "Mar 2027" when the plan has a start month, "Month 4" if not.

Months in files count from 0: month 0 is the engagement's ``start_date`` (``YYYY-MM``), the first
month of the plan. Month names are English three-letter abbreviations, fixed rather than taken
from the machine's locale, so a report reads the same on every consultant's laptop.
"""

from __future__ import annotations

import re

__all__ = ["MONTH_NAMES", "month_label", "month_span_label", "parse_start", "plan_month"]

MONTH_NAMES: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_START = re.compile(r"^(\d{4})-(\d{2})$")


def parse_start(start_date: str | None) -> tuple[int, int] | None:
    """Return (year, month 1-12) of a ``YYYY-MM`` start, or ``None`` when absent or malformed."""
    found = _START.match(start_date or "")
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return (year, month) if 1 <= month <= 12 and year >= 1 else None


def plan_month(start_date: str | None, month: int) -> tuple[int, int] | None:
    """Return (year, month 1-12) of plan month ``month`` (0 = the start), or ``None`` if undated."""
    start = parse_start(start_date)
    if start is None:
        return None
    total = start[0] * 12 + (start[1] - 1) + month
    return total // 12, total % 12 + 1


def month_label(start_date: str | None, month: int) -> str:
    """Return "Mar 2027" for plan month ``month`` (0-based), or "Month 4" when the plan is undated."""
    found = plan_month(start_date, month)
    if found is None:
        return f"Month {month + 1}"
    return f"{MONTH_NAMES[found[1] - 1]} {found[0]}"


def month_span_label(start_date: str | None, start: int, end: int) -> str:
    """Return the months ``[start, end)`` as "Mar-May 2027", "Nov 2027-Jan 2028" or "Months 2-4"."""
    last = max(start, end - 1)
    first_at, last_at = plan_month(start_date, start), plan_month(start_date, last)
    if first_at is None or last_at is None:
        return f"Month {start + 1}" if last == start else f"Months {start + 1}-{last + 1}"
    if last == start:
        return month_label(start_date, start)
    if first_at[0] == last_at[0]:
        return f"{MONTH_NAMES[first_at[1] - 1]}-{MONTH_NAMES[last_at[1] - 1]} {first_at[0]}"
    return f"{month_label(start_date, start)}-{month_label(start_date, last)}"
