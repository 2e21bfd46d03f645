"""What content/ holds besides Markdown, read under the same rules: the table of member states
(TIMELINE_MEMBER_STATES) and the roll calls (ROLL_CALL_PATHS)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .files import data_file_problem, data_files, edition_folder, read_data_file, slug_of
from .problems import ContentError


@dataclass(frozen=True)
class ContentData:
    """What content/ holds besides Markdown: the table of member states (its path and text), and each roll
    call's path, its event's slug and its text."""

    settings: dict = field(default_factory=dict)
    member_states: tuple[str, str] | None = None
    roll_calls: list[tuple[str, str, str]] = field(default_factory=list)
    # In an edition in another language, the table's translation (its path and text), where there is one.
    member_names: tuple[str, str] | None = None

    @property
    def table_path(self) -> str:
        return self.member_states[0] if self.member_states else ""


def content_data(content: Path, settings: dict) -> ContentData:
    """Read the table of member states and the roll calls, confined to content/ as Markdown files are; raise
    ContentError with the problems of any that cannot be read."""
    paths, problems = data_files(content, settings["ROLL_CALL_PATHS"], ".yaml")
    table = settings["TIMELINE_MEMBER_STATES"]
    if table and (problem := data_file_problem(content / table, content, ".csv")):
        problems.append(problem if (content / table).exists() or (content / table).is_symlink() else
                        replace(problem, problem=f"`{table}` (TIMELINE_MEMBER_STATES) does not exist",
                                expected="the path of the table of member states in the content folder"))
    edition = edition_folder(settings)
    translation = f"{edition}/{table}" if edition and table and (content / edition / table).exists() else ""
    if translation and (problem := data_file_problem(content / translation, content, ".csv")):
        problems.append(problem)
    texts = {}
    for path in paths + ([table, *filter(None, [translation])] if table and not problems else []):
        texts[path], problem = read_data_file(content / path, content)
        problems += [problem] if problem else []
    if problems:
        raise ContentError(problems)
    folder = content.name
    return ContentData(settings, (f"{folder}/{table}", texts[table]) if table else None,
                       [(f"{folder}/{path}", slug_of(path), texts[path]) for path in paths],
                       (f"{folder}/{translation}", texts[translation]) if translation else None)
