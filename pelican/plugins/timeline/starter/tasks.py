"""The site's tasks: `invoke build`, `invoke serve`, `invoke new-event` and the rest (`invoke --list`)."""

from pelican.plugins.timeline.tasks import *  # noqa: F403
