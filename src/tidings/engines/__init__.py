"""Engines run the pipeline's batches: locally in a process pool (the default), or on Ray (engines.ray)."""

from tidings.engines.local import default_workers, run_local

__all__ = ["default_workers", "run_local"]
