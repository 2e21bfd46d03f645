"""Hugo, the benchmark's second anchor: the plain site's Markdown, its `Title:`, `Date:` and `Summary:` lines
turned into the front matter Hugo reads, built with the minimal theme of hugo-site/ (each event's page, and a
paginated list of each section). Where Hugo is not installed (`apt-get install hugo`), it is left out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

THEME = Path(__file__).with_name("hugo-site")


def program() -> str | None:
    return shutil.which("hugo")


def version() -> str:
    """Hugo's version, as `hugo version` begins it (`v0.111.3+extended`)."""
    return subprocess.run([program(), "version"], capture_output=True, text=True, check=True).stdout.split()[1]


def write_site(plain: Path, site: Path) -> Path:
    """Write a Hugo site at `site`: the theme, and every file of the plain site with its fields as front matter."""
    shutil.copytree(THEME, site)
    for source in sorted(plain.rglob("*.md")):
        header, body = source.read_text(encoding="utf-8").split("\n\n", 1)
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        # Quoted as JSON, which YAML reads as it is: a title may hold a colon.
        front = "".join(f"{name.lower()}: {json.dumps(value)}\n" for name, value in fields.items())
        target = site / "content" / source.relative_to(plain)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return site


def command(site: Path, output: Path) -> list[str]:
    return [program(), "--source", str(site), "--destination", str(output), "--quiet"]
