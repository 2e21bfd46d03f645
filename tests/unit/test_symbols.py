"""The address of a document made from its symbol, as the event page and the open data link it, with this site's
settings (the UN's symbols of the General Assembly and the Security Council) and others'."""

from __future__ import annotations

import pytest

from pelican.plugins.timeline.settings import DEFAULTS
from pelican.plugins.timeline.skeleton import project_settings
from pelican.plugins.timeline.symbols import short_symbol, symbol_url

PATTERN = "https://documents.example.org/{symbol}"
SITE = {**project_settings(), "TIMELINE_SYMBOL_URL": PATTERN}


@pytest.mark.parametrize("symbol, url", [
    ("A/RES/ES-11/6", "https://documents.example.org/A/RES/ES-11/6"),
    ("A/ES-11/L.16/Rev.1", "https://documents.example.org/A/ES-11/L.16/Rev.1"),
    ("S/RES/2774 (2025)", "https://documents.example.org/S/RES/2774%20%282025%29"),
    ("S/RES/2623 (2022)", "https://documents.example.org/S/RES/2623%20%282022%29"),
    ("A/RES/78/316?x=1#y", "https://documents.example.org/A/RES/78/316%3Fx%3D1%23y"),
])
def test_a_un_symbol_becomes_the_address_of_its_document_with_spaces_and_brackets_quoted(symbol, url):
    assert symbol_url(symbol, SITE) == url


@pytest.mark.parametrize("symbol", [None, "", "ICC-01/22", "E/CN.4/2005/L.1", "a/res/es-11/6", "A/", " A/RES/1",
                                    "A/77/895-S/2023/363"])
def test_only_a_single_symbol_of_the_assembly_or_the_council_is_linked(symbol):
    assert symbol_url(symbol, SITE) is None


def test_no_symbol_is_linked_when_the_setting_is_empty():
    assert symbol_url("A/RES/ES-11/6", {**SITE, "TIMELINE_SYMBOL_URL": ""}) is None


def test_by_default_a_site_with_a_document_system_links_every_symbol_and_shortens_none():
    settings = {**DEFAULTS, "TIMELINE_SYMBOL_URL": PATTERN}
    assert symbol_url("ICC-01/22", settings) == "https://documents.example.org/ICC-01/22"
    assert short_symbol("A/RES/ES-11/1", settings) == "A/RES/ES-11/1"
    assert symbol_url("ICC-01/22", DEFAULTS) is None


@pytest.mark.parametrize("symbol, short", [("A/RES/ES-11/1", "ES-11/1"), ("S/RES/2623 (2022)", "S/RES/2623"),
                                           ("A/RES/78/316", "78/316"), (None, None)])
def test_this_sites_column_headings_shorten_a_symbol_to_what_tells_it_apart(symbol, short):
    assert short_symbol(symbol, SITE) == short
