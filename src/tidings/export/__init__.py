"""Exports in the field's formats: Parquet (by event month), CSV, JSONL, GDELT 2.0 event-table TSV,
POLECAT-style JSON. One module per format; ``select.py`` holds what they share."""
