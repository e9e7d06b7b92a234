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
    ALL_SETS, META_FIELDS, PAGE_TYPES, PageResult, ablation_markdown, author_matches, c4_lines,
    ceiling_multi, ceiling_news, ceiling_web, check_floors, collapse_ws, date_matches, effect_cell,
    field_rates, html_to_text, lookup, main, multi_scores, news_scores, norm_meta, page_f1, page_meta,
    page_precision, page_prf, page_recall, page_segment_f1, rule_effect, segment_counts, set_scores,
    shingle_counts, shingles, snippet_counts, snippet_rates, split_authors, title_matches, tokenize,
    tokens_equal, web_scores, web_title_matches, word_bag_scores, word_tokens, Page,
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


# ---- web sets: word-bag F1 ----------------------------------------------------------

def test_word_tokens_are_lower_cased_word_runs():
    assert word_tokens("The CAT's hat, 3.5!") == ["the", "cat", "s", "hat", "3", "5"]
    assert word_tokens(None) == []


def test_word_bag_uses_multiset_intersection():
    # reference: the x2, cat, sat ; prediction: the x3, cat, dog -> overlap = 2 + 1 = 3
    p, r, f = word_bag_scores("The cat sat the", "the the the cat dog")
    assert (p, r) == pytest.approx((3 / 5, 3 / 4))
    assert f == pytest.approx(2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4))


def test_word_bag_ignores_order_and_case():
    assert word_bag_scores("Alpha beta, gamma.", "GAMMA\n\nbeta alpha") == (1.0, 1.0, 1.0)


def test_word_bag_empty_cases():
    assert word_bag_scores("", "") == (1.0, 1.0, 1.0)
    assert word_bag_scores("...", None) == (1.0, 1.0, 1.0)  # no token is an empty text
    assert word_bag_scores("", "some words") == (0.0, 0.0, 0.0)
    assert word_bag_scores("some words", "") == (0.0, 0.0, 0.0)
    assert word_bag_scores("some words", "other text") == (0.0, 0.0, 0.0)


def test_web_scores_are_means_of_page_figures():
    s = web_scores([(1.0, 0.5, 2 / 3), (0.5, 1.0, 2 / 3), (0.0, 0.0, 0.0)])
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(4 / 9)  # the mean of page F1s, not 2PR/(P+R) of the means
    assert s["pages"] == 3
    assert web_scores([])["f1"] == 0.0


def test_snippets_are_case_insensitive_substrings_pooled_over_pages():
    c = snippet_counts("The Main Text here.\nFooter", ["main text", "missing"], ["footer", "Login"])
    assert c == (1, 2, 1, 2)
    rates = snippet_rates([c, (1, 1, 0, 3)])
    assert rates["with_found"] == pytest.approx(2 / 3)
    assert rates["without_found"] == pytest.approx(1 / 5)
    assert snippet_rates([])["with_found"] is None


def test_set_scores_of_a_web_set_by_page_type():
    rows = [PageResult("1", "article", 1.0, (1.0, 1.0, 1.0), 0.0, snippets=(1, 1, 0, 1)),
            PageResult("2", "article", 0.5, (0.5, 0.5, 0.5), 0.0, snippets=(0, 1, 1, 1)),
            PageResult("3", "forum", 0.0, (0.0, 0.0, 0.0), 0.0, snippets=(0, 1, 0, 1))]
    s = set_scores("web-html", rows)
    assert s["f1"] == pytest.approx(0.5)
    assert s["by_type"]["article"]["f1"] == pytest.approx(0.75)
    assert s["by_type"]["forum"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 1}
    assert list(s["by_type"]) == ["article", "forum"]
    assert s["with_found"] == pytest.approx(1 / 3) and s["without_found"] == pytest.approx(1 / 3)


