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

EXIT_OK, EXIT_NO_CONTENT, EXIT_INPUT_ERROR, EXIT_RECORDS_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130

HELP = """Strip boilerplate from a scraped news page (HTML or text) and print the article.

Reads FILE(s) and the files in FOLDER(s), or standard input when none is given
or FILE is '-'.  Several inputs: each output starts with a line '==> FILE <=='
(text, markdown) or carries "file" (json); with -o OUT, each input gets its
own output file OUT/<same relative path>.txt (.json, .md), cleaned in parallel.

\b
Examples:
  cleaner page.html                      the article as text
  curl -s URL | cleaner --url URL        a page from the web
  cleaner --format json --explain page.html
  cleaner -o clean/ -j 4 crawl/          a folder: one output per page
  cleaner --jsonl crawl.jsonl.gz -o clean.jsonl.gz
  cleaner --warc crawl.warc.gz > pages.jsonl
  cleaner --list-rules; cleaner --disable-rule promos page.html

\b
Streams:
  --jsonl   FILE(s) are JSON Lines: one JSON object per line, the page in
            --field (default: html, else text, else content), its URL in
            --url-field.  Writes one JSON object per input line, in input
            order: the input's other fields as written, plus the article
            under --into (default 'cleaned'; an input field of that name is
            an error, unless --force-into replaces it); an input field named
            error, reason, line or file is kept as input_<name>.
            Compressed input (.gz, .bz2, .xz, .zst) is read as such;
            -o FILE.jsonl.gz writes compressed.
            A record that cannot be read or cleaned
            gives a line with 'error' (one line), 'reason' (input, timeout,
            worker died, error) and 'line' (and 'file') instead of the
            article; the stream goes on.  Blank lines are skipped.
  --warc    FILE(s) are WARC files (gzip or not; needs the 'warc' extra).
            Writes one JSON object per HTML response record: url, date,
            warc_record_id, status and the article under --into (or the
            error, with 'record', its position in the file).  Records whose
            HTTP status is not 2xx are skipped (--all-statuses keeps them).
  Records are cleaned by --jobs worker processes (default: one per CPU this
  process may use); one that takes longer than --timeout seconds, or whose
  worker dies, gets an error line.  On a terminal, stderr shows a progress
  line, then a summary.

\b
Rules and config:
  --list-rules shows every rule; --disable-rule NAME (or a family: promos)
  and --enable-only NAME choose them; --phrases FILE adds phrases of yours.
  A config file ($XDG_CONFIG_HOME/cleaner/config.toml, else
  ~/.config/cleaner/config.toml; or --config FILE) gives default options,
  phrases, rules of your own and disabled rules: see docs/reference.md.

\b
Exit codes:
  0  an article was found (for every input); for streams: every record was
     cleaned (a record with no article content has word_count 0)
  1  no article content was found (in at least one input; not for streams)
  2  usage, input or output error: unreadable file, empty input, binary data,
     too large, output that cannot be written, a config file with a mistake
  3  streams: at least one record failed (it has an 'error' line)
  130  interrupted (Ctrl-C): the output ends after a complete line
"""


# The options' defaults: the click options below and the bare `cleaner` of main() both take them from here.
DEFAULTS = {"fmt": "text", "kind": "auto", "url": None, "encoding": None, "explain": False, "max_bytes": None,
            "output": None, "jsonl": False, "warc": False, "field": None, "url_field": "url", "into": "cleaned",
            "force_into": False, "all_statuses": False, "jobs": None, "timeout": None, "quiet": False,
            "list_rules": False, "disable_rule": (), "enable_only": (), "phrases": (), "config": None,
            "no_config": False, "comments": False, "links": False}
