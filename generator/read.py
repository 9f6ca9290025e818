"""Read stage: seed files from disk into decoded `Source` records."""

from __future__ import annotations

import logging
import unicodedata
from functools import cache
from pathlib import Path

from charset_normalizer import from_bytes
from ftfy import fix_text
from ftfy.badness import is_bad

from generator.model import Problem, Source
from generator.overrides import parse_overrides, split_front_matter

log = logging.getLogger("generator")

SEED_SUFFIXES = (".txt", ".md")
MAX_SEED_BYTES = 5 * 1024 * 1024  # a news article is a few kB; larger files are not articles
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class SeedError(Exception):
    """A seed that cannot be turned into text; the message says why."""


def seed_files(seeds_dir: Path) -> list[Path]:
    """Seed files in a stable order (by name), skipping hidden files."""
    return sorted(
        (
            path
            for path in seeds_dir.iterdir()
            if path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".")
        ),
        key=lambda path: path.name,
    )


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise SeedError(f"broken {encoding} text ({error.reason})") from error
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise SeedError("not text in any known encoding")
    return str(best), best.encoding


def decode(raw: bytes) -> tuple[str, str]:
    """Decode seed bytes by a ladder: BOMs, strict UTF-8, charset detection, then ftfy only
    when the result shows mojibake ("cafÃ©", "Tá»‰nh")."""
    text, encoding = _decode_bytes(raw)
    if is_bad(text):
        return fix_text(text), f"{encoding}+ftfy"
    return text, encoding


def normalise(text: str) -> str:
    """NFC, Unix line endings, and no control characters other than newline and tab."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Look at each distinct character once (a long text has only a few hundred).
    unwanted = [
        char
        for char in set(text)
        if char not in "\n\t" and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")
    ]
    return text.translate(dict.fromkeys(map(ord, unwanted))) if unwanted else text


@cache  # one folder holds thousands of seeds
def _resolved(folder: Path) -> Path:
    return folder.resolve()


def read_seed(path: Path, display_root: Path, seeds_dir: Path | None = None) -> Source:
    """Read and decode one seed file; raise SeedError with the reason when it is not usable."""
    # Seeds are listed from one folder, so only a link can lead outside it.
    if (
        seeds_dir is not None
        and path.is_symlink()
        and not path.resolve().is_relative_to(_resolved(seeds_dir))
    ):
        raise SeedError("a link to a file outside the seed folder")
    if not path.is_file():
        raise SeedError("not a regular file")
    try:
        if path.stat().st_size > MAX_SEED_BYTES:
            raise SeedError(f"larger than {MAX_SEED_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot be read ({error.strerror})") from error
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SeedError("binary file (contains NUL bytes)")
    text, encoding = decode(raw)
    if encoding != "utf-8":
        log.info("%s: decoded as %s", path.as_posix(), encoding)
    try:
        shown = path.relative_to(display_root).as_posix()
    except ValueError:
        shown = path.as_posix()
    overrides, text = split_front_matter(normalise(text), shown)
    overrides.update(read_sidecar(path, display_root))
    if not text.strip():
        raise SeedError("empty file")
    return Source(shown, path.name, text, encoding, overrides)


def sidecar_path(path: Path) -> Path:
    """Where an editor's overrides for a seed live: NAME.meta.yaml beside NAME.txt."""
    return path.with_name(path.stem + ".meta.yaml")


def read_sidecar(path: Path, display_root: Path) -> dict:
    """Overrides from the seed's sidecar file (they win over its front matter)."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    try:
        shown = sidecar.relative_to(display_root).as_posix()
    except ValueError:
        shown = sidecar.as_posix()
    try:
        text = sidecar.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        log.warning("%s: overrides ignored: cannot be read (%s)", shown, error)
        return {}
    return parse_overrides(text, shown) or {}


def read_seeds(seeds_dir: Path, display_root: Path) -> tuple[list[Source], list[Problem]]:
    """Read every seed; unusable ones become problems and the others go on."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in seed_files(seeds_dir):
        try:
            sources.append(read_seed(path, display_root, seeds_dir))
        except SeedError as error:
            shown = path.as_posix()
            log.warning("%s: skipped: %s", shown, error)
            problems.append(Problem(shown, f"skipped: {error}"))
    return sources, problems
