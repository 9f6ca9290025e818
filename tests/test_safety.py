"""Nothing in a seed becomes markup: checked in the Markdown and in the built HTML."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Source
from generator.pipeline import generate, to_brief
from generator.render.brief import render_brief, safe_url
from generator.render.markdown import escape

from .conftest import copy_project, mkdocs_build

# Every line a sentence, so that the clean stage keeps each as article text.
HOSTILE_SEED = """<script>alert('title')</script> Gunma & Quảng Ninh <img src=x onerror=alert(1)>
Ngày 25/11/2025, tại tỉnh Quảng Ninh, <script>alert("body")</script> đoàn tỉnh Gunma đến.
[click me](javascript:alert(2)) and ![img](javascript:alert(3)) and <a href="javascript:x">a</a>.
{: onclick="alert(4)" } Hợp tác du lịch {{ config.site_name }} {% raw %} &lt;b&gt; &amp;.
# not a heading, but a sentence.
1. not a list, but a sentence.
- not a list either, but a sentence.
    not code, but a sentence.
| not | a | table |.
---
<iframe src="https://evil.example"></iframe> `code` **bold** _em_ \\ backslash.
Source: javascript:alert(5)
"""


class ActiveContent(HTMLParser):
    """Finds what a browser would run: event handlers, javascript: URLs, frames, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        if tag in ("iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert" in data:
            self.found.append("script: " + data[:40])

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


def markdown_to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "tables", "toc"])


def test_escaped_text_renders_as_the_same_text() -> None:
    text = "<b>x</b> & *y* _z_ [a](b) `c` # d | e \\ f {g}"
    html = markdown_to_html(escape(text))
    assert html == "<p>&lt;b&gt;x&lt;/b&gt; &amp; *y* _z_ [a](b) `c` # d | e \\ f {g}</p>"


def test_block_syntax_at_line_start_stays_text() -> None:
    for text in ("# t", "1. t", "- t", "+ t", "> t", "---", "===", "    code"):
        html = markdown_to_html(escape(text))
        assert html.startswith("<p>"), (text, html)


def test_only_plain_http_addresses_become_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a)(b") is None
    assert safe_url('https://example.org/"onmouseover=x') is None


def test_hostile_seed_builds_a_safe_site(tree, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    shutil.rmtree(root / "seeds")
    root = tree({"seeds/evil.txt": HOSTILE_SEED})
    docs, site = root / "docs", root / "site"
    collected, _ = generate(root / "seeds", docs, root)
    brief = collected.briefs[0]
    assert brief.localities == ("jp/gunma", "vn/quang-ninh")
    assert frontmatter.loads((docs / brief.path).read_text(encoding="utf-8"))["title"] == (
        brief.title
    )
    result = mkdocs_build(docs, site)
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert active_content(html) == [], page
    brief_html = next(site.glob("briefs/*/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in brief_html
    assert "{{ config.site_name }}" in brief_html


SEED_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400
).filter(lambda text: text.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SEED_TEXT)
def test_random_text_never_crashes_or_escapes(text: str) -> None:
    source = Source(path="seeds/x.txt", name="x.txt", text=text, encoding="utf-8")
    brief = to_brief(source, "x")
    page = render_brief(brief.__class__(**{**brief.__dict__, "path": "briefs/x.md"}), {})
    parsed = frontmatter.loads(page)
    assert parsed["title"] == brief.title
    assert parsed["id"] == "x"
    assert active_content(markdown_to_html(parsed.content)) == []
