"""JSON Lines records: one record (a JSON object holding a page) in, one output line out.

This is the CLI's ``--jsonl``, usable on its own with the worker pool (``cleaner.pool``):
``LineReader`` gives the records of files or stdin, ``JsonRecordTask`` is the task a worker runs for
each, ``failure_line`` the line the parent writes for a record whose worker timed out or died.

Fidelity: the record's other fields are copied into the output as they were written, never decoded
and encoded again, so every valid JSON value passes through exactly: ``1e400`` stays ``1e400`` (not
``Infinity``, which is not JSON), a 5,000-digit integer stays whole, a value nested 100,000 deep
costs no recursion.  The record is checked by a scanner without recursion; what is not JSON (``NaN``,
a trailing comma, a raw control character in a string) is refused, as in ``json.loads`` plus the
strictness of the standard.  Names: an input field named like the article's field (``--into``) is never
overwritten: such a record is an error line ("already has a field ...", the field kept as ``input_<name>``: an
error line never has the article's field), unless ``force_into`` (``--force-into``) replaces it.  An input field named like one of the fields an error line adds (``error``, ``reason``, ``line``,
``file``) is kept, renamed with ``input_`` in front (again if that name is taken too), on every line: ``error``
is always cleaner's.

Compressed input (gzip, bzip2, xz, and zstd with the ``zstandard`` package) is read as such, told by its
first bytes (``stdio.InputFiles``).

Every output line is terminal-safe: C1 controls, DEL, the line/paragraph separators, the
bidirectional controls and lone surrogates inside strings are written as ``\\uXXXX`` escapes (the
same JSON value, but no raw byte a terminal would act on).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, Iterator, NamedTuple

from .errors import InputTooLargeError
from .pool import INPUT, Failure, run_task
from .terminal import json_line

DEFAULT_FIELDS = ("html", "text", "content")
ERROR_FIELDS = ("error", "reason", "line", "file")  # what an error line adds (``file`` when reading files)
RENAMED = "input_"  # the prefix of an input field whose name cleaner writes on that line

# ---------------------------------------------------------------------------------------------
# writing


def dumps(obj: Any) -> bytes:
    """One JSON value as one terminal-safe line of UTF-8 (no newline)."""
    import json

    return json_line(json.dumps(obj, ensure_ascii=False))


def error_record(base: dict | None, where: dict, message: str, reason: str) -> dict:
    """The output record for an item that failed (a WARC record's metadata, say): its fields, then the error.

    ``error`` (one line), ``reason`` (see ``Failure``) and ``where`` (``line``/``record``, and ``file`` when
    reading files) are added; a field of ``base`` with one of those names is kept, renamed (see the
    module docstring)."""
    out: dict = {}
    added = {"error": message, "reason": reason, **where}
    for key, value in (base or {}).items():
        out[_free_name(key, added, base)] = value
    out.update(added)
    return out


def _free_name(key: str, reserved, taken) -> str:
    """``key``, or ``input_key`` (``input_input_key`` ...) when ``key`` is a name cleaner writes."""
    name = key
    while name in reserved or (name != key and name in taken):
        name = RENAMED + name
    return name


# ---------------------------------------------------------------------------------------------
# reading: a record split into its fields without decoding them

class InvalidJson(ValueError):
    pass


class Member(NamedTuple):
    """One field of a record: its name; where its text starts (the name's quote), where its value starts,
    where it ends; its value when that is a string (else ``None``); its JSON type."""

    key: str
    start: int
    value_start: int
    end: int
    text: str | None
    kind: str


_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
_KINDS = {"{": "object", "[": "array", '"': "string", "t": "boolean", "f": "boolean", "n": "null"}


def _scanstring(text: str, quote: int) -> tuple[str, int]:
    """The string whose opening quote is at ``quote``, decoded, and the index after it."""
    from json.decoder import scanstring

    if text[quote:quote + 1] != '"':
        raise InvalidJson(f"expected a string at column {quote + 1}")
    try:
        return scanstring(text, quote + 1, True)
    except ValueError as err:
        raise InvalidJson(getattr(err, "msg", str(err))) from None


def _ws(text: str, i: int) -> int:
    return _WS.match(text, i).end()


def _name(text: str, i: int) -> tuple[str, int]:
    """A member's name and its colon, from ``i``; the index of its value."""
    key, i = _scanstring(text, _ws(text, i))
    i = _ws(text, i)
    if text[i:i + 1] != ":":
        raise InvalidJson(f"expected ':' at column {i + 1}")
    return key, _ws(text, i + 1)


def _value_end(text: str, i: int) -> int:
    """The end of the JSON value at ``i``, checked; containers are followed with a stack, not recursion."""
    open_: list[str] = []  # the closing bracket of each container entered
    while True:
        c = text[i:i + 1]
        if c == '"':
            i = _scanstring(text, i)[1]
        elif c in ("{", "["):
            close = "}" if c == "{" else "]"
            j = _ws(text, i + 1)
            if text[j:j + 1] == close:
                i = j + 1
            else:
                open_.append(close)
                i = _name(text, j)[1] if c == "{" else j
                continue  # a value comes next
        else:
            m = _SCALAR.match(text, i)
            if not m:
                raise InvalidJson(f"expected a value at column {i + 1}")
            i = m.end()
        while open_:  # after a value: the next element, or the end of containers
            i = _ws(text, i)
            c = text[i:i + 1]
            if c == ",":
                i = _ws(text, i + 1)
                if open_[-1] == "}":
                    i = _name(text, i)[1]
                break
            if c != open_[-1]:
                raise InvalidJson(f"expected ',' or '{open_[-1]}' at column {i + 1}")
            open_.pop()
            i += 1
        else:
            return i


def split_record(text: str) -> list[Member]:
    """The fields of the JSON object ``text``, checked, in their order; ``InvalidJson`` (the message
    says why) for anything else."""
    i = _ws(text, 0)
    if text[i:i + 1] != "{":
        kind = _KINDS.get(text[i:i + 1], "number")
        _value_end(text, i)  # valid JSON that is not an object is told apart from invalid JSON
        if _ws(text, _value_end(text, i)) != len(text):
            raise InvalidJson("extra data after the value")
        raise InvalidJson(f"not a JSON object but a JSON {kind}")
    members = []
    i = _ws(text, i + 1)
    if text[i:i + 1] == "}":
        i += 1
    else:
        while True:
            start = i
            key, i = _name(text, i)
            value_start = i
            if text[i:i + 1] == '"':
                decoded, i = _scanstring(text, i)
            else:
                decoded, i = None, _value_end(text, i)
            members.append(Member(key, start, value_start, i, decoded,
                                  _KINDS.get(text[value_start:value_start + 1], "number")))
            i = _ws(text, i)
            c = text[i:i + 1]
            if c == "}":
                i += 1
                break
            if c != ",":
                raise InvalidJson(f"expected ',' or '}}' at column {i + 1}")
            i = _ws(text, i + 1)
    if _ws(text, i) != len(text):
        raise InvalidJson(f"extra data at column {i + 1}")
    return members


class Record:
    """A JSON Lines record: its text and its fields (see ``split_record``)."""

    def __init__(self, raw: bytes) -> None:
        try:
            self.text = raw.decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InvalidJson("not UTF-8 text") from None
        self.members = split_record(self.text)

    def get(self, name: str) -> Member | None:
        """The field ``name`` (the last one, as JSON readers take it when a name repeats)."""
        found = None
        for m in self.members:
            if m.key == name:
                found = m
        return found

    def line(self, drop, added: dict[str, str], reserved=()) -> bytes:
        """The output line: every field but those named in ``drop`` (a name, a tuple of names, or None) as written
        (renamed when ``added`` or ``reserved`` has its name), then ``added`` (name -> JSON text)."""
        import json

        drop = (drop,) if isinstance(drop, str) else drop or ()
        names = {m.key for m in self.members}
        reserved = {*reserved, *added}
        parts = []
        for m in self.members:
            if m.key in drop:
                continue
            name = _free_name(m.key, reserved, names)
            if name == m.key:
                parts.append(self.text[m.start:m.end])
            else:
                parts.append(json.dumps(name, ensure_ascii=False) + ": " + self.text[m.value_start:m.end])
        parts += [f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in added.items()]
        return json_line("{" + ", ".join(parts) + "}")


# ---------------------------------------------------------------------------------------------
# the task

@dataclass(frozen=True)
class JsonRecordTask:
    """Task: one JSON Lines record (raw bytes) in, one output line (bytes, no newline) out.

    The page is taken from ``field`` (or the first of html/text/content present and not null); the URL
    from ``url_field``; every other input field passes through as written; the article goes under ``into``.
    Returns ``(status, line)`` with status ``"ok"``, ``"empty"`` (no article content) or ``"failed"``.
    """

    opts: Any
    field: str | None = None
    url_field: str = "url"
    into: str = "cleaned"
    explain: bool = False
    line_limit: int | None = None  # the ``LineReader``'s: a line it gave as None was longer
    force_into: bool = False  # replace an input field named like ``into`` (else such a record is an error line)

    def parse(self, raw: bytes) -> tuple[Record | None, str | None]:
        """(record, None) or (None, error message)."""
        try:
            return Record(raw), None
        except InvalidJson as err:
            message = str(err)
            return None, message if message.startswith("not a JSON") else f"invalid JSON: {message}"

    def page_field(self, record: Record) -> Member | None:
        names = (self.field,) if self.field else DEFAULT_FIELDS
        for name in names:
            member = record.get(name)
            if member is not None and member.kind != "null":
                return member
        return None

    def __call__(self, payload: tuple[dict, bytes]) -> tuple[str, bytes]:
        from .detect import strip_controls
        from .pipeline import run

        where, raw = payload
        record, problem = self.parse(raw) if raw is not None else (None, f"line longer than {self.line_limit} bytes")
        if problem:
            return "failed", self._error(None, where, problem, INPUT)
        if record.get(self.into) is not None and not self.force_into:
            return "failed", self._error(record, where, f"the record already has a field {self.into!r}: --force-into "
                                                        "replaces it, --into NAME writes the article elsewhere", INPUT)
        page = self.page_field(record)
        if page is None:
            wanted = f"'{self.field}'" if self.field else "'html', 'text' or 'content'"
            return "failed", self._error(record, where, f"no {wanted} field in the record", INPUT)
        if page.text is None:
            return "failed", self._error(record, where, f"field '{page.key}' is a JSON {page.kind}, not a string",
                                         INPUT, drop=page.key)
        url = record.get(self.url_field)
        url = strip_controls(url.text).strip() if url is not None and url.text else None
        opts = self.opts.with_url(url) if url else self.opts
        ok, value = run_task(lambda text: run(_within_limit(text, opts.max_bytes), opts), page.text)
        if not ok:
            return "failed", self._error(record, where, *value, drop=page.key)
        article = dumps(value.to_dict(with_removed=self.explain)).decode("utf-8")
        return ("ok" if value.paragraphs else "empty"), record.line((page.key, self.into), {self.into: article},
                                                                    self.reserved)

    def failure_line(self, raw: bytes | None, where: dict, failure: Failure) -> bytes:
        """The output line for a record whose worker timed out or died (built in the parent)."""
        record = self.parse(raw)[0] if raw is not None else None
        page = self.page_field(record) if record is not None else None
        return self._error(record, where, failure.error, failure.reason, drop=page.key if page else None)

    @property
    def reserved(self) -> tuple[str, ...]:
        """The names an error line adds: an input field with one of them is kept as ``input_<name>`` on every line."""
        return ERROR_FIELDS

    def _error(self, record: Record | None, where: dict, message: str, reason: str, drop: str | None = None) -> bytes:
        import json

        added = {k: json.dumps(v, ensure_ascii=False) for k, v in {"error": message, "reason": reason, **where}.items()}
        if record is None:
            return json_line("{" + ", ".join(f'"{k}": {v}' for k, v in added.items()) + "}")
        return record.line(drop, added, (self.into, *self.reserved))  # an error line has no article field


def _within_limit(page: str, limit: int) -> str:
    """``page`` if its UTF-8 form is at most ``limit`` bytes (the limit counts bytes in every mode)."""
    if len(page) > limit // 4:
        size = len(page) if len(page) > limit else len(page.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise InputTooLargeError(f"input is more than the limit of {limit:,} bytes")
    return page


# ---------------------------------------------------------------------------------------------
# the input

class LineReader:
    """The records of JSON Lines files (or stdin for ``-``): ``(where, raw line)`` pairs, blank lines skipped.

    A line longer than ``limit`` bytes is not held in memory: it is skipped up to its newline and given as
    ``(where, None)``, so the stream writes its error line in order (``JsonRecordTask(line_limit=...)``).  Files that cannot be read are
    noted in ``problems`` (one message each) and skipped.
    """

    def __init__(self, files: tuple[str, ...], limit: int) -> None:
        from .stdio import InputFiles

        self.files = files or ("-",)
        self.limit = min(limit, sys.maxsize - 1)
        self.problems: list[str] = []
        self.inputs = InputFiles(self.files)  # opens them, decompressed; how far they are read

    def __iter__(self) -> Iterator[tuple[dict, bytes | None]]:
        import zlib

        for path in self.files:
            label = None if path == "-" else path
            try:
                with self.inputs.open(path) as fh:
                    yield from self._read(fh, label)
            except (OSError, EOFError, zlib.error, _lzma_error()) as err:  # unreadable, or broken compressed data
                self.problems.append(f"cannot read {label or 'stdin'}: {getattr(err, 'strerror', None) or err}")

    def _read(self, fh, label: str | None) -> Iterator[tuple[dict, bytes | None]]:
        number = 0
        while True:
            raw = fh.readline(self.limit + 1)
            if not raw:
                return
            number += 1
            self.inputs.advance()
            where = {"line": number} if label is None else {"line": number, "file": label}
            if len(raw) > self.limit and not raw.endswith(b"\n"):
                while True:  # skip the rest of the line
                    chunk = fh.readline(1 << 20)
                    if not chunk or chunk.endswith(b"\n"):
                        break
                yield where, None  # None: too long
                continue
            if raw.strip():
                yield where, raw


def _lzma_error() -> type:
    import lzma

    return lzma.LZMAError


__all__ = ["DEFAULT_FIELDS", "ERROR_FIELDS", "JsonRecordTask", "LineReader", "Record", "InvalidJson", "dumps",
           "error_record", "split_record"]
