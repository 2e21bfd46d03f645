"""UN document symbols, and the address of the official document each one names.

A symbol of the General Assembly (`A/RES/ES-11/6`, `A/ES-11/L.16/Rev.1`) or of the Security Council
(`S/RES/2774 (2025)`) starts with its organ's letter and a slash; the UN's document system finds a document
by its symbol, at the address TIMELINE_SYMBOL_URL makes of it. Any other symbol stays plain text: there is no
one address for the documents of other bodies.
"""

from __future__ import annotations

import re
from urllib.parse import quote

UN_SYMBOL = re.compile(r"[AS]/\S")
# A report to both organs has a joint symbol, two symbols in one (A/77/895-S/2023/363): it is left unlinked
# rather than guess which of the two the document system answers to.
JOINT_SYMBOL = re.compile(r"-[AS]/")


def symbol_url(symbol: str | None, pattern: str) -> str | None:
    """Return the address of a UN symbol's document, the symbol URL-quoted into `pattern`'s {symbol} (its
    slashes kept, as they separate the symbol's parts); None for no symbol, another body's, a joint one, or
    no pattern."""
    if not symbol or not pattern or not UN_SYMBOL.match(symbol) or JOINT_SYMBOL.search(symbol):
        return None
    return pattern.format(symbol=quote(symbol, safe="/"))
