"""Unit tests of the benchmark metrics in benchmarks/bench.py (offline, no bench data)."""

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench import (  # noqa: E402
    c4_lines, ceiling_multi, ceiling_news, check_floors, collapse_ws, html_to_text,
    main, multi_scores, news_scores, page_f1, page_precision, page_recall,
    page_segment_f1, segment_counts, shingle_counts, shingles, title_matches, tokenize,
    tokens_equal,
)


# ---- tokens and shingles ------------------------------------------------------------

def test_tokenize_is_unicode_word_runs():
    assert tokenize("Don't stop—café 3.5 naïve_x") == ["Don", "t", "stop", "café", "3", "5", "naïve_x"]
    assert tokenize("北京 欢迎你") == ["北京", "欢迎你"]
    assert tokenize(None) == []
    assert tokenize("  ... ") == []


def test_shingles_are_4gram_multiset():
    assert shingles(["a", "b", "c", "d", "e"]) == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles(list("abcdabcd"))[("a", "b", "c", "d")] == 2


def test_short_document_has_one_shingle_of_all_tokens():
    assert shingles(["a", "b"]) == Counter({("a", "b"): 1})
    assert shingles(["a", "b", "c", "d"]) == Counter({("a", "b", "c", "d"): 1})


def test_empty_document_has_no_shingle():
    assert shingles([]) == Counter()


# ---- per-page shingle counts --------------------------------------------------------

def test_identical_texts_are_all_true_positive():
    assert shingle_counts("one two three four five", "one, two; three four\n\nfive") == (1.0, 0.0, 0.0)


def test_counts_are_normalised_by_their_sum():
    # truth shingles: abcd bcde ; prediction: abcd bcde cdef  -> tp 2 fp 1 fn 0
    tp, fp, fn = shingle_counts("a b c d e", "a b c d e f")
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))


def test_counts_use_multiset_minimum():
    # truth has "a b c d" twice, prediction once -> tp 1, fn 1
    tp, fp, fn = shingle_counts("a b c d a b c d", "a b c d")
    # truth shingles: abcd x2, bcda, cdab, dabc ; pred: abcd
    assert (tp, fp, fn) == pytest.approx((1 / 5, 0.0, 4 / 5))


def test_empty_prediction_and_empty_truth():
    assert shingle_counts("a b c d e", "") == (0.0, 0.0, 1.0)
    assert shingle_counts("", "a b c d e") == (0.0, 1.0, 0.0)
    assert shingle_counts("", None) == (0.0, 0.0, 0.0)


def test_page_precision_recall_special_cases():
    assert page_precision(0.5, 0.25, 0.25) == pytest.approx(2 / 3)
    assert page_recall(0.5, 0.25, 0.25) == pytest.approx(2 / 3)
    assert page_precision(1.0, 0.0, 0.0) == 1.0 and page_recall(1.0, 0.0, 0.0) == 1.0
    assert page_precision(0.0, 0.0, 0.0) == 1.0  # fp = fn = 0
    assert page_precision(0.0, 0.0, 1.0) == 0.0  # tp = fp = 0
    assert page_recall(0.0, 1.0, 0.0) == 0.0  # tp = fn = 0
    assert page_f1(0.5, 0.25, 0.25) == pytest.approx(2 / 3)
    assert page_f1(0.0, 0.0, 1.0) == 0.0


# ---- aggregation --------------------------------------------------------------------

