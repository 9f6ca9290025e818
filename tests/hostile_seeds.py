"""A corpus of bad seeds: broken encodings, odd files and names, markup attacks, collisions.

Each entry is (file name, content, expectation). Content is bytes, or a callable that makes the
file itself (symlinks, folders, big files, sidecars). The expectation is ("skip", reason) or
("brief", checks), checks being fields the brief must have (a value, or a predicate the value
must pass) and, under "warning", a message the run must log.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

ART_VI = (
    "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch\n"
    "Ngày 3/4/2024, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch.\n"
    "Hai bên thống nhất tăng cường giao lưu văn hóa và đào tạo nguồn nhân lực.\n"
)
ART_FR = (
    "La préfecture de Kumamoto signe un mémorandum avec la province de Yên Bai\n"
    "Le 5 mars 2024, la préfecture de Kumamoto a signé un mémorandum de coopération économique "
    "avec la province de Yên Bai, au Vietnam, dans le tourisme et l'agriculture.\n"
)
ART_FR_LATIN = ART_FR.replace("Yên Bai", "Yen Bai")  # encodable in cp1252 and Latin-1
ART_JA = (
    "群馬県とクアンニン省が友好交流協定\n"
    "2024年4月3日、群馬県とベトナムのクアンニン省は観光と農業の分野で協力することで合意した。\n"
)
VI_BRIEF = {"localities": ("jp/gunma", "vn/quang-ninh"), "language": "vi", "date": "2024-04-03"}
VI_TITLE = "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch"
FR_BRIEF = {"localities": ("jp/kumamoto", "vn/yen-bai"), "language": "fr", "date": "2024-03-05"}
JA_BRIEF = {"localities": ("jp/gunma", "vn/quang-ninh"), "language": "ja", "date": "2024-04-03"}

Maker = Callable[[Path], None]


def big_file(path: Path) -> None:
    path.write_bytes(ART_VI.encode() + b"x" * (20 * 1024 * 1024))


def link_outside(path: Path) -> None:
    outside = path.parent.parent / "outside.txt"
    outside.write_text(ART_VI, encoding="utf-8")
    os.symlink(outside, path)


def folder(path: Path) -> None:
    path.mkdir()


def link_loop(path: Path) -> None:
    os.symlink(path.name, path)


def with_sidecar(article: str, overrides: str) -> Maker:
    """A seed and its NAME.meta.yaml."""

    def make(path: Path) -> None:
        path.write_text(article, encoding="utf-8")
        path.with_name(path.stem + ".meta.yaml").write_text(overrides, encoding="utf-8")

    return make


def sidecar_link_outside(path: Path) -> None:
    path.write_text(ART_VI, encoding="utf-8")
    outside = path.parent.parent / "outside.meta.yaml"
    outside.write_text("title: Stolen title\n", encoding="utf-8")
    os.symlink(outside, path.with_name(path.stem + ".meta.yaml"))


def latin1_name(path: Path) -> None:
    """A file whose name is not UTF-8 (Latin-1 "café"); the corpus lists it as shown."""
    folder = os.fsencode(path.parent)
    with open(os.path.join(folder, b"caf\xe9-latin1.txt"), "wb") as stream:
        stream.write(ART_VI.encode())


# A 364-byte YAML "billion laughs": nine-fold aliases, nine levels deep.
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
LONG_STEM = "long-" + "x" * 245  # a 254-byte name: its sidecar's name would be too long
ART_VI_UNDATED = ART_VI.replace("3/4/2024", "3/4")
LONG_HEADLINE = VI_TITLE + " trong khuôn khổ chương trình giao lưu địa phương"


# fmt: off
HOSTILE: list[tuple[str, bytes | Maker, tuple]] = [  # noqa: E501 - one seed a line
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("utf16-le.txt", ART_VI.encode("utf-16"), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("utf16-be.txt", b"\xfe\xff" + ART_VI.encode("utf-16-be"), ("brief", VI_BRIEF)),
    (
        "cp1252.txt",
        ART_FR_LATIN.encode("cp1252"),
        ("brief", {**FR_BRIEF, "title": ART_FR_LATIN.split("\n")[0]}),
    ),
    ("latin1.txt", ART_FR_LATIN.encode("latin-1"), ("brief", FR_BRIEF)),
    (
        "shift-jis.txt",
        ART_JA.encode("shift_jis"),
        ("brief", {**JA_BRIEF, "title": "群馬県とクアンニン省が友好交流協定"}),
    ),
    (
        "mojibake.txt",
        ART_FR.encode().decode("cp1252", "replace").encode(),
        ("brief", {**FR_BRIEF, "title": ART_FR.split("\n")[0]}),
    ),
    (
        "nfd.txt",
        unicodedata.normalize("NFD", ART_VI).encode(),
        ("brief", {**VI_BRIEF, "title": VI_TITLE}),
    ),
    ("crlf.txt", ART_VI.replace("\n", "\r\n").encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    (
        "lone-cr.txt",
        ART_VI.replace("\n", "\r").encode(),
        ("brief", {**VI_BRIEF, "title": VI_TITLE}),
    ),
    (
        "controls.txt",
        ("\x07\x1b[31m" + ART_VI.replace("Gunma và", "Gunma\u202e và\u200f")).encode(),
        ("brief", {**VI_BRIEF, "title": "[31m" + VI_TITLE}),
    ),
    ("empty.txt", b"", ("skip", "empty file")),
    ("whitespace.txt", b"  \n\t\r\n  ", ("skip", "empty file")),
    ("binary.txt", bytes(range(256)) * 4, ("skip", "binary file (contains NUL bytes)")),
    (
        "nul-byte.txt",
        ART_VI.encode().replace(b"Hai", b"H\x00ai"),
        ("skip", "binary file (contains NUL bytes)"),
    ),
    ("huge.txt", big_file, ("skip", "larger than 5 MB")),
    ("folder.txt", folder, ("skip", "not a regular file")),
    ("outside-link.txt", link_outside, ("skip", "a link to a file outside the seed folder")),
    ("name with spaces.txt", ART_VI.encode(), ("brief", {"id": "name-with-spaces--72d7181f40c498e0"})),  # noqa: E501
    ("weird..name.txt", ART_VI.encode(), ("brief", {"id": "weird-name--3a75c7ae3848e438"})),
    ("ベトナム記事.txt", ART_JA.encode(), ("brief", JA_BRIEF)),
    (
        "script.txt",
        ("<script>alert(1)</script> " + ART_VI).encode(),
        ("brief", {"title": f"<script>alert(1)</script> {VI_TITLE}"}),
    ),
    (
        "img-onerror.txt",
        ("Ảnh <img src=x onerror=alert(1)>\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "js-link.txt",
        ("[bấm](javascript:alert(1)) tin Gunma\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "attr-list.txt",
        (
            'Tin Gunma {: onclick="alert(1)" }\n' + ART_VI + "{: .x onmouseover=alert(2) }\n"
        ).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "entities.txt",
        ("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;img&#x3E; " + ART_VI).encode(),
        ("brief", {"title": f"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;img&#x3E; {VI_TITLE}"}),  # noqa: E501
    ),
    (
        "jinja.txt",
        ("Tin {{ config.site_name }} {% include 'x' %} " + ART_VI).encode(),
        ("brief", {"title": f"Tin {{{{ config.site_name }}}} {{% include 'x' %}} {VI_TITLE}"}),
    ),
    (
        "yaml-front.txt",
        ("---\nfoo: bar\ntitle: Tiêu đề của biên tập viên\n---\n" + ART_VI).encode(),
        ("brief", {**VI_BRIEF, "title": "Tiêu đề của biên tập viên"}),
    ),
    (
        "yaml-tag.txt",
        ("---\n!!python/object/apply:os.system ['echo pwned']\n---\n" + ART_VI).encode(),
        ("brief", VI_BRIEF),
    ),
    (
        "punctuation-title.txt",
        ("!!!???...---\n" + ART_VI.split("\n", 1)[1]).encode(),
        ("brief", VI_BRIEF),
    ),
    ("same-a.txt", ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    ("same-b.txt", ART_VI.encode(), ("brief", {**VI_BRIEF, "title": VI_TITLE})),
    (
        "source-js.txt",
        (ART_VI + "Source: javascript:alert(1)\n").encode(),
        ("brief", {"source_url": None}),
    ),
    (
        "long-line.txt",
        (VI_TITLE + "\n" + "Gunma " * 20000 + "\n").encode(),
        ("brief", {"title": VI_TITLE}),
    ),
]
# fmt: on

# Documents that stopped the whole site, and editors' overrides that did: each now gives a
# brief (with a warning) or a skip.
HOSTILE += [
    (
        "dot-title.txt",
        (".\n" + ART_VI.split("\n", 1)[1]).encode(),
        ("brief", {**VI_BRIEF, "title": lambda title: bool(title.strip(" ."))}),
    ),
    (
        "noncharacters.txt",
        (
            "Gunma\ufffe và \ufdd0Quảng Ninh\uffff thúc đẩy hợp tác du lịch\U0001ffff\n"
            + ART_VI.split("\n", 1)[1]
        ).encode(),
        ("brief", {**VI_BRIEF, "title": VI_TITLE}),
    ),
    ("equals-start.txt", ("= " + ART_VI + "=\n").encode(), ("brief", {"title": "= " + VI_TITLE})),
    (
        "feb-29-inferred.txt",
        (
            "Gunma và Quảng Ninh\nCập nhật 10:30 15/3/2025\n"
            + ART_VI_UNDATED.replace("3/4", "29/2")
        ).encode(),
        ("brief", {"date": "--02-29", "year_source": "none"}),
    ),
    (
        "year-zero.txt",
        ART_VI.replace("3/4/2024", "12/3/0000").encode(),
        ("brief", {"date": None}),
    ),
    (
        "year-2200.txt",
        ART_VI.replace("3/4/2024", "12/3/2200").encode(),
        ("brief", {"date": None}),
    ),
    (
        "year-1969.txt",
        ART_VI.replace("3/4/2024", "3/4/1969").encode(),
        ("brief", {"date": "1969-04-03"}),
    ),
    (
        LONG_STEM + ".txt",
        ART_VI.encode(),
        ("brief", {**VI_BRIEF, "id": lambda id_: len(id_) <= 80 and id_.startswith("long-xxx")}),
    ),
    (
        "caf\ufffd-latin1.txt",
        latin1_name,
        ("brief", {**VI_BRIEF, "id": lambda id_: id_.startswith("caf-latin1--")}),
    ),
    ("loop.txt", link_loop, ("skip", "a link that leads nowhere (a loop of links)")),
    (
        "dangling-link.txt",
        lambda path: os.symlink("no-such-seed.txt", path),
        ("skip", "a link that leads nowhere (No such file or directory)"),
    ),
    # Same date, same first 60 characters of headline: once the same page path.
    ("prefix_a.txt", (LONG_HEADLINE + " A\n" + ART_VI).encode(), ("brief", {"id": "prefix-a"})),
    ("prefix_b.txt", (LONG_HEADLINE + " B\n" + ART_VI).encode(), ("brief", {"id": "prefix-b"})),
    ("Case.txt", ART_VI.encode(), ("brief", {"id": lambda id_: id_.startswith("case--")})),
    ("case.txt", ART_VI.encode(), ("brief", {"id": "case"})),
    (
        "one-long-word.txt",
        (ART_VI + "a" * 400_000 + "\n").encode(),  # lingua took 76 s on this word
        ("brief", {"title": VI_TITLE}),
    ),
    # Editors' overrides that stopped the site.
    (
        "override-year-only.txt",
        ("---\ndate: 2024\n---\n" + ART_VI).encode(),
        ("brief", {"date": "2024", "year_source": "override"}),
    ),
    (
        "override-month-zero.txt",
        with_sidecar(ART_VI, "date: '2025-00'\n"),
        ("brief", {"date": "2024-04-03"}),
    ),
    (
        "override-feb-29.txt",
        with_sidecar(ART_VI, "date: 2025-02-29\n"),
        ("brief", {"date": "2024-04-03"}),
    ),
    (
        "override-feb-30.txt",
        with_sidecar(ART_VI, "date: '2025-02-30'\n"),
        ("brief", {"date": "2024-04-03"}),
    ),
    (
        "override-bare-feb-30.txt",
        with_sidecar(ART_VI, "date: '--02-30'\n"),
        ("brief", {"date": "2024-04-03"}),
    ),
    (
        "override-year-zero.txt",
        with_sidecar(ART_VI, "date: 0000-01-01\n"),
        ("brief", {"date": "2024-04-03"}),
    ),
    (
        "override-deep-related.txt",
        with_sidecar(ART_VI, "related: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("brief", VI_BRIEF),
    ),
    (
        "override-alias-bomb.txt",
        with_sidecar(ART_VI, ALIAS_BOMB),
        ("brief", VI_BRIEF),
    ),
    (
        "override-language-list.txt",
        with_sidecar(ART_VI, "language: [vi]\ntitle: Kept title\n"),
        ("brief", {**VI_BRIEF, "title": "Kept title"}),
    ),
    (
        "override-end-before-start.txt",
        with_sidecar(ART_VI, "date: 2024-04-03\ndate_end: 2024-04-01\n"),
        ("brief", {"date": "2024-04-03", "date_end": None}),
    ),
    (
        "sidecar-link.txt",
        sidecar_link_outside,
        ("brief", {"title": VI_TITLE}),
    ),
]

# The warning each of these seeds must give (naming the file), in the run's log. (The dates of
# feb-29-inferred, year-zero and year-2200 are refused by date extraction itself, silently; the
# pipeline's own check of such dates is tested in test_guards.py.)
NOT_A_DATE = "is not a calendar date between 1900 and 2100"
WARNINGS = {
    "override-month-zero.txt": "seeds/override-month-zero.txt: override 'date' ignored: "
    "'2025-00' " + NOT_A_DATE,
    "override-feb-29.txt": "seeds/override-feb-29.txt: override 'date' ignored: "
    "'2025-02-29' " + NOT_A_DATE,
    "override-feb-30.txt": "seeds/override-feb-30.txt: override 'date' ignored: "
    "'2025-02-30' " + NOT_A_DATE,
    "override-bare-feb-30.txt": "seeds/override-bare-feb-30.txt: override 'date' ignored: "
    "'--02-30' " + NOT_A_DATE,
    "override-year-zero.txt": "seeds/override-year-zero.txt: override 'date' ignored: "
    "'0000-01-01' " + NOT_A_DATE,
    "override-deep-related.txt": "seeds/override-deep-related.meta.yaml: overrides ignored: "
    "not valid YAML (nested more than 8 levels deep)",
    "override-alias-bomb.txt": "seeds/override-alias-bomb.meta.yaml: overrides ignored: "
    "not valid YAML (aliases (*name) are not allowed)",
    "override-language-list.txt": "seeds/override-language-list.txt: override 'language' "
    "ignored: unknown language ['vi']",
    "override-end-before-start.txt": "seeds/override-end-before-start.txt: override "
    "'date_end' ignored: '2024-04-01' is before the date 2024-04-03",
    "sidecar-link.txt": "seeds/sidecar-link.meta.yaml: overrides ignored: "
    "a link to a file outside the seed folder",
}


def write_corpus(seeds: Path) -> None:
    """Create every hostile seed in a folder."""
    seeds.mkdir(parents=True, exist_ok=True)
    for name, content, _ in HOSTILE:
        path = seeds / name
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
