"""Read stage: seed files from disk into decoded `Source` records."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import unicodedata
from dataclasses import replace
from pathlib import Path

from charset_normalizer import from_bytes
from ftfy import fix_text
from ftfy.badness import is_bad

from generator.cache import SeedIndex, SeedStamp, content_digest
from generator.model import Problem, Seed, Source
from generator.overrides import MAX_OVERRIDE_CHARS, parse_overrides, split_front_matter

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


def seed_files(seeds_dir: Path) -> tuple[list[Path], set[str]]:
    """Seed files in a stable order (by name), skipping hidden files; and the names of all
    entries of the folder (so that looking for a sidecar costs no system call)."""
    names = set(os.listdir(seeds_dir))
    seeds = sorted(
        name
        for name in names
        if os.path.splitext(name)[1].lower() in SEED_SUFFIXES and not name.startswith(".")
    )
    return [seeds_dir / name for name in seeds], names


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


# Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
# U+1FFFE...). XML refuses U+FFFE and U+FFFF, and none of them is text.
NONCHARACTERS = frozenset(
    [
        *range(0xFDD0, 0xFDF0),
        *(plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)),
    ]
)


def _unwanted(char: str) -> bool:
    if char in "\n\t":
        return False
    return ord(char) in NONCHARACTERS or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")


def normalise(text: str) -> str:
    """NFC, Unix line endings, and no control, format, private-use or noncharacter code points
    other than newline and tab."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Look at each distinct character once (a long text has only a few hundred).
    unwanted = [char for char in set(text) if _unwanted(char)]
    return text.translate(dict.fromkeys(map(ord, unwanted))) if unwanted else text


def shown_path(path: Path, display_root: Path) -> str:
    """A path as people see it: relative to the project, and valid UTF-8 even when the file
    name is not (undecodable bytes become U+FFFD)."""
    shown, root = path.as_posix(), display_root.as_posix()
    if root != "." and shown.startswith(root + "/"):  # Path.relative_to, at a tenth of its cost
        shown = shown[len(root) + 1 :]
    elif root == "/" and shown.startswith("/"):
        shown = shown[1:]
    return os.fsencode(shown).decode("utf-8", "replace")


