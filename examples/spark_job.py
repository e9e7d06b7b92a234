"""Clean a column of pages with Spark: JSON Lines or Parquet in, Parquet out.

    spark-submit examples/spark_job.py pages.jsonl cleaned.parquet --column html --url-column url
    spark-submit --master local[4] examples/spark_job.py crawl/*.parquet out/ --into cleaned

The executors need cleaner (the distribution cleaner-news) with its 'spark' extra on every node: the
wheel built as the README says, ``pip install 'cleaner_news-<version>-py3-none-any.whl[spark]'`` (or ship a
packed virtualenv), and PYSPARK_PYTHON pointing at that Python.
The input format is taken from the extension (.parquet, else JSON Lines) unless --format is given.
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="+", help="input path(s): JSON Lines or Parquet (globs are fine)")
    parser.add_argument("output", help="output Parquet directory")
    parser.add_argument("--format", choices=["json", "parquet"], default=None, help="input format")
    parser.add_argument("--column", default="html", help="the column holding the page (default: html)")
    parser.add_argument("--url-column", default="url", help="the column holding the URL (default: url)")
    parser.add_argument("--kind", choices=["auto", "html", "text"], default="auto")
    parser.add_argument("--into", default=None, help="put the article in one struct column of this name")
    parser.add_argument("--drop-page", action="store_true", help="drop the page column from the output")
    parser.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite", "append"])
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    from cleaner.spark import clean_dataframe

    spark = SparkSession.builder.appName("cleaner").getOrCreate()
    fmt = args.format or ("parquet" if all(p.rstrip("/").endswith(".parquet") for p in args.input) else "json")
    reader = spark.read.parquet if fmt == "parquet" else spark.read.json
    df = reader(*args.input)
    out = clean_dataframe(df, column=args.column, url_column=args.url_column, kind=args.kind, into=args.into)
    if args.drop_page:
        out = out.drop(args.column)
    out.write.mode(args.mode).parquet(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
