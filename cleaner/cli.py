"""The `cleaner` command: a thin layer over the library.

Exit codes: 0 article found, 1 no article content found, 2 usage or input error.
"""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_OK, EXIT_NO_CONTENT, EXIT_INPUT_ERROR = 0, 1, 2

HELP = """Strip boilerplate from a scraped news page (HTML or text) and print the article.

Reads FILE(s), or standard input when none is given or FILE is '-'.

\b
Exit codes:
  0  an article was found (for every input)
  1  no article content was found (in at least one input)
  2  usage or input error: unreadable file, empty input, binary data, too large
"""


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="Output format.")
@click.option("--kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="What the input is; auto tells HTML from text.")
@click.option("--url", default=None, help="The page's URL (metadata, and a hint for the title).")
@click.option("--explain", is_flag=True, help="Show every removed fragment and the rule that removed it "
              "(on stderr for text/markdown, as a 'removed' field in JSON).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse inputs larger than this (default 64 MiB).")
@click.version_option(__version__, "-V", "--version", prog_name="cleaner")
def cli(files: tuple[str, ...], fmt: str, kind: str, url: str | None, explain: bool, max_bytes: int | None) -> None:
    from . import formats
    from .errors import CleanerError
    from .pipeline import clean

    options = {"max_bytes": max_bytes} if max_bytes else {}
    status = EXIT_OK
    out = click.get_text_stream("stdout")
    for path in files or ("-",):
        name = "stdin" if path == "-" else path
        try:
            data = _read(path)
        except OSError as err:
            _error(f"cannot read {name}: {err.strerror or err}")
            status = EXIT_INPUT_ERROR
            continue
        try:
            article = clean(data, url=url, kind=kind, **options)
        except CleanerError as err:
            _error(f"{name}: {err}")
            status = EXIT_INPUT_ERROR
            continue
        if fmt == "json":
            out.write(formats.to_json(article, explain=explain))
        else:
            out.write(formats.FORMATS[fmt](article))
            if explain:
                click.echo(formats.explanation(article), err=True, nl=False)
        if not article.paragraphs:
            _error(f"{name}: no article content found")
            status = max(status, EXIT_NO_CONTENT)
    out.flush()
    sys.exit(status)


def _error(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


def main() -> None:
    """Entry point: turns a closed pipe into a quiet exit."""
    try:
        cli(prog_name="cleaner")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.exit(130)


def _quiet_broken_pipe() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_OK)
