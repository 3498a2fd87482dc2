"""Client deliverables: the Excel workbook and the PDF report. Pure Python, no Qt."""
