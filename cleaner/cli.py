"""The `cleaner` command: a thin layer over the library.

Single documents: exit codes 0 article found, 1 no article content found, 2 usage or input error.
Streams (--jsonl, --warc): 0 every record cleaned, 3 some records failed, 2 usage or input error.

click parses the options, and is imported only to do that (it costs ~15 ms of start-up): a bare
``cleaner`` (the pipe, ``cleaner < page.html``) has nothing to parse and calls the same ``run()``
with the options' defaults.
"""
from __future__ import annotations

import os
import sys
import time

EXIT_OK, EXIT_NO_CONTENT, EXIT_INPUT_ERROR, EXIT_RECORDS_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130

HELP = """Strip boilerplate from a scraped news page (HTML or text) and print the article.

Reads FILE(s), or standard input when none is given or FILE is '-'.

\b
Streams:
  --jsonl   FILE(s) are JSON Lines: one JSON object per line, the page in
            --field (default: html, else text, else content), its URL in
            --url-field.  Writes one JSON object per input line, in input
            order: the input's other fields as written, plus the article
            under --into (default 'cleaned'); an input field named like one
            cleaner writes (--into, error, reason, line, file) is kept as
            input_<name>.
            A record that cannot be read or cleaned
            gives a line with 'error' (one line), 'reason' (input, timeout,
            worker died, error) and 'line' (and 'file') instead of the
            article; the stream goes on.  Blank lines are skipped.
  --warc    FILE(s) are WARC files (gzip or not; needs the 'warc' extra).
            Writes one JSON object per HTML response record: url, date,
            warc_record_id, status and the article under --into (or the
            error, with 'record', its position in the file).
  Records are cleaned by --jobs worker processes (default: one per core);
  one that takes longer than --timeout seconds, or whose worker dies, gets
  an error line.  A progress line goes to stderr when it is a terminal.

\b
Exit codes:
  0  an article was found (for every input); for streams: every record was
     cleaned (a record with no article content has word_count 0)
  1  no article content was found (in at least one input; not for streams)
  2  usage, input or output error: unreadable file, empty input, binary data,
     too large, output that cannot be written
  3  streams: at least one record failed (it has an 'error' line)
  130  interrupted (Ctrl-C): the output ends after a complete line
"""


# The options' defaults: the click options below and the bare `cleaner` of main() both take them from here.
DEFAULTS = {"fmt": "text", "kind": "auto", "url": None, "explain": False, "max_bytes": None, "jsonl": False,
            "warc": False, "field": None, "url_field": "url", "into": "cleaned", "jobs": None, "timeout": 30.0,
            "quiet": False, "comments": False}


# The fields a stream's output lines have besides --into: --into cannot take one of these names.
_JSONL_FIELDS = ("error", "reason", "line", "file")
_WARC_FIELDS = ("url", "date", "warc_record_id", "status", "error", "reason", "record", "file")


def _command():
    """The click command; built on first use (``cleaner.cli.cli``), so that a bare ``cleaner`` never imports click."""
    import click

    from . import __version__

    @click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("files", nargs=-1)  # plain strings: an unreadable path is our one-line error, not a usage error
    @click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default=DEFAULTS["fmt"],
                  show_default=True, help="Output format (single documents; streams always write JSON Lines).")
    @click.option("--kind", type=click.Choice(["auto", "html", "text"]), default=DEFAULTS["kind"], show_default=True,
                  help="What the input is; auto tells HTML from text.")
    @click.option("--url", default=DEFAULTS["url"], help="The page's URL (metadata, and a hint for the title); "
                  "for --jsonl, used when a record has no URL.")
    @click.option("--explain", is_flag=True, default=DEFAULTS["explain"], help="Show every removed fragment and the "
                  "rule that removed it (on stderr for text/markdown, as a 'removed' field in JSON and JSON Lines).")
    @click.option("--comments", is_flag=True, default=DEFAULTS["comments"], help="Also read the page's reader "
                  "comments (HTML), into a separate 'comments' field of JSON output; never into the text.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULTS["max_bytes"],
                  help="Refuse inputs (pages, records) larger than this (default 64 MiB).")
    @click.option("--jsonl", is_flag=True, default=DEFAULTS["jsonl"],
                  help="Read JSON Lines records, write JSON Lines (see above).")
    @click.option("--warc", is_flag=True, default=DEFAULTS["warc"], help="Read WARC files, write JSON Lines (see above).")
    @click.option("--field", default=DEFAULTS["field"], metavar="NAME",
                  help="--jsonl: the field holding the page  [default: html, else text, else content]")
    @click.option("--url-field", default=DEFAULTS["url_field"], show_default=True, metavar="NAME",
                  help="--jsonl: the field holding the URL.")
    @click.option("--into", default=DEFAULTS["into"], show_default=True, metavar="NAME",
                  help="Streams: the output field that holds the article.")
    @click.option("-j", "--jobs", type=click.IntRange(min=0), default=DEFAULTS["jobs"],
                  help="Streams: worker processes  [default: the number of cores; 0 = no workers, no isolation]")
    @click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULTS["timeout"],
                  show_default=True, help="Streams: seconds allowed per record.")
    @click.option("-q", "--quiet", is_flag=True, default=DEFAULTS["quiet"],
                  help="Streams: no progress line on stderr.")
    @click.version_option(__version__, "-V", "--version", prog_name="cleaner")
    def cli(files: tuple[str, ...], **options) -> None:
        if options["jsonl"] and options["warc"]:
            raise click.UsageError("--jsonl and --warc cannot be used together")
        if (options["jsonl"] or options["warc"]) and options["fmt"] != "text":
            raise click.UsageError("--format does not apply to --jsonl/--warc: they write JSON Lines")
        taken = _WARC_FIELDS if options["warc"] else _JSONL_FIELDS
        if (options["jsonl"] or options["warc"]) and options["into"] in taken:
            raise click.UsageError(f"--into cannot be {options['into']!r}: cleaner writes that field itself "
                                   f"({', '.join(taken)})")
        sys.exit(run(files, **options))

    return cli


