"""Config files: discovery (nearest wins), --config, keys, per-path overrides, errors that name keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from citecheck.config import ConfigError, SettingsResolver, find_config, glob_match, merge, read_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_with_hyphens_or_underscores(tmp_path: Path) -> None:
    config = write(
        tmp_path / "citecheck.toml",
        """
select = ["CC1", "CC2"]
ignore = ["cc101"]
fail-on = "warning"
max_bytes = 1000
published = 2025-10-27
after-publication-days = 2.5
online = true
[severity]
CC203 = "error"
[network]
timeout = 3.0
per-host = 1
""",
    )
    settings = SettingsResolver()(str(write(tmp_path / "a.md", "x")))
    assert settings.select == ["CC1", "CC2"] and settings.ignore == ["CC101"]
    assert settings.fail_on == "warning" and settings.max_bytes == 1000
    assert settings.published == dt.date(2025, 10, 27) and settings.after_publication_days == 2.5
    assert settings.online and settings.severity == {"CC203": "error"}
    assert settings.network.timeout == 3.0 and settings.network.per_host == 1
    assert read_config(config) is not None


def test_pyproject_tool_table_and_pyproject_without_one_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nfail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    draft = write(tmp_path / "sub" / "d.md", "x")
    assert find_config(draft.parent) == tmp_path / "pyproject.toml"
    assert SettingsResolver()(str(draft)).fail_on == "info"


def test_nearest_config_wins_and_citecheck_toml_beats_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'fail-on = "never"\n')
    write(tmp_path / "desk" / "pyproject.toml", '[tool.citecheck]\nfail-on = "info"\n')
    write(tmp_path / "desk" / "citecheck.toml", 'fail-on = "warning"\n')
    resolve = SettingsResolver()
    assert resolve(str(write(tmp_path / "top.md", "x"))).fail_on == "never"
    assert resolve(str(write(tmp_path / "desk" / "deep" / "d.md", "x"))).fail_on == "warning"


def test_config_option_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'fail-on = "never"\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'fail-on = "info"\n')
    assert SettingsResolver(config=other)(str(write(tmp_path / "a.md", "x"))).fail_on == "info"


def test_config_option_on_a_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no \[tool.citecheck\] table"):
        SettingsResolver(config=write(tmp_path / "pyproject.toml", "[project]\nname='x'\n"))


def test_command_line_beats_config_and_ignore_lists_add_up(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'select = ["CC2"]\nignore = ["CC201"]\nfail-on = "never"\n')
    settings = SettingsResolver({"select": ["CC1"], "ignore": ["CC104"], "fail_on": "error"})(
        str(write(tmp_path / "a.md", "x"))
    )
    assert settings.select == ["CC1"] and settings.ignore == ["CC201", "CC104"] and settings.fail_on == "error"


def test_per_path_overrides_apply_only_where_they_say(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
[tool.citecheck]
ignore = ["CC101"]
severity = { CC203 = "error" }
[[tool.citecheck.overrides]]
paths = ["drafts/old/**"]
ignore = ["CC2"]
severity = { CC103 = "warning" }
fail-on = "never"
[[tool.citecheck.overrides]]
paths = ["*.txt"]
published = 2025-01-01
""",
    )
    resolve = SettingsResolver()
    old = resolve(str(write(tmp_path / "drafts" / "old" / "2019" / "a.md", "x")))
    new = resolve(str(write(tmp_path / "drafts" / "b.md", "x")))
    text = resolve(str(write(tmp_path / "drafts" / "old" / "c.txt", "x")))
    assert old.ignore == ["CC101", "CC2"] and old.severity == {"CC203": "error", "CC103": "warning"}
    assert old.fail_on == "never" and not old.enabled("CC202") and old.enabled("CC103")
    assert new.ignore == ["CC101"] and new.fail_on == "error" and new.enabled("CC202")
    assert text.published == dt.date(2025, 1, 1) and text.fail_on == "never"


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts/old/**", "drafts/old/a.md", True),
        ("drafts/old/**", "drafts/old/x/y/a.md", True),
        ("drafts/old/**", "drafts/new/a.md", False),
        ("drafts/*.md", "drafts/a.md", True),
        ("drafts/*.md", "drafts/x/a.md", False),
        ("*.md", "deep/down/a.md", True),
        ("**/wires/*.html", "a/b/wires/x.html", True),
        ("drafts/", "drafts/x/a.md", True),
        ("./drafts/a?.md", "drafts/ab.md", True),
    ],
)
def test_glob_match(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_unknown_keys_are_named(tmp_path: Path) -> None:
    write(
        tmp_path / "citecheck.toml", 'fail-onn = "x"\n[network]\ntimeot = 3\n[[overrides]]\npaths = ["a"]\nbogus = 1\n'
    )
    with pytest.raises(ConfigError) as error:
        SettingsResolver()(str(write(tmp_path / "a.md", "x")))
    message = str(error.value)
    assert "citecheck.toml" in message and "unknown keys" in message
    for key in ("'fail-onn'", "'network.timeot'", "'overrides.0.bogus'"):
        assert key in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('fail-on = "sometimes"\n', "bad value for 'fail-on'"),
        ('select = ["CC9"]\n', "'select' names no rule: CC9"),
        ('[severity]\nCC2 = "error"\n', "'severity' names no rule: CC2"),
        ('[[overrides]]\npaths = ["x"]\nignore = ["XX1"]\n', "'overrides[0].ignore' names no rule: XX1"),
        ("fail-on = \n", "cannot read it"),
    ],
)
def test_bad_values_are_errors(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path / "citecheck.toml", text)
    with pytest.raises(ConfigError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        SettingsResolver()(str(write(tmp_path / "a.md", "x")))


def test_no_config_gives_defaults_and_stdin_uses_the_working_folder(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'fail-on = "info"\n')
    resolve = SettingsResolver(cwd=tmp_path)
    assert resolve("-").fail_on == "info"
    assert resolve("https://example.com/a").fail_on == "info"


def test_merge_rules() -> None:
    assert merge(
        {"ignore": ["A"], "severity": {"X": "info"}, "select": ["S"]}, {"ignore": ["B", "A"], "select": ["T"]}
    ) == {
        "ignore": ["A", "B"],
        "severity": {"X": "info"},
        "select": ["T"],
    }


def test_a_comment_naming_the_table_does_not_hide_the_parent_config(tmp_path: Path) -> None:
    # pyproject.toml is parsed, not searched: a comment (or a string) naming [tool.citecheck] is not one.
    write(tmp_path / "citecheck.toml", 'fail-on = "warning"\n')
    write(
        tmp_path / "site" / "pyproject.toml",
        '# the newsroom config is in [tool.citecheck] of the parent\n[tool.other]\nnote = "[tool.citecheck]"\n',
    )
    draft = write(tmp_path / "site" / "a.md", "x")
    assert find_config(draft.parent) == tmp_path / "citecheck.toml"
    assert SettingsResolver()(str(draft)).fail_on == "warning"


def test_overrides_paths_with_gitignore_semantics(tmp_path: Path) -> None:
    write(
        tmp_path / "citecheck.toml",
        '[[overrides]]\npaths = ["drafts/old"]\nfail-on = "never"\n'
        '[[overrides]]\npaths = ["[0-9][0-9][0-9][0-9]-*.md", "!2025-*.md"]\nignore = ["CC2"]\n',
    )
    resolve = SettingsResolver()
    assert resolve(str(write(tmp_path / "drafts" / "old" / "a.md", "x"))).fail_on == "never"
    assert resolve(str(write(tmp_path / "drafts" / "old" / "2019" / "b.md", "x"))).fail_on == "never"
    assert resolve(str(write(tmp_path / "drafts" / "older.md", "x"))).fail_on == "error"
    assert resolve(str(write(tmp_path / "x" / "2019-fire.md", "x"))).ignore == ["CC2"]
    assert resolve(str(write(tmp_path / "x" / "2025-fire.md", "x"))).ignore == []
    assert resolve(str(write(tmp_path / "x" / "[0-9].md", "x"))).ignore == []


def test_config_nested_too_deeply_is_a_config_error(tmp_path: Path) -> None:
    deep = write(tmp_path / "citecheck.toml", "select = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(ConfigError, match="nested too deeply"):
        read_config(deep)
    tables = write(tmp_path / "t" / "citecheck.toml", "a = " + "{b = " * 100_000 + "1" + "}" * 100_000 + "\n")
    with pytest.raises(ConfigError, match="nested too deeply"):
        read_config(tables)


def test_config_nested_too_deeply_exits_2_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    write(tmp_path / "pyproject.toml", "[tool.citecheck]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n")
    draft = write(tmp_path / "a.md", "x")
    result = subprocess.run([sys.executable, "-m", "citecheck", str(draft)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "pyproject.toml: cannot read it (nested too deeply)" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_address_guard_cannot_be_lowered_by_a_config_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.config import NetworkSettings

    config = write(tmp_path / "pyproject.toml", "[tool.citecheck.network]\nallow_loopback_for_tests = true\n")
    with pytest.raises(ConfigError, match=r"unknown key 'network\.allow_loopback_for_tests'"):
        read_config(config)
    monkeypatch.setenv("ALLOW_LOOPBACK_FOR_TESTS", "1")
    monkeypatch.setenv("CITECHECK_ALLOW_LOOPBACK_FOR_TESTS", "1")
    assert "allow_loopback_for_tests" not in NetworkSettings.model_fields
    from citecheck.lookup.http import Http

    assert Http.__init__.__kwdefaults__["allow_loopback_for_tests"] is False


def test_url_on_loopback_is_refused_whatever_the_config_says(tmp_path: Path) -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    write(tmp_path / "citecheck.toml", "[network]\ncache = false\n")
    report = check_source("http://127.0.0.1:9/story", SettingsResolver(cwd=tmp_path)("http://127.0.0.1:9/story"))
    assert [f.rule for f in report.findings] == ["CC001"] and "loopback" in report.findings[0].message
    assert check_source("http://127.0.0.1:9/story", Settings()).findings[0].rule == "CC001"


def test_exclude_patterns_from_config_and_command_line(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'extend-exclude = ["drafts/old", "*.bak.md"]\n')
    resolve = SettingsResolver(cwd=tmp_path, extend_exclude=["wires/"])
    assert resolve.excluded(str(tmp_path / "drafts" / "old"), True) == "drafts/old"
    assert resolve.excluded(str(tmp_path / "drafts" / "a.bak.md")) == "*.bak.md"
    assert resolve.excluded(str(tmp_path / "node_modules"), True) == "node_modules"  # the default list stays
    assert resolve.excluded(str(tmp_path / "x" / "wires"), True) == "wires/"
    assert resolve.excluded(str(tmp_path / "drafts" / "a.md")) is None
    # `exclude` replaces the default list; --exclude replaces both.
    write(tmp_path / "site" / "citecheck.toml", 'exclude = ["build"]\n')
    assert SettingsResolver(cwd=tmp_path).excluded(str(tmp_path / "site" / "node_modules"), True) is None
    assert SettingsResolver(cwd=tmp_path).excluded(str(tmp_path / "site" / "build"), True) == "build"
    only = SettingsResolver(cwd=tmp_path, exclude=["*.txt"])
    assert only.excluded(str(tmp_path / "site" / "build"), True) is None
    assert only.excluded(str(tmp_path / "site" / "a.txt")) == "*.txt"
