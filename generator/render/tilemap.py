"""Tile-grid maps of both countries: one equal tile per locality, a link shaded by its number
of briefs, drawn as inline SVG at build time (no script, no tile server, no other host).

The grid is data (generator/data/tile_map.yaml), validated when it loads: every current
prefecture and province exactly once, no former province, no two tiles on one cell.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from functools import cache

from generator.knowledge import gazetteer, label, load
from generator.render.markdown import html_href
from generator.render.paths import locality_page

DATA_FILE = "tile_map.yaml"
TILE_WIDTH = 60
TILE_HEIGHT = 46
GAP = 4
FONT_SIZE = 10.5
# Sequential blues (ColorBrewer "Blues"), lightest first; grey for none. Text colours keep a
# contrast of at least 4.5:1 on each.
NO_BRIEFS_FILL = "#eeeeee"
FILLS = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
TEXT_ON = {NO_BRIEFS_FILL: "#212121", "#c6dbef": "#212121", "#6baed6": "#111111"}
LIGHT_TEXT = "#ffffff"


class TileMapError(ValueError):
    """The tile-map data file is not usable; the message names the key and the value."""


@dataclass(frozen=True)
class TileMap:
    """Tile positions of one country's localities, and the text of tiles that need one."""

    country: str
    cells: dict[str, tuple[int, int]]  # locality id -> (column, row)
    labels: dict[str, tuple[str, ...]]

    @property
    def size(self) -> tuple[int, int]:
        """Columns and rows of the grid."""
        return (
            max(col for col, _ in self.cells.values()) + 1,
            max(row for _, row in self.cells.values()) + 1,
        )


def _check_country(country: str, cells: object) -> dict[str, tuple[int, int]]:
    places = gazetteer()
    where = f"{DATA_FILE}: countries.{country}"
    if not isinstance(cells, dict):
        raise TileMapError(f"{where}: expected a mapping of locality ids to [column, row]")
    current = {p.id for p in places.localities(country) if not p.merged_into}
    checked: dict[str, tuple[int, int]] = {}
    for place_id, cell in cells.items():
        if place_id not in current:
            raise TileMapError(f"{where}.{place_id}: not a current locality of {country}")
        if not (
            isinstance(cell, list)
            and len(cell) == 2
            and all(isinstance(n, int) and n >= 0 for n in cell)
        ):
            raise TileMapError(f"{where}.{place_id}: {cell!r} is not [column, row]")
        checked[place_id] = (cell[0], cell[1])
    if missing := sorted(current - set(checked)):
        raise TileMapError(f"{where}: no tile for {', '.join(missing)}")
    taken: dict[tuple[int, int], str] = {}
    for place_id, cell in checked.items():
        if cell in taken:
            raise TileMapError(f"{where}.{place_id}: {list(cell)} is also {taken[cell]}'s tile")
        taken[cell] = place_id
    return checked


