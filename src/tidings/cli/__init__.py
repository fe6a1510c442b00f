"""The ``tidings`` command: one module per verb, sharing output.py and progress.py."""
