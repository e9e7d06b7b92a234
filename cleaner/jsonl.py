"""JSON Lines records: one record (a JSON object holding a page) in, one output line out.

This is the CLI's ``--jsonl``, usable on its own with the worker pool (``cleaner.pool``):
``JsonRecordTask`` is the task a worker runs for each record, ``failure_line`` the line the parent
writes for a record whose worker timed out or died.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .pool import INPUT, Failure, run_task

DEFAULT_FIELDS = ("html", "text", "content")


def dumps(obj: dict) -> bytes:
    """One JSON object as one line of UTF-8 (no newline)."""
    import json

    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape: keep it escaped, still valid JSON
        return json.dumps(obj, ensure_ascii=True).encode("ascii")


def error_record(base: dict | None, where: dict, message: str, reason: str) -> dict:
    """The output record for an input record that failed: its other fields, then the error.

    ``error`` (one line), ``reason`` (see ``Failure``) and ``where`` (``line``, and ``file`` when
    reading files) are set at the top level and win over input fields of the same name.
    """
    out = dict(base or {})
    out.update(error=message, reason=reason)
    out.update(where)
    return out


@dataclass(frozen=True)
class JsonRecordTask:
    """Task: one JSON Lines record (raw bytes) in, one output line (bytes, no newline) out.

    The page is taken from ``field`` (or the first of html/text/content present); the URL from
    ``url_field``; every other input field passes through; the article goes under ``into``.
    Returns ``(status, line)`` with status ``"ok"``, ``"empty"`` (no article content) or ``"failed"``.
    """

    opts: Any
    field: str | None = None
    url_field: str = "url"
    into: str = "cleaned"
    explain: bool = False

    def parse(self, raw: bytes) -> tuple[dict | None, str | None]:
        """(record, None) or (None or partial record, error message)."""
        import json

        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            return None, "invalid JSON: not UTF-8 text"
        except ValueError as err:
            return None, f"invalid JSON: {getattr(err, 'msg', err)}"
        if not isinstance(record, dict):
            return None, f"not a JSON object but a JSON {type(record).__name__}"
        return record, None

    def page_field(self, record: dict) -> str | None:
        names = (self.field,) if self.field else DEFAULT_FIELDS
        return next((n for n in names if record.get(n) is not None), None)

    def passthrough(self, record: dict | None) -> dict | None:
        if record is None:
            return None
        name = self.page_field(record)
        return {k: v for k, v in record.items() if k != name}

    def __call__(self, payload: tuple[dict, bytes]) -> tuple[str, bytes]:
        from dataclasses import replace

        from .pipeline import run

        where, raw = payload
        record, problem = self.parse(raw)
        if problem:
            return "failed", dumps(error_record(None, where, problem, INPUT))
        name = self.page_field(record)
        rest = self.passthrough(record)
        if name is None:
            wanted = f"'{self.field}'" if self.field else "'html', 'text' or 'content'"
            return "failed", dumps(error_record(rest, where, f"no {wanted} field in the record", INPUT))
        page = record[name]
        if not isinstance(page, str):
            return "failed", dumps(error_record(rest, where, f"field '{name}' is a JSON "
                                                 f"{type(page).__name__}, not a string", INPUT))
        url = record.get(self.url_field)
        opts = replace(self.opts, url=url) if isinstance(url, str) and url else self.opts
        ok, value = run_task(lambda data: run(data, opts), page)
        if not ok:
            return "failed", dumps(error_record(rest, where, *value))
        rest[self.into] = value.to_dict(with_removed=self.explain)
        return ("ok" if value.paragraphs else "empty"), dumps(rest)

    def failure_line(self, raw: bytes, where: dict, failure: Failure) -> bytes:
        """The output line for a record whose worker timed out or died (built in the parent)."""
        record, _ = self.parse(raw)
        return dumps(error_record(self.passthrough(record), where, failure.error, failure.reason))


__all__ = ["DEFAULT_FIELDS", "JsonRecordTask", "dumps", "error_record"]
