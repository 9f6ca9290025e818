"""MkDocs hook: what the search index (Pagefind, run by generator/site.py) reads from a page.

- The page's language. Pagefind takes it from `<html lang>`, which Material writes from
  `theme.language` for every page; a brief declares its own (front matter `language`), so
  Japanese and Chinese briefs are segmented into words as such and each language is stemmed
  by its own rules.
- What it indexes. Generated listing pages (front matter `search_scope: summary`) are found by
  their heading and text but not by the lists and tables of briefs they show, which would make
  them match every word of those briefs (each brief is found on its own page); pages with
  `search_scope: none` are left out (Pagefind drops a page with no indexed text).

It also gives the templates the search box's interface strings (from labels.yaml).
"""

from __future__ import annotations

import re

from generator.knowledge import load

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.DOTALL)
LIST_OR_TABLE = re.compile(r"<(ul|ol|table)\b")


def with_language(output: str, language: object, site_language: str) -> str:
    """The page with `<html lang>` set to a valid language code (unchanged otherwise)."""
    if not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language):
        return output
    return output.replace(f'<html lang="{site_language}"', f'<html lang="{language}"', 1)


def with_scope(output: str, scope: object) -> str:
    """The page with what Pagefind must not index marked `data-pagefind-ignore`."""
    if scope == "summary":
        return ARTICLE.sub(
            lambda m: m[1] + LIST_OR_TABLE.sub(r"<\1 data-pagefind-ignore", m[2]) + m[3],
            output,
            count=1,
        )
    if scope == "none":
        return ARTICLE.sub(lambda m: m[1][:-1] + " data-pagefind-ignore>" + m[2] + m[3], output, 1)
    return output


def on_post_page(output, page, config):
    """Set the page's language and search scope in its HTML."""
    output = with_language(output, page.meta.get("language"), config.theme["language"])
    return with_scope(output, page.meta.get("search_scope"))


def on_env(env, config, files):  # noqa: ARG001 - MkDocs hook signature
    """Give the search box its strings: every `search*` label, and the site's language."""
    labels = {key: value for key, value in load("labels.yaml").items() if key.startswith("search")}
    env.globals["search_labels"] = labels | {"site_language": config.theme["language"]}
    return env
