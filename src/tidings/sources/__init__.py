"""Readers that yield raw documents from files, directories, globs, standard input, JSONL dumps,
WARC archives and saved HTML pages (the input edge), local or named by URL (pyarrow filesystems)."""

from tidings.sources.files import expand_inputs
from tidings.sources.inputs import input_files, read_input, read_inputs

__all__ = ["expand_inputs", "input_files", "read_input", "read_inputs"]
