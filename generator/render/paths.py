"""Where each generated page lives inside docs/ (the generator owns these subtrees)."""

from __future__ import annotations

from generator.knowledge import gazetteer

GENERATED_ROOTS = (
    "briefs",
    "localities",
    "regions",
    "sectors",
    "partnerships",
    "feeds",
    "briefs.json",
    "index.md",
    "timeline.md",
)
HOME = "index.md"
TIMELINE = "timeline.md"
LOCALITIES_INDEX = "localities/index.md"
REGIONS_INDEX = "regions/index.md"
SECTORS_INDEX = "sectors/index.md"
PARTNERSHIPS = "partnerships/index.md"


def locality_page(locality_id: str) -> str:
    """docs path of a prefecture or province page, e.g. localities/jp/gunma.md."""
    return f"localities/{locality_id}.md"


def region_page(region_id: str) -> str:
    """docs path of a region page, e.g. regions/vn/tay-nguyen.md."""
    return f"regions/{region_id}.md"


def sector_page(sector_id: str) -> str:
    """docs path of a sector page, e.g. sectors/agriculture.md."""
    return f"sectors/{sector_id}.md"


def pdf_path(place_id: str) -> str:
    """Site path of a printed brief (not a docs/ file: `briefing build` writes it into the
    site): pdf/vn/quang-ninh.pdf for a locality, pdf/regions/jp/kyushu.pdf for a region."""
    kind = "regions/" if gazetteer().places[place_id].kind == "region" else ""
    return f"pdf/{kind}{place_id}.pdf"


def is_generated(path: str) -> bool:
    """True for a docs path inside the generator's subtrees."""
    first = path.split("/", 1)[0]
    return first in GENERATED_ROOTS and ".." not in path.split("/")
