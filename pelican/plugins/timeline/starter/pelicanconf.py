"""Settings for building the site locally; publishconf.py overrides what production changes. The generator's
own settings and their defaults are in its settings.py, the Pelican settings every timeline site shares in
its site_settings.py (both in pelican/plugins/timeline/)."""

from pelican.plugins.timeline.site_settings import *  # noqa: F403  what every timeline site shares

SITENAME = "A timeline"
SITESUBTITLE = "A sourced chronology"

# What your chronology is about: its kinds of event (their order gives each its colour and shape on the
# time axis), the positions actors take at them, the figures it counts and its menu. The defaults suit many
# chronologies; uncomment and change what yours needs.
# TIMELINE_EVENT_TYPES = {"decision": "Decision", "vote": "Vote", "meeting": "Meeting", "report": "Report"}
# TIMELINE_MEASURES = {"jobs-lost": "Jobs reported lost"}
# FIGURES_TITLE = "Jobs lost: the reported figures"
# TIMELINE_MENU = {"timeline": "Timeline", "actors": "Actors", "figures": "Jobs", "search": "Search"}
