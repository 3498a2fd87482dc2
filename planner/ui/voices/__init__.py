"""Participants, their votes, the Disagreements list and the questionnaire round trip in the app."""