def test_page_prf_per_family():
    assert page_prf("web-ptext", (0.5, 1.0, 2 / 3)) == (0.5, 1.0, 2 / 3)
    assert page_prf("multi-html", (1, 1, 1, 0)) == (0.5, 0.5, 0.5)
    assert page_prf("news-html", (0.5, 0.5, 0.0)) == pytest.approx((0.5, 1.0, 2 / 3))


def test_ceiling_web_keeps_lines_whose_token_run_is_in_the_reference():
    body = "The first paragraph, of the body.\n\nA second one."
    text = "Menu\nthe FIRST paragraph of\nA second one.\nA second two.\n---\nparagraph body"
    assert ceiling_web(text, body).split("\n\n") == ["the FIRST paragraph of", "A second one."]


# ---- web sets: metadata -------------------------------------------------------------

def test_norm_meta_collapses_space_quotes_dashes_and_case():
    assert norm_meta("  \u201cIt\u2019s\u201d \u2013 A\u2014B\u2010C\u2015D\n  Title ") == \
        '"it\'s" - a-b-c-d title'
    assert norm_meta(None) == ""
    assert norm_meta("\u2016") == "\u2016"  # U+2016 is no dash


def test_web_title_matches_after_normalisation():
    assert web_title_matches("Don\u2019t Stop \u2014 Now", "don't stop - now")
    assert not web_title_matches("Title", "Title | Site")
    assert not web_title_matches("Title", None)
    assert not web_title_matches(None, None)


def test_author_matches_one_of_the_names():
    assert author_matches("Jane  Doe", ["John Roe", "jane doe"])
    assert not author_matches("Jane Doe, John Roe", ["Jane Doe", "John Roe"])  # the gold string as a whole
    assert not author_matches("Jane Doe", [])
    assert not author_matches(None, ["Jane Doe"])


def test_split_authors_of_trafilatura_and_cleaner():
    assert split_authors("Jane Doe; John Roe;") == ["Jane Doe", "John Roe"]
    assert split_authors(("Jane Doe",)) == ["Jane Doe"]
    assert split_authors(None) == [] and split_authors("") == []


def test_date_matches_on_the_first_ten_characters():
    assert date_matches("2025-09-04", "2025-09-04T10:00:00+02:00")
    assert not date_matches("2025-09-04", "2025-09-05")
    assert not date_matches("2025-09-04", None)
    assert not date_matches(None, None)


def test_field_rates_accuracy_and_coverage_over_pages_with_gold():
    f = field_rates([(True, True), (False, True), (False, False), (False, False)])
    assert f == {"accuracy": 0.25, "coverage": 0.5, "pages": 4}
    assert field_rates([]) == {"accuracy": None, "coverage": None, "pages": 0}


def test_page_meta_scores_only_fields_with_a_gold_value():
    page = Page("1", None, Path("x"), title="A Title", author=None, date="2024-01-02")
    res = PageResult("1", "article", 1.0, (), 0.0, title="a title", authors=("X",), date=None)
    assert page_meta(page, res) == {"title": (True, True), "date": (False, False)}
    assert set(META_FIELDS) == {"title", "author", "date"}


def test_page_meta_counts_a_date_given_where_the_gold_has_none_as_false():
    page = Page("1", None, Path("x"), page_type="service", title="A Title")
    dated = PageResult("1", "service", 1.0, (), 0.0, title="a title", date="2026-01-01")
    assert page_meta(page, dated)["no date"] == (False, True)
    undated = PageResult("1", "service", 1.0, (), 0.0, title="a title", date=None)
    assert page_meta(page, undated)["no date"] == (True, False)
    news = Page("1", None, Path("x"))  # not a web set's page: no gold date field at all
    assert "no date" not in page_meta(news, dated)


# ---- ablation -----------------------------------------------------------------------

def _rows(scores, types=None):
    types = types or ["article"] * len(scores)
    return [PageResult(str(i), t, s, (s, s, s), 0.0) for i, (s, t) in enumerate(zip(scores, types))]


