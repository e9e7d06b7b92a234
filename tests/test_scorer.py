"""The learned HTML stage: page blocks (cleaner.dom), their features (cleaner.features), the scorer and its
model file (cleaner.scorer), and the labels the training script fits them to (benchmarks/train.py)."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from cleaner import clean
from cleaner.dom import HIDDEN, page_blocks, page_signals
from cleaner.features import block_words, covered, glance_features, page_features
from cleaner.scorer import Linear, Model, context, model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def tree(body: str, head: str = ""):
    return lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def texts(body: str) -> list[str]:
    return [b.text for b in page_blocks(tree(body))]


# --- page blocks ---------------------------------------------------------------------------------------------
def test_inline_elements_join_and_block_elements_split():
    assert texts("<div>One <b>bold</b> word<p>A paragraph</p>tail text</div>") == [
        "One bold word", "A paragraph", "tail text"]


def test_line_breaks_split_and_whitespace_collapses():
    assert texts("<p>first\n   line<br>second\tline</p>") == ["first line", "second line"]


def test_scripts_styles_and_templates_are_not_text_but_their_tails_are():
    assert texts("<div>before<script>var x = 1;</script> after<style>p{}</style></div>") == ["before after"]


def test_a_block_knows_its_element_ancestors_classes_and_link_text():
    b, = page_blocks(tree('<nav class="main-menu"><ul><li id="first">Go <a href="/x">home</a></li></ul></nav>'))
    assert b.tag == "li"
    assert b.path[-3:] == ("nav", "ul", "li")
    assert {"main", "menu", "first"} <= set(b.classes)
    assert b.link_chars == len("home")


def test_hidden_elements_are_read_and_marked():
    b, = page_blocks(tree('<div hidden><p>Text a script shows later.</p></div>'))
    assert b.text == "Text a script shows later." and HIDDEN in b.classes


def test_class_and_id_words_are_their_runs_of_letters_lower_cased_in_order():
    from cleaner.dom import attribute_words

    assert attribute_words("c-Modal__body is-open", "Main2Nav") == ("c", "modal", "body", "is", "open", "main", "nav")
    assert attribute_words(None, "sidebar") == ("sidebar",) and attribute_words("", None) == ()
    b, = page_blocks(tree('<div class="Note box" style="display: none"><p>Shown later.</p></div>'))
    assert b.classes == ("note", "box", HIDDEN)


def test_siblings_that_share_tag_and_class_are_counted():
    cards = "".join(f'<div class="card"><p>Product {i}</p></div>' for i in range(5))
    blocks = page_blocks(tree(f'<div class="grid">{cards}</div>'))
    assert len(blocks) == 5 and all(5 in b.repeats for b in blocks)


def test_page_signals_read_open_graph_and_json_ld_types():
    head = ('<meta property="og:type" content="article">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person"}}</script>')
    s = page_signals(tree("<article><h2>x</h2><time>now</time></article>", head))
    assert s.og_type == "article" and {"newsarticle", "person"} <= s.ld_types
    assert (s.articles, s.h2s, s.has_time) == (1, 1, True)


def test_page_signals_count_long_paragraphs_that_end_sentences_and_links():
    prose = "The council voted on Tuesday to approve the budget for the coming year, after a debate " * 2
    s = page_signals(tree(f"<p>{prose.strip()}.</p><p>{prose}</p><p>Short one</p><p> </p>"
                          "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li><li><a href='/c'></a></li></ul>"))
    assert (s.paragraphs, s.long_paragraphs, s.ended_paragraphs) == (3, 2, 1)
    assert s.paragraph_chars == len(prose.strip()) * 2 + 1 + len("Short one")
    assert (s.links, s.link_chars) == (2, len("HomeNews"))


# --- features ------------------------------------------------------------------------------------------------
def test_the_glance_reads_the_pages_own_types_its_metadata_and_its_prose():
    prose = "<p>" + "The council voted on Tuesday to approve the budget for the coming year. " * 3 + "</p>"
    g = glance_features(page_signals(tree(prose * 4, '<meta property="og:type" content="article">')),
                        "https://example.com/2024/05/01/council-votes-on-the-budget", dated=True, named=False)
    assert g["og_article"] == 1.0 and g["url_dated"] == 1.0 and g["g_dated"] == 1.0 and g["g_named"] == 0.0
    assert g["g_ended"] == 1.0 and g["g_link_share"] == 0.0 and g["g_long"] > 0


def test_covered_is_the_share_of_a_blocks_words_the_extraction_holds_in_order():
    page = page_blocks(tree("<p>the council voted on the budget today</p><p>Share</p><p>voted the council</p>"))
    shares = covered(block_words(page), ["The council voted on the budget", "share"])
    assert shares[0] == pytest.approx(6 / 7)  # "today" is not in the extraction
    assert shares[1] == 1.0  # a short block, found whole
    assert shares[2] == 0.0  # its words are there, but not in its order


def test_covered_finds_short_blocks_whole_and_long_ones_by_runs_of_three_words():
    page = page_blocks(tree("<p>Budget vote</p><p>vote budget</p><p>vote</p><p>Città</p>"
                            "<p>Only the CITY COUNCIL voted, then nothing</p>"))
    shares = covered(block_words(page), ["The city council voted on the budget vote in Città di Castello."])
    assert shares[:4] == [1.0, 0.0, 1.0, 1.0]  # a pair of words in its order, not the other way; one word whole
    assert shares[4] == pytest.approx(4 / 7)  # "the city council voted" (two runs of three) of seven words
    assert covered(block_words(page), []) == [0.0] * 5


def test_features_name_the_blocks_element_place_and_class_groups():
    page = page_blocks(tree('<div class="sidebar-widget"><p>Popular now</p></div><article><p>The council voted '
                            'on Tuesday to approve the budget.</p></article>'))
    rows, _ = page_features(page, page_signals(tree("")), [0.0, 1.0], [0.0, 1.0], {"sidebar": -2.0})
    side, body = rows
    assert side["c_side"] == 1.0 and side["cl_min"] == -2.0 and "in_article" not in side
    assert body["in_article"] == 1.0 and body["terminal"] == 1.0 and body["traf"] == 1.0
    assert body["traf@-1"] == 0.0 and side["traf@1"] == 1.0



def test_features_add_up_in_the_same_order_whatever_the_hash_seed():
    # A set's order follows PYTHONHASHSEED: summed in that order, a block's class weights could differ in the
    # last bit from one process to the next, and a block on the threshold change sides.
    code = ("import sys; from lxml import html; from cleaner.dom import page_blocks, page_signals; "
            "from cleaner.features import page_features; "
            "page = page_blocks(html.fromstring('<div class=\"share-widget sidebar related-posts footer-menu comments\">"
            "<p>Popular now and more</p></div>'))\n"
            "rows, _ = page_features(page, page_signals(html.fromstring('<p></p>')), [0.0], [0.0], "
            "{'share-widget': 0.1, 'sidebar': 0.2, 'related-posts': 0.3, 'footer-menu': 1e-17, 'comments': 0.7})\n"
            "print(list(rows[0]), repr(rows[0]['cl_sum']), repr(rows[0]['cl_near']))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(runs) == 1

# --- the scorer ------------------------------------------------------------------------------------------------
def test_a_linear_score_is_a_sum_of_named_terms_and_says_what_weighed_against():
    m = Linear(-1.0, {"link": -4.0, "terminal": 2.0, "short": -1.0})
    assert m.logit({"link": 0.5, "terminal": 1.0, "unknown": 9.0}) == pytest.approx(-1.0 - 2.0 + 2.0)
    assert m.against({"link": 1.0, "short": 1.0, "terminal": 1.0}) == ["link", "short"]


def test_a_linear_score_adds_its_terms_in_the_features_order_and_a_zero_feature_changes_no_bit():
    m = Linear(0.25, {"a": 1.0, "b": 1.0, "c": 1.0, "z": -7.0})
    # One term at a time, in order: 1e16 + 1.0 rounds back to 1e16 (a compensated sum would give 1.0).
    assert m.logit({"a": 1e16, "b": 1.0, "c": -1e16}) == 0.25
    assert m.logit({"a": 1e16, "z": 0.0, "b": 1.0, "x": 3.0, "c": -1e16, "y": -0.0}) == 0.25
    assert m.logit({"a": 1e16, "c": -1e16, "b": 1.0}) == 1.25  # another order, another sum
    assert math.copysign(1.0, m.logit({"z": -0.0, "c": 0.0}, base=-0.25)) == 1.0  # never -0.0


def test_scores_add_floats_one_by_one_on_every_python_version():
    """``added`` adds in order, as ``sum()`` did before Python 3.12 compensated its rounding: the features and the
    text scorer's sums are the same bits on every version."""
    from cleaner.scorer import added

    assert added([1e16, 1.0, -1e16]) == 0.0  # sum() on 3.12+ gives 1.0
    assert added(x for x in (0.1, 0.2, 0.3)) == (0.1 + 0.2) + 0.3
    assert added([]) == 0.0 and math.copysign(1.0, added([-0.0])) == 1.0


