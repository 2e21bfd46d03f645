"""The address of a UN document made from its symbol, as the event page and the open data link it."""

from __future__ import annotations

import pytest

from pelican.plugins.timeline.symbols import symbol_url

PATTERN = "https://documents.example.org/{symbol}"


@pytest.mark.parametrize("symbol, url", [
    ("A/RES/ES-11/6", "https://documents.example.org/A/RES/ES-11/6"),
    ("A/ES-11/L.16/Rev.1", "https://documents.example.org/A/ES-11/L.16/Rev.1"),
    ("S/RES/2774 (2025)", "https://documents.example.org/S/RES/2774%20%282025%29"),
    ("S/RES/2623 (2022)", "https://documents.example.org/S/RES/2623%20%282022%29"),
    ("A/RES/78/316?x=1#y", "https://documents.example.org/A/RES/78/316%3Fx%3D1%23y"),
])
def test_a_un_symbol_becomes_the_address_of_its_document_with_spaces_and_brackets_quoted(symbol, url):
    assert symbol_url(symbol, PATTERN) == url


@pytest.mark.parametrize("symbol", [None, "", "ICC-01/22", "E/CN.4/2005/L.1", "a/res/es-11/6", "A/", " A/RES/1",
                                    "A/77/895-S/2023/363"])
def test_only_a_single_symbol_of_the_assembly_or_the_council_is_linked(symbol):
    assert symbol_url(symbol, PATTERN) is None


def test_no_symbol_is_linked_when_the_setting_is_empty():
    assert symbol_url("A/RES/ES-11/6", "") is None
