"""A check of a built site as a reader's browser meets it: every link and asset inside the site
resolves (to a file, and to an element when it names one with `#`), every page has a title and one h1.

Validation proves the content right; this proves the templates and the writing right, on the files
themselves. Problems use the editors' one format, with the page's path inside the output folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser

from .problems import Problem

CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<link>[^'")]*)\1\s*\)|@import\s+(['"])(?P<imported>[^'"]*)\3""")


class BuiltSite:
    """The output folder, with each page parsed once however many links point at it: by Lexbor, as browsers
    read HTML and some fifty times faster; a page found wrong is read again with the line of each element."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.trees: dict[Path, LexborHTMLParser] = {}
        self.ids: dict[Path, set[str]] = {}

    def tree(self, path: Path) -> LexborHTMLParser:
        if path not in self.trees:
            self.trees[path] = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
        return self.trees[path]

    @staticmethod
    def page(path: Path) -> BeautifulSoup:
        return BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")

    def name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def broken(self, source: Path, link: str) -> str | None:
        """What is wrong with a link from the file `source`, or None if it resolves or leaves the site."""
        try:
            parts = urlsplit(link)
        except ValueError:  # brackets that are not an IPv6 address, e.g. https://[draft]
            return "is not a valid address"
        if parts.scheme or parts.netloc or link.startswith("#") and len(link) == 1:
            return None
        if not parts.path:
            target = source
        elif parts.path.startswith("/"):
            target = self.root / unquote(parts.path).lstrip("/")
        else:
            target = source.parent / unquote(parts.path)
        target = Path(os.path.normpath(target))
        if not target.is_relative_to(self.root):
            return "leads outside the site"
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return "leads to no file"
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in self.anchors(target):
            return f"leads to no element with the id `{fragment}` on {self.name(target)}"
        return None

    def anchors(self, path: Path) -> set[str]:
        """What a `#fragment` may name on the page: an element's id, or an old-style `<a name>`."""
        if path not in self.ids:
            tree = self.tree(path)
            self.ids[path] = ({node.attributes["id"] for node in tree.css("[id]")}
                              | {node.attributes["name"] for node in tree.css("a[name]")})
        return self.ids[path]

    def looks_right(self, path: Path) -> bool:
        """Whether the page has a title, one h1, each id once and every link resolving, read quickly."""
        tree = self.tree(path)
        title, ids = tree.css_first("title"), [node.attributes["id"] for node in tree.css("[id]")]
        return (title is not None and bool(title.text().strip()) and len(tree.css("h1")) == 1
                and len(ids) == len(set(ids))
                and not any(link is not None and self.broken(path, link.strip()) for node in tree.css("[href], [src]")
                            for link in (node.attributes.get("href"), node.attributes.get("src"))))


def page_problems(site: BuiltSite, path: Path) -> list[Problem]:
    if site.looks_right(path):
        return []
    soup, name = site.page(path), site.name(path)
    problems = []
    if soup.title is None or not soup.title.get_text().strip():
        problems.append(Problem(name, soup.title.sourceline if soup.title else 1, "title",
                                "missing" if soup.title is None else "empty", "a `<title>` naming the page"))
    seen: set[str] = set()
    for element in soup.find_all(id=True):
        if element["id"] in seen:
            problems.append(Problem(name, element.sourceline or 1, "id", f"`{element['id']}` is used twice",
                                    "each id once on a page, so that links and labels find one element"))
        seen.add(element["id"])
    headings = soup.find_all("h1")
    if len(headings) != 1:
        problems.append(Problem(name, headings[1].sourceline if headings else 1, "h1",
                                f"{len(headings)} h1 headings", "exactly one `<h1>`, the page's own heading"))
    for element in soup.find_all(lambda e: e.has_attr("href") or e.has_attr("src")):
        for attribute in ("href", "src"):
            link = element.get(attribute)
            if link is not None and (problem := site.broken(path, link.strip())):
                problems.append(Problem(name, element.sourceline or 1, f"{element.name} {attribute}",
                                        f"`{link}` {problem}", "a link to a page or file of the built site"))
    return problems


def stylesheet_problems(site: BuiltSite, path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    for match in CSS_URL.finditer(text):
        link = match["link"] if match["link"] is not None else match["imported"]
        if link.startswith("data:"):
            continue
        if problem := site.broken(path, link.strip()):
            problems.append(Problem(site.name(path), text.count("\n", 0, match.start()) + 1, "css url",
                                    f"`{link}` {problem}", "a file of the built site"))
    return problems


def check_output(root: Path) -> list[Problem]:
    """Every problem of the site built in `root`, sorted by file and line."""
    site = BuiltSite(root)
    problems = []
    for path in sorted(site.root.rglob("*.html")):
        problems += page_problems(site, path)
    for path in sorted(site.root.rglob("*.css")):
        problems += stylesheet_problems(site, path)
    return sorted(problems)
