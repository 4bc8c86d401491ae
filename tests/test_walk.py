"""Which files a run reads: folder walks pick articles only, honour .gitignore and exclude;
a non-article named on the command line gets a note, not a failure."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citecheck.config import SettingsResolver
from citecheck.load.walk import expand_sources

POST = {"id": 7, "date_gmt": "2025-03-14T16:30:00", "content": {"rendered": "<p>Hello.</p>"}}


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A repository of drafts as a newsroom keeps it, with the files such repositories also hold."""
    root = tmp_path / "newsroom"
    write(root / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(root / ".git" / "info" / "exclude", "scratch/\n")
    write(root / ".gitignore", "build/\n*.tmp.md\n!keep.tmp.md\n")
    write(root / "LICENSE", "MIT License\n\nPermission is hereby granted...\n")
    write(root / "package.json", json.dumps({"name": "site", "version": "1.0.0", "scripts": {}}))
    write(root / "tsconfig.json", '{"compilerOptions": {"strict": true}}')
    write(root / "data" / "month_names.json", json.dumps({"en": ["January", "February"]}))
    write(root / "data" / "empty-list.json", "[]")
    write(root / "drafts" / "ferry.md", "---\ndate: 2025-03-14\n---\nThe ferry ran.\n")
    write(root / "drafts" / "bridge.html", "<p>The bridge opened.</p>")
    write(root / "drafts" / "note.txt", "date 2025-03-14\nA note.\n")
    write(root / "drafts" / "story.tml", "<TimeML><DOCID>x</DOCID><TEXT>On Monday.</TEXT></TimeML>")
    write(root / "drafts" / "post.json", json.dumps(POST))
    write(root / "drafts" / "posts.json", json.dumps([POST, {**POST, "id": 8}]))
    write(root / "drafts" / "page.html.gz", gzip.compress(b"<html><body><p>Saved.</p></body></html>"))
    write(root / "drafts" / "saved-page", "<!DOCTYPE html><html><body><p>No suffix.</p></body></html>")
    write(root / "drafts" / "draft.tmp.md", "ignored by .gitignore")
    write(root / "drafts" / "keep.tmp.md", "re-included by .gitignore")
    write(root / "drafts" / "script.py", "print('no')\n")
    write(root / "drafts" / ".hidden.md", "hidden")
    write(root / "build" / "index.html", "<p>built</p>")
    write(root / "scratch" / "a.md", "scratch")
    write(root / "node_modules" / "pkg" / "README.md", "a dependency")
    return root


def relative(root: Path, paths: list[str]) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_a_folder_walk_reads_articles_only(newsroom: Path) -> None:
    resolve = SettingsResolver(cwd=newsroom)
    found = relative(newsroom, list(expand_sources([str(newsroom)], excluded=resolve.excluded)))
    assert found == [
        "drafts/bridge.html",
        "drafts/ferry.md",
        "drafts/keep.tmp.md",
        "drafts/note.txt",
        "drafts/page.html.gz",
        "drafts/post.json",
        "drafts/posts.json",
        "drafts/saved-page",
        "drafts/story.tml",
    ]


def test_gitignore_of_the_repository_root_applies_to_a_subfolder_walk(newsroom: Path) -> None:
    found = relative(newsroom, list(expand_sources([str(newsroom / "drafts")])))
    assert "drafts/draft.tmp.md" not in found and "drafts/keep.tmp.md" in found


def test_exclude_from_config_and_command_line(newsroom: Path) -> None:
    write(newsroom / "pyproject.toml", '[tool.citecheck]\nextend-exclude = ["drafts/*.json"]\n')
    resolve = SettingsResolver(cwd=newsroom, extend_exclude=["*.tml"])
    found = relative(newsroom, list(expand_sources([str(newsroom)], excluded=resolve.excluded)))
    assert not [p for p in found if p.endswith((".json", ".tml"))]
    assert "drafts/ferry.md" in found


def test_named_non_articles_get_a_note_and_are_skipped(newsroom: Path) -> None:
    notes: list[tuple[str, str]] = []
    named = [str(newsroom / name) for name in ("package.json", "drafts/script.py", "drafts/ferry.md", "LICENSE")]
    found = list(expand_sources(named, note=lambda path, why: notes.append((Path(path).name, why))))
    # A file without a suffix named on purpose is read (saved pages often have none).
    assert relative(newsroom, found) == ["drafts/ferry.md", "LICENSE"]
    assert notes == [
        ("package.json", "not an article (JSON, but not a WordPress post or a list of posts)"),
        ("script.py", "not an article ('.py' is not an article format (.html, .md, .txt, WordPress .json, .tml, web archives; .gz of them))"),
    ]  # fmt: skip


def test_force_exclude_applies_exclude_to_named_files(newsroom: Path) -> None:
    resolve = SettingsResolver(cwd=newsroom, extend_exclude=["drafts/*.html"])
    notes: list[str] = []
    named = [str(newsroom / "drafts" / "bridge.html"), str(newsroom / "drafts" / "ferry.md")]
    assert list(expand_sources(named, excluded=resolve.excluded)) == named
    forced = expand_sources(named, excluded=resolve.excluded, force_exclude=True, note=lambda p, w: notes.append(w))
    assert list(forced) == named[1:]
    assert notes == ["excluded by 'drafts/*.html'"]


def test_a_broken_wordpress_export_is_still_read_so_its_error_is_reported(tmp_path: Path) -> None:
    broken = write(tmp_path / "post.json", '{"id": 7, "content": {"rendered": "<p>cut off')
    assert list(expand_sources([str(tmp_path)])) == [str(broken)]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ}
    )


