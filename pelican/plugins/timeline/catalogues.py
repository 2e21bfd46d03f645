"""The theme's gettext catalogues, kept in step with the words they translate (`invoke translations`).

Every message the templates and the generator's Python mark (`_()`, `ngettext()`, `N_()`) is gathered with
Babel into `theme/translations/messages.pot`; each language's `messages.po` is brought up to date from it,
keeping what translators wrote; and whatever a language leaves untranslated (or marked fuzzy, which a build
does not use) is listed, so that a missing word is found by a check, never shown to a reader as English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, THEME_CATALOGUES, catalogue_path

PACKAGE = Path(__file__).parent
# What is read for messages: the templates as Jinja's i18n extension reads them, and the Python that writes
# words into pages (N_ marks a message written down in one place and translated where it is used). The theme
# is read where it really is: the package holds it through a link, which a walk of the package skips.
SOURCES = [((PACKAGE / "theme").resolve(), [("templates/**.html", "jinja2")],
            {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true",
                                   "newstyle_gettext": "true"}}),
           (PACKAGE, [("*.py", "python")], {})]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "plural_forms": (1, 2)}
TEMPLATE = THEME_CATALOGUES / f"{DOMAIN}.pot"


@dataclass(frozen=True)
class Missing:
    """A message a language has no usable translation of, and where it is used."""

    language: str
    message: str
    used_at: str

    def __str__(self) -> str:
        return f"{catalogue_path(Path('theme/translations'), self.language)}: {self.used_at}: {self.message!r}"


def extracted() -> Catalog:
    """Every message of the templates and of the generator's Python, each with where it is used."""
    catalog = Catalog(domain=DOMAIN, project="pelican-timeline", charset="utf-8")
    for folder, methods, options in SOURCES:
        found = extract_from_dir(folder, methods, options, KEYWORDS, comment_tags=("Translators:",),
                                 strip_comment_tags=True)
        for filename, line, message, comments, context in found:
            catalog.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    return catalog


def languages() -> list[str]:
    return sorted(path.name for path in THEME_CATALOGUES.iterdir()
                  if path.is_dir() and catalogue_path(THEME_CATALOGUES, path.name).is_file())


def read(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def write(catalog: Catalog, path: Path, header: bool = True) -> None:
    """Write a catalogue; the template without a header, whose only news would be the hour it was made."""
    with path.open("wb") as po:
        write_po(po, catalog, width=116, omit_header=not header, sort_output=False, include_previous=True,
                 ignore_obsolete=True)


def add(language: str) -> Path:
    """Start a language's catalogue, every message untranslated, with the language's plural forms."""
    path = catalogue_path(THEME_CATALOGUES, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=language, domain=DOMAIN, project="pelican-timeline", charset="utf-8")
    catalog.update(extracted(), no_fuzzy_matching=True)
    write(catalog, path)
    return path


def update() -> list[Missing]:
    """Write the template and bring every language's catalogue up to date with it; give what is missing."""
    template = extracted()
    write(template, TEMPLATE, header=False)
    for language in languages():
        path = catalogue_path(THEME_CATALOGUES, language)
        catalog = read(path)
        created = catalog.creation_date  # a catalogue changes only where its messages do
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created
        write(catalog, path)
    return missing(template)


def missing(template: Catalog | None = None) -> list[Missing]:
    """The messages of the templates and the Python that some language's catalogue does not translate."""
    template = template or extracted()
    found = []
    for language in languages():
        catalog = read(catalogue_path(THEME_CATALOGUES, language))
        for message in template:
            if not message.id:
                continue
            translated = catalog.get(message.id, message.context)
            strings = translated.string if translated else None
            complete = all(strings) if isinstance(strings, (list, tuple)) else bool(strings)
            if not translated or translated.fuzzy or not complete:
                used_at = ", ".join(f"{name}:{line}" for name, line in message.locations[:2])
                found.append(Missing(language, message.id if isinstance(message.id, str) else message.id[0], used_at))
    return found
