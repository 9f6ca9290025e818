"""MkDocs hook: escape front-matter text before Material's templates print it.

Material prints `page.meta.title` into <title> and the header without escaping, and MkDocs
templates do not autoescape; a seed's title must never become markup there.
"""

from __future__ import annotations

import html

ESCAPED_META_KEYS = ("title", "description")


def on_page_markdown(markdown, page, config, files):  # noqa: ARG001 - MkDocs hook signature
    """Escape the string fields of the front matter that templates print."""
    for key in ESCAPED_META_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return markdown