def test_rule_effect_is_f1_with_minus_without_and_counts_pages():
    base = _rows([1.0, 0.5, 0.8], ["article", "article", "forum"])
    off = _rows([0.5, 0.75, 0.8], ["article", "article", "forum"])
    e = rule_effect("web-html", base, off)
    assert e["all"]["effect"] == pytest.approx((2.3 - 2.05) / 3)
    assert (e["all"]["helped"], e["all"]["hurt"]) == (1, 1)
    assert e["article"]["effect"] == pytest.approx(0.125)
    assert (e["forum"]["helped"], e["forum"]["hurt"], e["forum"]["pages"]) == (0, 0, 1)
    multi = [PageResult("0", None, 1.0, (1, 0, 0, 0), 0.0)]
    assert list(rule_effect("multi-html", multi, multi)) == ["all"]


def test_effect_cell_and_markdown():
    assert effect_cell({"effect": 0.0, "helped": 0, "hurt": 0}) == "\u00b7"
    assert effect_cell({"effect": 0.00123, "helped": 5, "hurt": 2}) == "+0.0012 5/2"
    assert effect_cell({"effect": -0.01, "helped": 0, "hurt": 3}) == "-0.0100 0/3"
    assert effect_cell(None) == "-"
    same = {"effect": 0.0, "helped": 0, "hurt": 0}
    table = {"a.rule": {"news-html": {"all": {"effect": 0.01, "helped": 2, "hurt": 0}},
                        "web-html": {"all": same, "article": same}},
             "b.rule": {"news-html": {"all": same}, "web-html": {"all": same, "article": same}}}
    baseline = {"news-html": {"f1": 0.98}, "web-html": {"f1": 0.8, "by_type": {"article": {"f1": 0.9}}}}
    md = ablation_markdown(table, ["news-html", "web-html"], baseline).splitlines()
    assert "| rule | news-html | web-html |" in md
    assert "| (baseline F1) | 0.9800 | 0.8000 |" in md
    assert "| `a.rule` | +0.0100 2/0 | \u00b7 |" in md
    assert "| rule | all | article |" in md
    assert md[-1] == "No page changes on any set with these off: `b.rule`"


# ---- the gate on web figures --------------------------------------------------------

def test_lookup_reads_page_type_figures():
    fig = {"f1": 0.8, "by_type": {"article": {"f1": 0.9}}}
    assert lookup(fig, "f1") == 0.8 and lookup(fig, "article.f1") == 0.9
    assert lookup(fig, "forum.f1") is None and lookup(None, "f1") is None


def test_check_floors_on_web_sets_titles_and_metadata():
    floors = {"web-html": {"f1": 0.8, "article.f1": 0.95},
              "titles": {"web-html articles": 0.8, "web-ptext articles": 0.5},
              "metadata": {"author articles": 0.6, "date all": 0.9}}
    figures = {"web-html": {"cleaner": {"f1": 0.82, "by_type": {"article": {"f1": 0.93}}}}}
    titles = {"web-html articles": {"rate": 0.85}}
    meta = {"cleaner": {"articles": {"author": {"accuracy": 0.7}}, "all": {"date": {"accuracy": 0.5}}}}
    failures, notes = check_floors(floors, figures, titles, ["web-html"], meta)
    assert sorted(f.split(":")[0] for f in failures) == ["metadata date all", "web-html article.f1"]
    assert notes == ["titles web-ptext articles: set not run, floor not checked"]


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
            if metric.startswith("_"):
                continue
            assert 0.0 <= value <= 1.0, (key, metric)
            if key == "titles":
                assert metric.split()[0] in ALL_SETS, metric
            elif key == "metadata":
                field, scope = metric.split()
                assert field in META_FIELDS and scope in ("articles", "all"), metric
            else:
                assert key in ALL_SETS, key
                ptype, _, name = metric.rpartition(".")
                assert not ptype or ptype in PAGE_TYPES, metric
                assert name in ("f1", "precision", "recall", "accuracy", "with_found"), metric


