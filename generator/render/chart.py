"""Sector bar charts as SVG files, made at build time (no script runs in the browser)."""

from __future__ import annotations

from html import escape

BAR_HEIGHT = 18
ROW_HEIGHT = 24
LABEL_WIDTH = 190
BAR_WIDTH = 260
TOP = 6


def bar_chart(title: str, counts: list[tuple[str, int]]) -> str:
    """A horizontal bar chart of labelled counts, largest first as given."""
    largest = max((count for _, count in counts), default=1) or 1
    height = TOP * 2 + ROW_HEIGHT * len(counts)
    width = LABEL_WIDTH + BAR_WIDTH + 40
    rows = []
    for index, (label, count) in enumerate(counts):
        y = TOP + index * ROW_HEIGHT
        bar = max(2, round(BAR_WIDTH * count / largest))
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="#3f51b5"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 13}">{count}</text>'
        )
    body = "\n".join(rows)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="sans-serif" font-size="12" fill="#212121">\n'
        f"<title>{escape(title)}</title>\n{body}\n</svg>\n"
    )
