"""A translation and its original: the same record in other words.

A translation is a file of the same name in the language's folder (`content/uk/events/<name>.md`). It says
everything its original says, in its own language: only the words readers read may differ (titles, summaries,
names, roles, notes, the body's text). Every date, type, actor, tally, position and source must be the
original's, and its body must cite the same sources in the same order; a translation may add sources of its
own after the original's (a report in its language that says the same). Anything else names the file and
the field, as every problem of the content does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .citing import MARK
from .problems import Problem
from .validate import SourceFile

# The fields whose words are translated; any other field of a translation is its original's, to the letter.
PROSE = {"title", "summary", "location", "subject", "name", "role", "sort_name"}
# Within a list of entries, the fields that are words.
PROSE_WITHIN = {"quotes": {"text"}, "conflicts": {"about", "note", "official"}, "corrections": {"note"},
                "figures": {"reported_by"}}
# Within a conflict's reports, what each side says, when it is words rather than a figure.
REPORT_PROSE = {"says"}
KEPT_AS_IS = "the original's value: a translation changes only the words readers read"


@dataclass(frozen=True)
class Pair:
    """An original and, where there is one, its translation."""

    original: SourceFile
    translation: SourceFile | None


def is_figure(value: object) -> bool:
    return isinstance(value, (int, float)) or isinstance(value, str) and value.replace(",", "").strip().isdigit()


def kept(field: str, value: object) -> object:
    """A field's value with its words left out: what a translation must have as its original does."""
    if field in PROSE_WITHIN and isinstance(value, list):
        return [kept_entry(field, entry) for entry in value]
    return value


def kept_entry(field: str, entry: object) -> object:
    if not isinstance(entry, dict):
        return entry
    out = {key: value for key, value in entry.items() if key not in PROSE_WITHIN[field]}
    if field == "conflicts" and isinstance(entry.get("reports"), list):
        out["reports"] = [{key: value for key, value in report.items()
                           if key not in REPORT_PROSE or is_figure(value)} if isinstance(report, dict) else report
                          for report in entry["reports"]]
    return out


def differences(pair: Pair, shown_original: str, shown_translation: str) -> list[Problem]:
    """What a translation does not keep of its original: each field once, and its body's citations."""
    original, translation = pair.original.metadata["frontmatter"], pair.translation.metadata["frontmatter"]
    lines = pair.translation.metadata["field_lines"]
    problems = []
    for field in sorted(set(original) | set(translation), key=lambda name: lines.get(name, 0)):
        if field in PROSE:
            if (field in original) != (field in translation):
                problems.append(Problem(shown_translation, lines.get(field, 1), field,
                                        "missing" if field in original else f"not in {shown_original}",
                                        f"the field if and only if {shown_original} has it"))
            continue
        if field == "sources":
            theirs, ours = original.get(field) or [], translation.get(field) or []
            if ours[:len(theirs)] != theirs:
                problems.append(Problem(shown_translation, lines.get(field, 1), field,
                                        f"not the {len(theirs)} sources of {shown_original}, in its order",
                                        "its sources as they are, then any of the translation's own"))
            continue
        if kept(field, original.get(field)) != kept(field, translation.get(field)):
            problems.append(Problem(shown_translation, lines.get(field, 1), field,
                                    f"differs from {shown_original}", KEPT_AS_IS))
    cited, citing = MARK.findall(pair.original.content), MARK.findall(pair.translation.content)
    if cited != citing:
        problems.append(Problem(shown_translation, 1, "body",
                                f"cites sources {', '.join(citing) or 'none'}, where {shown_original} cites "
                                f"{', '.join(cited) or 'none'}", "the same citations, in the same order"))
    return problems


def in_edition(originals: list[SourceFile], translations: list[SourceFile], shown) -> tuple[list[SourceFile],
                                                                                           set[str], list[Problem]]:
    """Each original's translation in its place where there is one; the originals that have none (shown in the
    edition as they are); and what is wrong: a translation that does not keep its original, or that has no
    original at all. `shown(doc)` names a file as messages do."""
    by_slug = {doc.slug: doc for doc in translations}
    problems: list[Problem] = []
    docs, untranslated = [], set()
    for original in originals:
        translation = by_slug.pop(original.slug, None)
        if translation is None:
            docs.append(original)
            untranslated.add(original.slug)
            continue
        problems += differences(Pair(original, translation), shown(original), shown(translation))
        docs.append(translation)
    for orphan in by_slug.values():
        problems.append(Problem(shown(orphan), 1, "file", "a translation of no file: no original has its name",
                                "the name of the file it translates, in the site's own folder"))
    return docs, untranslated, problems


def untranslated_warnings(docs: list[SourceFile], untranslated: set[str], edition: str, shown) -> list[Problem]:
    """A warning for each file the edition shows untranslated: not wrong (the edition is built, the file shown as
    written and marked so), but what is left to translate, which `invoke check` lists."""
    warnings = []
    for doc in (doc for doc in docs if doc.slug in untranslated):
        content, _, inside = shown(doc).partition("/")
        warnings.append(Problem(shown(doc), 1, "file", f"warning: not yet translated, so the edition `{edition}` "
                                "shows it as written here, marked as such",
                                f"its translation, {content}/{edition}/{inside} (the site is built all the same)"))
    return warnings
