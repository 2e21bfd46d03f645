"""Settings for the published site: absolute URLs under SITEURL and feeds on."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The address the site is served from, without a trailing slash; set it in the environment or here.
SITEURL = os.environ.get("SITEURL", "https://ukraine-timeline.example.org")
RELATIVE_URLS = False
