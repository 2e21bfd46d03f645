"""One shard of the search index, made in a process of its own: `python -I -S search_shard.py < job.json`.

The job names the output folder, the index store, the shard's folder under the output, its pages, and
Pagefind's version and program, which the build finds once (`pagefind_program`): each shard's process
imports nothing but Python's own modules, and starts without site-packages (-S), in a fifth of the time.
The shard's index is taken from the store when its pages are unchanged since it was made, else Pagefind
makes it; either way it is put in place in the output folder, and its key in the store and whether it
was taken from there are printed, as JSON. On failure it prints one line saying why and what to do,
which the build shows as it is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MAGIC = b"pagefind_dcd"  # what each of Pagefind's gzipped index files begins with, once unzipped


class PagefindFailed(Exception):
    """Pagefind could not be started, or stopped with an error; the message is the one line the build shows."""

    def __init__(self, why: str):
        super().__init__(f"Pagefind could not be run ({why}); reinstall it with pip install -r requirements.txt")


def reason(error: OSError) -> str:
    """What went wrong with a file, in the system's words and naming the file, without Python's `[Errno 2]`."""
    return f"{error.strerror}: {error.filename}" if error.strerror and error.filename else str(error)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one (nothing is copied), else a copy. Files in the
    store are never changed once written, so sharing them is safe."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def index_key(output: Path, pages: list[str], pagefind_version: str) -> str:
    """Give the key a shard's index is stored under: the digest of what it is made from, its pages'
    addresses and bytes, Pagefind's version and this script, which settles what Pagefind writes."""
    summed = hashlib.blake2b(pagefind_version.encode() + Path(__file__).read_bytes(), digest_size=16)
    for page in pages:
        summed.update(page.encode() + b"\x00")
        summed.update((output / page).read_bytes())
    return summed.hexdigest()


def pagefind_program() -> Path:
    """Find the Pagefind program that pip installed with pagefind-bin (in the build's process)."""
    import pagefind_bin  # here, not in each shard's process, which starts without site-packages

    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise PagefindFailed(f"it is not in {Path(pagefind_bin.__file__).parent}") from error


def run_pagefind(output: Path, pages: list[str], work: Path, program: str) -> Path:
    """Index the pages alone: linked into a folder of their own at the same paths, so that Pagefind
    gives them their addresses on the site."""
    site, index = work / "site", work / "index"
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(output / page, site / page)
    try:
        result = subprocess.run([program, "--site", str(site), "--quiet",
                                 "--output-path", str(index)], capture_output=True, text=True)
    except OSError as error:  # not executable, or not a program for this machine
        raise PagefindFailed(reason(error)) from error
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise PagefindFailed(f"exit status {result.returncode}" + (f": {said[-1].strip()}" if said else ""))
    settle_filters(index)
    return index