# The config file's [options] names, as the command's parameters are named.
_CONFIG_OPTIONS = {"format": "fmt"}


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
    @click.option("--encoding", default=DEFAULTS["encoding"], metavar="CHARSET",
                  help="The charset the input came with (an HTTP header's): used before the page's own declaration.")
    @click.option("--explain", is_flag=True, default=DEFAULTS["explain"], help="Show every removed fragment and the "
                  "rule that removed it (on stderr for text/markdown, as a 'removed' field in JSON and JSON Lines).")
    @click.option("--comments", is_flag=True, default=DEFAULTS["comments"], help="Also read the page's reader "
                  "comments (HTML), into a separate 'comments' field of JSON output; never into the text.")
    @click.option("--links", is_flag=True, default=DEFAULTS["links"], help="Keep the article's links (HTML): "
                  "[text](url) in markdown, spans of each block's text in JSON ('links' of 'blocks'); the text "
                  "is the same.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULTS["max_bytes"],
                  help="Refuse inputs (pages, records) larger than this (default 64 MiB).")
    @click.option("-o", "--output", "--output-dir", "output", default=DEFAULTS["output"], metavar="PATH",
                  help="Several inputs or folders: the folder that receives one output file per input.  Streams: "
                  "the output file (.gz, .bz2, .xz, .zst: compressed).")
    @click.option("--jsonl", is_flag=True, default=DEFAULTS["jsonl"],
                  help="Read JSON Lines records, write JSON Lines (see above).")
    @click.option("--warc", is_flag=True, default=DEFAULTS["warc"], help="Read WARC files, write JSON Lines (see above).")
    @click.option("--field", default=DEFAULTS["field"], metavar="NAME",
                  help="--jsonl: the field holding the page  [default: html, else text, else content]")
    @click.option("--url-field", default=DEFAULTS["url_field"], show_default=True, metavar="NAME",
                  help="--jsonl: the field holding the URL.")
    @click.option("--into", default=DEFAULTS["into"], show_default=True, metavar="NAME",
                  help="Streams: the output field that holds the article.")
    @click.option("--force-into", is_flag=True, default=DEFAULTS["force_into"],
                  help="--jsonl: replace an input field named like --into (else such a record is an error).")
    @click.option("--all-statuses", is_flag=True, default=DEFAULTS["all_statuses"],
                  help="--warc: also clean responses whose HTTP status is not 2xx.")
    @click.option("-j", "--jobs", type=_jobs_param(), default=DEFAULTS["jobs"], metavar="N|auto",
                  help="Folders, several files, streams: worker processes  [default: auto, the CPUs this process "
                  "may use; 0 = auto]")
    @click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULTS["timeout"],
                  metavar="SECONDS", help="Seconds allowed per input or record; past it, its worker process is "
                  "killed  [default: 30 for folders, several files and streams; none for one document]")
    @click.option("-q", "--quiet", is_flag=True, default=DEFAULTS["quiet"],
                  help="No progress or summary line on stderr.")
    @click.option("--list-rules", is_flag=True, default=DEFAULTS["list_rules"],
                  help="List every rule (family, name, what it removes), yours included, and exit.")
    @click.option("--disable-rule", multiple=True, default=DEFAULTS["disable_rule"], metavar="NAME",
                  help="Do not run this rule, or this family of rules (repeatable).")
    @click.option("--enable-only", multiple=True, default=DEFAULTS["enable_only"], metavar="NAME",
                  help="Run only these rules or families (repeatable).")
    @click.option("--phrases", multiple=True, default=DEFAULTS["phrases"], metavar="FILE",
                  help="A file of phrases of yours ([list] lines, then one phrase a line; repeatable).")
    @click.option("--config", default=DEFAULTS["config"], metavar="FILE",
                  help="The config file  [default: $XDG_CONFIG_HOME/cleaner/config.toml, if there is one]")
    @click.option("--no-config", is_flag=True, default=DEFAULTS["no_config"], help="Read no config file.")
    @click.version_option(__version__, "-V", "--version", prog_name="cleaner")
    def cli(files: tuple[str, ...], **options) -> None:
        ctx = click.get_current_context()
        given = frozenset(name for name in options
                          if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT)
        problem = usage_problem(options)
        if problem:
            raise click.UsageError(problem)
        sys.exit(run(files, given=given, **options))

    return cli


def _jobs_param():
    """-j's type: a number of workers, or auto (0)."""
    import click

    class Jobs(click.ParamType):
        name = "jobs"

        def convert(self, value, param, ctx):
            if value is None or isinstance(value, int):
                return value
            text = str(value).strip().lower()
            if text == "auto":
                return 0
            if text.isdigit():
                return int(text)
            self.fail(f"{value!r} is not a number of workers (or auto)", param, ctx)

    return Jobs()