def test_the_second_stage_sees_neighbours_windows_and_containers():
    rows = [{"traf": 1.0}, {"traf": 0.0}, {"traf": 1.0}]
    second, _ = context(rows, {}, [0.9, 0.1, 0.8], [10, 10, 10], [(1, 2, 5), (1, 3, 6), (1, 2, 7)], ("traf",))
    assert second[1]["p1"] == 0.1 and second[1]["p1@-1"] == 0.9 and second[1]["p1@1"] == 0.8
    assert second[0]["p1@-1"] == -1.0  # no block before the first
    assert second[0]["cp1"] == pytest.approx((0.9 + 0.8) / 2)  # its container's other block is content too
    assert second[1]["traf"] == 0.0


def test_a_model_survives_its_file_format():
    m = Model(Linear(0.5, {"a": 1.0}), Linear(-0.5, {"p1": 2.0}), Linear(0.0, {"og_article": 1.0}),
              {"article": 0.5, "other": 0.35}, ("a",), {"nav": -1.0}, {"pages": 3})
    again = Model.from_dict(json.loads(json.dumps(m.to_dict())))
    assert again == m


def test_the_shipped_model_loads_and_weighs_trafilaturas_extraction():
    m = model("html")
    assert all(0.0 < t < 1.0 for t in m.thresholds.values())
    assert m.stage1.weights.get("traf", 0.0) > 0.0 or m.stage1.weights.get("traf_kept", 0.0) > 0.0


