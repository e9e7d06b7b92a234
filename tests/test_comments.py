"""Reader comments (cleaner/comments.py): ``comments=True`` and ``--comments`` give them apart from the article."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean, comments, html
from cleaner.article import Comment
from cleaner.cli import cli

REPO = Path(__file__).resolve().parent.parent
PAGE = (REPO / "fixtures" / "metadata" / "comments.html").read_text(encoding="utf-8")
EXPECTED = [Comment("Alice Reader", "2024-03-06", "Lovely post, thank you!"),
            Comment("Bob", "2024-03-07", "I agree with Alice."), Comment("Carol", None, "No date on mine.")]


def test_comments_apart_from_the_article():
    art = clean(PAGE, kind="html", comments=True)
    assert list(art.comments) == EXPECTED
    assert "Lovely post" not in art.text and "gardens" in art.text
    assert art.text == clean(PAGE, kind="html").text


def test_comments_off_by_default():
    assert clean(PAGE, kind="html").comments == ()


def test_comments_from_json_ld_first():
    ld = {"@type": "BlogPosting", "comment": [
        {"@type": "Comment", "author": {"@type": "Person", "name": "Dana"}, "dateCreated": "2024-01-02T10:00:00Z",
         "text": "Great   read."}, {"@type": "Comment", "text": ""}]}
    page = PAGE.replace("</head>", f'<script type="application/ld+json">{json.dumps(ld)}</script></head>')
    assert comments.read(html.parse(page)) == [Comment("Dana", "2024-01-02", "Great read.")]


def test_no_comment_section_no_comments():
    page = "<html><body><article><h1>T</h1><p>Text.</p><div class='comment-form'>Leave a reply</div></article></body></html>"
    assert comments.read(html.parse(page)) == []


def test_comments_in_json_output_via_cli_runner():
    result = CliRunner().invoke(cli, ["--comments", "--format", "json"], input=PAGE)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["comments"][0] == {"author": "Alice Reader", "date": "2024-03-06", "text": "Lovely post, thank you!"}
    assert "Lovely post" not in data["text"]
    plain = json.loads(CliRunner().invoke(cli, ["--format", "json"], input=PAGE).output)
    assert plain["comments"] == []


def test_comments_in_a_real_process_and_in_streams(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--comments", "--format", "json"], input=PAGE.encode(),
                          capture_output=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert len(json.loads(proc.stdout)["comments"]) == 3
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"html": PAGE, "url": "https://example.com/post"}) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", "--comments", "-j", "0", str(records)],
                          capture_output=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0
    assert [c["author"] for c in json.loads(proc.stdout)["cleaned"]["comments"]] == ["Alice Reader", "Bob", "Carol"]
