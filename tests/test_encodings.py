"""Pages in legacy encodings, declared and undeclared, and in UTF-16/UTF-32 with and without a
byte-order mark, read as a browser reads them (issue 11, item 11). The sentences are written for
these tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.load import load
from citecheck.pipeline import check_source

SAMPLES = {
    "windows-1251": ("ru", "Мария Иванова рассказала журналистам, что паром снова ходит по расписанию.", "Мария Иванова"),
    "koi8-r": ("ru", "Портовое управление сообщило, что третий причал откроется во вторник.", "Пётр Смирнов"),
    "iso-8859-2": ("pl", "Mieszkańcy dzielnicy czekali na tę decyzję prawie trzy miesiące, powiedziała.", "Małgorzata Wójcik"),
    "iso-8859-7": ("el", "Η Μαρία είπε στους δημοσιογράφους ότι το πλοίο κινείται ξανά κανονικά.", "Μαρία Παπαδοπούλου"),
    "gb18030": ("zh", "玛丽亚告诉记者，渡轮再次按时刻表运行。居民们等待这个决定将近三个月。", "王小明"),
    "big5": ("zh-TW", "瑪麗亞告訴記者，渡輪再次按時刻表運行。居民們等待這個決定將近三個月。", "陳大文"),
    "euc-jp": ("ja", "マリアさんは記者団に対し、フェリーが再び時刻表通りに運航していると語った。", "山田花子"),
    "shift_jis": ("ja", "港湾局によると、第三埠頭は火曜日に再開する。乗客は行列に不満を述べていた。", "佐藤太郎"),
    "euc-kr": ("ko", "마리아는 기자들에게 여객선이 다시 시간표대로 운항한다고 말했다.", "김민지"),
    "windows-1252": ("fr", "Les habitants ont attendu cette décision près de trois mois. « Le ferry circule », a-t-elle dit.", "Hélène Müller"),
    "windows-1254": ("tr", "Mahalle sakinleri bu kararı yaklaşık üç ay bekledi, dedi gazetecilere.", "Ayşe Yılmaz"),
    "windows-1256": ("ar", "قالت ماريا للصحفيين إن العبارة تعمل مرة أخرى وفق الجدول.", "ماريا حسن"),
}  # fmt: skip


def page(lang: str, text: str, name: str, declared: str | None = None) -> str:
    meta = f'<meta charset="{declared}">' if declared else ""
    return (
        f'<!doctype html><html lang="{lang}"><head>{meta}<title>{name}</title>'
        '<meta property="article:published_time" content="2025-03-14T09:00:00Z"></head>'
        f"<body><article><h1>{name}</h1><p>{text}</p>"
        f'<blockquote class="twitter-tweet"><p>{text[:40]}</p>&mdash; {name} (@harbour_x) '
        '<a href="https://twitter.com/harbour_x/status/1898741079864369728">March 9, 2025</a></blockquote>'
        f"<p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize("encoding", list(SAMPLES))
def test_each_legacy_encoding_is_read_declared_or_not(tmp_path: Path, encoding: str, declared: bool) -> None:
    lang, text, name = SAMPLES[encoding]
    path = tmp_path / "page.html"
    path.write_bytes(page(lang, text, name, encoding if declared else None).encode(encoding))
    report = check_source(str(path), Settings())
    assert text in load(str(path)).paragraphs[1].text
    (embed,) = report.embeds
    assert embed.display_name == name
    assert report.findings == [] and report.notes == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_and_utf32_with_or_without_a_byte_order_mark(tmp_path: Path, codec: str, bom: bool) -> None:
    lang, text, name = SAMPLES["windows-1251"]
    path = tmp_path / "page.html"
    body = page(lang, text, name).encode(codec)
    mark = "\ufeff".encode(codec) if bom else b""
    path.write_bytes(mark + body)
    report = check_source(str(path), Settings())
    assert [e.display_name for e in report.embeds] == [name]
    assert not [f for f in report.findings if f.rule == "CC001"]


def test_bytes_that_cannot_be_decoded_are_a_note_in_that_file_s_report(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text, name = SAMPLES["windows-1252"]
    good = page("en", "Plain words " * 200 + text, name).encode("utf-8")
    path = tmp_path / "cut.html"
    path.write_bytes(good.replace("décision".encode(), b"d\xe9cision", 1))  # one byte of another encoding
    with caplog.at_level(logging.WARNING):
        report = check_source(str(path), Settings())
    assert report.source == str(path)
    assert report.notes == [
        "1 byte sequence could not be decoded as UTF-8 and show as U+FFFD (the replacement character)"
    ]
    assert caplog.records == [] and capsys.readouterr().err == ""  # nothing on stderr without the file's name
    assert (
        '"notes"' in report.model_dump_json()
        and '"notes"' not in check_source(str(_write(tmp_path, "clean.html", good)), Settings()).model_dump_json()
    )


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