PAGE = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Council approves budget</h1><p>The city council "
        "voted on Tuesday to approve a new budget for the public library system, which extends opening hours at "
        "every branch, and for the parks.</p><p>The mayor said the first branch would open on Sundays from "
        "May, and that the others would follow before the end of the year.</p></article></body></html>")


def _model_file(tmp_path, name: str, kind_bias: float, keeps: dict[str, float]) -> str:
    """A model that calls a page an article (kind_bias > 0) or not, and keeps the blocks with these features."""
    made = Model(Linear(-50.0, keeps), Linear(-50.0, {"p1": 100.0}), Linear(kind_bias, {}),
                 {"article": 0.5, "other": 0.5}, (), {}, {})
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(made.to_dict()), encoding="utf-8")
    return str(path)


def test_other_pages_take_the_scorers_verdict_from_a_model_file_of_ones_choice(tmp_path):
    paragraphs_only = _model_file(tmp_path, "other", -50.0, {"tag_p": 100.0, "link": -1.0})
    article = clean(PAGE, html_model=paragraphs_only, explain=True)
    assert len(article.paragraphs) == 2 and article.title == "Council approves budget"  # the title: the <h1>
    scored = {r.text: r for r in article.removed if r.rule == "model.boilerplate"}
    assert set(scored) == {"Home", "Council approves budget"}
    assert scored["Home"].detail == "link"  # with explain, what weighed against it


