"""The real site served from 127.0.0.1 and opened in Debian's Chromium, once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # headless.py sits beside tasks.py, which shares it

import headless  # noqa: E402


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with headless.serve(site.output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with headless.chromium() as chromium:
        yield chromium


@pytest.fixture
def open_page(browser, base_url):
    """Open a page of the site in a fresh browser context (viewport, colour scheme, JavaScript on or off)."""
    contexts = []

    def open_(path: str, **context_options):
        context = browser.new_context(**context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path.lstrip("/"), wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()
