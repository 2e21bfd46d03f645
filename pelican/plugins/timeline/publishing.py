"""What publishing changes, for every timeline site: its publishconf.py imports its pelicanconf.py, then
this (`from pelican.plugins.timeline.publishing import *`). Absolute addresses under SITEURL, feeds on."""

import os
import sys

# The address the site is served from, e.g. https://example.github.io/timeline, without a trailing slash.
# It comes from the environment so that no placeholder address can ever be published.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit("publishconf.py: set SITEURL to the site's address, e.g. "
             "SITEURL=https://example.github.io/timeline invoke preview")
RELATIVE_URLS = False
TIMELINE_FEEDS = True

__all__ = ["SITEURL", "RELATIVE_URLS", "TIMELINE_FEEDS"]
