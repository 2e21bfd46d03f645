"""The built site as a reader's browser sees it: a local server for a folder and Debian's Chromium.

Shared by the browser tests (tests/test_browser_*.py) and the `screenshots` and `weight` tasks. Chromium is the
system's (`apt-get install chromium`), driven by Playwright; no browser is downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# No sandbox because CI runs as root; the rest keep Chromium from reaching out to the network on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        """Requests are not logged: the tests' output is for what failed."""


@contextlib.contextmanager
def serve(folder: str | Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port from a thread; yields the address of its root."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium; fails loudly if it cannot start, since a browser check that does not run proves nothing."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class Transfer:
    """One file a page requested: its address, its size as served and its size gzipped."""

    url: str
    size: int
    gzipped: int


def load_and_weigh(page: Page, url: str) -> list[Transfer]:
    """Load a page and wait until the network is idle; every file it requested, gzipped as a server would."""
    responses = []

    def record(response) -> None:
        responses.append(response)

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", record)
    return [Transfer(r.url, len(body), len(gzip.compress(body, mtime=0)))
            for r in responses for body in [r.body()]]
