"""MkDocs hook: a page whose Markdown is unchanged reuses its HTML instead of being converted.

Converting Markdown is most of a build (75% at 4,000 briefs), and a commit changes a few pages.
The HTML of a page, its table of contents, title and anchors are kept in
`.cache/briefing/markdown/` under the working folder (the project root), one file per page
(named after its path; pages that no longer exist drop out), with a key that covers:

- the page's Markdown and its path (links are written relative to it);
- the Markdown extensions and their settings, `use_directory_urls`, `validation`, the versions
  of MkDocs, Python-Markdown, PyMdown Extensions and Material, and this file's own text.

A change in any of them converts the page again. So does a link to a page that no longer
exists (MkDocs then warns, as it would), and a conversion that warned is never kept, so a
warning comes back on every build. Only conversion is skipped: the theme still renders every
page, and `mkdocs build --strict` still checks every link to an anchor.

MkDocs has no hook that replaces conversion, so `Page.render` is wrapped while a build runs
(MkDocs is pinned; tests compare a cached build with a clean one byte for byte).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import posixpath
import re
import tempfile
from importlib import metadata
from pathlib import Path

from mkdocs.structure.pages import Page

from generator.read import WarningCount

CACHE_FOLDER = ".cache/briefing/markdown"
# Relative links to Markdown files, as the generator and editors write them.
MD_LINK = re.compile(r"\]\(([^()\s]+?\.md)(?:#[^()\s]*)?\)")
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")

_state: dict = {"folder": None, "settings": "", "pages": set()}


def _settings(config) -> str:
    """A digest of everything besides a page's Markdown that its conversion depends on."""
    parts = {
        "extensions": [repr(e) for e in config["markdown_extensions"]],
        "configs": config["mdx_configs"],
        "directory_urls": config["use_directory_urls"],
        "validation": repr(config["validation"]),
        "versions": {name: metadata.version(name) for name in PACKAGES},
        "hook": Path(__file__).read_text(encoding="utf-8"),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()


def _key(page: Page) -> str:
    text = f"{_state['settings']}\0{page.file.src_uri}\0{page.markdown}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _targets(page: Page) -> list[str]:
    """Source paths of the pages its Markdown links to."""
    folder = posixpath.dirname(page.file.src_uri)
    links = MD_LINK.findall(page.markdown)
    return sorted({posixpath.normpath(posixpath.join(folder, link)) for link in links})


def _load(path: Path) -> dict | None:
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # a missing or broken entry is only a conversion more
        return None


def _store(path: Path, entry: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def _entry_name(src_uri: str) -> str:
    return hashlib.sha256(src_uri.encode("utf-8", "surrogatepass")).hexdigest()


def _render(page: Page, config, files) -> None:
    """Page.render, from the cache when the page's key and link targets allow it."""
    folder: Path = _state["folder"]
    key = _key(page)
    name = _entry_name(page.file.src_uri)
    path = folder / name[:2] / name
    entry = _load(path)
    targets_exist = entry is not None and all(files.get_file_from_path(t) for t in entry["targets"])
    if entry is not None and entry["key"] == key and targets_exist:
        page.content = entry["content"]
        page.toc = entry["toc"]
        page._title_from_render = entry["title"]
        page.present_anchor_ids = entry["anchors"]
        if entry["links"] is not None:
            page.links_to_anchors = {
                files.get_file_from_path(uri): links for uri, links in entry["links"].items()
            }
        return
    counter = WarningCount()  # MkDocs' warnings while this page is converted
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        Page._briefing_original_render(page, config, files)
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if counter.count:
        return
    links = page.links_to_anchors
    _store(
        path,
        {
            "key": key,
            "content": page.content,
            "toc": page.toc,
            "title": page._title_from_render,
            "anchors": page.present_anchor_ids,
            "links": None if links is None else {f.src_uri: v for f, v in links.items()},
            "targets": _targets(page),
        },
    )


def on_config(config):
    """Wrap Page.render for this build, with the cache under the project root (the working
    folder, as for the generator's caches)."""
    _state["folder"] = Path.cwd() / CACHE_FOLDER
    _state["settings"] = _settings(config)
    # MkDocs loads this file afresh for every build: Page.render is wrapped once per process,
    # and the wrapper calls the copy of the build now running (its cache folder, its keys).
    if not hasattr(Page, "_briefing_original_render"):
        Page._briefing_original_render = Page.render
        Page.render = lambda page, config, files: Page._briefing_render(page, config, files)
    Page._briefing_render = staticmethod(_render)
    return config


def on_files(files, config):  # noqa: ARG001 - MkDocs hook signature
    """Remember the site's pages, whose entries are kept."""
    _state["pages"] = {_entry_name(f.src_uri) for f in files.documentation_pages()}
    return files


def on_post_build(config):  # noqa: ARG001 - MkDocs hook signature
    """Drop the entries of pages that no longer exist (and a killed build's leftovers)."""
    folder: Path = _state["folder"]
    if folder is None or not folder.is_dir():
        return
    for sub in folder.iterdir():
        if not sub.is_dir():
            continue
        for entry in sub.iterdir():
            if entry.name not in _state["pages"]:
                entry.unlink(missing_ok=True)
