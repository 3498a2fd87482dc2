"""The questionnaire round trip: a workbook a client person fills in, and reading their answers back safely."""
