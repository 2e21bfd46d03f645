"""Builds that meet: two at once on the same cache or output/, a build killed half-way, one cache shared by
different content. Each either works or stops at once with one line saying why and what to do."""

from __future__ import annotations

from conftest import FIXTURES, ROOT, build


def test_one_cache_serves_builds_of_different_content_into_different_folders(tmp_path):
    cache = str(tmp_path / "cache")
    runs = [(FIXTURES / "site", "a"), (ROOT / "content", "b"), (FIXTURES / "site", "a")]

    results = [build(content, tmp_path / output, CACHE_PATH=cache) for content, output in runs]

    assert [result.returncode for result in results] == [0, 0, 0], results[-1].log
    assert "Traceback" not in "".join(result.log for result in results)
    assert (tmp_path / "a" / "events" / "2025-12-03-children-vote" / "index.html").is_file()
    assert not (tmp_path / "a" / "actors" / "albania").exists(), "a page of the other content was left"
    assert (tmp_path / "b" / "actors" / "albania" / "index.html").is_file()
