"""Untrusted markup: what an editor's HTML may contain, how it is cleaned, and what plain text is.

Two kinds of value come from content files, and every output treats each the same way:

- The Markdown body of an event, an actor or a page is HTML: converted, then sanitised here, and only
  then written into pages and into the feeds' `<content type="html">`.
- Every front-matter value (title, summary, name, role, quotes, sources, conflicts, figures) is plain
  text: shown exactly as written, never read as HTML. So that no consumer of the open data can mistake
  it for markup, plain text may not contain anything a browser would start to read as markup: a `<`
  followed by a letter, `/`, `!` or `?`, or a character reference such as `&lt;`. Each output escapes
  plain text for its place: HTML and attributes (Jinja's autoescape), the feeds (escaped to HTML for
  Atom's `type="html"`), JSON and JSON-LD (`<`, `>` and `&` written as `\\u003c`, `\\u003e`, `\\u0026`),
  CSV (a cell a spreadsheet would run as a formula starts with `'`).

With TIMELINE_UNSAFE_MARKUP = "strip", markup is removed instead of refused: tags from plain text (and
a script's or style's contents), scripts, frames and event handlers from bodies.
"""

from __future__ import annotations

import html
import re
import unicodedata

import nh3
from selectolax.lexbor import LexborHTMLParser

from .lines import Lines

# What Markdown itself produces, plus the little inline HTML an editor might reasonably write. No h1:
# a page's title is its one level-1 heading, and bodies are moved down a level to make room (see
# `demote_headings`).
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p",
    "pre", "q", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "*": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# The attributes whose value the sanitiser (ammonia's is_url_attr) reads as an address, dropping it when its scheme
# is not one of those.
URL_ATTRIBUTES = {"href", "src", "action", "data", "formaction", "ping", "poster"}
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# A template is among them: the sanitiser drops what it holds (a script, say) unseen.
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "form", "frame", "frameset", "base", "template"}
# A tag with no attribute that is not dangerous, which is most of what Markdown writes.
PLAIN_TAG = re.compile(r"</?(?:p|em|strong|i|b|ul|ol|li|h[1-6]|blockquote|br|hr|code|pre|sup|sub|del|ins|small"
                       r"|table|thead|tbody|tfoot|tr|th|td|dl|dt|dd)\s*/?>", re.IGNORECASE)
# Where a browser's HTML tokenizer leaves text and starts reading markup; what may be a character
# reference (it is one when html.unescape reads it as something else).
MARKUP_START = re.compile(r"<[A-Za-z/!?]")
MAYBE_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;?")
# What stripping removes, in order, each with what ends it: the elements whose contents go with them, comments,
# then whole tags and declarations. Each is removed only from the text before the last of its ends, where every
# one that starts is ended: tried where none is, each of thousands of `<!--` would be read to the end in vain.
STRIPPED = [*((re.compile(rf"<{name}\b.*?</{name}\s*>", re.DOTALL | re.IGNORECASE),
               re.compile(rf"</{name}\s*>", re.IGNORECASE)) for name in ("script", "style")),
            (re.compile(r"<!--.*?-->", re.DOTALL), re.compile("-->")),
            (re.compile(r"<[A-Za-z/!?][^>]*>"), re.compile(">"))]
# Rounds of stripping: each undoes one level of nesting (`<<b>b>`, `&amp;lt;`); text nested deeper is made inert
# by the last step rather than stripped one level a round, which would take time quadratic in its length.
STRIP_ROUNDS = 4
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r'(\sid=")([^"]*)"')
FRAGMENT_LINK = re.compile(r'(\shref="#)([^"]*)"')


# Characters that show nothing, or change how the text around them shows: controls (a tab and a line break
# aside), marks, embeddings, overrides and isolates of direction (after U+202E a title reads backwards),
# zero-width and other formatting characters, line and paragraph separators, halves of characters and
# non-characters. Plain text holds none of them, so that no title reads otherwise than it is written and no
# two names that look alike differ.
HIDDEN_CATEGORIES = {"Cc": "an invisible control character", "Cf": "an invisible formatting character",
                     "Zl": "a line separator", "Zp": "a paragraph separator", "Cs": "half of a character"}
DIRECTION = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A body may hold the joiners and marks of direction some scripts need, but nothing a feed cannot hold (XML
# 1.0 allows no other control, half of a character or U+FFFE), and no embedding, override or isolate.
PRINTABLE_ASCII = re.compile("[\t\n -~]*")
NOT_IN_BODIES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e"
                           "\u2066-\u2069]")


def hidden_character(text: str) -> tuple[str, str] | None:
    """The first character of plain text that shows nothing or changes how the text around it shows, and
    what it is; None when there is none."""
    if PRINTABLE_ASCII.fullmatch(text):  # most values: no need to look at each character
        return None
    for character in text:
        if character in "\t\n" or " " <= character < "\x7f":
            continue
        if DIRECTION.fullmatch(character):
            return character, "a character that changes the direction of the text around it"
        if what := HIDDEN_CATEGORIES.get(unicodedata.category(character)):
            return character, what
        if "\ufdd0" <= character <= "\ufdef" or ord(character) & 0xFFFE == 0xFFFE:
            return character, "a non-character"
    return None