def __getattr__(name: str):
    if name == "cli":
        globals()["cli"] = command = _command()
        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(files: tuple[str, ...], *, fmt: str, kind: str, url: str | None, explain: bool, max_bytes: int | None,
        jsonl: bool, warc: bool, field: str | None, url_field: str, into: str, jobs: int | None, timeout: float,
        quiet: bool, comments: bool = False) -> int:
    """The command, its options parsed and checked: clean the inputs, write the results; the exit status."""
    from .stdio import Output, OutputClosed, OutputError

    out = Output(sys.stdout)
    try:
        if jsonl or warc:
            return _stream(files, out, warc=warc, kind=kind, url=url, explain=explain, max_bytes=max_bytes,
                           field=field, url_field=url_field, into=into, jobs=jobs, timeout=timeout, quiet=quiet,
                           comments=comments)
        return _single(files, out, fmt=fmt, kind=kind, url=url, explain=explain, max_bytes=max_bytes,
                       comments=comments)
    except OutputClosed:  # the reader went away (e.g. `| head`): stop quietly (click would exit 1)
        _quiet_broken_pipe()
    except KeyboardInterrupt:  # Ctrl-C: 130, not click's "Aborted!" and 1; the output ends after a whole line
        _error("interrupted")
        return EXIT_INTERRUPTED
    except OutputError as err:  # a full disk, a closed stdout
        _error(f"cannot write the output: {err.strerror or err}")
        return EXIT_INPUT_ERROR


def _read(path: str, limit: int) -> bytes:
    from .stdio import read_limited, stdin

    if path == "-":
        return read_limited(stdin(), limit)
    with open(path, "rb") as fh:
        return read_limited(fh, limit)


def _single(files, out, *, fmt: str, kind: str, url: str | None, explain: bool, max_bytes: int | None,
            comments: bool = False) -> int:
    from . import formats
    from .errors import CleanerError, one_line
    from .options import Options
    from .pipeline import clean
    from .terminal import json_line, plain_text

    options = {**({"max_bytes": max_bytes} if max_bytes else {}), **({"comments": True} if comments else {})}
    limit = max_bytes or Options().max_bytes
    status = EXIT_OK
    for path in files or ("-",):
        name = "stdin" if path == "-" else path
        try:
            data = _read(path, limit)
            article = clean(data, url=url, kind=kind, **options)
        except OSError as err:
            _error(f"cannot read {name}: {err.strerror or err}")
            status = EXIT_INPUT_ERROR
            continue
        except CleanerError as err:
            _error(f"{name}: {err}")
            status = EXIT_INPUT_ERROR
            continue
        except (Exception, RecursionError) as err:  # noqa: BLE001 - a bug on this input: one line, never a traceback
            what = type(err).__name__ + (f": {one_line(err)}" if str(err).strip() else "")
            _error(f"{name}: cannot clean this input: {what} (a bug: please report it)")
            status = EXIT_INPUT_ERROR
            continue
        if fmt == "json":
            out.write(json_line(formats.to_json(article, explain=explain).rstrip("\n")) + b"\n")
        else:
            out.write(_encode(plain_text(formats.FORMATS[fmt](article))))
        if explain and fmt != "json":
            _echo_err(plain_text(formats.explanation(article)))
        if not article.paragraphs:
            _error(f"{name}: no article content found")
            status = max(status, EXIT_NO_CONTENT)
    return status