def test_article_pages_and_pages_the_scorer_empties_take_the_extraction(tmp_path):
    for kind_bias, keeps in ((50.0, {"tag_p": 100.0}), (-50.0, {})):  # an article; another page, nothing kept
        article = clean(PAGE, html_model=_model_file(tmp_path, "m", kind_bias, keeps), explain=True)
        assert len(article.paragraphs) == 2 and article.title == "Council approves budget"
        assert "html.not_extracted" in {r.rule for r in article.removed}  # with explain, what it left out
        assert "model.boilerplate" not in {r.rule for r in article.removed}
        assert "html.not_extracted" not in {r.rule for r in clean(PAGE, html_model=_model_file(
            tmp_path, "m", kind_bias, keeps)).removed}  # not asked for: not read


# --- the training labels -----------------------------------------------------------------------------------------
def test_labels_align_the_pages_words_with_the_reference_in_order():
    from train import align_labels

    labels = align_labels(["Home", "The council voted on the budget.", "Share this", "Home"],
                          "The council voted on the budget. Home is where it stays.")
    assert labels[1] == (1.0, 6)
    assert labels[2] == (0.0, 2)
    assert labels[0][0] + labels[3][0] <= 1.0  # the reference's one "Home" is matched once at most


def test_kept_folds_without_fold_models_is_a_one_line_error(tmp_path):
    from train import main

    with pytest.raises(SystemExit, match="no fold models in .* --keep-folds"):
        main([str(tmp_path), "--kept-folds", str(tmp_path)])


def test_a_gate_sure_of_an_article_spares_the_scorer(tmp_path):
    other = Model(Linear(-50.0, {"tag_p": 100.0}), Linear(-50.0, {"p1": 100.0}), Linear(-50.0, {}),
                  {"article": 0.5, "other": 0.5, "gate": 0.9}, (), {}, {}, gate=Linear(0.0, {"og_article": 50.0}))
    path = tmp_path / "gated.json"
    path.write_text(json.dumps(other.to_dict()), encoding="utf-8")
    assert Model.from_dict(json.loads(path.read_text(encoding="utf-8"))).gate.weights == {"og_article": 50.0}
    plain = clean(PAGE, html_model=str(path))  # no og:type: the gate is unsure, the scorer reads the page
    assert "model.boilerplate" in {r.rule for r in plain.removed}
    page = PAGE.replace("<html>", '<html><head><meta property="og:type" content="article"></head>')
    assert page != PAGE
    gated = clean(page, html_model=str(path), explain=True)  # sure at a glance: trafilatura's extraction
    assert len(gated.paragraphs) == 2 and "model.boilerplate" not in {r.rule for r in gated.removed}
    assert "html.not_extracted" in {r.rule for r in gated.removed}


def test_fast_reads_every_page_as_an_article_without_the_scorer(tmp_path):
    other = _model_file(tmp_path, "other", -50.0, {"tag_p": 100.0, "link": -1.0})  # would judge block by block
    article = clean(PAGE, html_model=other, fast=True)
    assert len(article.paragraphs) == 2 and not {"model.boilerplate", "html.not_extracted"} & {
        r.rule for r in article.removed}


def test_blocks_the_scorer_keeps_carry_their_shape(tmp_path):
    page = ("<html><body><nav><a href='/'>Home</a></nav><main><h2>Opening hours</h2><p>The library opens at nine "
            "on weekdays and at ten on Saturdays, from the first of May, the council said.</p><h3>The branches</h3><ul><li>Central "
            "branch, Market Street, open every day of the week</li><li>North branch, Hill Road, closed on "
            "Mondays and on public holidays</li></ul><table><tr><td>Monday to Friday opening hours of "
            "all the branches</td></tr></table></main></body></html>")
    keeps_text = _model_file(tmp_path, "other", -50.0, {"log_chars": 20.0, "link": -100.0})
    article = clean(page, html_model=keeps_text)
    assert article.title == "Opening hours"  # the first heading, out of the body
    assert [(b.kind, b.level, b.depth) for b in article.blocks] == [
        ("paragraph", None, None), ("heading", 3, None), ("list_item", None, 0), ("list_item", None, 0),
        ("paragraph", None, None)]  # a table cell the scorer kept alone stays a paragraph
