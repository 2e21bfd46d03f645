"""Jinja's compiled templates, kept between builds: compiling the theme took half of a small site's build."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import ClassVar

import jinja2
from jinja2.bccache import Bucket


# What the environment's lexer is told, as Jinja names it.
LEXER_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                 "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                 "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline")


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Each template's compiled code, kept in the site's cache folder for the next build and in memory for the
    life of the process (`invoke livereload` rebuilds in one). Jinja checks each against its template's text;
    the key holds the environment's options and Jinja's version too, which change the code the same text
    compiles to. A copy that cannot be read is compiled again, never a failed build."""

    kept: ClassVar[dict[str, bytes]] = {}

    def __init__(self, folder: Path | None, env: jinja2.Environment):
        self.folder = folder
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            super().__init__(str(folder))
        self.options = repr((jinja2.__version__, sorted(env.extensions), env.autoescape, env.optimized,
                             *(getattr(env, option) for option in LEXER_OPTIONS)))

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self.options}|{name}|{filename}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            if bucket.key in self.kept:
                bucket.bytecode_from_string(self.kept[bucket.key])
            if bucket.code is None and self.folder is not None:
                super().load_bytecode(bucket)
        except (EOFError, pickle.UnpicklingError):  # a copy cut short in the checksum Jinja unpickles
            bucket.reset()
        if bucket.code is not None:
            self.kept[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            try:
                super().dump_bytecode(bucket)
            except OSError:  # a cache folder that cannot be written is only slower
                pass



def keep_compiled_templates(generator) -> None:
    """Every generator's templates (Pelican's own look for theirs too) compiled once, in the cache folder."""
    generator.env.bytecode_cache = CompiledTemplates(Path(generator.settings["CACHE_PATH"]) / "templates",
                                                     generator.env)
