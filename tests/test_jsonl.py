"""JSON Lines records: fields pass through as written, the record is checked without recursion, names
cleaner writes never overwrite an input field, every line is terminal-safe."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import cli
from cleaner.jsonl import InvalidJson, split_record
from cleaner.terminal import json_line

CLEANER = str(Path(sys.executable).with_name("cleaner"))
PAGE = ("<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>"
        "<p>The council voted on Tuesday to approve the budget, which includes funding for schools and roads "
        "across the region.</p><p>Officials said the plan would take effect next year after a final review.</p>"
        "</article></body></html>")
PAGE_JSON = json.dumps(PAGE)


def run(lines: list[str], *args: str):
    result = CliRunner().invoke(cli, ["--jsonl", "-j", "1", "-q", *args], input="".join(x + "\n" for x in lines))
    assert "Traceback" not in result.stderr
    return result, result.stdout_bytes.decode("utf-8").splitlines()


# ---- the scanner ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ['{}', '{"a": 1}', ' {"a" : [1, 2, {"b": null}], "c": "x\\u00e9"} ', '{"a": {}}',
                                  '{"a": []}', '{"n": -0.5e-7, "t": true, "f": false}', '{"a": "\\ud800"}'])
def test_split_record_agrees_with_json(text):
    members = split_record(text)
    assert [m.key for m in members] == list(json.loads(text))
    for m in members:
        assert json.loads(text[m.value_start:m.end]) == json.loads(text)[m.key]


@pytest.mark.parametrize("text", ['{"a": 1,}', '{"a": NaN}', '{"a": Infinity}', '{"a": [1 2]}', '{"a" 1}',
                                  '{"a": "\x01"}', '{"a": 01}', '{"a": 1} x', '{"a": [}', '{"a": tru}', '{',
                                  '{"a": {"b": 1]}', ''])
def test_split_record_refuses_what_is_not_json(text):
    with pytest.raises(InvalidJson):
        split_record(text)


def test_deep_nesting_costs_no_recursion():
    depth = 200_000
    text = '{"deep": ' + "[" * depth + "]" * depth + ', "x": 1}'
    assert [m.key for m in split_record(text)] == ["deep", "x"]
    with pytest.raises(InvalidJson):
        split_record('{"deep": ' + "[" * depth + "]" * (depth - 1) + "}")


# ---- fidelity through the command ------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e400", "-1e400", "1" * 5000, "0.1000000000000000000000000001", "1E+2", "-0"])
def test_numbers_pass_through_as_written(value):
    result, out = run([f'{{"id": {value}, "html": {PAGE_JSON}}}'])
    assert result.exit_code == 0, out
    assert out[0].startswith(f'{{"id": {value}, "cleaned": ')
    assert json.loads(out[0], parse_int=str)["cleaned"]["paragraphs"]


def test_a_field_nested_deeper_than_the_recursion_limit_passes_through():
    deep = "[" * 5000 + "]" * 5000
    result, out = run([f'{{"meta": {deep}, "html": {PAGE_JSON}}}', f'{{"meta": {deep}, "html": ""}}'])
    assert result.exit_code == 3
    assert out[0].startswith(f'{{"meta": {deep}, "cleaned": ')
    assert out[1].startswith(f'{{"meta": {deep}, "error": "input is empty"')


def test_input_fields_named_like_the_output_are_refused_or_renamed_never_overwritten():
    rows = [{"cleaned": "mine", "input_cleaned": 1, "error": None, "html": PAGE},
            {"error": "fetch failed", "reason": 7, "line": "x", "html": ""}]
    result, out = run([json.dumps(r) for r in rows])
    first, second = (json.loads(x) for x in out)
    # the article's field: the record is an error line, its own field kept, renamed (no error line has 'cleaned')
    assert "cleaned" not in first and first["input_input_cleaned"] == "mine" and first["input_cleaned"] == 1
    assert first["html"] == PAGE
    assert first["error"].startswith("the record already has a field 'cleaned': --force-into replaces it")
    assert first["input_error"] is None and first["reason"] == "input"  # 'error' is always cleaner's own
    # --force-into replaces it
    result, out = run([json.dumps(rows[0])], "--force-into")
    forced = json.loads(out[0])
    assert result.exit_code == 0 and forced["cleaned"]["paragraphs"] and forced["input_cleaned"] == 1
    assert "error" not in forced and forced["input_error"] is None and list(forced).count("cleaned") == 1
    assert (second["input_error"], second["input_reason"], second["input_line"]) == ("fetch failed", 7, "x")
    assert (second["error"], second["reason"], second["line"]) == ("input is empty", "input", 2)


def test_into_cannot_be_a_name_error_lines_use():
    result = CliRunner().invoke(cli, ["--jsonl", "--into", "error"], input="{}\n")
    assert result.exit_code == 2 and "--into" in result.stderr


def test_output_is_terminal_safe():
    row = {"note": "\u009b31m red \u202e \x7f", "url": "https://example.com/\u009bx", "html": PAGE}
    result, out = run([json.dumps(row, ensure_ascii=False)])
    line = out[0]
    assert not any(0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in line)
    data = json.loads(line)
    assert data["note"] == row["note"]  # the same value, written with escapes
    assert "\u009b" not in data["cleaned"]["url"]  # the URL taken from the record loses its controls
    assert json_line('{"a": "\u2028"}') == b'{"a": "\\u2028"}'


def test_the_page_limit_counts_bytes(tmp_path):
    page = "<html><body><article><p>" + "é" * 600 + "</p></article></body></html>"  # 650 characters, 1,250 bytes
    result, out = run([json.dumps({"html": page})], "--max-bytes", "1000")
    assert result.exit_code == 3
    assert json.loads(out[0])["error"] == "input is more than the limit of 1,000 bytes"


def test_real_process_round_trip_of_odd_json(tmp_path):
    lines = [f'{{"a": 1e400, "b": {"9" * 5000}, "html": {PAGE_JSON}}}', '{"a": NaN, "html": "x"}', "[1, 2]"]
    res = subprocess.run([CLEANER, "--jsonl", "-j", "1", "-q"], input="\n".join(lines).encode(), capture_output=True,
                         timeout=120)
    assert res.returncode == 3 and res.stderr == b""
    out = res.stdout.decode().splitlines()
    assert out[0].startswith('{"a": 1e400, "b": ' + "9" * 5000 + ', "cleaned": ')
    assert json.loads(out[1])["error"].startswith("invalid JSON") and "NaN" not in out[1]
    assert json.loads(out[2])["error"] == "not a JSON object but a JSON array"


def test_a_line_longer_than_the_limit_is_skipped_not_held(tmp_path):
    big = json.dumps({"id": "big", "html": "x" * (2 << 20)})  # more than twice --max-bytes plus 1 MiB
    result, out = run([big, json.dumps({"id": 2, "html": PAGE})], "--max-bytes", "1000")
    assert result.exit_code == 3
    first, second = (json.loads(x) for x in out)
    assert first == {"error": f"line longer than {2 * 1000 + (1 << 20)} bytes", "reason": "input", "line": 1}
    assert second["id"] == 2 and second["cleaned"]["paragraphs"]


@pytest.mark.parametrize("ext", [".gz", ".bz2", ".xz"])
def test_compressed_json_lines_in_and_out(tmp_path, ext):
    import bz2
    import gzip
    import lzma

    module = {".gz": gzip, ".bz2": bz2, ".xz": lzma}[ext]
    rows = [json.dumps({"id": i, "html": PAGE}) for i in range(3)] + ['{"id": 3, "html": ""}']
    source = tmp_path / f"in.jsonl{ext}"
    source.write_bytes(module.compress(("\n".join(rows) + "\n").encode()))
    target = tmp_path / f"out.jsonl{ext}"
    res = subprocess.run([CLEANER, "--jsonl", "-j", "1", "-q", str(source), "-o", str(target)], capture_output=True,
                         timeout=120)
    assert res.returncode == 3 and res.stdout == b"" and res.stderr == b""  # one record is empty
    out = [json.loads(line) for line in module.decompress(target.read_bytes()).splitlines()]
    assert [o["id"] for o in out] == [0, 1, 2, 3] and out[0]["cleaned"]["paragraphs"] and out[3]["error"]
    # from a pipe too: the format is told by the first bytes
    res = subprocess.run([CLEANER, "--jsonl", "-j", "1", "-q"], input=source.read_bytes(), capture_output=True,
                         timeout=120)
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == [0, 1, 2, 3]


def test_broken_compressed_input_is_reported(tmp_path):
    import gzip

    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"html": PAGE}) + "\n").encode() * 50)[:-30])
    res = subprocess.run([CLEANER, "--jsonl", "-j", "1", "-q", str(path)], capture_output=True, timeout=120)
    assert res.returncode == 2 and res.stderr.startswith(f"cleaner: cannot read {path}".encode())
