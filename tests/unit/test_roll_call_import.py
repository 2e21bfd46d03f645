"""The names a copy of a voting record gives members, read as the table's codes however they are spelled."""

from __future__ import annotations

import datetime

import pytest

from pelican.plugins.timeline.member_states import MemberState
from pelican.plugins.timeline.roll_call_import import codes_by_name, plain_name

MEMBERS = [MemberState(code, name, "", datetime.date(1945, 10, 24), line) for line, (code, name) in enumerate(
    [("CIV", "Côte d'Ivoire"), ("PRK", "Democratic People's Republic of Korea"), ("TUR", "Türkiye"),
     ("USA", "United States of America")], start=2)]


@pytest.mark.parametrize("name, code", [
    ("COTE D'IVOIRE", "CIV"), ("Cote d Ivoire", "CIV"),  # capitals, accents and apostrophes as copies write them
    ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK"), ("North Korea", "PRK"),  # ISO 3166's common name
    ("Turkey", "TUR"), ("TURKIYE", "TUR"), ("Republic of Türkiye", "TUR"),  # a former name; ISO's official one
    ("United States", "USA"), ("UNITED STATES OF AMERICA", "USA"),
])
def test_a_member_is_found_by_any_name_a_copy_gives_it(name, code):
    assert codes_by_name(MEMBERS)[plain_name(name)] == code


def test_no_name_leads_to_a_state_the_table_does_not_hold():
    assert set(codes_by_name(MEMBERS).values()) == {"CIV", "PRK", "TUR", "USA"}
    assert plain_name("Swaziland") not in codes_by_name(MEMBERS), "a former name of a state not in the table"
