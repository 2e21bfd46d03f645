"""schema.org descriptions of events and actors, embedded in their pages as JSON-LD."""

from __future__ import annotations

import json

from markupsafe import Markup

from .markup import escape_json
from .model import Actor, Event
from .settings import absolute_url

ACTOR_TYPES = {"state": "Country", "organisation": "Organization", "person": "Person"}
# The property that links an actor to the state or organisation it belongs to, by the actor's kind.
AFFILIATION_PROPERTIES = {"person": "affiliation", "organisation": "parentOrganization"}


def actor_node(actor: Actor, settings: dict) -> dict:
    node = {"@type": ACTOR_TYPES[actor.kind], "name": actor.name}
    if url := absolute_url(settings, actor.url):
        node["url"] = url
    return node


def event_json_ld(event: Event, settings: dict) -> dict:
    # startDate and endDate are dates as precisely as they are known: ISO 8601 allows 2022-03 and 2022.
    # schema.org has no word for a date known only roughly: the qualifier is in the page and the data.
    data = {"@context": "https://schema.org", "@type": "Event", "name": event.title,
            "startDate": event.iso_date, "description": event.summary}
    if event.end_period:
        data["endDate"] = event.end_period.iso
    if url := absolute_url(settings, event.url):
        data["url"] = url
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location}
    if event.body:
        data["organizer"] = actor_node(event.body, settings)
    return data


def actor_json_ld(actor: Actor, settings: dict) -> dict:
    data = {"@context": "https://schema.org", **actor_node(actor, settings), "description": actor.role}
    if actor.affiliation and actor.kind in AFFILIATION_PROPERTIES:
        data[AFFILIATION_PROPERTIES[actor.kind]] = actor_node(actor.affiliation, settings)
    return data


def script_json(data: dict) -> Markup:
    """JSON safe inside <script>: no value can close the element."""
    return Markup(escape_json(json.dumps(data, ensure_ascii=False)))
