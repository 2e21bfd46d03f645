"""`invoke benchmark` hands its options to benchmarks/run.py as written, which refuses a value that is not a
count in one line, before anything is generated or built."""

from __future__ import annotations

import pytest

from benchmarks.run import main


@pytest.mark.parametrize("option, value, problem", [
    ("--actors", "abc", "'abc' is not a whole number of 1 or more"),
    ("--actors", "3,4", "'3,4' is not a whole number of 1 or more"),
    ("--repeat", "0", "'0' is not a whole number of 1 or more"),
    ("--repeat", "-2", "'-2' is not a whole number of 1 or more"),
    ("--events", "a,b", "'a,b' is not whole numbers of 1 or more, separated by commas"),
    ("--events", "1000,,10", "'1000,,10' is not whole numbers of 1 or more, separated by commas"),
    ("--events", "0", "'0' is not whole numbers of 1 or more, separated by commas"),
])
def test_a_benchmark_option_that_is_not_a_count_is_refused_in_one_line(capsys, tmp_path, option, value, problem):
    with pytest.raises(SystemExit) as stopped:
        main([option, value, "--work", str(tmp_path)])
    assert stopped.value.code == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert said[-1].endswith(f"error: argument {option}: {problem}")  # after argparse's line of usage
    assert list(tmp_path.iterdir()) == []
