"""A new event file, complete but for its body: the editor's starting point for `invoke new-event`."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from urllib.parse import urlparse

from pelican.settings import read_settings
from pelican.utils import slugify
from ruamel.yaml import YAML

from .settings import DEFAULTS

# The body of a new file, for the editor to replace: validation refuses it while it is there, so that it is
# never published as if it were the event's account.
PLACEHOLDER_BODY = "What happened, in your own words, from the sources above."
FIELDS = ("title", "date", "type", "actors", "summary", "source_url", "source_title", "publisher", "source_date")


def project_settings(settings_file: str = "pelicanconf.py") -> dict:
    return {**DEFAULTS, **read_settings(settings_file)}


def check_answers(answers: dict[str, str], content: Path, types: dict[str, str]) -> list[str]:
    """What is wrong with the answers, in the editor's terms; empty when the file can be written."""
    problems = [problem for field in ("date", "source_date") if (problem := date_problem(field, answers[field]))]
    if answers["type"] not in types:
        problems.append(f"type: `{answers['type']}` is not one of {', '.join(types)}")
    known = {path.stem for path in (content / "actors").glob("*.md")}
    for slug in actor_slugs(answers["actors"]):
        if slug not in known:
            problems.append(f"actors: no actor `{slug}`; add content/actors/{slug}.md first")
    if urlparse(answers["source_url"]).scheme not in ("http", "https"):
        problems.append(f"source_url: `{answers['source_url']}` does not start with https:// or http://")
    return problems


def date_problem(field: str, answer: str) -> str | None:
    """Judge a day written YYYY-MM-DD, not in the future; a source's date may also be `unknown`."""
    if field == "source_date" and answer == "unknown":
        return None
    try:
        if datetime.date.fromisoformat(answer) > datetime.date.today():
            return f"{field}: {answer} is in the future"
    except ValueError:
        unknown = ", or unknown if the source shows none" if field == "source_date" else ""
        return f"{field}: `{answer}` is not a date written YYYY-MM-DD{unknown}"
    return None


def actor_slugs(text: str) -> list[str]:
    return [slug.strip() for slug in text.split(",") if slug.strip()]


def write_event(answers: dict[str, str], content: Path) -> Path:
    """Write content/events/<date>-<title-slug>.md and return its path."""
    front = {
        "title": answers["title"],
        "date": answers["date"],
        "type": answers["type"],
        "summary": answers["summary"],
        "actors": actor_slugs(answers["actors"]),
        "sources": [{"title": answers["source_title"], "publisher": answers["publisher"],
                     "date": answers["source_date"], "url": answers["source_url"]}],
    }
    yaml = YAML()
    yaml.width = 100
    text = io.StringIO()
    yaml.dump(front, text)
    slug = slugify(answers["title"], regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])[:60].strip("-")
    path = content / "events" / f"{answers['date']}-{slug}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another title")
    path.write_text(f"---\n{text.getvalue()}---\n{PLACEHOLDER_BODY}\n", encoding="utf-8")
    return path
