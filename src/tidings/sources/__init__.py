"""Readers that yield raw documents from files, directories, globs and JSONL dumps (the input edge)."""

from tidings.sources.files import expand_inputs, read_inputs

__all__ = ["expand_inputs", "read_inputs"]