def test_news_scores_mean_over_pages_then_f1():
    pages = [(0.5, 0.5, 0.0), (1.0, 0.0, 0.0)]  # precisions 0.5, 1.0 ; recalls 1.0, 1.0
    s = news_scores(pages)
    assert s["precision"] == pytest.approx(0.75)
    assert s["recall"] == pytest.approx(1.0)
    assert s["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_news_scores_skip_pages_without_prediction_from_precision():
    # page 2 predicted nothing: tp+fp = 0, left out of precision, counted in recall as 0
    s = news_scores([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert s["precision"] == pytest.approx(1.0)
    assert s["recall"] == pytest.approx(0.5)


def test_news_scores_skip_pages_without_truth_from_recall():
    s = news_scores([(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)])
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(1.0)


def test_news_scores_of_nothing():
    assert news_scores([]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_accuracy_is_exact_token_list_match():
    assert tokens_equal("Hello, world!\n\nBye.", "Hello world Bye")
    assert not tokens_equal("Hello world", "Hello world world")
    assert not tokens_equal("Hello world", "hello world")
    assert tokens_equal("", None)


# ---- multi sets ---------------------------------------------------------------------

def test_collapse_ws():
    assert collapse_ws("  a \n\t b\u00a0c  ") == "a b c"
    assert collapse_ws(None) == ""


def test_segment_counts_with_whitespace_collapsed():
    out = "First   paragraph\nis here.\n\nMenu"
    tp, fn, fp, tn = segment_counts(out, ["First paragraph is here.", "missing one"], ["Menu", "Footer"])
    assert (tp, fn, fp, tn) == (1, 1, 1, 1)
    assert segment_counts(None, ["a"], ["b"]) == (0, 1, 0, 1)


def test_multi_scores_sum_over_pages():
    s = multi_scores([(2, 1, 0, 3), (1, 0, 1, 0)])  # tp 3 fn 1 fp 1 tn 3
    assert s["f1"] == pytest.approx(6 / 8)
    assert s["precision"] == pytest.approx(3 / 4)
    assert s["recall"] == pytest.approx(3 / 4)
    assert multi_scores([])["f1"] == 0.0
    assert page_segment_f1(1, 0, 0, 2) == 1.0 and page_segment_f1(0, 1, 1, 0) == 0.0


# ---- titles -------------------------------------------------------------------------

def test_titles_exact_after_whitespace_collapse():
    assert title_matches("A  title\n here", " A title here ")
    assert not title_matches("A title", "A title.")
    assert not title_matches("A title", None)


# ---- text-set baselines -------------------------------------------------------------

def test_c4_line_rule():
    text = "Home\nThis is a sentence.\nTwo words.\nShe said “go now”\nNo end punctuation here\nIs it true?\n"
    assert c4_lines(text).split("\n\n") == ["This is a sentence.", "She said “go now”", "Is it true?"]


def test_ceiling_news_keeps_lines_found_in_body():
    body = "First line of body.\n\nSecond line of body."
    text = "Menu\nFirst line of body.\nSecond line of body.\nFooter text"
    assert ceiling_news(text, body) == "First line of body.\n\nSecond line of body."


def test_ceiling_multi_keeps_lines_overlapping_with_but_not_without():
    text = "Home\nA long paragraph here.\npart of\nRead more: other story\nother story"
    got = ceiling_multi(text, ["A long  paragraph here.", "the whole part of it"], ["Read more: other story"])
    assert got.split("\n\n") == ["A long paragraph here.", "part of"]


def test_html_to_text_separates_blocks():
    assert html_to_text("<div><p>One <b>two</b></p><p>Three</p><ul><li>x</li></ul></div>") == "One two\nThree\nx"
    assert html_to_text("") == ""


# ---- gate ---------------------------------------------------------------------------

def test_check_floors_lists_every_figure_below_floor():
    floors = {"_comment": "x", "news-html": {"f1": 0.9, "accuracy": 0.1},
              "multi-html": {"f1": 0.5}, "titles": {"news-html": 0.8, "news-ptext": 0.1}}
    figures = {"news-html": {"cleaner": {"f1": 0.95, "accuracy": 0.05}}}
    titles = {"news-html": {"rate": 0.7}}
    failures, notes = check_floors(floors, figures, titles, ["news-html"])
    assert any("news-html accuracy" in f for f in failures)
    assert any("titles news-html" in f for f in failures)
    assert not any("news-html f1" in f for f in failures)
    assert len(failures) == 2
    assert len(notes) == 2  # multi-html and titles news-ptext were not run


def test_gate_skipped_when_data_missing(tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"news-html": {"f1": 1.0}}))
    assert main([str(tmp_path / "nope"), "--gate", str(floors)]) == 0
    assert "quality gate skipped" in capsys.readouterr().out


def test_shipped_floors_file_is_valid():
    floors = json.loads((REPO / "benchmarks" / "floors.json").read_text())
    for key, spec in floors.items():
        if key.startswith("_"):
            continue
        assert isinstance(spec, dict)
        for metric, value in spec.items():
            assert 0.0 <= value <= 1.0, (key, metric)
