"""Site stage: MkDocs renders docs/ into site/ and Pagefind indexes it for search, or both
are served with live reload."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import time
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path

import cbor2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.structure.files import File

from generator.cache import CACHE_ROOT
from generator.model import Brief
from generator.write import atomic_write

log = logging.getLogger("generator")

HOOKS_DIR = Path(__file__).parent / "hooks"
SERVE_HOOK = HOOKS_DIR / "regenerate.py"
SAFETY_HOOK = HOOKS_DIR / "escape_meta.py"
SEARCH_HOOK = HOOKS_DIR / "search_page.py"
SHARED_HOOK = HOOKS_DIR / "shared_blocks.py"
DATA_DIR = Path(__file__).parent / "data"
GZIP_TIME_MAX = 2**32 - 1
SEARCH_INDEX_HOOK = HOOKS_DIR / "search_index.py"

SEARCH_BUNDLE = "pagefind"  # the index's folder in site/, where the search box loads it from
# Pagefind indexes each page's article (not the header, navigation or footer), without the
# headings' permalink signs and a brief's fact card (its facts are filters and meta:
# generator/render/pagefind.py).
SEARCH_OPTIONS = ["--root-selector", "article", "--exclude-selectors", ".fact-card, .headerlink"]
# Pagefind's own search interfaces, which the site does not use (its box is
# overrides/assets/javascripts/search.js, on pagefind.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Pagefind notes that Vietnamese, Japanese, Chinese and Korean have no stemmer: expected (words
# are matched whole or by prefix), so not a warning.
STEMMING_NOTE = re.compile(r"^(Note: Pagefind doesn't support stemming|Search will still work)")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def pagefind_binary() -> Path:
    """The Pagefind binary of the pinned `pagefind[extended]` package (it segments Chinese
    and Japanese; the plain binary does not)."""
    from pagefind_bin_extended import get_executable

    return get_executable()


SIGNATURE = b"pagefind_dcd"  # what Pagefind's files start with once decompressed
META_FILTERS = 3  # position of the (filter name, chunk file) list in a language's .pf_meta


def _read_pagefind(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _encode_pagefind(language: str, value, digits: int) -> tuple[str, bytes]:
    """A value encoded as Pagefind's files are (gzip of signature + CBOR), and its name
    (language and content hash, as Pagefind names them)."""
    data = gzip.compress(SIGNATURE + cbor2.dumps(value), mtime=0)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    return name, data


def canonical_bundle(bundle: Path) -> None:
    """Rewrite the parts of a Pagefind bundle that Pagefind 1.5.2 writes in hash-map order
    (filter values, filter lists, languages), sorted, so the same site gives the same bytes.

    Each language's filter chunks are re-encoded with their values sorted and renamed by
    content; its .pf_meta then names them, in filter-name order; pagefind-entry.json names
    the new .pf_meta files, languages sorted. Page, word and fragment files are left as they
    are: Pagefind already writes them the same each time."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_pagefind(meta_file)
        filters = []
        for name, chunk in meta[META_FILTERS]:
            chunk_file = bundle / "filter" / f"{chunk}.pf_filter"
            filter_name, values = _read_pagefind(chunk_file)
            new_chunk, data = _encode_pagefind(language, [filter_name, sorted(values)], 7)
            chunk_file.unlink()
            (bundle / "filter" / f"{new_chunk}.pf_filter").write_bytes(data)
            filters.append([name, new_chunk])
        meta[META_FILTERS] = sorted(filters)
        new_meta, data = _encode_pagefind(language, meta, 10)
        meta_file.unlink()
        (bundle / f"pagefind.{new_meta}.pf_meta").write_bytes(data)
        info["hash"] = new_meta
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def index_site(site_dir: Path) -> float:
    """Write the Pagefind search index of a built site into site/pagefind/; seconds taken."""
    started = time.perf_counter()
    shutil.rmtree(Path(site_dir) / SEARCH_BUNDLE, ignore_errors=True)
    command = [str(pagefind_binary()), "--site", str(site_dir), "--output-subdir", SEARCH_BUNDLE]
    result = subprocess.run(
        [*command, *SEARCH_OPTIONS, "--quiet"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed on {site_dir}: {result.stderr or result.stdout}")
    for line in filter(None, map(str.strip, (result.stderr + result.stdout).splitlines())):
        level = logging.INFO if STEMMING_NOTE.match(line) else logging.WARNING
        log.log(level, "Pagefind: %s", line)
    for name in UNUSED_BUNDLE_FILES:
        (Path(site_dir) / SEARCH_BUNDLE / name).unlink(missing_ok=True)
    try:
        canonical_bundle(Path(site_dir) / SEARCH_BUNDLE)
    except (OSError, ValueError, TypeError, KeyError, IndexError) as error:
        # Only a Pagefind other than the pinned 1.5.2 would write a bundle shaped otherwise.
        message = f"Pagefind's index in {site_dir} has an unknown form: {error}"
        raise SearchIndexError(message) from error
    seconds = time.perf_counter() - started
    log.info("Search index written to %s in %.2f s", Path(site_dir) / SEARCH_BUNDLE, seconds)
    return seconds


def source_date_epoch(briefs: list[Brief]) -> int:
    """Seconds since 1970 of the latest event with a year in the data (0 when none): the
    time MkDocs stamps into sitemap.xml and gzip headers, so that builds are reproducible.

    A gzip header holds 0 to 2**32 - 1, so the time is kept in that span (events before
    1970 give 0)."""
    dated = [b.date.start for b in briefs if b.date.start and b.date.start.year]
    dated = [date for date in dated if date.is_valid()]
    if not dated:
        return 0
    latest = max(dated)
    day = datetime.date(latest.year, latest.month or 1, latest.day or 1)
    seconds = int(datetime.datetime.combine(day, datetime.time(), datetime.UTC).timestamp())
    return min(max(seconds, 0), GZIP_TIME_MAX)


def build_site(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    strict: bool,
    briefs: list[Brief],
    site_url: str | None = None,
) -> None:
    """Render the generated Markdown into a static site (raises on a strict-mode warning);
    a site_url wins over mkdocs.yml's (the 404 page needs it under a sub-path)."""
    # A SOURCE_DATE_EPOCH set by the caller wins; otherwise time comes from the data, never
    # from the clock. It is set for this build only.
    own_epoch = "SOURCE_DATE_EPOCH" not in os.environ
    if own_epoch:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(briefs))
    try:
        options = {"site_url": site_url} if site_url else {}
        config = load_config(
            str(config_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            strict=strict,
            **options,
        )
        built = build_site_once(config, f"{docs_dir}\0{site_dir}\0{strict}\0{site_url}")
        if built:
            index_site(site_dir)
            built = replace(built, site=tree_digest(Path(config["site_dir"])))
            atomic_write(BUILD_STAMP, json.dumps(asdict(built), indent=1).encode())
    finally:
        if own_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]


@dataclass(frozen=True)
class BuildStamp:
    """What the last site was built from, and the site it left."""

    frame: str  # digest of all a build reads but docs/ (see `build_frame`)
    epoch: str  # SOURCE_DATE_EPOCH: only the sitemap shows it, and it is always rebuilt
    docs: str  # tree digest of docs/
    pages: dict[str, str]  # the files of docs/ then, relative to it: "size mtime inode"
    site: str  # tree digest of site/ as that build left it


def _read_stamp() -> BuildStamp | None:
    try:
        return BuildStamp(**json.loads(BUILD_STAMP.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


# Under the project root (not in site/, which must be the same bytes on every build).
BUILD_STAMP = CACHE_ROOT / "site-build.json"
BUILT_WITH = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pagefind")
DIRTY_NOTICE = "A 'dirty' build is being performed"  # MkDocs' warning, expected here


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning about dirty builds (in strict mode it would fail the build):
    this module decides when a page-by-page build gives the clean build's site."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but that warning."""
        return not record.getMessage().startswith(DIRTY_NOTICE)


def _files_of(folder: Path) -> dict[str, str]:
    """Each file under a folder (relative path) with its size, modification time and inode."""
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            status = os.lstat(path)
            signature = f"{status.st_size} {status.st_mtime_ns} {status.st_ino}"
            files[os.path.relpath(path, folder)] = signature
    return dict(sorted(files.items()))


def _remove_outputs(config, gone: set[str]) -> None:
    """Remove from site/ what MkDocs made of these docs files (so that a dirty build, which
    renders a page whose HTML is missing, renders it; or because they are gone)."""
    for relative in sorted(gone):
        urls = config["use_directory_urls"]
        output = Path(File(relative, config["docs_dir"], config["site_dir"], urls).abs_dest_path)
        output.unlink(missing_ok=True)
        with suppress(OSError):  # its folder, when it held only that page
            output.parent.rmdir()


def build_site_once(config, options: str) -> BuildStamp | None:
    """Build the site unless it is up to date (None then).

    Nothing changed since the last build (docs/, mkdocs.yml and the options, the overrides,
    the hooks, the versions, the build time), and site/ as that build left it: nothing is
    done. Only docs/ changed: the HTML of the docs files added, changed or removed since is
    removed, and MkDocs renders the pages whose HTML is missing or older than their Markdown
    (a dirty build; the navigation and every other input are those of the last build, so the
    other pages are what a clean build would write). Anything else: a clean build.
    """
    site, docs = Path(config["site_dir"]), Path(config["docs_dir"])
    frame, epoch = build_frame(config, options), os.environ.get("SOURCE_DATE_EPOCH", "")
    pages, last = _files_of(docs), _read_stamp()
    docs_digest = _digest_of(pages)
    same_frame = last is not None and last.frame == frame and last.site == tree_digest(site)
    if same_frame and last.docs == docs_digest and last.epoch == epoch:
        log.info("%s: up to date (nothing it is built from has changed)", site)
        return None
    if same_frame:
        # Gone, new or changed since the last build (MkDocs' own test, modification times,
        # would miss a file copied with its old time).
        changed = {
            path
            for path in last.pages.keys() | pages.keys()
            if last.pages.get(path) != pages.get(path)
        }
        _remove_outputs(config, changed)
        notice = _DirtyNotice()
        logging.getLogger("mkdocs.commands.build").addFilter(notice)
        try:
            mkdocs_build(config, dirty=True)
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(notice)
    else:
        mkdocs_build(config)
    return BuildStamp(frame, epoch, docs_digest, pages, "")


def tree_digest(folder: Path) -> str:
    """A digest of every file under a folder by path, size, modification time and inode (a
    file edited, added or removed changes it; its content is not read)."""
    return _digest_of(_files_of(folder))


def _digest_of(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(files).encode("utf-8", "surrogateescape")).hexdigest()


def build_frame(config, options: str) -> str:
    """A digest of what a build reads besides docs/: mkdocs.yml and the options given with
    it, the theme's overrides, the hooks, and the versions of MkDocs, Material, Markdown and
    Pagefind."""
    parts = [
        Path(config.config_file_path).read_text(encoding="utf-8"),
        options,
        *(f"{name}={metadata.version(name)}" for name in BUILT_WITH),
        tree_digest(Path(config["theme"].custom_dir)) if config["theme"].custom_dir else "",
        *(Path(hook.__file__).read_text(encoding="utf-8") for hook in config["hooks"].values()),
    ]
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return digest + "\n"


def serve_site(config_file: Path, seeds_dir: Path, docs_dir: Path, dev_addr: str | None) -> None:
    """Serve with live reload; a change in seeds/ or in the generator's data files regenerates
    the pages before each rebuild (the hook runs `briefing generate` in a fresh process), and
    each rebuild is indexed for search."""
    os.environ["BRIEFING_SEEDS"] = str(seeds_dir.resolve())
    os.environ["BRIEFING_DOCS"] = str(docs_dir.resolve())
    os.environ["BRIEFING_CONFIG"] = str(config_file.resolve())
    mkdocs_serve(
        str(config_file),
        livereload=True,
        watch=[str(seeds_dir), str(DATA_DIR)],
        docs_dir=str(docs_dir),
        hooks=[
            str(SAFETY_HOOK),
            str(SEARCH_HOOK),
            str(SHARED_HOOK),
            str(SERVE_HOOK),
            str(SEARCH_INDEX_HOOK),
        ],
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
