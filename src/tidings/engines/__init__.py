"""Engines run the pipeline's batches: locally in a process pool (the default)."""

from tidings.engines.local import run_local

__all__ = ["run_local"]