def settle_filters(index: Path) -> None:
    """Sort the filter indexes Pagefind wrote, and its metadata's list of them, and name each file after its
    sorted bytes: Pagefind writes both in an order that changes from run to run (from a Rust HashMap; its
    issue #638), and the same pages are to give the same index, byte for byte."""
    renamed = {}
    for chunk in sorted((index / "filter").glob("*.pf_filter")):
        data = unpack(chunk)  # [filter name, [[value, pages], …]]
        name_end = cbor_end(data, 1)
        values_head, values = cbor_array(data, name_end)
        renamed[chunk.stem] = repack(chunk, data[:name_end] + values_head + b"".join(sorted(values)))
    entry_file = index / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta = index / f"pagefind.{language['hash']}.pf_meta"
        data = unpack(meta)
        for old, new in renamed.items():  # names of the same length: the items' heads are unchanged
            data = data.replace(cbor_text(old), cbor_text(new))
        head, parts = cbor_array(data, 0)
        # The list of filters is the part that names their files: [[filter name, file], …].
        parts = [sorted_array(part) if any(cbor_text(new) in part for new in renamed.values()) else part
                 for part in parts]
        language["hash"] = repack(meta, head + b"".join(parts))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def unpack(path: Path) -> bytes:
    """Give the CBOR an index file of Pagefind's holds."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise PagefindFailed(f"{path.name} is not an index file of the Pagefind this build knows")
    return data.removeprefix(MAGIC)


def repack(path: Path, data: bytes) -> str:
    """Replace an index file by one holding `data`, named as Pagefind names it (`en_a8a513a`, language and
    digest) but after the digest of `data`; give the new name."""
    old = path.name.removeprefix("pagefind.").split(".")[0]
    language, digest = old.split("_")
    new = f"{language}_{hashlib.blake2b(data).hexdigest()[:len(digest)]}"
    path.unlink()
    path.with_name(path.name.replace(old, new)).write_bytes(gzip.compress(MAGIC + data, mtime=0))
    return new


def cbor_text(text: str) -> bytes:
    """Encode a short text (up to 23 bytes) as CBOR does: its length in the first byte, then the text."""
    raw = text.encode()
    return bytes([0x60 | len(raw)]) + raw


def cbor_head_end(data: bytes, at: int) -> tuple[int, int]:
    """Read the head of the CBOR item at `at`: give where it ends and the number it holds (a length, mostly)."""
    info = data[at] & 31
    if info < 24:
        return at + 1, info
    if info > 27:
        raise PagefindFailed("an index file holds an item of indefinite length, which the Pagefind this build "
                             "knows does not write")
    size = 1 << (info - 24)
    return at + 1 + size, int.from_bytes(data[at + 1:at + 1 + size], "big")


def cbor_end(data: bytes, at: int) -> int:
    """Give where the CBOR item that starts at `at` ends; Pagefind writes only items of definite length."""
    major = data[at] >> 5
    at, number = cbor_head_end(data, at)
    if major in (0, 1, 7):  # numbers, simple values and floats: no more than their head
        return at
    if major in (2, 3):  # bytes, text
        return at + number
    if major == 6:  # a tag, on the item after it
        return cbor_end(data, at)
    for _ in range(number * (2 if major == 5 else 1)):  # an array's items, or a map's keys and values
        at = cbor_end(data, at)
    return at


def cbor_array(data: bytes, at: int) -> tuple[bytes, list[bytes]]:
    """Split the CBOR array that starts at `at` into its head and the bytes of each item."""
    start, count = cbor_head_end(data, at)
    head, items = data[at:start], []
    for _ in range(count):
        end = cbor_end(data, start)
        items.append(data[start:end])
        start = end
    return head, items


def sorted_array(data: bytes) -> bytes:
    """Give a CBOR array with its items in the order of their bytes."""
    head, items = cbor_array(data, 0)
    return head + b"".join(sorted(items))


def index_shard(output: Path, store: Path, folder: str, pages: list[str], pagefind_version: str,
                program: str) -> tuple[str, bool]:
    """Put the shard's index in place: the stored one made of the same pages, else one Pagefind makes now
    (and is stored); give its key and whether it was taken from the store."""
    key = index_key(output, pages, pagefind_version)
    stored = store / key
    kept = stored.is_dir()
    if not kept:
        store.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=store, prefix=".part-") as work:
            os.replace(run_pagefind(output, pages, Path(work), program), stored)
    shutil.copytree(stored, output / folder, copy_function=link_or_copy)
    return key, kept


def main() -> None:
    """Index the shard the job on standard input names, and print its key and whether its index was kept
    from the store; on failure, print the one line the build shows instead."""
    job = json.load(sys.stdin)
    try:
        key, kept = index_shard(Path(job["output"]), Path(job["store"]), job["folder"], job["pages"],
                                job["pagefind_version"], job["pagefind"])
        print(json.dumps({"key": key, "kept": kept}))
    except PagefindFailed as error:
        sys.exit(str(error))
    except OSError as error:
        sys.exit(f"The search index {job['folder']} could not be made ({reason(error)}); check that the disk "
                 "has room and the cache folder can be written, then build again.")


if __name__ == "__main__":
    # The build waits first on its own writing, which runs on one core; Pagefind, which uses several,
    # can catch up once the writing is done. Measured at 10,000 events on a busy 2-core machine, four
    # builds each way: 46 s on average with this, 56 s without.
    os.nice(10)
    main()
