"""Untrusted markup: what an editor's HTML may contain, and how it is cleaned.

Every body goes through the sanitiser; finding something unsafe is also reported to the editor, so a
pasted script is fixed at the source rather than silently dropped.
"""

from __future__ import annotations

import html
import re

import nh3
from bs4 import BeautifulSoup

# What Markdown itself produces, plus the little inline HTML an editor might reasonably write.
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
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "form", "frame", "frameset", "base"}
# A tag with no attribute that is not dangerous, which is most of what Markdown writes.
PLAIN_TAG = re.compile(r"</?(?:p|em|strong|i|b|ul|ol|li|h[1-6]|blockquote|br|hr|code|pre|sup|sub|del|ins|small"
                       r"|table|thead|tbody|tfoot|tr|th|td|dl|dt|dd)\s*/?>", re.IGNORECASE)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def strip_markup(text: str) -> str:
    """Plain text fields keep their words and lose any tag (and a script's contents).

    The result is text, not HTML: the templates escape it, so `&` must not arrive as `&amp;`.
    """
    return html.unescape(nh3.clean(text, tags=set(), attributes={}))


def find_unsafe_markup(html: str) -> list[str]:
    """Describe each dangerous construct in rendered HTML: `<script>`, `onerror=`, `javascript:`."""
    if "<" not in PLAIN_TAG.sub("", html):
        # Only plain tags: nothing to find, and no need to parse (a tenth of reading a file).
        return []
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name in DANGEROUS_TAGS:
            found.append(f"<{element.name}>")
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{attribute}=")
            # Browsers ignore spaces, tabs and newlines inside a URL's scheme: `java\tscript:` runs.
            elif "javascript:" in re.sub(r"[\x00-\x20]", "", str(value)).lower():
                found.append(f"{attribute}=javascript:")
    return found


def locate_unsafe_markup(html_text: str, source: str, first_line: int) -> list[tuple[int, str]]:
    """Each dangerous construct of the rendered HTML, with the line of `source` (which starts on
    `first_line`) where it is written; where it cannot be found, the first line of text."""
    lowered = source.lower()
    located = []
    for construct in find_unsafe_markup(html_text):
        needle = "javascript:" if construct.endswith("javascript:") else construct.rstrip(">=")
        index = lowered.find(needle)
        if index < 0:
            index = len(source) - len(source.lstrip())
        located.append((first_line + source.count("\n", 0, index), construct))
    return located
