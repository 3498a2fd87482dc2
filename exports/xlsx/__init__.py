"""The Excel workbook for the client, built with openpyxl (imported only when a workbook is built)."""