def usage_problem(options: dict) -> str | None:
    """What is wrong with a combination of options (a usage error, exit 2), else None."""
    stream = options["jsonl"] or options["warc"]
    if options["jsonl"] and options["warc"]:
        return "--jsonl and --warc cannot be used together"
    if stream and options["fmt"] != "text":
        return "--format does not apply to --jsonl/--warc: they write JSON Lines"
    taken = _WARC_FIELDS if options["warc"] else _JSONL_FIELDS
    if stream and options["into"] in taken:
        return f"--into cannot be {options['into']!r}: cleaner writes that field itself ({', '.join(taken)})"
    if options["disable_rule"] and options["enable_only"]:
        return "--disable-rule and --enable-only cannot be used together"
    return None


def __getattr__(name: str):
    if name == "cli":
        globals()["cli"] = command = _command()
        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(files: tuple[str, ...], *, given: frozenset[str] = frozenset(), **options) -> int:
    """The command, its options parsed and checked: clean the inputs, write the results; the exit status.
    ``given``: the options given on the command line (a config file gives the others their defaults)."""
    from .stdio import Output, OutputClosed, OutputError

    try:
        options, opts = _settings(options, given)
        if options["list_rules"]:
            Output(sys.stdout).write(_rule_list(opts).encode("utf-8", "replace"))
            return EXIT_OK
        jobs = options["jobs"] or None  # 0 and auto: the CPUs this process may use
        stream = options["jsonl"] or options["warc"]
        many = options["output"] or len(files) > 1 or any(f != "-" and os.path.isdir(f) for f in files)
        if stream or many:  # a worker process an input: the timeout holds by default
            from .pool import DEFAULT_TIMEOUT

            options["timeout"] = options["timeout"] or DEFAULT_TIMEOUT
        if stream:
            return _stream(files, opts, jobs=jobs, **{k: options[k] for k in (
                "warc", "explain", "field", "url_field", "into", "force_into", "all_statuses", "timeout", "quiet",
                "output")})
        if many:
            return _many(files, opts, jobs=jobs, **{k: options[k] for k in ("fmt", "explain", "output", "timeout",
                                                                            "quiet")})
        return _single(files, Output(sys.stdout), opts, fmt=options["fmt"], explain=options["explain"],
                       timeout=options["timeout"])
    except _Refused as err:
        _error(str(err))
        return EXIT_INPUT_ERROR
    except OutputClosed:  # the reader went away (e.g. `| head`): stop quietly (click would exit 1)
        _quiet_broken_pipe()
    except KeyboardInterrupt:  # Ctrl-C: 130, not click's "Aborted!" and 1; the output ends after a whole line
        _error("interrupted")
        return EXIT_INTERRUPTED
    except OutputError as err:  # a full disk, a closed stdout
        _error(f"cannot write the output: {err.strerror or err}")
        return EXIT_INPUT_ERROR


class _Refused(Exception):
    """A setting that cannot be used (a config file's mistake, an unknown rule): one line, exit 2."""


def _settings(options: dict, given: frozenset[str]):
    """The options with the config file's defaults filled in, and the library's ``Options`` they make."""
    from .options import Options

    options = dict(options)
    user_rules, disabled, config = None, list(options["disable_rule"]), None
    path = options["config"]
    if path is None and not options["no_config"]:
        from .config import config_path

        path = config_path() if os.path.isfile(config_path()) else None
    if path is not None or options["phrases"]:
        from .config import ConfigError, UserRules, read_config, read_phrases

        try:
            config = read_config(path) if path is not None else None
            user_rules = config.user_rules if config else UserRules()
            for phrases in options["phrases"]:
                user_rules = user_rules + read_phrases(phrases)
        except ConfigError as err:
            raise _Refused(str(err)) from None
    if config is not None:
        for name, value in config.options:
            name = _CONFIG_OPTIONS.get(name, name)
            if name not in given:
                options[name] = value
        disabled = [*config.disabled, *disabled]
        problem = usage_problem(options)
        if problem:
            raise _Refused(f"{config.path}: {problem}")
    try:
        opts = Options.from_kwargs(kind=options["kind"], url=options["url"], encoding=options["encoding"],
                                   user_rules=user_rules or None, explain=options["explain"],
                                   disabled_rules=_disabled(disabled, options["enable_only"], user_rules),
                                   **({"max_bytes": options["max_bytes"]} if options["max_bytes"] else {}),
                                   **({"fast": options["fast"]} if "fast" in options else {}),
                                   **({"comments": True} if options.get("comments") else {}),
                                   **({"links": True} if options.get("links") else {}))
    except (TypeError, ValueError) as err:
        raise _Refused(str(err).replace("disabled_rules", "--disable-rule")) from None
    return options, opts