# ---- a whole run on a tiny data folder laid out like the web sets -------------------

_BODY = ("The council approved the new budget on Monday after a long debate about schools.\n\n"
         "Members said the plan would pay for repairs to three buildings before winter.")
_GT = {
    "0001": {"articleBody": _BODY, "title": "Council \u2018approves\u2019 budget", "author": "Jane Doe",
             "publish_date": "2025-01-02", "url": "https://example.org/news/budget", "page_type": "article",
             "with": ["approved the new budget"], "without": ["Sign in"]},
    "0002": {"articleBody": "", "title": None, "author": None, "publish_date": None,
             "url": "https://example.org/forum", "page_type": "forum", "with": [], "without": ["Sign in"]},
}
_HTML = ("<html><head><title>Council 'approves' budget | Example</title>"
         "<meta name='author' content='Jane Doe'><meta property='article:published_time' content='2025-01-02'>"
         "</head><body><nav>Home | Sign in</nav><article><h1>Council \u2018approves\u2019 budget</h1>"
         + "".join("<p>%s</p>" % p for p in _BODY.split("\n\n")) + "</article><footer>Sign in</footer></body></html>")


def _web_data(root):
    import gzip

    for setname in ("web-html", "web-ptext"):
        folder = root / setname
        (folder / ("html" if setname == "web-html" else "text")).mkdir(parents=True)
        (folder / "ground-truth.json").write_text(json.dumps(_GT), encoding="utf-8")
    for pid in _GT:
        html = _HTML if pid == "0001" else "<html><body><nav>Sign in</nav><p>Hi</p></body></html>"
        (root / "web-html" / "html" / (pid + ".html.gz")).write_bytes(gzip.compress(html.encode()))
        text = "Sign in\n" + _BODY.replace("\n\n", "\n") if pid == "0001" else "Sign in\nHi\n"
        (root / "web-ptext" / "text" / (pid + ".txt")).write_text(text, encoding="utf-8")
    return root


def test_run_on_web_layout_scores_per_type_titles_and_metadata(tmp_path, capsys):
    data = _web_data(tmp_path / "data")
    out_json, per_page = tmp_path / "fig.json", tmp_path / "pages.jsonl"
    code = main([str(data), "--sets", "web-html,web-ptext", "--tools", "cleaner,trafilatura,input,ceiling",
                 "-j", "1", "--json", str(out_json), "--per-page", str(per_page), "--show-worst", "1"])
    assert code == 0
    out = capsys.readouterr().out
    assert "web-ptext     ceiling" in out and "== 1 worst pages of cleaner on web-html" in out
    fig = json.loads(out_json.read_text())
    inp = fig["sets"]["web-ptext"]["input"]
    assert inp["by_type"]["forum"]["f1"] == 0.0  # empty reference, non-empty output
    assert inp["without_found"] == 1.0 and inp["with_found"] == 1.0
    assert fig["sets"]["web-ptext"]["ceiling"]["f1"] == 1.0
    cl = fig["sets"]["web-html"]["cleaner"]
    assert cl["by_type"]["article"]["f1"] > 0.9 and cl["errors"] == 0
    assert fig["titles"]["web-html articles"]["rate"] == 1.0
    assert set(fig["metadata"]) == {"cleaner", "trafilatura"}
    assert fig["metadata"]["cleaner"]["articles"]["author"]["pages"] == 1
    assert fig["metadata"]["cleaner"]["all"]["title"]["pages"] == 1  # page 0002 has no gold title
    assert "no date" in out
    rows = [json.loads(ln) for ln in per_page.read_text().splitlines()]
    assert [(r["set"], r["id"], r["page_type"]) for r in rows] == [
        ("web-html", "0001", "article"), ("web-html", "0002", "forum"),
        ("web-ptext", "0001", "article"), ("web-ptext", "0002", "forum")]


