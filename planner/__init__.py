"""FinOps Roadmap Planner: score a FinOps practice, plan its roadmap, export the client's report."""

from __future__ import annotations

__all__ = ["APP_ID", "APP_NAME", "__version__"]

__version__ = "0.1.0"
APP_NAME = "FinOps Roadmap Planner"
APP_ID = "finops-roadmap-planner"
