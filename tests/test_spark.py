"""cleaner.spark on a local[2] SparkSession: the same articles as the library, row for row.  The schema's
names are checked without Spark too (the Spark tests skip where pyspark, pandas or pyarrow is missing)."""
from __future__ import annotations

import pytest

import cleaner
from cleaner.article import ARTICLE_FIELDS, Comment, Link, TypedBlock
from cleaner.spark import _TYPES, OUTPUT_FIELDS, clean_dataframe, struct_fields

HTML = ("<html><head><title>Council approves budget {i}</title><meta property='og:image' content='/img/{i}.jpg'>"
        "<meta property='article:tag' content='Budget'><meta property='article:section' content='Politics'>"
        "<meta property='article:modified_time' content='2024-03-1{i}T10:00:00Z'></head>"
        "<body><nav>Home | World</nav><article>"
        "<h1>Council approves budget {i}</h1><p>The council voted on Tuesday to <a href='/budget/{i}'>approve</a> budget {i}, which includes "
        "funding for schools and roads across the region.</p><p>Officials said plan {i} would take effect next "
        "year after a final review.</p></article><footer>Share on Facebook</footer></body></html>")
TEXT = ("Share\nHeadline number {i} for the day\nThe first paragraph of story {i}, long enough to count as the "
        "body of a real news article about the council.\n")
ROWS = ([(i, HTML.format(i=i), f"https://example.com/news/{i}") for i in range(6)]
        + [(10 + i, TEXT.format(i=i), None) for i in range(4)]
        + [(20, "", "https://example.com/empty"), (21, None, None), (22, "\x00\x01\x02\x03" * 50, None)])


# ---- the schema's names, without Spark -------------------------------------------------------------

def test_every_json_field_has_a_column() -> None:
    article = cleaner.clean(HTML.format(i=1), url="https://example.com/news/1").to_dict(with_removed=False)
    assert list(OUTPUT_FIELDS) == [*article, "error"] == [*ARTICLE_FIELDS, "error"]
    assert set(_TYPES) == set(OUTPUT_FIELDS)
    for name in ("description", "image", "tags", "section", "canonical_url", "publisher", "date_modified",
                 "comments", "blocks"):
        assert name in OUTPUT_FIELDS


def test_struct_columns_have_the_json_names() -> None:
    block = _TYPES["blocks"][len("array<"):-1]
    fields = dict(struct_fields(block))
    assert list(fields) == list(TypedBlock.__slots__)
    assert fields["rows"] == "array<array<string>>" and fields["ordered"] == "boolean"
    assert [n for n, _ in struct_fields(fields["links"][len("array<"):-1])] == list(Link.__slots__)
    assert [n for n, _ in struct_fields(_TYPES["comments"][len("array<"):-1])] == list(Comment.__slots__)


# ---- on a local SparkSession --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from pyspark.sql import SparkSession

    # the executors' Python must be this one (with cleaner, pandas and pyarrow), not python3 from PATH
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("cleaner-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def df(spark):
    return spark.createDataFrame(ROWS, "id long, html string, url string").repartition(2)


def expected(page, url, **options):
    try:
        data = cleaner.clean(page, url=url, **options).to_dict(with_removed=False)
    except cleaner.CleanerError as err:
        return {name: None for name in ARTICLE_FIELDS} | {"error": str(err)}
    data["blocks"] = [{name: b.get(name) for name in TypedBlock.__slots__} for b in data["blocks"]]  # Spark's nulls
    return {name: data[name] for name in ARTICLE_FIELDS} | {"error": None}


def test_rows_match_the_library(df):
    out = clean_dataframe(df, column="html", url_column="url")
    assert out.columns == ["id", "html", *OUTPUT_FIELDS]
    rows = {r["id"]: r.asDict(recursive=True) for r in out.collect()}
    assert len(rows) == len(ROWS)
    for id_, page, url in ROWS:
        got = {name: rows[id_][name] for name in OUTPUT_FIELDS}
        if page is None:
            assert got["error"] == "no page (null)" and got["title"] is None
            continue
        assert got == expected(page, url), id_
    assert rows[20]["error"] == "input is empty"
    assert rows[3]["image"] == "https://example.com/img/3.jpg" and rows[3]["tags"] == ["Budget"]
    assert rows[3]["section"] == "Politics" and rows[3]["date_modified"] == "2024-03-13"


def test_into_struct_keeps_the_input_columns(df):
    out = clean_dataframe(df, into="cleaned")
    assert out.columns == ["id", "html", "url", "cleaned"]
    assert [f.name for f in out.schema["cleaned"].dataType.fields] == list(OUTPUT_FIELDS)
    row = out.where("id = 3").first()
    assert row["url"] == "https://example.com/news/3"
    assert row["cleaned"]["paragraphs"] == list(cleaner.clean(HTML.format(i=3), url=row["url"]).paragraphs)


def test_schema_types(df):
    schema = clean_dataframe(df).schema
    assert schema["paragraphs"].dataType.simpleString() == "array<string>"
    assert schema["authors"].dataType.simpleString() == "array<string>"
    assert schema["word_count"].dataType.simpleString() == "int"
    assert schema["tags"].dataType.simpleString() == "array<string>"
    assert schema["image"].dataType.simpleString() == "string"
    assert schema["comments"].dataType.simpleString() == "array<struct<author:string,date:string,text:string>>"
    assert schema["blocks"].dataType.simpleString() == _TYPES["blocks"]


def test_blocks_with_links(df):
    out = clean_dataframe(df.where("id = 2"), links=True)
    row = out.first().asDict(recursive=True)
    assert row["blocks"] == expected(HTML.format(i=2), "https://example.com/news/2", links=True)["blocks"]
    assert [b["kind"] for b in row["blocks"]] == ["paragraph", "paragraph"]
    assert row["blocks"][0]["links"] == [{"start": 32, "end": 39, "url": "https://example.com/budget/2"}]
    assert row["blocks"][1]["links"] is None and row["blocks"][0]["level"] is None


def test_bad_arguments(df):
    with pytest.raises(ValueError, match="no column"):
        clean_dataframe(df, column="nope")
    with pytest.raises(TypeError):
        clean_dataframe(df, no_such_option=1)
