"""The PDF report for the client, built with reportlab platypus (imported only when a report is built)."""
