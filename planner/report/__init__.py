"""The presentation model: one report of a project, read by the dashboard, the CLI and every exporter."""
