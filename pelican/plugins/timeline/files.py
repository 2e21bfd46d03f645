"""Which files of the content folder are read, and the address each one gets.

Pelican lists a folder by following every symbolic link, and reads any file a reader of its own knows
(reStructuredText, HTML). Here only Markdown files are read, each under a name that makes a safe
address; anything else in a folder of events, actors or pages is a problem rather than a file quietly
skipped, published from outside content/, or followed round a loop of links.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pelican.utils import slugify

from .problems import Problem

MARKDOWN_EXTENSIONS = (".md", ".markdown")
# The one form of a file name: lower-case letters and digits in words joined by hyphens. It is the
# address as it stands (`events/<name>/`), the same on every file system whatever its case or Unicode
# rules, and needs no escaping in a URL, a feed or a file name.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def edition_folder(settings: dict) -> str:
    """In a build of an edition in another language, the folder of content/ its translations are read from
    (`uk`); "" in the site's own build."""
    return (settings.get("TIMELINE_EDITION") or {}).get("folder", "")


def slug_of(path: str) -> str:
    """A file's slug: its name without the extension."""
    return os.path.splitext(os.path.basename(path))[0]


def suggested_slug(name: str) -> str:
    return slugify(name, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s_.]+", "-")]).strip("-") or "a-name"


def shown(path: Path, content: Path) -> str:
    return f"{content.name}/{path.relative_to(content).as_posix()}"


def link_problem(path: Path, content: Path) -> Problem | None:
    """What is wrong with a link in content/, if the path is one or runs through one: one that leads nowhere,
    to a folder (which could lead round a loop, or to a whole other tree) or outside content/."""
    target = Path(os.path.realpath(path))
    if path.is_symlink() and not target.exists():
        return Problem(shown(path, content), 1, "file", "a link to a file that does not exist", "the file itself")
    if path.is_symlink() and target.is_dir():
        return Problem(shown(path, content), 1, "file", "a link to a folder", "the folder itself, not a link to it")
    if not target.is_relative_to(content.resolve()):
        return Problem(shown(path, content), 1, "file", f"a link to {target}, outside {content.name}/",
                       f"the file itself, inside {content.name}/")
    return None


def problem_with(path: str, content: Path) -> Problem | None:
    """What makes a file in a folder of events, actors or pages unreadable as one, if anything. In strings, not
    paths: a long record's folders hold tens of thousands of files, listed at every build."""
    # Only a link can lead out of content/: content_files walks no link to a folder, and checks the folders'
    # own paths. Resolving each of 10,000 files took most of the listing's time.
    if os.path.islink(path) and (problem := link_problem(Path(path), content)):
        return problem
    name = os.path.basename(path)
    if not os.path.isfile(path):  # a named pipe or a device: reading it could wait for ever
        return Problem(shown(Path(path), content), 1, "file", "not an ordinary file", "a Markdown file")
    if not name.endswith(MARKDOWN_EXTENSIONS):
        return Problem(shown(Path(path), content), 1, "file", f"`{name}` is not a Markdown file, so it would not be "
                       "read", "a Markdown file ending in .md (or move the file out of the folder)")
    slug = slug_of(name)
    if problem := address_problem(slug, name[len(slug):]):
        return Problem(shown(Path(path), content), 1, "file name", *problem)
    return None


def address_problem(slug: str, extension: str = "") -> tuple[str, str] | None:
    """Why a file's name (its slug and extension) makes no plain address, and a name that would; None
    when it makes one."""
    if SLUG.fullmatch(slug):
        return None
    return (f"`{slug}{extension}` does not make a plain address",
            f"lower-case letters, digits and hyphens, e.g. `{suggested_slug(slug)}{extension}`")


