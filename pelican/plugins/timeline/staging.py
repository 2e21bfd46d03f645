"""output/ replaced whole: `invoke build` writes into a staging folder beside output/ and puts it in
output/'s place only once the build has succeeded, so that output/ is always one whole build.

Every folder made beside output/ is named `.build-…`, so that what a killed build leaves behind is found
and removed by the next. Nothing here may fail a build that succeeded: what cannot be copied is drawn
again, what cannot be removed is named in one line and left for the next build to try again.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from .problems import BuildStopped

PREFIX = ".build-"
REPLACED = f"{PREFIX}replaced-"  # the output a build replaced, until it is removed
OLD_REPLACED = ".previous"  # what builds before these names called it: `output.previous`


class OutputNotReplaced(BuildStopped):
    """output/ could not be moved aside for the new build; it is left as it was."""

    def __init__(self, output: Path, error: OSError):
        super().__init__(f"{output}/ could not be replaced ({error.strerror}), so it is left as it was; make sure "
                         "it is a folder that can be renamed (not a mount point, not immutable), then build again.")


def make_staging(output: Path) -> Path:
    """Make an empty staging folder beside output/, as readable as any folder the user makes."""
    staging = Path(tempfile.mkdtemp(prefix=PREFIX, dir=output.parent))
    # mkdtemp makes a private folder.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def seed(staging: Path, output: Path) -> None:
    """Copy the last build into the staging folder, so that pages whose inputs are unchanged need not be
    drawn again (page_cache.py); copied, not linked, so that output/ is never written to."""
    if not output.is_dir():
        return
    try:
        shutil.copytree(output, staging, dirs_exist_ok=True)
    except OSError:
        pass  # what was copied is used; the page cache draws whatever is missing
    make_writable(staging)


def make_writable(folder: Path) -> None:
    """Let the build write over what was copied, which kept the modes of output/, read-only ones too."""
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(parent, name)
            mode = os.lstat(path).st_mode
            if not stat.S_ISLNK(mode) and not mode & stat.S_IWUSR:
                os.chmod(path, mode | stat.S_IWUSR)


def replace_output(staging: Path, output: Path) -> str | None:
    """Put the staging folder in output/'s place, moving the old output aside first under a name of its
    own, then remove the old output as far as it can be. Return a line naming what of it stayed, if any."""
    if not output.exists():
        rename(staging, output, output)
        return None
    old = Path(tempfile.mkdtemp(prefix=REPLACED, dir=output.parent))
    try:
        rename(output, old, output)
    except OutputNotReplaced:
        old.rmdir()
        raise
    try:
        rename(staging, output, output)
    except OutputNotReplaced:
        os.rename(old, output)
        raise
    return remove(old)


def rename(source: Path, target: Path, output: Path) -> None:
    """Rename a folder, or raise OutputNotReplaced naming output/ and the system's reason."""
    try:
        os.rename(source, target)
    except OSError as error:
        raise OutputNotReplaced(output, error) from error


def leftovers(output: Path) -> list[Path]:
    """The folders that stopped builds left beside output/: staging folders and replaced outputs."""
    found = [*output.parent.glob(f"{PREFIX}*"), output.with_name(output.name + OLD_REPLACED)]
    return sorted(path for path in found if path.is_dir() and not path.is_symlink())


def remove(folder: Path) -> str | None:
    """Remove a folder as far as it can be; return a line naming what stayed, if anything did."""
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        return None
    stuck = next((path for path in sorted(folder.rglob("*")) if not path.is_dir()), None)
    inside = f" ({stuck} is still there)" if stuck else ""
    return f"Could not remove {folder}/ entirely{inside}; remove it by hand."
