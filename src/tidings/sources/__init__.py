"""Readers that yield raw documents from files, directories, globs, standard input, JSONL dumps,
WARC archives and saved HTML pages (the input edge)."""

from tidings.sources.files import expand_inputs, read_inputs

__all__ = ["expand_inputs", "read_inputs"]
