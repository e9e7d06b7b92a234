"""The learned line scorer of text input (cleaner.textscore) and its model file (cleaner/models/text.json)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.scorer import Linear
from cleaner.pipeline import MODEL_MIN_LINES as MIN_LINES
from cleaner.textscore import MODEL_REMOVAL, TextModel, context, model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

PAGE = "\n".join([
    "Skip to content",
    "Home",
    "News",
    "Sport",
    "Business",
    "Culture",
    "Weather",
    "Sign in",
    "Subscribe",
    "Council approves the new bridge over the river",
    "The city council voted on Tuesday to approve the construction of a new bridge over the river, ending a "
    "debate that had lasted for more than a decade and divided the town's residents.",
    "Work on the bridge is due to start next spring, and the council expects it to open to traffic within three "
    "years, at a cost that it put at about forty million euros.",
    "Opponents of the plan said that they would consider an appeal, arguing that the bridge would bring more "
    "traffic into the old town and that the money could be better spent on the schools.",
    "The mayor said that the vote was a victory for the whole town and that the bridge was long overdue.",
    "Share this article",
    "Privacy Policy",
    "Terms of Use",
    "Cookie settings",
    "Contact us",
    "Advertise with us",
    "© 2024 The Town Gazette",
])


def test_the_shipped_model_loads_with_its_threshold_and_figures():
    m = model()
    assert isinstance(m, TextModel)
    assert 0.0 < m.threshold < 1.0
    assert m.stage1.weights and m.stage2.weights
    assert "kfold" in m.about


def test_a_model_round_trips_through_its_dict(tmp_path):
    m = model()
    path = tmp_path / "m.json"
    path.write_text(json.dumps(m.to_dict()), encoding="utf-8")
    again = model(str(path))
    assert again.to_dict() == m.to_dict()


def test_menu_lines_go_and_paragraphs_stay():
    art = clean(PAGE, kind="text", text_model="shipped")
    text = art.text
    assert "The city council voted on Tuesday" in text
    assert "Opponents of the plan" in text
    for menu in ("Weather", "Sign in", "Privacy Policy", "Terms of Use"):
        assert menu not in art.paragraphs


def handmade(tmp_path, name: str, stage1: Linear, stage2: Linear) -> str:
    """The path of a model file with these stages, no gate and a threshold of 0.5."""
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(TextModel(stage1, stage2, 0.5, {}).to_dict()), encoding="utf-8")
    return str(path)


def test_explain_names_the_model_and_what_weighed_against_a_line(tmp_path):
    # sentences are content, lines of three words or fewer not
    path = handmade(tmp_path, "sentences", Linear(-1.0, {"term": 2.0, "c150": 3.0, "w3": -3.0}),
                    Linear(-5.0, {"p1": 10.0}))
    art = clean(PAGE, kind="text", explain=True, text_model=path)
    assert "The city council voted on Tuesday" in art.text
    by_model = {r.text: r for r in art.removed if r.rule == MODEL_REMOVAL}
    assert "Weather" in by_model and "Privacy Policy" in by_model
    weather = by_model["Weather"]
    assert weather.stage == "model" and "heuristic: heuristic.short" in weather.detail
    assert weather.detail.startswith("w3")  # the feature that weighed most against it


def test_the_shipped_model_reads_by_default_and_none_or_fast_leave_the_heuristics_alone(tmp_path, monkeypatch):
    from cleaner import textscore

    path = handmade(tmp_path, "none", Linear(-5.0, {}), Linear(-5.0, {}))  # would drop every line
    monkeypatch.setattr(textscore, "model", lambda chosen=None: TextModel.from_dict(json.load(open(path))))
    assert any(r.rule == MODEL_REMOVAL for r in clean(PAGE, kind="text").removed)  # the default: the model reads
    for options in ({"text_model": None}, {"fast": True}, {"fast": True, "text_model": path}):
        art = clean(PAGE, kind="text", **options)
        assert "The city council voted on Tuesday" in art.text
        assert not any(r.rule == MODEL_REMOVAL for r in art.removed)


LONG = ("The committee heard evidence from residents, engineers and the regional transport authority over three "
        "long sessions, and its report weighs the cost of each option against the traffic it would carry. {i}")


@pytest.mark.parametrize("long_paragraphs,reads", [(-1, True), (0, False)])
def test_an_article_the_heuristics_read_well_is_theirs(tmp_path, long_paragraphs, reads):
    # MODEL_ARTICLE_LONG long paragraphs in their span: a page they read well, left to them alone
    from cleaner.pipeline import MODEL_ARTICLE_LONG

    lines = PAGE.split("\n")
    added = MODEL_ARTICLE_LONG + long_paragraphs - sum(len(line) >= 150 for line in lines)
    page = "\n".join(lines[:10] + [LONG.format(i=i) for i in range(added)] + lines[10:])
    path = handmade(tmp_path, "none", Linear(-5.0, {}), Linear(-5.0, {}))  # would drop every line
    art = clean(page, kind="text", text_model=path)
    assert any(r.rule == MODEL_REMOVAL for r in art.removed) is reads


def test_a_text_the_heuristics_keep_no_article_of_is_not_given_to_the_model(tmp_path):
    path = handmade(tmp_path, "all", Linear(5.0, {}), Linear(5.0, {}))  # would keep every line
    menu = "\n".join(f"Section {i}" for i in range(30))  # no line the heuristics keep: no output beats a guess
    assert clean(menu, kind="text", text_model=path).paragraphs == ()


def test_the_second_stage_reads_windows_and_the_densest_run():
    rows = [{"h_good": 0.0}, {"h_good": 1.0}, {"h_good": 1.0}, {"h_good": 0.0}]
    second, page = context(rows, {"pg_n": 0.1}, [0.1, 0.9, 0.8, 0.2], [10, 300, 300, 10])
    assert second[1]["in_run"] == second[2]["in_run"] == 1.0 and "in_run" not in second[0]
    assert second[0]["p1@-1"] == -1.0 and second[0]["p1@1"] == 0.9
    assert page["pg_n"] == 0.1 and 0.0 < page["page_mean"] < 1.0


def test_a_model_keeps_what_its_threshold_allows(tmp_path):
    path = handmade(tmp_path, "all", Linear(5.0, {}), Linear(5.0, {}))
    art = clean(PAGE, kind="text", text_model=path, rules=False, dedupe=False, explain=True)
    assert "Weather" in art.paragraphs, art.removed


def test_a_short_text_is_left_to_the_heuristics():
    lines = PAGE.split("\n")
    assert len(lines) >= MIN_LINES
    short = "\n".join(lines[:MIN_LINES - 1])
    art = clean(short, kind="text", explain=True, text_model="shipped")
    assert not any(r.rule == MODEL_REMOVAL for r in art.removed)


@pytest.mark.parametrize("n", [3, 40, 90])  # every window reaching past an end; some; the widest inside too
def test_the_fast_second_stage_sums_the_terms_that_context_names(n):
    m = model()
    rows = [{"h_good": 1.0, "term": 1.0, "len": 0.8, "c150": 1.0, "after_art": 1.0} if i % 3 or i > 60
            else {"w3": 1.0, "len": 0.2, "rule": 1.0, "stream": 1.0} for i in range(n)]
    page = {"pg_n": 0.5, "pg_len": 0.6}
    chars = [300 if i % 3 else 12 for i in range(n)]
    first = m.first_stage(rows, page)
    second, page_second = context(rows, page, first, chars)
    base = m.stage2.partial(page_second)
    slow = [m.stage2.probability(r, base) for r in second]
    fast = m.second_fast(rows, page, first, chars)
    assert max(abs(a - b) for a, b in zip(slow, fast)) < 1e-9
    assert max(fast) - min(fast) > 0.1  # the lines differ: the test compares something


ARTICLE_LINES = PAGE.split("\n")[:15]  # the menu, the headline and four paragraphs
TEASERS = [
    "Storm closes the mountain pass",
    "Snow blocked the road for three days and the villages on the other side ran short of fuel",
    "Football club names a new coach",
    "The club said the new coach would start work next week after the season's last game",
    "Library reopens after repairs",
    "The old reading room has a new roof and the library will open on Sundays from now on",
    "Market moves to the square",
    "Traders will set up their stalls on the main square while the market hall is rebuilt",
]


def features_of(text: str) -> tuple[list[dict], dict]:
    """The line features of a text, as the pipeline computes them for the model."""
    from cleaner.classify import classify
    from cleaner.lexicon import lexicon
    from cleaner.options import Options
    from cleaner.rules import RuleBook
    from cleaner.segment import segment
    from cleaner.text import words_of
    from cleaner.textscore import line_features

    blocks = segment(text)
    rules = RuleBook()
    noise = lambda b: rules.first_matching_rule(b.text, b.kind)  # noqa: E731
    first: list = []
    lex = lexicon()
    language, span = classify(blocks, Options(kind="text"), lex, noise, first)
    return line_features(blocks, first, span, lex.stopwords[language] if language else frozenset(), noise, words_of)


def test_a_teaser_stream_after_an_article_is_marked_as_such():
    rows, page = features_of("\n".join(ARTICLE_LINES + TEASERS))
    stream = rows[len(ARTICLE_LINES):]
    strength = page["pg_prose"]
    assert strength == 0.75  # three long paragraphs (the fourth is short): an article, of a strength
    assert all("stream" in r and r.get("stream_after") == r.get("after_art") == strength for r in stream), stream
    paragraphs = rows[10:14]
    assert not any("after" in r or "stream_after" in r for r in paragraphs)


def test_a_listing_is_a_stream_but_not_one_after_an_article():
    rows, page = features_of("\n".join(ARTICLE_LINES[:9] + TEASERS * 2))
    assert page["pg_prose"] == 0.0
    assert sum("stream" in r for r in rows) >= len(TEASERS)
    assert not any("stream_after" in r for r in rows)


def test_the_glance_reads_the_heuristics_article():
    from cleaner.textscore import glance_features

    chars = [10, 10, 300, 300, 300, 300, 40, 40]
    good = [False, False, True, True, True, True, False, False]
    g = glance_features(chars, good, lambda i: True, (2, 5))
    assert g["gl_article"] == 1.0 and g["gl_kept"] == g["gl_span"] == 1200 / 1300
    assert g["gl_after"] == 80 / 1300 and g["gl_before"] == 20 / 1300
    none = glance_features(chars, [False] * 8, lambda i: True, (0, -1))
    assert none["gl_article"] == 0.0 and none["gl_span"] == 0.0 and none["gl_after"] == 0.0


def test_a_model_whose_glance_declines_leaves_the_page_to_the_heuristics(tmp_path):
    drop_all = TextModel(Linear(-5.0, {}), Linear(-5.0, {}), 0.5, {})
    declines = TextModel(Linear(-5.0, {}), Linear(-5.0, {}), 0.5, {}, glance=Linear(-5.0, {}), glance_cut=0.5)
    for name, m, kept in (("drops", drop_all, False), ("declines", declines, True)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(m.to_dict()), encoding="utf-8")
        assert model(str(path)).to_dict() == m.to_dict()
        art = clean(PAGE, kind="text", text_model=str(path), rules=False)
        assert ("The city council voted on Tuesday" in art.text) is kept