def sanitise_html(html_text: str) -> str:
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def markup_in_text(text: str) -> str | None:
    """The first thing in a plain-text value that would read as markup (`<b`, `&lt;`), or None."""
    starts = [match for match in (MARKUP_START.search(text),) if match]
    starts += [match for match in MAYBE_REFERENCE.finditer(text) if html.unescape(match.group()) != match.group()][:1]
    return min(starts, key=lambda match: match.start()).group() if starts else None


def strip_markup(text: str) -> str:
    """Plain text from text with markup in it. Character references are read and whole tags and comments
    removed (a script's or style's contents with them) for a few rounds, so that removing one does not leave
    the pieces of another joined; a `<` that still starts markup (`x<y`) is kept, followed by a space.
    """
    for _ in range(STRIP_ROUNDS):
        stripped = html.unescape(text)
        for whole, end in STRIPPED:
            last = max((match.end() for match in end.finditer(stripped)), default=0)
            stripped = whole.sub("", stripped[:last]) + stripped[last:]
        if stripped == text:
            break
        text = stripped
    return " ".join(MARKUP_START.sub(lambda match: f"< {match.group()[1:]}", text).split())


def find_unsafe_markup(html_text: str) -> list[str]:
    """Describe each dangerous construct in rendered HTML: `<script>`, `onerror=`, `javascript:`, and each
    address the sanitiser would drop unseen (`href=data:`, `src=file:`)."""
    if "<" not in PLAIN_TAG.sub("", html_text):
        # Only plain tags: nothing to find, and no need to parse (a tenth of reading a file).
        return []
    found = []
    # Read as a browser reads it (Lexbor follows the HTML standard), in time linear in its length: Python's
    # html.parser takes quadratic time over thousands of unclosed tags, and fails on some declarations.
    for element in LexborHTMLParser(html_text).root.traverse():
        if element.tag in DANGEROUS_TAGS:
            found.append(f"<{element.tag}>")
        for attribute, value in element.attributes.items():
            # Browsers ignore spaces, tabs and newlines inside a URL's scheme: `java\tscript:` runs.
            address = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if attribute.lower().startswith("on"):
                found.append(f"{attribute}=")
            elif "javascript:" in address:
                found.append(f"{attribute}=javascript:")
            elif attribute.lower() in URL_ATTRIBUTES and (scheme := SCHEME.match(address)) and \
                    scheme[1] not in URL_SCHEMES:
                found.append(f"{attribute}={scheme[1]}:")
    return found


def locate_unsafe_markup(html_text: str, source: str, first_line: int) -> list[tuple[int, str]]:
    """Each dangerous construct of the rendered HTML, with the line of `source` (which starts on
    `first_line`) where it is written; where it cannot be found, the first line of text."""
    lowered = source.lower()  # as many lines as the source, if not always as many characters
    lines = Lines(lowered, first_line)
    first_text = lines.of(len(lowered) - len(lowered.lstrip()))
    located = []
    for construct in find_unsafe_markup(html_text):
        needle = construct.split("=", 1)[1] if construct.endswith(":") else construct.rstrip(">=")
        line = lines.of_next(needle)
        located.append((first_text if line is None else line, construct))
    return located


def demote_headings(html_text: str) -> str:
    """A body's headings moved down one level when it uses a level-1 heading (`# Background`), so that
    the page's title stays its one h1 and the body keeps its outline (h6 stays h6)."""
    levels = [int(level) for _, level in HEADING_TAG.findall(html_text)]
    if not levels or min(levels) > 1:
        return html_text
    return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html_text)


def namespace_ids(html_text: str, namespace: str) -> str:
    """Sanitised HTML whose ids (a footnote's `fn:1`, an editor's `{#id}`) start with `namespace:`, and
    whose links to them follow, so that two bodies on one page (the chronology), or a body and the
    theme, never give two elements the same id."""
    ids = {value for _, value in ID_ATTRIBUTE.findall(html_text)}
    if not ids:
        return html_text
    html_text = ID_ATTRIBUTE.sub(lambda m: f'{m[1]}{namespace}:{m[2]}"', html_text)
    return FRAGMENT_LINK.sub(lambda m: f'{m[1]}{namespace}:{m[2]}"' if m[2] in ids else m[0], html_text)


def escape_json(text: str) -> str:
    """Serialised JSON with `<`, `>` and `&` written as escapes, which only ever stand inside strings: the
    same data once parsed, but bytes that no HTML parser reads as markup, inside a `<script>` or out."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as the text it is: one it would run as a formula starts with `'`."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
