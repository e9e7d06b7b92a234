"""cleaner.spark on a local[2] SparkSession: the same articles as the library, row for row."""
from __future__ import annotations

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import cleaner  # noqa: E402
from cleaner.article import ARTICLE_FIELDS  # noqa: E402
from cleaner.spark import OUTPUT_FIELDS, clean_dataframe  # noqa: E402

HTML = ("<html><head><title>Council approves budget {i}</title><meta property='og:image' content='/img/{i}.jpg'>"
        "<meta property='article:tag' content='Budget'><meta property='article:section' content='Politics'>"
        "<meta property='article:modified_time' content='2024-03-1{i}T10:00:00Z'></head>"
        "<body><nav>Home | World</nav><article>"
        "<h1>Council approves budget {i}</h1><p>The council voted on Tuesday to approve budget {i}, which includes "
        "funding for schools and roads across the region.</p><p>Officials said plan {i} would take effect next "
        "year after a final review.</p></article><footer>Share on Facebook</footer></body></html>")
TEXT = ("Share\nHeadline number {i} for the day\nThe first paragraph of story {i}, long enough to count as the "
        "body of a real news article about the council.\n")
ROWS = ([(i, HTML.format(i=i), f"https://example.com/news/{i}") for i in range(6)]
        + [(10 + i, TEXT.format(i=i), None) for i in range(4)]
        + [(20, "", "https://example.com/empty"), (21, None, None), (22, "\x00\x01\x02\x03" * 50, None)])


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

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


def expected(page, url):
    try:
        data = cleaner.clean(page, url=url).to_dict(with_removed=False)
    except cleaner.CleanerError as err:
        return {name: None for name in ARTICLE_FIELDS} | {"error": str(err)}
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


def test_bad_arguments(df):
    with pytest.raises(ValueError, match="no column"):
        clean_dataframe(df, column="nope")
    with pytest.raises(TypeError):
        clean_dataframe(df, no_such_option=1)
