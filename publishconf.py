"""Settings for the published site: the local ones, with absolute URLs under SITEURL and feeds on."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403
from pelican.plugins.timeline.publishing import *  # noqa: E402,F403
