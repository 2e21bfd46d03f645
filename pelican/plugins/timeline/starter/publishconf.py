"""Settings for the published site: absolute URLs under SITEURL and feeds on."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The address the site is served from, e.g. https://example.github.io/timeline, without a trailing slash.
# It comes from the environment so that no placeholder address can ever be published.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit("publishconf.py: set SITEURL to the site's address, e.g. "
             "SITEURL=https://example.github.io/timeline invoke preview")
RELATIVE_URLS = False
TIMELINE_FEEDS = True
