"""MkDocs hook: render the theme's site-wide blocks once per folder, not once per brief page.

Material renders the navigation, tabs, footer and script configuration for every page. For a
page that is not in the navigation, these blocks depend only on the page's URL, through the
relative links MkDocs writes (`../../localities/`); pages side by side in one folder, whose
URLs hold no navigation page, get the same links. So the thousands of pages in briefs/ share
one rendering. `overrides/main.html` routes those blocks through `shared_block`; pages in the
navigation (where an item is marked active) are rendered as usual.
"""

from __future__ import annotations

import posixpath

_nav_urls: set[str] = set()
_rendered: dict[tuple[str, str], str] = {}


def shared_block(name, page, render):
    """The block's HTML for this page, rendered once per folder for pages outside the nav."""
    url = getattr(page, "url", None)
    if url is None or any(nav.startswith(url) for nav in _nav_urls):  # in the nav, or above it
        return render()
    # "briefs/a/" and "briefs/b/" (or "briefs/a.html" and "briefs/b.html") link alike.
    key = (name, posixpath.dirname(url.rstrip("/")) + ("/" if url.endswith("/") else ""))
    if key not in _rendered:
        _rendered[key] = render()
    return _rendered[key]


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    """Each build (and each rebuild under `serve`) renders the blocks afresh."""
    _rendered.clear()


def on_nav(nav, config, files):  # noqa: ARG001 - MkDocs hook signature
    """Remember which pages are in the navigation."""
    _nav_urls.clear()
    _nav_urls.update(page.url for page in nav.pages)
    return nav


def on_env(env, config, files):  # noqa: ARG001 - MkDocs hook signature
    """Give the templates `shared_block`."""
    env.globals["shared_block"] = shared_block
    return env
