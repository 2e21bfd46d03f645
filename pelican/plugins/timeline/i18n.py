"""The words of the theme and of the generator's pages in the site's language (`DEFAULT_LANG`).

Every string a reader sees goes through gettext: `_()` and `ngettext()` here for the Python that writes
them, Jinja's i18n extension in the templates. The catalogues are Babel's `.po` files, read as they are
(nothing compiled is kept in the repository): the theme's own under `theme/translations/<lang>/`, then the
site's (`TIMELINE_TRANSLATIONS`), whose words win. English is the source language and needs none.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SOURCE_LANGUAGE = "en"
THEME_CATALOGUES = Path(__file__).parent / "theme" / "translations"
DOMAIN = "messages"

# The language of the build under way and its words: set by `activate` as Pelican starts, before any page is
# planned, and inherited by the worker processes forked after it.
active: gettext.NullTranslations = NullTranslations()
active_language = SOURCE_LANGUAGE
# Each letter's place in the active language's alphabet, by which names are sorted (its catalogue gives it).
letters: dict[str, int] = {}


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is written down, to be translated where it is used."""
    return message


def catalogue_path(folder: Path, lang: str) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path) -> Translations:
    """A `.po` file as gettext reads a compiled one; fuzzy entries are left out, as `pybabel compile` does."""
    with path.open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translations(lang: str, folders: list[Path]) -> gettext.NullTranslations:
    """The words of `lang` from each folder holding a catalogue of it, later folders' words first."""
    found = [read_catalogue(path) for folder in folders if (path := catalogue_path(folder, lang)).is_file()]
    if not found:
        return NullTranslations()
    merged = found[0]
    for later in found[1:]:
        merged.merge(later)
    return merged


def activate(pelican) -> None:
    """Make the site's language the one every `_()` speaks (Pelican's `initialized`)."""
    global active, active_language
    settings = pelican.settings
    active_language = settings.get("DEFAULT_LANG") or SOURCE_LANGUAGE
    folders = [THEME_CATALOGUES, *map(Path, settings.get("TIMELINE_TRANSLATIONS", []))]
    active = NullTranslations() if active_language == SOURCE_LANGUAGE else translations(active_language, folders)
    letters.clear()
    letters.update({letter: place for place, letter in enumerate(active.gettext(ALPHABET))})


# Translators: the letters of your language, lower case, in the order of its alphabet: names are sorted by it.
ALPHABET = N_("abcdefghijklmnopqrstuvwxyz")


def collation_key(text: str) -> str | tuple[int, ...]:
    """Sort names as the active language's alphabet orders them (Є after Е, І after И), spaces and punctuation
    first as in a dictionary; in English, by their letters as the machine orders them, as before."""
    if active_language == SOURCE_LANGUAGE:
        return text.casefold()
    last = len(letters)
    return tuple(letters[c] + 0x80 if c in letters else ord(c) if ord(c) < 0x80 else last + 0x80 + ord(c)
                 for c in text.casefold())


def install(generator) -> None:
    """Give a generator's templates the active language's words (Pelican's `generator_init`)."""
    if "jinja2.ext.InternationalizationExtension" not in generator.env.extensions:  # a site's own JINJA_ENVIRONMENT
        generator.env.add_extension("jinja2.ext.i18n")
    generator.env.install_gettext_translations(active, newstyle=True)
    generator.env.globals["plural_forms"] = plural_forms
    generator.env.globals["language_name"] = language_name


def _(message: str) -> str:
    return active.gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return active.ngettext(singular, plural, number)



def plural_forms(singular: str, plural: str) -> dict[str, str]:
    """A message's forms in the active language by CLDR plural category (`one`, `few`, `many`, `other`): a
    script picks one with `Intl.PluralRules`, as ngettext would for the number it has."""
    rule = Locale.parse(active_language).plural_form
    forms: dict[str, str] = {}
    for number in range(200):  # every category of every language turns up below 200
        forms.setdefault(rule(number), active.ngettext(singular, plural, number))
    return dict(sorted(forms.items()))


def language_name(lang: str) -> str:
    """A language's name as its readers write it, for a link to the site in it: "English", "Українська"."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]
