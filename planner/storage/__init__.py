"""Project files and bundled models: strict loading, validation, migration and atomic saving."""