def _encode(text: str) -> bytes:
    """Text for standard output: in its encoding, UTF-8 where that is ASCII (as click writes it)."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(encoding).name == "ascii":
            encoding = "utf-8"
    except LookupError:
        encoding = "utf-8"
    return text.encode(encoding, "replace")


def _echo_err(text: str) -> None:
    from .stdio import Output, OutputClosed

    try:
        Output(sys.stderr).write(text.encode("utf-8", "replace"))
    except (OSError, OutputClosed):
        pass


# ---------------------------------------------------------------------------------------------
# streams

class _Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.count = self.failed = 0
        self.shown = False

    def tick(self, failed: bool) -> None:
        self.count += 1
        self.failed += failed
        if self.enabled:
            now = time.monotonic()
            if now - self.last >= 0.25:
                self.last = now
                self._show(now)

    def _show(self, now: float, end: str = "") -> None:
        rate = self.count / max(now - self.start, 1e-9)
        fail = f", {self.failed} failed" if self.failed else ""
        try:
            sys.stderr.write(f"\rcleaner: {self.count} records, {rate:.1f} records/s{fail}\x1b[K{end}")
            sys.stderr.flush()
        except (OSError, ValueError):  # a terminal gone: the progress line is not worth an error
            self.enabled = False
        self.shown = True

    def done(self) -> None:
        if self.enabled and self.shown:
            self._show(time.monotonic(), "\n")


def _stream(files, out, *, warc: bool, kind: str, url: str | None, explain: bool, max_bytes: int | None, field: str | None,
            url_field: str, into: str, jobs: int | None, timeout: float, quiet: bool, comments: bool = False) -> int:
    from .errors import CleanerError
    from .options import Options
    from .pool import Failure, OrderedPool, WorkerStartError

    opts = Options.from_kwargs(kind=kind, url=url, comments=comments, **({"max_bytes": max_bytes} if max_bytes else {}))
    if warc:
        from .warc import PageReader, WarcRecordTask, archive_iterator

        try:
            archive_iterator()
        except CleanerError as err:
            _error(str(err))
            return EXIT_INPUT_ERROR
        task = WarcRecordTask(opts, into=into, explain=explain)
        reader = PageReader(files, max_bytes=opts.max_bytes)
    else:
        from .jsonl import JsonRecordTask, LineReader

        reader = LineReader(files, limit=2 * opts.max_bytes + (1 << 20))
        task = JsonRecordTask(opts, field=field, url_field=url_field, into=into, explain=explain,
                              line_limit=reader.limit)
    held: dict[int, tuple[dict, object]] = {}  # index -> (where, payload): for the lines of timeouts and deaths

    def payloads():
        for index, item in enumerate(reader):
            held[index] = item
            yield item

    out.check()  # a closed stdout is one line now, not after the first record
    progress = _Progress(enabled=not quiet and sys.stderr is not None and sys.stderr.isatty())
    try:
        with OrderedPool(task, jobs, timeout=timeout) as pool:
            for index, result in enumerate(pool.map(payloads(), read_in_thread=True)):
                where, payload = held.pop(index)
                if isinstance(result, Failure):
                    status, line = "failed", task.failure_line(payload, where, result)
                else:
                    status, line = result
                out.write(line + b"\n")
                progress.tick(status == "failed")
    except WorkerStartError as err:
        _error(str(err))
        return EXIT_INPUT_ERROR
    finally:
        progress.done()
    for problem in reader.problems:
        _error(problem)
    if reader.problems:
        return EXIT_INPUT_ERROR
    return EXIT_RECORDS_FAILED if progress.failed else EXIT_OK


def _error(message: str) -> None:
    from .stdio import error

    error(message)


def main() -> None:
    """Entry point: turns a closed pipe into a quiet exit, Ctrl-C into exit status 130.

    A bare ``cleaner`` (reading a pipe) runs without click: with no arguments, click would only fill in the
    defaults (and answer shell completion, which sets ``_CLEANER_COMPLETE``)."""
    if None in (sys.stdin, sys.stdout, sys.stderr):
        from .stdio import occupy_closed_descriptors

        occupy_closed_descriptors()
    try:
        if len(sys.argv) == 1 and "_CLEANER_COMPLETE" not in os.environ:
            sys.exit(run((), **DEFAULTS))
        _command()(prog_name="cleaner")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


def _quiet_broken_pipe() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_OK)
