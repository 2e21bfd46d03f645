"""The files `invoke new-event` writes: an event and its new actors, laid out as the editing guide's examples
are, so that a new file looks like every other one."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.settings import read_settings
from yaml.error import YAMLError

from .reader import FrontMatter, Unreadable
from .settings import DEFAULTS

# The body of a new event until the editor writes one. One constant, so that validation can recognise a body
# left as it was written and refuse to publish it.
PLACEHOLDER_BODY = ("Replace this line with what happened, in your own words, from the sources above: "
                    "a few short paragraphs.")
PLACEHOLDER_BIOGRAPHY = "Replace this line with a short, neutral biography, in your own words."


def project_settings(settings_file: str = "pelicanconf.py") -> dict:
    return {**DEFAULTS, **read_settings(settings_file)}


def yaml_value(text: str) -> str:
    """Write text as a YAML value: as it stands where the reader reads it back as written, else in double
    quotes (a title with `: `, a summary that starts with `[`, the word `true`)."""
    try:
        read = FrontMatter(f"value: {text}").data
    except (YAMLError, Unreadable):
        read = None
    value = read.get("value") if isinstance(read, dict) else None
    if value is not None and not isinstance(value, bool) and str(value) == text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def event_text(event: dict, source: dict) -> str:
    """Lay out an event as "A complete event" in docs/editing.md: its fields, its actors as `[a, b]`, then
    its source as a list entry."""
    lines = [f"{field}: {yaml_value(event[field])}" for field in ("title", "date", "end", "date_qualifier", "type",
                                                                   "summary") if event.get(field)]
    lines.append(f"actors: [{', '.join(map(yaml_value, event['actors']))}]")
    lines.append("sources:")
    entry = [f"{field}: {yaml_value(source[field])}" for field in ("title", "publisher", "date", "url")
             if source.get(field)]
    lines += ["  - " + entry[0], *("    " + line for line in entry[1:])]
    return file_text(lines, PLACEHOLDER_BODY)


def actor_text(actor: dict) -> str:
    """Lay out an actor as the guide's example of an actor file: name, kind, role, then a person's
    affiliation."""
    return file_text([f"{field}: {yaml_value(actor[field])}" for field in ("name", "kind", "role", "affiliation")
                      if actor.get(field)], PLACEHOLDER_BIOGRAPHY)


def file_text(front_matter: list[str], body: str) -> str:
    return "\n".join(["---", *front_matter, "---", body]) + "\n"


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, in its folder, made if a new site has none yet: an editor's file
    is never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
