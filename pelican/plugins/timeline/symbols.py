"""Document symbols, and the address of the official document each one names.

A body that numbers its documents (resolutions, reports, filings) gives each a symbol; a document system that
finds a document by its symbol is named in TIMELINE_SYMBOL_URL, and TIMELINE_SYMBOL_LINKED says which symbols
it finds (those of its own bodies). Any other symbol stays plain text.
"""

from __future__ import annotations

import re
from urllib.parse import quote


def symbol_url(symbol: str | None, settings: dict) -> str | None:
    """Return the address of a symbol's document, the symbol URL-quoted into TIMELINE_SYMBOL_URL's {symbol} (its
    slashes kept, as they separate the symbol's parts); None for no symbol, one the system does not find, or no
    system."""
    pattern = settings["TIMELINE_SYMBOL_URL"]
    if not symbol or not pattern or not re.fullmatch(settings["TIMELINE_SYMBOL_LINKED"], symbol):
        return None
    return pattern.format(symbol=quote(symbol, safe="/"))


def short_symbol(symbol: str | None, settings: dict) -> str | None:
    """The symbol where room is short, without what TIMELINE_SYMBOL_SHORTEN matches."""
    shorten = settings["TIMELINE_SYMBOL_SHORTEN"]
    return re.sub(shorten, "", symbol) if symbol and shorten else symbol