def content_files(content: Path, folders: list[str]) -> tuple[dict[str, list[str]], list[Problem]]:
    """The Markdown files of each folder (relative to `content`, sorted, so that problems and output never
    depend on the order the file system lists them), and what is wrong with any other entry. Links to
    folders are reported, not followed, so a loop of links cannot make the list endless."""
    found: dict[str, list[str]] = {}
    problems = []
    for folder in folders:
        found[folder] = []
        if problem := link_problem(content / folder, content):  # os.walk would follow it
            problems.append(problem)
            continue
        for directory, subfolders, names in os.walk(content / folder):
            links = [name for name in subfolders if os.path.islink(os.path.join(directory, name))]
            subfolders[:] = [name for name in subfolders if name not in links and not hidden(name)]
            relative = os.path.relpath(directory, content).replace(os.sep, "/")
            for name in [name for name in names + links if not hidden(name)]:
                if problem := problem_with(os.path.join(directory, name), content):
                    problems.append(problem)
                else:
                    found[folder].append(f"{relative}/{name}")
        found[folder].sort()
    return found, sorted(problems)


def hidden(name: str) -> bool:
    """A file or folder of the system or an editor's tools (.DS_Store, .git, a swap file), not of the
    content."""
    return name.startswith(".")


def static_problems(content: Path, static_paths: list[str]) -> list[Problem]:
    """What is wrong with the files Pelican copies as they are (STATIC_PATHS): Pelican follows every link
    among them, so a link that leaves content/ would publish what it leads to."""
    problems = []
    for static in static_paths:
        if problem := link_problem(content / static, content):
            problems.append(problem)
            continue
        for directory, subfolders, names in os.walk(content / static):
            problems += [problem for name in subfolders + names
                         if (problem := link_problem(Path(directory, name), content))]
            subfolders[:] = [name for name in subfolders if not os.path.islink(os.path.join(directory, name))]
    return sorted(problems)


# The most a table or a roll call may hold: some 200 lines of a few words each.
MAX_DATA_BYTES = 256 * 1024


def data_files(content: Path, folders: list[str], extension: str) -> tuple[list[str], list[Problem]]:
    """The files of `folders` ending in `extension` (relative to `content`, sorted), and what is wrong with any
    other entry, as content_files judges a folder of Markdown."""
    found, problems = [], []
    for folder in folders:
        if not (content / folder).exists() and not (content / folder).is_symlink():
            continue
        if problem := link_problem(content / folder, content):
            problems.append(problem)
            continue
        for directory, subfolders, names in os.walk(content / folder):
            subfolders[:] = [name for name in subfolders if not hidden(name)]
            for name in (name for name in names + [s for s in subfolders if os.path.islink(os.path.join(directory, s))]
                         if not hidden(name)):
                path = Path(directory, name)
                if problem := data_file_problem(path, content, extension):
                    problems.append(problem)
                else:
                    found.append(path.relative_to(content).as_posix())
    return sorted(found), sorted(problems)


def data_file_problem(path: Path, content: Path, extension: str) -> Problem | None:
    if problem := link_problem(path, content):
        return problem
    if not path.is_file():
        return Problem(shown(path, content), 1, "file", "not an ordinary file", f"a {extension} file")
    if not path.name.endswith(extension):
        return Problem(shown(path, content), 1, "file", f"`{path.name}` is not a {extension} file, so it would not "
                       "be read", f"a file ending in {extension} (or move the file out of the folder)")
    if problem := address_problem(path.name[:-len(extension)], extension):
        return Problem(shown(path, content), 1, "file name", *problem)
    return None


def read_data_file(path: Path, content: Path) -> tuple[str, Problem | None]:
    """A data file's text (UTF-8, lines ending in `\n`), or the problem that keeps it from being read."""
    where = shown(path, content)
    with open(path, "rb") as handle:
        data = handle.read(MAX_DATA_BYTES + 1)
    if len(data) > MAX_DATA_BYTES:
        return "", Problem(where, 1, "file", f"longer than {MAX_DATA_BYTES:,} bytes", "a table of states or "
                           "one vote's roll call")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return "", Problem(where, data[:error.start].count(b"\n") + 1, "file",
                           f"byte {data[error.start]:#04x} is not UTF-8 text", "a file saved as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