def _disabled(disabled: list[str], enable_only: tuple[str, ...], user_rules) -> frozenset[str]:
    """The names of the rules not to run: those disabled, or all but those enabled only."""
    if not enable_only:
        return frozenset(disabled)
    from .rules import expand_families, rule_names

    known = rule_names() | (user_rules.names if user_rules else frozenset())
    wanted = expand_families(enable_only, known)
    unknown = sorted(wanted - known)
    if unknown:
        raise _Refused(f"unknown rule(s) in --enable-only: {', '.join(unknown)} (cleaner --list-rules lists them)")
    return frozenset(known - wanted)


def _rule_list(opts) -> str:
    """Every rule, family by family: name, what it removes; the user's with the file they come from."""
    from .rules import NOT_RULE_DOCS, all_rules

    rows = [(r.name, r.doc + ("" if len(r.inputs) > 1 else f" ({r.inputs[0]} input only)")) for r in all_rules()]
    rows += list(NOT_RULE_DOCS.items())
    if opts.user_rules:
        sources = ", ".join(opts.user_rules.sources)
        rows += [(r.name, f"{r.doc} (yours: {sources})") for r in opts.user_rules.rules()]
    width = max(len(name) for name, _ in rows)
    lines = []
    for name, doc in rows:
        off = "  [disabled]" if name in opts.disabled_rules else ""
        lines.append(f"{name.ljust(width)}  {doc}{off}")
    return "\n".join(lines) + "\n"


def _single(files, out, opts, *, fmt: str, explain: bool, timeout: float | None = None) -> int:
    """One input (a file, or standard input): its article on stdout; 0 article, 1 none, 2 error.
    ``timeout``: the input is cleaned in a worker process, killed past it (exit 2)."""
    from . import formats
    from .errors import CleanerError
    from .terminal import one_line
    from .files import read
    from .pipeline import run as clean
    from .terminal import json_line, plain_text

    status = EXIT_OK
    for path in files or ("-",):
        name = "stdin" if path == "-" else path
        try:
            data = read(path, opts.max_bytes)
            if timeout is None:
                article = clean(data, opts)
            else:
                from .stream import run_within

                article = run_within(data, opts, timeout)
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


def _many(files, opts, *, jobs: int | None, fmt: str, explain: bool, output: str | None, timeout: float,
          quiet: bool) -> int:
    """Several inputs, or folders: cleaned in parallel; one output file each under ``output``, or on stdout one
    after the other (a '==> FILE <==' line before each text, "file" in each JSON object)."""
    from . import files as inputs_of
    from .pool import ERROR, Failure, OrderedPool, WorkerStartError
    from .progress import Progress
    from .stdio import Output

    if output and os.path.exists(output) and not os.path.isdir(output):
        raise _Refused(f"-o {output}: not a folder (several inputs, or a folder, write one output file each)")
    inputs, problems = inputs_of.collect(files or ("-",), output)
    if not inputs and not problems:
        problems.append(f"no files in {', '.join(files)}")
    targets: list = [None] * len(inputs)
    if output:
        targets, taken = inputs_of.output_paths(inputs, output, fmt)
        problems += taken
    for problem in problems:
        _error(problem)
    status = EXIT_INPUT_ERROR if problems else EXIT_OK
    work = [(item, target) for item, target in zip(inputs, targets) if target or not output]
    out = None if output else Output(sys.stdout)
    if out is not None:
        out.check()
    task = inputs_of.FileTask(opts, fmt, explain, with_name=not output)
    progress = Progress(enabled=not quiet and _stderr_is_terminal(), unit="file", total=len(work))
    try:
        with OrderedPool(task, jobs, timeout=timeout) as pool:
            for (item, target), result in zip(work, pool.map(_payloads(work, opts), read_in_thread=True)):
                name = "stdin" if item.path == "-" else item.path
                if isinstance(result, Failure):
                    if result.reason == ERROR:
                        _error(f"{name}: cannot clean this input: {result.error} (a bug: please report it)")
                    else:
                        _error(result.error if result.error.startswith("cannot read") else f"{name}: {result.error}")
                    status = EXIT_INPUT_ERROR
                    progress.tick("failed")
                    continue
                kind, data, explained = result
                if target:
                    try:
                        inputs_of.write(target, data)
                    except OSError as err:
                        _error(f"cannot write {target}: {err.strerror or err}")
                        status = EXIT_INPUT_ERROR
                        progress.tick("failed")
                        continue
                elif fmt == "json":
                    out.write(data)
                else:
                    out.write(_encode(f"==> {name} <==\n" + data.decode("utf-8") + "\n"))
                if explained:
                    _echo_err(explained)
                if kind == "empty":
                    _error(f"{name}: no article content found")
                    status = max(status, EXIT_NO_CONTENT)
                progress.tick(kind)
    except WorkerStartError as err:
        _error(str(err))
        return EXIT_INPUT_ERROR
    finally:
        progress.done()
    return status


