"""cleaner/metadata.py and cleaner/dates.py: the page's date, authors and the other metadata fields, and the
text path's date."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean, html, metadata
from cleaner import trafilatura_steps as steps
from cleaner.dates import date_at_start, dates_in, days_of_moment, other_reading, parse_date, url_date

REPO = Path(__file__).resolve().parent.parent
BODY = " ".join(["The council approved the new budget for the city's schools on Tuesday evening."] * 4)


def page(head: str = "", top: str = "", url: str | None = None) -> str:
    """A page with a headline, what stands under it (``top``), three paragraphs, and ``head`` metadata."""
    return (f"<html><head><title>Council approves budget</title>{head}</head><body><nav>Home | News</nav>"
            f"<article><h1>Council approves budget</h1>{top}<p>{BODY}</p><p>{BODY}</p><p>{BODY}</p></article>"
            "<footer>Copyright</footer></body></html>")


def ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- dates.py -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("2024-03-05T10:00:00Z", "2024-03-05"), ("20240305", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
    ("Mar. 5th, 2024", "2024-03-05"), ("5 March 2024", "2024-03-05"), ("5. März 2024", "2024-03-05"),
    ("5 mars 2024", "2024-03-05"), ("5 de marzo de 2024", "2024-03-05"), ("Published: 03/05/2024", "2024-03-05"),
    ("13/11/2025 09:21:40", "2025-11-13"), ("05.03.2024", "2024-03-05"), ("2025•01•08", "2025-01-08"),
    ("Thu, 09/25/2025 - 11:38", "2025-09-25"), ("on 04-ago-2021 5:11", "2021-08-04"), ("12-Mar-2024", "2024-03-12"),
    ("March 2024", None), ("2024", None), ("February 30, 2024", None), ("May 5, 1850", None),
    ("January 1, 2999", None), ("", None), (None, None), ("no date here", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_dates_in_gives_positions_in_order():
    text = "Posted May 1, 2024 | Updated 2 June 2024"
    assert [(text[a:b], d) for a, b, d in dates_in(text)] == [("May 1, 2024", "2024-05-01"),
                                                               ("2 June 2024", "2024-06-02")]


def test_date_at_start_is_the_first_date_only_where_the_text_starts_with_it():
    assert date_at_start("May 1, 2024 | Updated 2 June 2024") == (11, "2024-05-01")
    assert date_at_start("Posted May 1, 2024") is None  # a date further in
    assert date_at_start("Feb 30 2024 then 2 June 2024") is None  # no valid date at the start


@pytest.mark.parametrize("url,expected", [
    ("https://example.com/2019/11/19/story-name", "2019-11-19"), ("https://example.com/news/2019-11-19-story",
                                                                  "2019-11-19"),
    ("https://example.com/2019/11/story", None), ("https://example.com/2019/13/40/x", None), (None, None),
    ("https://example.com/blog/2023/october/03/story", "2023-10-03"),
    ("https://example.com/2023/Oct/3/story", "2023-10-03"),
    ("https://example.com/2019/1/9/story", "2019-01-09"), ("https://example.com/t/2024-4-4-2024-5-0-issue/7", None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("written,found,expected", [
    ("03/10/2023", "2023-03-10", "2023-10-03"), ("02-12-2025", "2025-02-12", "2025-12-02"),
    ("13/10/2023", "2023-10-13", None), ("03/03/2023", "2023-03-03", None), ("March 10, 2023", "2023-03-10", None),
    ("2023-03-10", "2023-03-10", None),
])
def test_other_reading_of_a_date_in_digits(written, found, expected):
    assert other_reading(written, found) == expected


# --- the date of a page -------------------------------------------------------------------------------------------
def test_declared_date_from_json_ld_written_as_text():
    art = clean(page(ld({"@type": "NewsArticle", "datePublished": "Jan 17, 2025"})), kind="html")
    assert art.date_published == "2025-01-17"


def test_declared_date_from_a_graph_and_the_modified_date():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Example"},
        {"@type": "BlogPosting", "datePublished": "2024-02-01T08:00:00+00:00", "dateModified": "2024-04-01"}]}
    art = clean(page(ld(graph)), kind="html")
    assert (art.date_published, art.date_modified) == ("2024-02-01", "2024-04-01")


def test_the_date_shown_by_the_headline_comes_before_the_declared_one():
    art = clean(page('<meta property="article:published_time" content="2020-01-01T10:00:00Z">',
                     "<p class='meta'>By Jane Doe | March 5, 2024</p>"), kind="html")
    assert art.date_published == "2024-03-05"


def test_a_shown_update_gives_way_to_the_declared_publication():
    art = clean(page('<meta property="article:published_time" content="2020-01-01T10:00:00Z">',
                     "<p class='meta'>Last updated: March 5, 2024</p>"), kind="html")
    assert (art.date_published, art.date_modified) == ("2020-01-01", "2024-03-05")
    art = clean(page(ld({"@type": "NewsArticle", "datePublished": "2024-03-09T10:00:00Z"}),
                     "<p class='meta'>Updated March 5, 2024</p>"), kind="html")
    assert art.date_published == "2024-03-09"  # an update before the publication: the declared one


def test_a_shown_date_a_day_from_the_declared_one_is_the_same_moment():
    art = clean(page('<meta property="article:published_time" content="2024-03-06T02:00:00Z">',
                     "<p>March 5, 2024</p>"), kind="html")
    assert art.date_published == "2024-03-06"


def test_a_shown_date_no_time_zone_puts_the_declared_moment_on_is_the_pages():
    late = '<meta property="article:published_time" content="2024-03-06T22:00:00Z">'
    assert clean(page(late, "<p>March 5, 2024</p>"), kind="html").date_published == "2024-03-05"
    assert clean(page(late, "<p>March 7, 2024</p>"), kind="html").date_published == "2024-03-06"  # UTC+2 and more
    local = '<meta property="article:published_time" content="2024-03-06 22:00:00">'  # its zone unknown
    assert clean(page(local, "<p>March 5, 2024</p>"), kind="html").date_published == "2024-03-06"


@pytest.mark.parametrize("text,expected", [
    ("2025-12-19T22:02:58.705Z", ("2025-12-19", "2025-12-20")),
    ("2025-12-19T02:41:41+00:00", ("2025-12-18", "2025-12-19")),
    ("2025-12-19T12:00:00+0000", ("2025-12-19", "2025-12-20")),
    ("2024-03-05T23:30:00-05:00", ("2024-03-05", "2024-03-06")),
    ("2024-03-05", None), ("2024-03-05 10:00:00", None), ("March 5, 2024", None), (None, None),
])
def test_days_of_moment(text, expected):
    assert days_of_moment(text) == expected


def test_a_thread_has_the_date_it_declares_not_its_posts():
    thread = ld({"@type": "DiscussionForumPosting", "datePublished": "2023-01-10T08:00:00Z"})
    art = clean(page(thread, "<p>alice</p><p>June 2, 2024</p>"), kind="html")
    assert art.date_published == "2023-01-10"


def test_a_date_in_digits_is_read_as_the_page_marks_it_up():
    marked = "<aside><time datetime='2023-10-03T09:00:00+01:00'>x</time></aside><footer>"
    art = clean(page(top="<p>03/10/2023</p>").replace("<footer>", marked), kind="html")
    assert art.date_published == "2023-10-03"
    assert clean(page(top="<p>03/10/2023</p>"), kind="html").date_published == "2023-03-10"  # US order by default


def test_a_members_join_date_is_not_the_pages():
    art = clean(page(top="<p>alice</p><p>Posts: 138</p><p>Joined: July 4, 2012</p><p>Post by alice » May 3, 2024</p>"),
                kind="html")
    assert art.date_published == "2024-05-03"


def test_a_date_not_labelled_as_an_update_comes_before_one_that_is():
    art = clean(page(top="<p>edited Jul 5, 2020</p><p>asked Feb 4, 2014</p>"), kind="html")
    assert art.date_published == "2014-02-04"
    art = clean(page(top="<p>Updated Jul 5, 2020</p>"), kind="html")
    assert art.date_published == "2020-07-05"  # an update alone is still the only date the page shows


def test_the_byline_date_under_the_headline_beats_a_date_above_it():
    today = page(top="<p>By Jane Doe</p><p>12.12.2025</p>").replace(
        "<nav>Home | News</nav>", "<div>Friday, December 19, 2025</div>")
    assert clean(today, kind="html").date_published == "2025-12-12"
    above = page().replace("<nav>Home | News</nav>", "<div>Friday, December 19, 2025</div>")
    assert clean(above, kind="html").date_published == "2025-12-19"  # alone, the date above counts


def test_a_later_date_than_the_declared_publication_and_not_its_update_is_anothers():
    declared = ld({"@type": "BlogPosting", "datePublished": "2023-11-21T10:00:00Z",
                   "dateModified": "2023-11-21T10:00:00Z"})
    assert clean(page(declared, "<p>Aug 19, 2025</p>"), kind="html").date_published == "2023-11-21"
    updated = declared.replace('"dateModified": "2023-11-21', '"dateModified": "2025-08-19')
    assert clean(page(updated, "<p>Aug 19, 2025</p>"), kind="html").date_published == "2025-08-19"


def test_a_later_update_gives_way_to_the_publication_declared_for_sharing_only():
    declared = ld({"@type": "BlogPosting", "datePublished": "2020-01-01T10:00:00Z", "dateModified": "2024-03-05"})
    open_graph = '<meta property="article:published_time" content="2020-01-01T10:00:00Z">'
    for top in ("<p>Last updated: March 5, 2024</p>", "<p>By Jane Doe | March 5, 2024</p>"):
        art = clean(page(declared, top), kind="html")
        assert (art.date_published, art.date_modified) == ("2024-03-05", "2024-03-05")  # JSON-LD alone: the shown one
        art = clean(page(declared + open_graph, top), kind="html")
        assert (art.date_published, art.date_modified) == ("2020-01-01", "2024-03-05")
    other = clean(page(ld({"@type": "BlogPosting", "datePublished": "2020-01-01T10:00:00Z"}) + open_graph,
                       "<p>By Jane Doe | March 5, 2024</p>"), kind="html")
    assert other.date_published == "2024-03-05"  # not labelled, not declared as an update: the byline's date


def test_a_later_date_gives_way_when_the_page_shows_its_declared_publication_too():
    declared = ('<meta property="article:published_time" content="2024-01-03T11:23:42-05:00">'
                '<meta property="article:modified_time" content="2024-09-26T01:50:27-04:00">')
    top = "<p>last post by bob</p><p>Sep 26, 2024</p><p>alice</p><p>Jan 3, 2024</p>"
    assert clean(page(declared, top), kind="html").date_published == "2024-01-03"


def test_the_url_date_comes_first():
    art = clean(page('<meta property="article:published_time" content="2020-01-01T10:00:00Z">'),
                url="https://example.com/2019/11/19/council-approves-budget", kind="html")
    assert art.date_published == "2019-11-19"


def test_time_element_when_nothing_else():
    art = clean(page(top="<p>Story</p>").replace("<footer>", "<aside><time datetime='2022-07-08'>x</time></aside>"
                                                 "<footer>"), kind="html")
    assert art.date_published == "2022-07-08"


def test_htmldate_only_when_the_cheap_reading_finds_nothing(monkeypatch):
    calls = []
    monkeypatch.setattr(steps, "page_date", lambda tree, url: calls.append(url) or "2001-02-03")
    assert clean(page(top="<p>May 1, 2024</p>"), kind="html").date_published == "2024-05-01"
    assert calls == []
    assert clean(page(), kind="html").date_published == "2001-02-03"
    assert len(calls) == 1


def test_a_date_labelled_as_the_publication_anywhere_before_htmldate(monkeypatch):
    calls = []
    monkeypatch.setattr(steps, "page_date", lambda tree, url: calls.append(url) or "2001-02-03")
    footer = "<footer><div>Post time: 01-04-2024</div></footer>"
    assert clean(page().replace("<footer>Copyright</footer>", footer), kind="html").date_published == "2024-01-04"
    marked = "<footer><p>Published <time>August 13, 2025</time></p></footer>"
    assert clean(page().replace("<footer>Copyright</footer>", marked), kind="html").date_published == "2025-08-13"
    assert calls == []
    for other in ("<footer>Updated: 01-04-2024</footer>", "<footer>Last published Apr 8, 2024</footer>",
                  "<footer>The law was published in 2019 and took effect March 3, 2020.</footer>"):
        assert clean(page().replace("<footer>Copyright</footer>", other), kind="html").date_published == "2001-02-03"
    assert len(calls) == 3


def test_htmldate_runs_without_its_extensive_search(monkeypatch):
    seen = []
    monkeypatch.setattr(steps, "find_date", lambda tree, **params: seen.append(params["extensive_search"]))
    assert steps.page_date(html.parse(page()), None) is None
    assert seen == [False]


def test_a_copyright_year_is_no_publication_date():
    footer = "<footer><p>&copy; 2024 Acme Corp. All rights reserved.</p></footer>"
    assert clean(page().replace("<footer>Copyright</footer>", footer), kind="html").date_published is None


# --- authors ------------------------------------------------------------------------------------------------------
def test_json_ld_person_name_is_one_name_and_organisation_only_without_one():
    person = ld({"@type": "Article", "author": {"@type": "Person", "name": "Dylan Bailey, MS, RD"}})
    assert clean(page(person), kind="html").authors == ("Dylan Bailey, MS, RD",)
    org = ld({"@type": "Article", "author": {"@type": "Organization", "name": "Acme Corp"}})
    assert clean(page(org), kind="html").authors == ("Acme Corp",)
    both = ld({"@type": "Article", "author": [{"@type": "Organization", "name": "Acme Corp"},
                                              {"@type": "Person", "name": "Jane Doe"}]})
    assert clean(page(both), kind="html").authors == ("Jane Doe",)


def test_json_ld_author_by_reference():
    graph = {"@graph": [{"@type": "Article", "author": {"@id": "#jd"}}, {"@type": "Person", "@id": "#jd",
                                                                         "name": "Jane Doe"}]}
    assert clean(page(ld(graph)), kind="html").authors == ("Jane Doe",)


def test_byline_split_over_elements_in_the_metadata_spelling():
    persons = ld({"@type": "Article", "author": [{"@type": "Person", "name": "Jane Doe"},
                                                 {"@type": "Person", "name": "John Roe, PhD"}]})
    top = "<div>Written by <a>Jane Doe</a><span>, and </span><a>John Roe, PhD</a> Updated May 1, 2024</div>"
    assert clean(page(persons, top), kind="html").authors == ("Jane Doe", "John Roe, PhD")


def test_shown_byline_beats_a_user_name_in_the_metadata():
    top = "<div><span>By</span> <a>Paul Smith</a></div>"
    art = clean(page('<meta name="author" content="site_admin">', top), kind="html")
    assert art.authors == ("Paul Smith",)


def test_meta_author_listing_names_is_split_but_a_reversed_name_is_not():
    assert clean(page('<meta name="author" content="Jane Doe, John Roe">'), kind="html").authors == (
        "Jane Doe", "John Roe")
    assert clean(page('<meta name="author" content="Kaufman, Jeff T.">'), kind="html").authors == (
        "Kaufman, Jeff T.",)


def test_name_over_the_date_is_a_byline():
    art = clean(page(top="<div><span>Jane Doe</span><span>•</span><span>March 5, 2024</span></div>"), kind="html")
    assert art.authors == ("Jane Doe",) and art.date_published == "2024-03-05"
    label = clean(page(top="<div><span>Updated</span><span>March 5, 2024</span></div>"), kind="html")
    assert label.authors == ()


def test_handle_after_by():
    art = clean(page(top="<div><span>by</span><a>jdoe42</a><span>Dec 18, 2025</span></div>"), kind="html")
    assert art.authors == ("jdoe42",)


@pytest.mark.parametrize("found,expected", [
    ("Jane Doe December", "Jane Doe"), ("Recipe by Jane Doe", "Jane Doe"), ("Authors Jane Doe", "Jane Doe"),
    ("View all posts by Jane Doe", "Jane Doe"), ("Jane Doe Writer", "Jane Doe"), ("Acme Staff", "Acme Staff"),
    ("Dec", ""),
])
def test_trafilaturas_byline_text_loses_labels(found, expected):
    assert metadata._unlabelled(found) == expected


# --- the other fields ---------------------------------------------------------------------------------------------
FULL = ('<meta name="description" content="The council approved the budget.">'
        '<meta property="og:image" content="/img/lead.jpg"><meta property="article:tag" content="Schools">'
        '<meta property="article:tag" content="Budget"><meta property="article:section" content="Politics">'
        '<link rel="canonical" href="/news/council-budget">'
        + ld({"@type": "NewsArticle", "keywords": "Budget, City Hall", "publisher": {"@type": "Organization",
                                                                                   "name": "The Daily Example"},
              "dateModified": "2024-03-07T09:00:00Z"}))


def test_new_fields():
    art = clean(page(FULL), url="https://example.com/news/council-budget?utm=x", kind="html")
    assert art.description == "The council approved the budget."
    assert art.image == "https://example.com/img/lead.jpg"
    assert art.tags == ("Schools", "Budget", "City Hall")
    assert art.section == "Politics"
    assert art.canonical_url == "https://example.com/news/council-budget"
    assert art.publisher == "The Daily Example"
    assert art.date_modified == "2024-03-07"
    assert art.comments == ()
    data = art.to_dict(with_removed=False)
    for name in ("description", "image", "tags", "section", "canonical_url", "publisher", "date_modified",
                 "comments"):
        assert name in data
    assert data["tags"] == ["Schools", "Budget", "City Hall"]


def test_new_fields_empty_when_unknown():
    art = clean(page(), kind="html")
    assert (art.image, art.tags, art.section, art.canonical_url, art.publisher, art.date_modified) == (
        None, (), None, None, None, None)
    text = clean("Council approves budget\n" + BODY + "\n" + BODY + "\n", kind="text")
    assert (text.description, text.image, text.tags, text.date_published, text.comments) == (None, None, (), None, ())


def test_json_ld_image_object_and_broken_json_ld():
    image = ld({"@type": "Article", "image": [{"@type": "ImageObject", "url": "https://cdn.example.com/a.png"}]})
    broken = '<script type="application/ld+json">{"@type": "Article", oops</script>'
    art = clean(page(broken + image), kind="html")
    assert art.image == "https://cdn.example.com/a.png"


# --- the text path ------------------------------------------------------------------------------------------------
TEXT = ("Council approves new budget for schools\n{line}\nThe council voted on Tuesday to approve the budget, which "
        "includes funding for schools and roads across the region.\nOfficials said the plan would take effect next "
        "year after a final review by the state board.\n")


def test_text_dateline_fills_the_date():
    assert clean(TEXT.format(line="Updated March 5, 2024"), kind="text").date_published == "2024-03-05"
    assert clean(TEXT.format(line="By Jane Doe"), kind="text").date_published is None


def test_text_url_date_fills_the_date():
    art = clean(TEXT.format(line="By Jane Doe"), url="https://example.com/2019/11/19/council", kind="text")
    assert art.date_published == "2019-11-19"


def test_a_date_in_the_byline_under_a_texts_title_fills_the_date():
    art = clean(TEXT.format(line="By Jane Doe | March 5, 2024 | 4 min read"), kind="text")
    assert art.date_published == "2024-03-05"
    dated_url = clean(TEXT.format(line="By Jane Doe | March 5, 2024"), url="https://example.com/2019/11/19/council",
                      kind="text")
    assert dated_url.date_published == "2019-11-19"  # the URL's date first, as before
    above = clean("Saturday, December 5, 2026\n" + TEXT.format(line="By Jane Doe | March 5, 2024"), kind="text")
    assert above.date_published == "2024-03-05"  # the byline's date under the title, over today's in the header


def test_a_byline_by_a_texts_title_names_its_authors():
    assert clean(TEXT.format(line="Posted by Jane Doe on March 5, 2024"), kind="text").authors == ("Jane Doe",)
    assert clean(TEXT.format(line="Jane Doe\nMarch 5, 2024"), kind="text").authors == ("Jane Doe",)  # a name over a date
    assert clean(TEXT.format(line="Share this article"), kind="text").authors == ()


def test_a_date_inside_the_article_is_not_its_date():
    text = TEXT.format(line="By Jane Doe") + "March 5, 2024\nA last paragraph of the article, long enough to stay.\n"
    assert clean(text, kind="text").date_published is None


# --- the fields on fixture pages (fixtures/metadata/): one page declares them in meta tags, one in JSON-LD -----
FIXTURES = REPO / "fixtures" / "metadata"
FIELDS = {
    "meta-tags": {
        "date_published": "2024-06-14", "date_modified": "2024-06-15", "authors": ("Ann Ferris",),
        "description": "The harbour bridge carries traffic again after a two-year repair of its deck and cables.",
        "image": "https://www.coastalherald.example/media/2024/bridge-lead.jpg",  # relative: made absolute
        "tags": ("Transport", "Harbour"), "section": "Local News",
        "canonical_url": "https://www.coastalherald.example/local/harbour-bridge-reopens",
        "publisher": "Coastal Media Group"},
    "json-ld": {
        "date_published": "2023-04-02", "date_modified": "2023-05-10", "authors": ("Tom Reyes",),
        "description": "Light, water and a bigger pot: how to keep a supermarket basil plant growing.",
        "image": "https://cdn.gardenweekly.example/basil.jpg", "tags": ("Herbs", "Indoor gardening"),
        "section": "How-to", "canonical_url": "https://gardenweekly.example/how-to/basil-indoors",
        "publisher": "Garden Weekly Ltd"},  # the publisher by its @id reference
}


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,field", [(n, f) for n in FIELDS for f in FIELDS[n]])
def test_each_field_on_the_fixture_pages(name, field):
    assert getattr(clean(fixture(name), kind="html"), field) == FIELDS[name][field]


def test_the_fields_leave_the_text_alone():
    page_ = fixture("meta-tags")
    bare = re.sub(r"<meta (?:name|property)=\"(?!og:site)[^>]*>|<link rel=\"canonical\"[^>]*>", "", page_)
    assert clean(bare, kind="html").paragraphs == clean(page_, kind="html").paragraphs
    assert clean(bare, kind="html").image is None


def test_the_fields_in_json_through_the_command(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import cli

    path = FIXTURES / "json-ld.html"
    result = CliRunner().invoke(cli, ["--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--format", "json", str(path)], capture_output=True,
                          timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout) == data
    for field, value in FIELDS["json-ld"].items():
        assert data[field] == (list(value) if isinstance(value, tuple) else value), field
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"url": "https://gardenweekly.example/x", "html": fixture("meta-tags")}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", str(records)], capture_output=True, timeout=60)
    line = json.loads(proc.stdout)["cleaned"]
    assert line["section"] == "Local News" and line["tags"] == ["Transport", "Harbour"]


# --- authors: the byline's shapes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("byline,expected", [
    ("By Jane Doe, MD", ["Jane Doe, MD"]), ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey, MS, RD, FAND"]),
    ("Jane Roe, Ph.D.", ["Jane Roe, Ph.D."]), ("Jane Doe, MD...", ["Jane Doe, MD"]),
    ("Jane Doe and John Roe, PhD", ["Jane Doe", "John Roe, PhD"]),
    ("Jane Doe, Dietitian", ["Jane Doe"]), ("By Jane Doe, Reuters", ["Jane Doe"]),
])
def test_post_nominal_letters_stay_with_the_name(byline, expected):
    from cleaner.authors import authors_from_byline

    assert authors_from_byline(byline) == expected


def test_the_author_a_labelled_card_names():
    card = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">'
    assert clean(page(card), kind="html").authors == ("Jane Doe",)
    reading = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 min">'
    assert clean(page(reading), kind="html").authors == ()
    user = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="admin">'
    assert clean(page(user), kind="html").authors == ()


@pytest.mark.parametrize("top,expected", [
    ("<p>Jane Doe | Senior Writer | July 2, 2025</p>", ("Jane Doe",)),  # a role between, in one element
    ("<div><span>Jane Doe</span><span>Last Updated:</span></div>", ("Jane Doe",)),  # a date's label alone
    ("<div><span>Jane Doe</span><a>#Transport</a><span>Published on Oct 21, 2025</span></div>", ("Jane Doe",)),
    ("<div><span>2025-12-17</span><span>·</span><a>Jane Doe</a></div>", ("Jane Doe",)),  # the date first
    ("<div><span>Dec 26, 2025</span> • <span>Jane Doe in <a>Transport</a></span></div>", ("Jane Doe",)),
    ("<div><span>2025-12-17</span><span>·</span><a>Transport</a></div>", ()),  # one word: a section
    ("<p>This post was written by</p><p>Jane Doe, MD</p>", ("Jane Doe, MD",)),
    ("<p>The report, which the council has now published by</p><p>Harbour Press</p>", ()),
])
def test_bylines_without_by(top, expected):
    assert clean(page(top=top), kind="html").authors == expected


def test_a_date_in_a_sentence_by_the_headline_is_not_the_pages():
    sentence = ("<p>Tax returns for the year are due by April 15, 2025, and the council reminds residents to file "
                "them early this time.</p>")
    declared = '<meta property="article:published_time" content="2025-01-17T10:00:00Z">'
    assert clean(page(declared, sentence), kind="html").date_published == "2025-01-17"
    short = "<p>Published April 15, 2025</p>" + sentence
    assert clean(page(declared, short), kind="html").date_published == "2025-04-15"


def test_the_header_zone_reads_the_text_after_a_script_once():
    tree, _ = html.read("<html><body><div><h1>The budget vote</h1><p>Posted <script>track()</script>by Jane Doe"
                        "<style>p {}</style> on May 3, 2024</p></div></body></html>")
    zone = metadata.header_zone(next(tree.iter("h1")))
    assert zone.after == ["Posted", "by Jane Doe", "on May 3, 2024"]
