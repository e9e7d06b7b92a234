"""Clean a Spark DataFrame column of pages (HTML or scraped text) with Spark's own APIs.

    >>> from cleaner.spark import clean_dataframe
    >>> out = clean_dataframe(df, column="html", url_column="url")
    >>> out.select("url", "title", "word_count", "error").show()

Needs the ``spark`` extra (pyspark, pandas, pyarrow) on the driver and on the executors, with
cleaner installed on the executors too.  It uses ``DataFrame.mapInPandas``: rows are cleaned in
Arrow batches by the executors' Python workers; nothing is collected on the driver.
"""
from __future__ import annotations

from typing import Any, Iterator

from .article import ARTICLE_FIELDS, TypedBlock

# a block of Article.blocks (TypedBlock.to_dict: a field a block's kind does not have is null here)
_BLOCK = ("struct<kind:string,text:string,level:int,depth:int,ordered:boolean,rows:array<array<string>>,"
          "links:array<struct<start:int,end:int,url:string>>>")
# ARTICLE_FIELDS plus error; the Spark type of each, as Spark's DDL writes it
_TYPES = {"title": "string", "text": "string", "paragraphs": "array<string>", "authors": "array<string>",
          "date_published": "string", "site_name": "string", "url": "string", "language": "string",
          "kind": "string", "word_count": "int", "description": "string", "image": "string",
          "tags": "array<string>", "section": "string", "canonical_url": "string", "publisher": "string",
          "date_modified": "string", "comments": "array<struct<author:string,date:string,text:string>>",
          "blocks": f"array<{_BLOCK}>", "error": "string"}
OUTPUT_FIELDS = (*ARTICLE_FIELDS, "error")
RESET_EVERY = 1000


def article_schema():
    """The StructType of the article columns: title, text, paragraphs, ... word_count, ..., blocks, error."""
    from pyspark.sql.types import StructField, StructType

    return StructType([StructField(name, spark_type(_TYPES[name]), True) for name in OUTPUT_FIELDS])


def spark_type(ddl: str):
    """The Spark type a type of ``_TYPES`` names: string, int, boolean, array<T>, struct<name:T,...>."""
    from pyspark.sql import types

    if ddl.startswith("array<"):
        return types.ArrayType(spark_type(ddl[len("array<"):-1]))
    if ddl.startswith("struct<"):
        return types.StructType([types.StructField(name, spark_type(kind), True) for name, kind in struct_fields(ddl)])
    return {"string": types.StringType(), "int": types.IntegerType(), "boolean": types.BooleanType()}[ddl]


def struct_fields(ddl: str) -> list[tuple[str, str]]:
    """(name, type) of each field of a ``struct<...>`` type, split at its own commas (not its fields')."""
    inner = ddl[len("struct<"):-1]
    fields, depth, start = [], 0, 0
    for i, c in enumerate(inner + ","):
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == "," and depth == 0:
            name, _, kind = inner[start:i].partition(":")
            fields.append((name, kind))
            start = i + 1
    return fields


def _row(page: Any, url: Any, opts) -> dict[str, Any]:
    """One page -> the article's columns (or nulls and ``error``)."""
    from .errors import CleanerError
    from .terminal import one_line
    from .pipeline import run

    empty = {name: None for name in OUTPUT_FIELDS}
    if page is None or (not isinstance(page, (str, bytes, bytearray, memoryview)) and _is_null(page)):
        return {**empty, "error": "no page (null)"}
    if isinstance(page, (bytearray, memoryview)):
        page = bytes(page)
    if isinstance(url, str) and url:
        opts = opts.with_url(url)
    try:
        article = run(page, opts)
    except CleanerError as err:
        return {**empty, "error": one_line(err)}
    except Exception as err:  # noqa: BLE001 - one bad page must not fail the Spark job
        return {**empty, "error": f"{type(err).__name__}: {one_line(err)}"}
    data = article.to_dict(with_removed=False)
    data["blocks"] = [_block_row(b) for b in data["blocks"]]
    return {**{name: data[name] for name in ARTICLE_FIELDS}, "error": None}


def _block_row(block: dict[str, Any]) -> dict[str, Any]:
    """A block's struct: every field of a block, null where its kind has none (or it has no links)."""
    return {name: block.get(name) for name in TypedBlock.__slots__}


def _is_null(value: Any) -> bool:
    """pandas hands a null string as None, NaN or pd.NA, depending on its version and dtype."""
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError, ImportError):
        return False


def clean_dataframe(df, column: str = "html", url_column: str | None = "url", kind: str = "auto",
                    into: str | None = None, **options: Any):
    """Return ``df`` with the article's columns added.

    ``column``: the string (or binary) column holding the pages.  ``url_column``: the URLs (used
    when present in ``df``; ``None`` to ignore).  ``kind``, ``options``: as for ``clean()``.

    With ``into=None`` the article's columns (title, text, paragraphs array<string>, authors
    array<string>, date_published, site_name, url, language, kind, word_count int, description, image,
    tags array<string>, section, canonical_url, publisher, date_modified, comments
    array<struct<author, date, text>>, blocks array<struct<kind, text, level, depth, ordered, rows, links>>,
    error) are added
    at the top level; an input column of the same name (e.g. ``url``) is replaced by the article's.
    With ``into="cleaned"`` they go into one struct column of that name and every input column stays.
    ``error`` is null for a cleaned row, else one line (the other article columns are then null).
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructField, StructType

    from .options import Options

    opts = Options.from_kwargs(kind=kind, **options)  # bad options fail on the driver, at once
    if column not in df.columns:
        raise ValueError(f"no column {column!r} in the DataFrame (columns: {', '.join(df.columns)})")
    use_url = url_column is not None and url_column in df.columns
    prefix = "__cleaner_"
    article = article_schema()
    out_schema = StructType(list(df.schema.fields) + [StructField(prefix + f.name, f.dataType, True) for f in article])

    def clean_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from .pool import reset_caches

        done = 0
        for pdf in batches:
            urls = pdf[url_column] if use_url else [None] * len(pdf)
            rows = [_row(page, url, opts) for page, url in zip(pdf[column], urls)]
            extra = pd.DataFrame(rows, columns=list(OUTPUT_FIELDS), index=pdf.index)
            extra.columns = [prefix + name for name in OUTPUT_FIELDS]
            yield pd.concat([pdf, extra], axis=1)
            done += len(pdf)
            if done >= RESET_EVERY:  # executors' Python workers are reused: keep their memory flat
                reset_caches()
                done = 0

    cleaned = df.mapInPandas(clean_batches, schema=out_schema)
    renamed = [F.col(prefix + name).alias(name) for name in OUTPUT_FIELDS]
    if into:
        return cleaned.select(*[F.col(f"`{c}`") for c in df.columns], F.struct(*renamed).alias(into))
    keep = [F.col(f"`{c}`") for c in df.columns if c not in OUTPUT_FIELDS]
    return cleaned.select(*keep, *renamed)


__all__ = ["clean_dataframe", "article_schema", "OUTPUT_FIELDS"]
