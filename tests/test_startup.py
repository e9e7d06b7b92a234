"""Start-up (issue #6): what a bare `cleaner < file` imports, and that its fast path changes nothing.

A bare ``cleaner`` skips click (there is nothing to parse) and calls the same ``cli.run()`` the click command
calls; these tests run the real process both ways and compare the bytes.  The data classes are written out by
hand instead of ``@dataclass`` (whose module imports ``inspect``): they must still behave as the dataclasses
they were.  No timings here: ``benchmarks/perf.py --sections startup`` measures.
"""
from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import cli
from cleaner.article import Article, Block, Removal
from cleaner.options import Options

from samples import ARTICLE

REPO = Path(__file__).resolve().parent.parent

BARE = [sys.executable, "-m", "cleaner"]
THROUGH_CLICK = [sys.executable, "-m", "cleaner", "--format", "text", "-"]

INPUTS = {
    "article": ARTICLE.encode("utf-8"),
    "empty": b"",
    "whitespace": b"  \n\t\n",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "binary": bytes((i * 37 + 11) % 256 for i in range(4000)),
    "no article": b"Home\nNews\nSport\nWeather\nSign in\n",
    "ansi escapes": b"\x1b[1mA headline in bold\x1b[0m\n" + ARTICLE.encode("utf-8"),
    "latin-1": ARTICLE.replace("the", "th\u00e9").encode("latin-1", errors="replace"),
    "html": b"<!doctype html><html><head><title>T</title></head><body><article><h1>A headline</h1><p>"
            + ARTICLE.encode("utf-8").replace(b"\n", b"</p><p>") + b"</p></article></body></html>",
}


def _run(cmd: list[str], data: bytes, **env: str) -> tuple[bytes, bytes, int]:
    proc = subprocess.run(cmd, input=data, capture_output=True, timeout=120, cwd=REPO,
                          env={**os.environ, **env})
    return proc.stdout, proc.stderr, proc.returncode


@pytest.mark.parametrize("name", list(INPUTS))
def test_bare_command_gives_the_same_bytes_as_through_click(name: str) -> None:
    bare = _run(BARE, INPUTS[name])
    assert bare == _run(THROUGH_CLICK, INPUTS[name])
    assert b"Traceback" not in bare[1]


def test_bare_command_exit_codes() -> None:
    assert _run(BARE, INPUTS["article"])[2] == 0
    assert _run(BARE, INPUTS["no article"])[1:] == (b"cleaner: stdin: no article content found\n", 1)
    assert _run(BARE, INPUTS["empty"])[1:] == (b"cleaner: stdin: input is empty\n", 2)
    out, err, code = _run(BARE, INPUTS["png"])
    assert (out, code) == (b"", 2) and err.startswith(b"cleaner: stdin: input is a PNG image")


def test_bare_command_with_an_ascii_stdout_goes_through_click_echo() -> None:
    # click rewraps an ASCII-encoded stdout (errors="replace"); the fast path hands such streams to it
    data = "Caf\u00e9 society: a headline\n".encode() + INPUTS["article"]
    bare = _run(BARE, data, PYTHONIOENCODING="ascii")
    assert bare == _run(THROUGH_CLICK, data, PYTHONIOENCODING="ascii")
    assert bare[2] == 0 and b"Traceback" not in bare[1]


def test_shell_completion_still_answered_by_click() -> None:
    out, err, code = _run(BARE, b"", _CLEANER_COMPLETE="bash_source")
    assert code == 0 and b"complete" in out and err == b""


def test_defaults_are_the_click_options_defaults() -> None:
    ctx = cli.cli.make_context("cleaner", [])
    assert ctx.params == {"files": (), **cli.DEFAULTS}


_WITH_EXIT_HANDLER = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
sys.argv = ["cleaner"]
from cleaner.__main__ import main
main()
"""


def test_the_quick_exit_leaves_exit_handlers_their_run() -> None:
    # without exit handlers (and other threads) the entry point skips the interpreter's teardown; with them, not
    out, err, code = _run([sys.executable, "-c", _WITH_EXIT_HANDLER], INPUTS["no article"])
    assert (out, err, code) == (b"", b"cleaner: stdin: no article content found\nexit handler ran\n", 1)


# ---- what a bare run imports --------------------------------------------------------------------

_IMPORTS = """
import sys
sys.argv = ["cleaner"]
from cleaner.cli import main
try:
    main()
except SystemExit as exit:
    assert exit.code == 0, exit.code
