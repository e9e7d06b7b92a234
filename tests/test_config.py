"""The rules in the user's hands: --list-rules, --disable-rule, --enable-only, --phrases, the config file
(found under $XDG_CONFIG_HOME, or --config), its mistakes named by line, and --explain naming the user's rules."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import cli
from cleaner.config import ConfigError, UserRules, read_config, read_phrases

CLEANER = [sys.executable, "-m", "cleaner"]
TEXT = ("Council approves new budget for schools\n"
        "Promoted by our partners\n"
        "The city council approved on Tuesday a budget that raises spending on schools by 6 percent, the largest "
        "rise in a decade.\n"
        "Listen to our podcast every morning\n"
        "Officials said the money would go to new classrooms and teachers over the next three years.\n"
        "Share on Facebook\n")
CONFIG = """\
[options]
format = "json"

[rules]
disable = ["promos"]

[[rules.add]]
name = "podcast"
pattern = "^listen to (our|the) podcast"

[phrases.en]
ads = ["Promoted by our partners"]
"""


def invoke(args: list[str], input: str | None = TEXT, **env: str):
    result = CliRunner().invoke(cli, args, input=input, env=env or None)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_list_rules_names_every_rule_with_its_family_and_what_it_removes() -> None:
    result = invoke(["--list-rules"], None)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) > 25
    names = [line.split()[0] for line in lines]
    assert {"ads.marker", "promos.read_more", "social.widget_label", "promos.teaser_list"} <= set(names)
    assert all(name.split(".")[0] in {"bylines", "ads", "captions", "consent", "counters", "fragments", "promos",
                                      "social", "html"} for name in names)
    assert all(len(line.split(None, 1)) == 2 for line in lines)  # each with its description


def test_disable_rule_and_family_and_enable_only() -> None:
    base = invoke(["--format", "json", "--explain"])
    rules = {r["rule"] for r in json.loads(base.stdout)["removed"]}
    assert "promos.read_more" in rules
    no_promos = json.loads(invoke(["--format", "json", "--explain", "--disable-rule", "promos"]).stdout)
    assert not any(r["rule"].startswith("promos.") for r in no_promos["removed"])
    only_ads = json.loads(invoke(["--format", "json", "--explain", "--enable-only", "ads.marker"]).stdout)
    assert {r["rule"] for r in only_ads["removed"] if r["stage"] == "rules"} <= {"ads.marker"}
    bad = invoke(["--disable-rule", "promo"])
    assert bad.exit_code == 2 and "promo" in bad.stderr and "did you mean" in bad.stderr
    assert invoke(["--enable-only", "nope"]).exit_code == 2


def test_the_config_file_in_its_usual_place_and_with_config(tmp_path: Path, config: Path) -> None:
    home = tmp_path / "xdg"
    (home / "cleaner").mkdir(parents=True)
    (home / "cleaner" / "config.toml").write_text(CONFIG, encoding="utf-8")
    for args, env in (([], {"XDG_CONFIG_HOME": str(home)}), (["--config", str(config)], {})):
        proc = subprocess.run([*CLEANER, "--explain", *args], input=TEXT.encode(), capture_output=True, timeout=60,
                              env={**os.environ, **env})
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)  # format = "json" from the config
        removed = {r["text"]: r["rule"] for r in out["removed"]}
        assert removed["Listen to our podcast every morning"] == "user.podcast"  # --explain: the user's rule
        assert removed["Promoted by our partners"] == "user.ads"
        assert not any(r["rule"].startswith("promos.") for r in out["removed"])  # promos disabled
    # the command line wins over the config; --no-config reads none
    proc = subprocess.run([*CLEANER, "--format", "text", "--no-config"], input=TEXT.encode(), capture_output=True,
                          timeout=60, env={**os.environ, "XDG_CONFIG_HOME": str(home)})
    assert proc.returncode == 0 and b"Listen to our podcast" in proc.stdout and not proc.stdout.startswith(b"{")


def test_list_rules_shows_the_users_rules_and_what_is_disabled(config: Path) -> None:
    result = invoke(["--list-rules", "--config", str(config)], None)
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "user.podcast" in lines and str(config) in lines["user.podcast"] and "yours" in lines["user.ads"]
    assert lines["promos.read_more"].endswith("[disabled]") and not lines["ads.marker"].endswith("[disabled]")


def test_a_phrase_file(tmp_path: Path) -> None:
    path = tmp_path / "phrases.txt"
    path.write_text("# my phrases\n[ads]\nPromoted by our partners\n\n[promo_prefix]\nListen to our\n",
                    encoding="utf-8")
    out = json.loads(invoke(["--format", "json", "--explain", "--phrases", str(path)]).stdout)
    removed = {r["text"]: r["rule"] for r in out["removed"]}
    assert removed["Promoted by our partners"] == "user.ads"
    assert removed["Listen to our podcast every morning"] == "user.promo_prefix"
    # the same through the library: the rules travel in the one Options
    article = clean(TEXT, user_rules=read_phrases(str(path)))
    assert "Listen to our podcast every morning" not in article.paragraphs
    assert "Listen to our podcast every morning" in clean(TEXT).paragraphs


@pytest.mark.parametrize("text, line, words", [
    ("[options]\nformat = 'json'\ncolour = 'red'\n", 3, "unknown option 'colour'"),
    ("[options]\njobs = true\n", 2, "jobs cannot be True"),
    ("[rules]\ndisable = 'social'\n", 2, "disable must be a list"),
    ("\n[[rules.add]]\nname = 'x'\npattern = '(unclosed'\n", 2, "not a regular expression"),
    ("[[rules.add]]\nname = 'Bad Name'\npattern = 'x'\n", 1, "the name must be"),
    ("[phrases.en]\nads = ['a']\nrecipes = ['b']\n", 3, "unknown list 'recipes'"),
    ("[phrases.english!]\nads = ['a']\n", None, ""),  # a TOML syntax error: the reader's own line
    ("[options]\nformat = \n", 2, ""),
    ("[colours]\nred = 1\n", 1, "unknown section 'colours'"),
])
def test_a_config_mistake_is_one_line_naming_the_line(tmp_path: Path, text: str, line: int | None,
                                                      words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_config(str(path))
    message = str(err.value)
    assert message.startswith(f"{path}, line ") and "\n" not in message and words in message
    if line is not None:
        assert message.startswith(f"{path}, line {line}: ")
    result = invoke(["--config", str(path)])
    assert result.exit_code == 2 and result.stderr == f"cleaner: {message}\n"


def test_a_phrase_file_mistake_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("# x\n\nshare this\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r", line 3: a phrase before the first \[list\]"):
        read_phrases(str(path))
    path.write_text("[ads]\nx\n[months]\njanuary\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r", line 3: unknown list \[months\]"):
        read_phrases(str(path))
    assert invoke(["--phrases", str(tmp_path / "missing.txt")]).exit_code == 2


def test_user_rules_are_immutable_values_in_options() -> None:
    rules = UserRules((("ads", ("promoted",)),), (("pod", "^listen", 20),))
    assert rules == UserRules((("ads", ("promoted",)),), (("pod", "^listen", 20),)) and hash(rules)
    with pytest.raises(AttributeError):
        rules.phrases = ()
    with pytest.raises(TypeError, match="user_rules must be"):
        clean(TEXT, user_rules={"ads": ["x"]})
    assert clean(TEXT, user_rules=rules, disabled_rules={"user"}).paragraphs == clean(TEXT).paragraphs


def test_toml_needs_python_311_or_tomli(tmp_path: Path, config: Path) -> None:
    code = ("import sys; sys.modules['tomllib'] = None; sys.modules['tomli'] = None\n"
            "from cleaner.config import read_config, ConfigError\n"
            f"try:\n    read_config({str(config)!r})\nexcept ConfigError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "needs Python 3.11, or the tomli package" in out.stdout