def test_pool_gives_the_figures_of_one_process(tmp_path, capsys):
    data = _web_data(tmp_path / "data")
    figs = []
    for jobs in ("1", "2"):
        out_json = tmp_path / ("fig%s.json" % jobs)
        assert main([str(data), "--sets", "web-ptext", "--tools", "input,c4,ceiling", "-j", jobs,
                     "--json", str(out_json)]) == 0
        sets = json.loads(out_json.read_text())["sets"]
        figs.append({t: {k: v for k, v in f.items() if k != "ms_per_page"} for t, f in sets["web-ptext"].items()})
    assert figs[0] == figs[1]
    capsys.readouterr()


def test_gate_on_web_floors(tmp_path, capsys):
    data = _web_data(tmp_path / "data")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"web-ptext": {"article.f1": 0.5, "listing.f1": 0.1},
                                  "titles": {"web-ptext articles": 0.5}}))
    assert main([str(data), "--sets", "web-ptext", "--tools", "input", "-j", "1", "--gate", str(floors)]) == 1
    failed = capsys.readouterr().out.split("QUALITY GATE FAILED")[1]
    assert "web-ptext listing.f1: - < floor" in failed  # no listing page: a missing figure fails
    assert "titles web-ptext articles: 0.000 < floor" in failed  # (the gate runs cleaner, here titleless)
    assert "article.f1" not in failed


def test_ablate_unknown_name_is_an_error(tmp_path, capsys):
    data = _web_data(tmp_path / "data")
    assert main([str(data), "--sets", "web-ptext", "--ablate", "no.such_rule"]) == 2
    assert "unknown rule name(s): no.such_rule" in capsys.readouterr().err


def test_ablate_prints_one_row_per_name(tmp_path, capsys):
    data = _web_data(tmp_path / "data")
    out_json = tmp_path / "fig.json"
    assert main([str(data), "--sets", "web-ptext", "--tools", "cleaner", "-j", "1",
                 "--ablate", "promos.newsletter,html.link_paragraph", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "| `promos.newsletter` |" in out and "| `html.link_paragraph` |" in out
    assert set(json.loads(out_json.read_text())["ablation"]) == {"promos.newsletter", "html.link_paragraph"}


def test_ablation_names_are_all_honoured_by_clean():
    from benchmarks.bench import ablation_names
    from cleaner.rules import all_rules

    names = ablation_names()
    assert len(names) == len(set(names))
    assert {r.name for r in all_rules()} <= set(names)
    assert {"promos.teaser_list", "bylines.author_box", "html.link_paragraph"} <= set(names)


# ---- perf.py: the 'against' section ------------------------------------------------

def test_perf_against_skips_without_an_older_tree(tmp_path, capsys):
    from benchmarks import perf
    assert perf.main([str(tmp_path), "--sections", "against"]) == 0
    assert "[SKIP] against an older checkout" in capsys.readouterr().out
    assert perf.main([str(tmp_path), "--sections", "against", "--against", str(tmp_path)]) == 0
    assert "holds no cleaner source tree" in capsys.readouterr().out


def test_perf_against_times_both_trees_on_the_same_pages(tmp_path, capsys):
    from benchmarks import perf
    texts = tmp_path / "data" / "news-pagetext" / "text"
    texts.mkdir(parents=True)
    for i in range(3):
        (texts / ("%d.txt" % i)).write_text("Share\nThe council met on Tuesday and voted for the plan, "
                                            "which the mayor had put forward in May.\n" * 5, encoding="utf-8")
    out_json = tmp_path / "perf.json"
    assert perf.main([str(tmp_path / "data"), "--quick", "--sections", "against", "--against", str(REPO),
                      "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "news-pagetext  this" in out and "[SKIP]" in out  # the html sets are absent here
    ratios = json.loads(out_json.read_text())["figures"]["against news-pagetext"]
    assert len(ratios) == 3 and all(r > 0 for r in ratios)
