"""`python -m pelican` and `python -m invoke`, run for the tests as a maintainer runs them, each in a process
of its own, but without paying for a new interpreter each time.

A fresh interpreter spends about as long importing Pelican, Markdown and the generator as a fixture site
takes to build, and the suite builds sites hundreds of times. So each run is forked from a server, one per
test process, that has imported them once and never runs anything itself: every run still starts from a
clean process, with nothing of an earlier one, in its own working folder, environment and process group,
its output in files. Only a run whose environment changes what the interpreter reads as it starts
(PYTHONHASHSEED, PYTHONPATH) is given a new interpreter.

The server reads one request a line (JSON: program, argv, cwd, env, stdout, stderr), forks the run, and
answers with its process id, then its exit code; it ends when the test process closes its input.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import os
import select
import signal
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

# Imported once, in the server, for every build: Pelican, the generator, what a site's tasks.py imports, and
# what a build would import as it goes (Pelican's Markdown extensions, the parts of rich it reports with).
import invoke.main
import jinja2
import markdown.extensions.codehilite  # noqa: F401
import markdown.extensions.extra  # noqa: F401
import markdown.extensions.meta  # noqa: F401
import pagefind_bin  # noqa: F401
import pelican
import pelican.plugins.timeline  # noqa: F401
import rich.live  # noqa: F401
import rich.table  # noqa: F401
from pelican.plugins.timeline import tasks  # noqa: F401
from pelican.plugins.timeline.compiled_templates import CompiledTemplates
from pelican.plugins.timeline.reader import TimelineReader
from pelican.readers import MarkdownReader
from pelican.plugins.timeline.site_settings import JINJA_ENVIRONMENT, MARKDOWN


def prepare_builds() -> None:
    """Do once, in the memory every run forked from here starts with, what each build of a site did first:
    compile the generator's templates and Pelican's own with the site's Jinja options (half of a small
    site's build), and the regular expressions of a Markdown converter with the site's extensions."""
    for theme in (pelican.plugins.timeline.THEME, os.path.join(os.path.dirname(pelican.__file__), "themes", "simple")):
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(theme, "templates")), **JINJA_ENVIRONMENT)
        env.bytecode_cache = CompiledTemplates(None, env)
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
    settings = {"MARKDOWN": copy.deepcopy(MARKDOWN)}
    MarkdownReader(settings)  # which adds the extensions of the settings' configurations, as in a build
    TimelineReader(settings).markdown.convert("A *text* [@1].")


PROGRAMS = {"pelican": pelican.main, "invoke": lambda argv: invoke.main.program.run(["invoke", *argv])}


class Server:
    """The forking server of this test process, started on its first run."""

    process: subprocess.Popen | None = None

    @classmethod
    def started(cls) -> subprocess.Popen:
        if cls.process is None or cls.process.poll() is not None:
            # Unbuffered, so that a line read leaves the next in the pipe, where select() sees it.
            cls.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           bufsize=0)
        return cls.process


def run(program: str, argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """Run `python -m PROGRAM ARGV` in `cwd` with exactly the environment `env`, as subprocess.run(…,
    capture_output=True, text=True) does; a run longer than `timeout` seconds is killed, with every process it
    started, and raises subprocess.TimeoutExpired."""
    if read_as_python_starts(env):
        return subprocess.run([sys.executable, "-m", program, *argv], cwd=cwd, capture_output=True, text=True,
                              env=env, timeout=timeout)
    server = Server.started()
    with tempfile.NamedTemporaryFile("r") as stdout, tempfile.NamedTemporaryFile("r") as stderr:
        request = {"program": program, "argv": argv, "cwd": str(cwd), "env": env, "stdout": stdout.name,
                   "stderr": stderr.name}
        server.stdin.write(json.dumps(request).encode() + b"\n")
        pid = int(server.stdout.readline())
        finished, _, _ = select.select([server.stdout], [], [], timeout)
        if not finished:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        returncode = int(server.stdout.readline())
        if not finished:
            raise subprocess.TimeoutExpired([program, *argv], timeout)
        return subprocess.CompletedProcess([program, *argv], returncode, stdout.read(), stderr.read())


def read_as_python_starts(env: dict[str, str]) -> bool:
    """Whether `env` sets what Python reads only as it starts (PYTHONHASHSEED…) otherwise than this process,
    whose environment the server started with."""
    names = {name for name in env.keys() | os.environ.keys() if name.startswith("PYTHON")}
    return any(env.get(name) != os.environ.get(name) for name in names)


def serve() -> None:
    """Fork a run for each request read, answering with its process id, then its exit code."""
    with tempfile.TemporaryDirectory() as compiled:
        compile_templates_once(Path(compiled))
        for line in sys.stdin:
            pid = os.fork()
            if pid == 0:
                os._exit(be(**json.loads(line)))
            print(pid, flush=True)
            _, status = os.waitpid(pid, 0)
            print(os.waitstatus_to_exitcode(status), flush=True)


def compile_templates_once(folder: Path) -> None:
    """Give every Jinja environment of the runs a cache of compiled templates in `folder`, so that the theme,
    the same in almost every build, is compiled once (a third of a small site's build). Jinja compiles a
    template again whenever its source differs from the one it cached, as in a test's own copy of the theme."""
    cache = jinja2.FileSystemBytecodeCache(str(folder))
    make_environment = jinja2.Environment.__init__

    def environment(self, *args, **options) -> None:
        options.setdefault("bytecode_cache", cache)
        make_environment(self, *args, **options)

    jinja2.Environment.__init__ = environment


def be(program: str, argv: list[str], cwd: str, env: dict[str, str], stdout: str, stderr: str) -> int:
    """In the forked process: be `python -m PROGRAM ARGV` run in `cwd`, and give its exit code."""
    os.setsid()  # a group of its own, so that a timeout ends the run's workers and Pagefind with it
    os.chdir(cwd)
    sys.path[0] = cwd  # as `python -m` puts the working folder first
    os.environ.clear()
    os.environ.update(env)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(os.open(stdout, os.O_WRONLY), 1)
    os.dup2(os.open(stderr, os.O_WRONLY), 2)
    sys.stdin = open(0, closefd=False)  # the server's own, which may hold what it read ahead, is not the run's
    sys.argv = [program, *argv]
    try:
        PROGRAMS[program](argv)
        code = 0
    except SystemExit as exit:  # as the interpreter would: a code that is not a number is printed, and 1
        code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
        if exit.code is not None and not isinstance(exit.code, int):
            print(exit.code, file=sys.stderr)
    except BaseException:  # the traceback, and 1
        traceback.print_exc()
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    return code


if __name__ == "__main__":
    prepare_builds()
    serve()