def _payloads(work, opts):
    """(path, bytes or None) for each input: standard input is read here (a worker has none); the rest by the
    workers.  Standard input that cannot be read goes with its error's message, which the worker raises."""
    from .errors import CleanerError
    from .files import read

    for item, _ in work:
        if item.path != "-":
            yield item.path, None, None
            continue
        try:
            yield item.path, read("-", opts.max_bytes), None
        except OSError as err:
            yield item.path, None, f"cannot read stdin: {err.strerror or err}"
        except CleanerError as err:
            yield item.path, None, str(err)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (ValueError, OSError):
        return False


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

def _stream(files, opts, *, warc: bool, explain: bool, field: str | None, url_field: str, into: str,
            force_into: bool, all_statuses: bool, jobs: int | None, timeout: float, quiet: bool,
            output: str | None) -> int:
    from .errors import CleanerError
    from .pool import Failure, OrderedPool, WorkerStartError
    from .progress import Progress
    from .stdio import FileOutput, Output

    if warc:
        from .warc import PageReader, WarcRecordTask, archive_iterator

        try:
            archive_iterator()
        except CleanerError as err:
            _error(str(err))
            return EXIT_INPUT_ERROR
        task = WarcRecordTask(opts, into=into, explain=explain)
        reader = PageReader(files, max_bytes=opts.max_bytes, all_statuses=all_statuses)
    else:
        from .jsonl import JsonRecordTask, LineReader

        reader = LineReader(files, limit=2 * opts.max_bytes + (1 << 20))
        task = JsonRecordTask(opts, field=field, url_field=url_field, into=into, explain=explain,
                              line_limit=reader.limit, force_into=force_into)
    held: dict[int, tuple[dict, object]] = {}  # index -> (where, payload): for the lines of timeouts and deaths

    def payloads():
        for index, item in enumerate(reader):
            held[index] = item
            yield item

    if output:
        if os.path.isdir(output):
            raise _Refused(f"-o {output}: a folder; --jsonl and --warc write one output file")
        try:
            out = FileOutput(output)
        except OSError as err:
            raise _Refused(f"cannot write {output}: {err.strerror or err}") from None
    else:
        out = Output(sys.stdout)
    out.check()  # a closed stdout is one line now, not after the first record
    size = reader.inputs.size
    progress = Progress(enabled=not quiet and _stderr_is_terminal(), unit="record",
                        fraction=(lambda: reader.inputs.position / size) if size else None)
    try:
        with OrderedPool(task, jobs, timeout=timeout) as pool:
            for index, result in enumerate(pool.map(payloads(), read_in_thread=True)):
                where, payload = held.pop(index)
                if isinstance(result, Failure):
                    status, line = "failed", task.failure_line(payload, where, result)
                else:
                    status, line = result
                out.write(line + b"\n")
                progress.tick(status)
    except WorkerStartError as err:
        _error(str(err))
        return EXIT_INPUT_ERROR
    finally:
        if output:
            out.close()
        skipped = getattr(reader, "skipped", 0)
        progress.done(f"{skipped:,} skipped (HTTP status not 2xx)" if skipped else "")
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
            if sys.stdin is not None and sys.stdin.isatty():  # typed alone on a terminal: say what it waits for
                _error("reading a page from standard input (end it with Ctrl-D; cleaner --help for usage)")
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
