"""Editors' overrides: front matter or NAME.meta.yaml, validated, winning over extraction."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from generator.cli import main
from generator.pipeline import collect, generate

ARTICLE = """Gunma và Quảng Ninh thúc đẩy hợp tác du lịch
Ngày 3/4, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về hợp tác du lịch tại Hà Nội.
"""


def brief_of(root: Path, name: str = "a.txt"):
    return next(b for b in collect(root / "seeds", root).briefs if b.source.endswith(name))


def test_front_matter_overrides_win_and_are_recorded(tree) -> None:
    root = tree(
        {
            "seeds/a.txt": "---\ndate: 2024-04-03\ntitle: Gunma – Quảng Ninh tourism talks\n"
            "localities: {add: [jp/kanagawa], remove: [vn/ha-noi]}\n"
            "sectors: [tourism, culture-exchange]\n"
            "language: vi\n---\n" + ARTICLE
        }
    )
    brief = brief_of(root)
    assert (brief.date.date, brief.date.year_source) == ("2024-04-03", "override")
    assert brief.title == "Gunma – Quảng Ninh tourism talks" and not brief.title_generated
    assert brief.localities == ("jp/gunma", "jp/kanagawa", "vn/quang-ninh")
    assert brief.sectors == ("tourism", "culture-exchange")
    assert brief.paragraphs[0].text.startswith("Ngày 3/4")  # the block is not article text


def test_sidecar_wins_over_front_matter_and_survives_regeneration(tree) -> None:
    root = tree(
        {
            "seeds/a.txt": "---\ndate: 2023-04-03\n---\n" + ARTICLE,
            "seeds/a.meta.yaml": "date: 2024-04-03\nlocalities: [jp/gunma, vn/quang-ninh]\n",
        }
    )
    for _ in range(2):
        collected, _ = generate(root / "seeds", root / "docs", root)
        page = frontmatter.loads((root / "docs" / collected.briefs[0].path).read_text("utf-8"))
        assert (page["date"], page["year_source"]) == ("2024-04-03", "override")
        assert page["localities"] == ["jp/gunma", "vn/quang-ninh"]
    assert (root / "seeds" / "a.meta.yaml").read_text(encoding="utf-8").startswith("date:")


def test_unknown_ids_are_errors_with_the_valid_ones(tree, caplog) -> None:
    root = tree(
        {
            "seeds/a.txt": ARTICLE,
            "seeds/a.meta.yaml": "localities: {add: [jp/gumma]}\n"
            "sectors: [tourisme]\nlanguage: xx\ncolour: red\n",
        }
    )
    brief = brief_of(root)
    assert brief.localities == ("jp/gunma", "vn/ha-noi", "vn/quang-ninh")
    assert "seeds/a.meta.yaml: unknown override field(s) colour ignored; valid: date" in caplog.text
    assert "override 'localities' ignored: unknown locality 'jp/gumma' (did you mean jp/gunma" in (
        caplog.text
    )
    assert "override 'sectors' ignored: unknown sector 'tourisme' (did you mean tourism?)" in (
        caplog.text
    )
    assert "valid: agriculture, fisheries" in caplog.text
    assert "override 'language' ignored: unknown language 'xx'; valid: vi, ja" in caplog.text


def test_unusable_front_matter_is_warned_about_and_kept_as_text(tree, caplog) -> None:
    root = tree({"seeds/a.txt": "---\ntitle: !!python/object:os.system ls\n---\n" + ARTICLE})
    brief = brief_of(root)
    assert "seeds/a.txt: overrides ignored: not valid YAML" in caplog.text
    assert brief.localities == ("jp/gunma", "vn/ha-noi", "vn/quang-ninh")


def test_related_override_links_briefs_and_shares_the_year(tree) -> None:
    root = tree(
        {
            "seeds/a.txt": ARTICLE,
            "seeds/b.txt": "Tin khác\nNgày 3/4/2024, tỉnh Đắk Lắk và tỉnh Saitama gặp nhau.\n",
            "seeds/a.meta.yaml": "related: [b]\n",
        }
    )
    briefs = {b.id: b for b in collect(root / "seeds", root).briefs}
    assert briefs["a"].related == ("b",) and briefs["b"].related == ("a",)
    assert (briefs["a"].date.date, briefs["a"].date.year_source) == ("2024-04-03", "related")


def test_check_gives_the_override_to_write(tree, monkeypatch, caplog) -> None:
    root = tree({"seeds/a.txt": ARTICLE})
    monkeypatch.chdir(root)
    assert main(["check", "--strict"]) == 1
    expected = "seeds/a.txt: year not stated; to settle it, write in seeds/a.meta.yaml:  "
    assert expected + "date: 'YYYY-04-03'" in caplog.text
    (root / "seeds" / "a.meta.yaml").write_text("date: 2024-04-03\n", encoding="utf-8")
    assert main(["check", "--strict"]) == 0


def test_check_flags_a_text_split_between_languages(tree, monkeypatch, caplog) -> None:
    mixed = (
        "Gunma và Quảng Ninh\n"
        "Ngày 3/4/2024, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh về du lịch.\n"
        "On 3 April 2024, a delegation from Gunma Prefecture met Quang Ninh province officials.\n"
    )
    root = tree({"seeds/a.txt": mixed})
    monkeypatch.chdir(root)
    assert main(["check", "--strict"]) == 1
    assert "seeds/a.txt: language uncertain; to settle it, write in seeds/a.meta.yaml:" in (
        caplog.text
    )
    (root / "seeds" / "a.meta.yaml").write_text("language: vi\n", encoding="utf-8")
    caplog.clear()
    main(["check"])
    assert "language uncertain" not in caplog.text


def test_override_warnings_come_back_on_every_run(tree, caplog) -> None:
    root = tree({"seeds/a.txt": ARTICLE, "seeds/a.meta.yaml": "sectors: [tourisme]\n"})
    for _ in range(2):
        caplog.clear()
        collect(root / "seeds", root)
        assert "override 'sectors' ignored" in caplog.text