print(" ".join(sorted(sys.modules)))
"""


def test_bare_run_never_imports_click() -> None:
    out, err, code = _run([sys.executable, "-c", _IMPORTS], INPUTS["article"])
    assert code == 0, err
    modules = set(out.decode().split("\n")[-2].split())
    assert "cleaner.pipeline" in modules  # it did clean
    assert not {m for m in modules if m == "click" or m.startswith("click.")}
    assert not {"signal", "cleaner.html", "cleaner.stream", "trafilatura", "lxml"} & modules
    assert not {"dataclasses", "inspect", "typing", "json"} & modules  # ~15 ms of imports the core modules do without


def test_data_model_modules_import_nothing_heavy() -> None:
    code = ("import sys; import cleaner.article, cleaner.options, cleaner.lexicon, cleaner.formats, cleaner.detect, "
            "cleaner.errors, cleaner.cli; print(' '.join(sorted(sys.modules)))")
    out, err, status = _run([sys.executable, "-c", code], b"")
    assert status == 0, err
    modules = set(out.split())
    assert not {b"dataclasses", b"inspect", b"typing", b"json", b"click"} & modules


# ---- the word lists are plain text (no json to import) -------------------------------------------

def test_phrase_files_are_read_as_lists_of_lines() -> None:
    from cleaner.lexicon import PHRASE_KEYS, lexicon

    lex = lexicon()
    assert set(lex.phrases) == set(PHRASE_KEYS)
    assert {"share this article", "anzeige", "publicité"} <= lex.share | lex.ads
    assert "the" in lex.stopwords["en"] and not any(w.startswith("#") for w in lex.stopwords["en"])


@pytest.mark.parametrize("text, error", [
    ("# a comment\n\n[share]\n  Share This \n\n[ads]\nAnzeige\n", None),
    ("# a comment\r\n\r\n[share]\r\nShare this\r\n[ads]\r\nAnzeige\r\n", None),  # CRLF line ends
    ("[share]\nshare\n[colour]\nred\n", "unknown list"),
    ("[share]\nshare\n# a comment\n", "comments go in the header"),
    ("share\n[share]\nshare\n", "before the first"),
])
def test_phrase_file_format(monkeypatch: pytest.MonkeyPatch, text: str, error: str | None) -> None:
    from cleaner import lexicon as lexicon_module

    read = lexicon_module._read_text
    monkeypatch.setattr(lexicon_module, "_read_text", lambda name: text if name.startswith("phrases") else read(name))
    if error:
        with pytest.raises(ValueError, match=error):
            lexicon_module.read_lexicon()
        return
    lex = lexicon_module.read_lexicon()
    assert lex.share == {"share this"} and lex.ads == {"anzeige"} and lex.caption == frozenset()


# ---- nothing is written ------------------------------------------------------------------------

def test_a_run_writes_nothing_beside_the_package(tmp_path: Path) -> None:
    # the package copied where nothing else writes (no bytecode either): a run leaves that folder as it was
    import shutil

    shutil.copytree(REPO / "cleaner", tmp_path / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    for data in (INPUTS["article"], INPUTS["html"]):
        proc = subprocess.run(BARE, input=data, capture_output=True, timeout=120, cwd=tmp_path, env=env)
        assert proc.returncode == 0 and proc.stdout, proc.stderr
        assert b"Traceback" not in proc.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


# ---- the data classes: plain classes on cleaner.article.Record -----------------------------------

SAMPLES = {
    Block: lambda: Block("Some text", kind="h", label="bad"),
    Removal: lambda: Removal("Share", "rules", "social.share"),
    Article: lambda: Article(title="T", paragraphs=("One.", "Two."), authors=("A B",), url="https://x.org/",
                             removed=(Removal("Share", "rules", "social.share"),)),
    Options: lambda: Options(kind="text", disabled_rules={"ads.marker"}),
}


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_a_record_compares_prints_copies_and_pickles_by_its_fields(cls: type) -> None:
    obj = SAMPLES[cls]()
    values = {name: getattr(obj, name) for name in cls.__slots__}
    same, other = SAMPLES[cls](), SAMPLES[cls]()
    assert obj == same and not obj != same and obj is not same
    object.__setattr__(other, cls.__slots__[0], "changed")  # (a frozen record too, behind its back)
    assert obj != other
    assert repr(obj).startswith(f"{cls.__name__}(") and f"{cls.__slots__[0]}={values[cls.__slots__[0]]!r}" in repr(obj)
    for copied in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
        assert type(copied) is cls and copied == obj
        assert {name: getattr(copied, name) for name in cls.__slots__} == values
    assert not hasattr(obj, "__dict__")  # slots only: no stray attribute


@pytest.mark.parametrize("cls", [Removal, Article, Options], ids=lambda c: c.__name__)
def test_the_values_a_user_holds_are_immutable_and_hashable(cls: type) -> None:
    obj = SAMPLES[cls]()
    with pytest.raises(AttributeError, match="immutable"):
        setattr(obj, cls.__slots__[0], None)
    with pytest.raises(AttributeError, match="immutable"):
        delattr(obj, cls.__slots__[0])
    with pytest.raises(AttributeError):
        obj.extra = 1
    assert hash(obj) == hash(SAMPLES[cls]())


def test_a_block_is_mutable_and_unhashable() -> None:
    block = Block("x")
    assert block == Block("x", "p", "good", "")
    block.label, block.reason = "bad", "heuristic.short"
    assert (block.label, block.reason) == ("bad", "heuristic.short")
    with pytest.raises(TypeError):
        hash(block)
    with pytest.raises(TypeError):
        Block()  # type: ignore[call-arg]


def test_an_articles_repr_leaves_out_the_removals() -> None:
    art = SAMPLES[Article]()
    assert "removed" not in repr(art) and "title='T'" in repr(art)
    assert json.dumps(art.to_dict())