def test_cli_on_a_repository_checks_the_drafts_only(newsroom: Path) -> None:
    result = cli(".", "--format", "json", cwd=newsroom)
    assert result.returncode == 0, result.stdout
    sources = [f["source"] for f in json.loads(result.stdout)["files"]]
    assert "package.json" not in " ".join(sources) and "LICENSE" not in " ".join(sources)
    # Nine files, one of them a list of two posts: one report a post.
    assert len(sources) == 10 and "drafts/posts.json#0" in sources and "drafts/posts.json#1" in sources
    assert not [f for file in json.loads(result.stdout)["files"] for f in file["findings"] if f["rule"] == "CC001"]


def test_a_list_of_posts_named_on_the_command_line_is_one_article_a_post(newsroom: Path) -> None:
    result = cli("drafts/posts.json", "-f", "json", cwd=newsroom)
    files = json.loads(result.stdout)["files"]
    assert [(f["source"], f["capture"]["record_id"]) for f in files] == [
        ("drafts/posts.json#0", "7"),
        ("drafts/posts.json#1", "8"),
    ]


def test_cli_on_named_non_articles_only_is_a_note_and_exit_0(newsroom: Path) -> None:
    result = cli("package.json", "tsconfig.json", cwd=newsroom)
    assert result.returncode == 0
    assert "citecheck: note: package.json: skipped, not an article" in result.stderr
    assert "CC001" not in result.stdout


def test_cli_exclude_options(newsroom: Path) -> None:
    result = cli(".", "-f", "json", "--extend-exclude", "drafts/*.json,*.tml", cwd=newsroom)
    sources = [f["source"] for f in json.loads(result.stdout)["files"]]
    assert len(sources) == 6 and not [s for s in sources if s.endswith((".json", ".tml"))]
    forced = cli("drafts/post.json", "drafts/ferry.md", "--extend-exclude", "*.json", "--force-exclude", cwd=newsroom)
    assert forced.returncode == 0 and "drafts/post.json: skipped, excluded by '*.json'" in forced.stderr
    # --exclude replaces the default list (node_modules is read again) and the configs' exclude.
    replaced = cli(".", "-f", "json", "--exclude", "drafts/", cwd=newsroom)
    sources = [f["source"] for f in json.loads(replaced.stdout)["files"]]
    assert sources == ["node_modules/pkg/README.md"]
    quiet = cli("package.json", "drafts/ferry.md", "--quiet", cwd=newsroom)
    assert quiet.returncode == 0 and "note" not in quiet.stderr