@cache
def tile_maps() -> dict[str, TileMap]:
    """Both countries' grids, validated (raises TileMapError naming the key and value)."""
    data = load(DATA_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise TileMapError(f"{DATA_FILE}: expected 'countries' with 'vn' and 'jp'")
    if sorted(data["countries"]) != ["jp", "vn"]:
        raise TileMapError(f"{DATA_FILE}: countries must be vn and jp, not {sorted(data)}")
    for key in ("source", "licence"):
        if not data.get(key):
            raise TileMapError(f"{DATA_FILE}: '{key}' must say where the grid comes from")
    labels = data.get("labels") or {}
    for place_id, lines in labels.items():
        if not (isinstance(lines, list) and lines and all(isinstance(x, str) for x in lines)):
            raise TileMapError(f"{DATA_FILE}: labels.{place_id}: {lines!r} is not a list of lines")
    maps = {}
    for country in ("vn", "jp"):
        cells = _check_country(country, data["countries"][country])
        own = {pid: tuple(lines) for pid, lines in labels.items() if pid in cells}
        maps[country] = TileMap(country, cells, own)
    if unknown := sorted(set(labels) - {p for m in maps.values() for p in m.cells}):
        raise TileMapError(f"{DATA_FILE}: labels for places without a tile: {', '.join(unknown)}")
    return maps


def shade_bounds(largest: int) -> list[tuple[int, int]]:
    """Count ranges of the shades, lightest first: up to four, geometric up to the largest
    count so a few busy localities do not wash out the rest."""
    if largest <= 0:
        return []
    cuts = sorted({1} | {math.ceil(largest ** (k / 4)) for k in (1, 2, 3)})
    cuts = [c for c in cuts if c <= largest]
    return [
        (low, (cuts[i + 1] - 1) if i + 1 < len(cuts) else largest) for i, low in enumerate(cuts)
    ]


def shade(count: int, bounds: list[tuple[int, int]]) -> str:
    """The fill of a tile with this many briefs."""
    for index, (low, high) in enumerate(bounds):
        if low <= count <= high:
            return FILLS[index + len(FILLS) - len(bounds)]
    return NO_BRIEFS_FILL


def count_text(count: int) -> str:
    """ "1 brief", "3 briefs" (plain text)."""
    return label("n_briefs_one" if count == 1 else "n_briefs_other").format(count=count)


def _tile_lines(tile_map: TileMap, place_id: str) -> tuple[str, ...]:
    if place_id in tile_map.labels:
        return tile_map.labels[place_id]
    name = gazetteer().places[place_id].name
    words = name.split()
    return (
        (words[0], " ".join(words[1:])) if tile_map.country == "vn" and len(words) > 1 else (name,)
    )


def _tile(tile_map: TileMap, place_id: str, count: int, fill: str, page: str) -> str:
    col, row = tile_map.cells[place_id]
    x, y = col * (TILE_WIDTH + GAP), row * (TILE_HEIGHT + GAP)
    lines = _tile_lines(tile_map, place_id)
    text_fill = TEXT_ON.get(fill, LIGHT_TEXT)
    centre = x + TILE_WIDTH / 2
    first = y + TILE_HEIGHT / 2 - (len(lines) - 1) * FONT_SIZE * 0.6 + FONT_SIZE * 0.35
    # One text of one or two lines; the space ending a line keeps the words apart in the
    # link's text ("Lai Châu", not "LaiChâu").
    spans = "".join(
        f'<tspan x="{centre:g}" y="{first + i * FONT_SIZE * 1.2:g}">{html.escape(line)}'
        f"{' ' if i < len(lines) - 1 else ''}</tspan>"
        for i, line in enumerate(lines)
    )
    name = gazetteer().places[place_id].name
    # The <title> names the link (place and count) and shows on hover; an aria-label would
    # have to repeat the tile's visible text ("TP HCM"), which it does not.
    title = html.escape(f"{name}: {count_text(count)}")
    href = html.escape(html_href(locality_page(place_id), page))
    return (
        f'<a href="{href}"><title>{title}</title>'
        f'<rect x="{x}" y="{y}" width="{TILE_WIDTH}" height="{TILE_HEIGHT}" rx="5" '
        f'fill="{fill}"/><text fill="{text_fill}">{spans}</text></a>'
    )


def country_svg(country: str, counts: dict[str, int], page: str) -> str:
    """One country's tile map as an SVG element: each tile a link to its locality's page."""
    tile_map = tile_maps()[country]
    bounds = shade_bounds(max(counts.values(), default=0))
    columns, rows = tile_map.size
    width = columns * (TILE_WIDTH + GAP) - GAP
    height = rows * (TILE_HEIGHT + GAP) - GAP
    title = label(f"map_title_{country}")
    tiles = "\n".join(
        _tile(tile_map, pid, counts.get(pid, 0), shade(counts.get(pid, 0), bounds), page)
        for pid in sorted(tile_map.cells, key=lambda p: tile_map.cells[p][::-1])
    )
    return (
        f'<svg class="tile-map tile-map--{country}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-label="{html.escape(title)}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}" text-anchor="middle">\n'
        f"{tiles}\n</svg>"
    )


def legend(counts: dict[str, int]) -> str:
    """The shades and the counts they stand for, as an HTML list."""
    bounds = shade_bounds(max(counts.values(), default=0))
    items = [(NO_BRIEFS_FILL, label("map_none"))]
    for low, high in bounds:
        text = str(low) if low == high else f"{low}–{high}"
        items.append((shade(low, bounds), text))
    entries = "".join(
        f'<li><span class="swatch" style="background:{fill}"></span>{html.escape(text)}</li>'
        for fill, text in items
    )
    return f'<ul class="map-legend" aria-label="{html.escape(label("map_legend"))}">{entries}</ul>'


def maps_block(counts: dict[str, int], page: str) -> str:
    """Both maps with their legend, as one raw HTML block for a Markdown page."""
    figures = "\n".join(
        # Each figure grows with its grid's width, so that both maps share one scale.
        f'<figure class="map-country map-country--{country}" '
        f'style="flex: {tile_maps()[country].size[0]} 1 0">\n'
        f"<figcaption>{html.escape(label(name))}</figcaption>\n"
        f"{country_svg(country, counts, page)}\n</figure>"
        for country, name in (("vn", "vietnam"), ("jp", "japan"))
    )
    note = html.escape(label("map_note"))
    return (
        f'<div class="locality-maps">\n{figures}\n</div>\n'
        f'<div class="map-key">{legend(counts)}<p>{note}</p></div>'
    )