def _check_link(path: Path, seeds_root: Path | None) -> None:
    """Refuse a link that leads out of the seed folder, or nowhere (a loop)."""
    # Seeds are listed from one folder, so only a link can lead outside it.
    if seeds_root is None or not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except RuntimeError as error:  # how Python 3.11 reports a loop of links
        raise SeedError("a link that leads nowhere (a loop of links)") from error
    except OSError as error:
        raise SeedError(f"a link that leads nowhere ({_reason(error)})") from error
    if not target.is_relative_to(seeds_root):
        raise SeedError("a link to a file outside the seed folder")


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def read_seed(path: Path, display_root: Path, seeds_root: Path | None = None) -> Source:
    """Read and decode one seed file; raise SeedError with the reason when it is not usable.

    `seeds_root` is the resolved seed folder: a link leading out of it is refused.
    """
    try:
        _check_link(path, seeds_root)
        if not path.is_file():
            raise SeedError("not a regular file")
        if path.stat().st_size > MAX_SEED_BYTES:
            raise SeedError(f"larger than {MAX_SEED_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as error:  # a name too long, a loop, no permission...
        raise SeedError(f"cannot be read ({_reason(error)})") from error
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SeedError("binary file (contains NUL bytes)")
    text, encoding = decode(raw)
    shown = shown_path(path, display_root)
    if encoding != "utf-8":
        log.info("%s: decoded as %s", shown, encoding)
    overrides, text = split_front_matter(normalise(text), shown)
    overrides.update(read_sidecar(path, display_root, seeds_root))
    if not text.strip():
        raise SeedError("empty file")
    return Source(shown, path.name, text, encoding, overrides)


def sidecar_path(path: Path) -> Path:
    """Where an editor's overrides for a seed live: NAME.meta.yaml beside NAME.txt."""
    return path.with_name(path.stem + ".meta.yaml")


def read_sidecar(path: Path, display_root: Path, seeds_root: Path | None = None) -> dict:
    """Overrides from the seed's sidecar file (they win over its front matter); a sidecar is
    refused like a seed when it links out of the seed folder."""
    sidecar = sidecar_path(path)
    shown = shown_path(sidecar, display_root)
    try:
        if not sidecar.is_file():
            return {}
        _check_link(sidecar, seeds_root)
        if sidecar.stat().st_size > MAX_OVERRIDE_CHARS * 4:  # UTF-8: at most 4 bytes a character
            raise SeedError(f"larger than {MAX_OVERRIDE_CHARS} characters")
        text = normalise(sidecar.read_text(encoding="utf-8"))
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:  # a seed with a long name cannot have a sidecar
            return {}
        log.warning("%s: overrides ignored: %s", shown, _sidecar_reason(error))
        return {}
    except (UnicodeDecodeError, SeedError) as error:
        log.warning("%s: overrides ignored: %s", shown, _sidecar_reason(error))
        return {}
    return parse_overrides(text, shown) or {}


def _sidecar_reason(error: Exception) -> str:
    if isinstance(error, SeedError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text ({error.reason})"
    return f"cannot be read ({_reason(error)})"


class WarningCount(logging.Handler):
    """Counts the warnings logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        """Count one warning."""
        self.count += 1


class _NotIndexed(Exception):
    """A seed that is always read afresh: a link, a special file, a name the system refuses."""


def _signature(path: Path, missing_ok: bool = False) -> tuple[int, int, int] | None:
    """Size, modification time (ns) and inode of a regular file; None when it is missing and
    that is allowed."""
    try:
        status = os.lstat(path)  # a link is not followed: where it leads may change unseen
    except FileNotFoundError as error:
        if missing_ok:
            return None
        raise _NotIndexed from error
    except OSError as error:
        raise _NotIndexed from error
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_SEED_BYTES:
        raise _NotIndexed
    return status.st_size, status.st_mtime_ns, status.st_ino


def _raw_digest(path: Path, has_sidecar: bool) -> str:
    digest = hashlib.sha256(path.read_bytes())
    if has_sidecar:
        digest.update(b"\0" + sidecar_path(path).read_bytes())
    return digest.hexdigest()


def read_indexed(
    path: Path, display_root: Path, seeds_root: Path, index: SeedIndex, sidecar_seen: bool = True
) -> Seed:
    """One seed, read and decoded only when its file changed since the index last saw it
    (size, time and inode first; then the bytes' hash, so a fresh clone decodes nothing).
    `sidecar_seen` False says the folder listing has no sidecar for it."""
    shown = shown_path(path, display_root)
    try:
        signature = _signature(path)
        sidecar = _signature(sidecar_path(path), missing_ok=True) if sidecar_seen else None
        raw = None
        known = index.get(shown)
        if known is None or (known.seed, known.sidecar) != (signature, sidecar):
            raw = _raw_digest(path, sidecar is not None)
    except (_NotIndexed, OSError):
        source = read_seed(path, display_root, seeds_root)
        return Seed(path, shown, path.name, content_digest(source), source)
    if known is not None and raw in (None, known.raw):
        index.put(shown, replace(known, seed=signature, sidecar=sidecar))
        if known.encoding != "utf-8":
            log.info("%s: decoded as %s", shown, known.encoding)
        return Seed(path, shown, path.name, known.content)
    counter = WarningCount()
    log.addHandler(counter)
    try:
        source = read_seed(path, display_root, seeds_root)
    finally:
        log.removeHandler(counter)
    content = content_digest(source)
    if not counter.count:  # a seed read with a warning is read again, so it warns again
        index.put(shown, SeedStamp(signature, sidecar, raw, content, source.encoding))
    return Seed(path, shown, path.name, content, source)


def read_seeds(
    seeds_dir: Path, display_root: Path, index: SeedIndex | None = None
) -> tuple[list[Seed], list[Problem]]:
    """Every seed (unchanged ones, by the index, without reading them); unusable ones become
    problems and the others go on."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    seeds_root = seeds_dir.resolve()
    paths, names = seed_files(seeds_dir)
    for path in paths:
        try:
            if index is not None:
                seen = sidecar_path(path).name in names
                seeds.append(read_indexed(path, display_root, seeds_root, index, seen))
            else:
                source = read_seed(path, display_root, seeds_root)
                seeds.append(Seed(path, source.path, path.name, content_digest(source), source))
        except Exception as error:  # a bug on one seed must not take the site down
            shown = os.fsencode(path.as_posix()).decode("utf-8", "replace")
            reason = error if isinstance(error, SeedError) else f"cannot be read: {error!r}"
            log.warning("%s: skipped: %s", shown, reason)
            problems.append(Problem(shown, f"skipped: {reason}"))
    if index is not None:
        index.save()
    return seeds, problems
