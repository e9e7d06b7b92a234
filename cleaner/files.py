"""Folders and files: the inputs of ``cleaner DIR`` or ``cleaner A B C``, the output file of each (``-o OUT``),
and the task a worker runs for one of them.

A folder is walked whole, in sorted order, hidden files and folders (``.git``) left out; the output of
``DIR/a/b.html`` is ``OUT/a/b.txt`` (``.json``, ``.md`` by the format), and that of a file named on the command
line is ``OUT/<its name>``.  Two inputs whose outputs would be the same file are an error for the second.
"""
from __future__ import annotations

import os

EXTENSIONS = {"text": ".txt", "json": ".json", "markdown": ".md"}


class Input(tuple):
    """(path as given or found in a folder given, the output's path under OUT before its extension changes)."""

    __slots__ = ()

    def __new__(cls, path: str, relative: str) -> "Input":
        return tuple.__new__(cls, (path, relative))

    path = property(lambda self: self[0])
    relative = property(lambda self: self[1])


def collect(args: tuple[str, ...], output: str | None = None) -> tuple[list[Input], list[str]]:
    """The files of ``args`` (folders walked) and the problems found (a path that does not exist): one message
    each.  ``output``: the output folder, never walked into (a run into a folder inside its input)."""
    inputs: list[Input] = []
    problems: list[str] = []
    skip = os.path.realpath(output) if output else None
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            inputs.extend(_walk(arg, skip, problems))
        elif arg == "-" or os.path.exists(arg) or os.path.islink(arg):
            inputs.append(Input(arg, "stdin" if arg == "-" else os.path.basename(arg)))
        else:
            problems.append(f"cannot read {arg}: No such file or directory")
    return inputs, problems


def _walk(top: str, skip: str | None, problems: list[str]):
    def failed(err: OSError) -> None:
        problems.append(f"cannot read {err.filename}: {err.strerror or err}")

    for folder, dirs, files in os.walk(top, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(folder, d)) != skip)
        for name in sorted(files):
            if not name.startswith("."):
                path = os.path.join(folder, name)
                yield Input(path, os.path.relpath(path, top))


def output_paths(inputs: list[Input], out: str, fmt: str) -> tuple[list[str | None], list[str]]:
    """The output file of each input (None for one whose output another input already takes) and the problems."""
    ext = EXTENSIONS[fmt]
    taken: dict[str, str] = {}
    paths: list[str | None] = []
    problems = []
    for item in inputs:
        target = os.path.join(out, os.path.splitext(item.relative)[0] + ext)
        if target in taken:
            problems.append(f"{item.path}: its output {target} is already {taken[target]}'s; not cleaned")
            paths.append(None)
            continue
        taken[target] = item.path
        paths.append(target)
    return paths, problems


class FileTask:
    """Task for the worker pool: a file's path (and perhaps its bytes) in; ``(status, output bytes, explanation)`` out, status ``ok`` or
    ``empty`` (no article content).  A file that cannot be read or cleaned raises, and the pool makes it a
    ``Failure`` with its one-line message."""

    def __init__(self, opts, fmt: str, explain: bool, with_name: bool) -> None:
        self.opts = opts
        self.fmt = fmt
        self.explain = explain
        self.with_name = with_name  # JSON: the object carries the input's name ("file")

    def __call__(self, payload: tuple[str, bytes | None, str | None]) -> tuple[str, bytes, str]:
        """``payload``: the path, its bytes when the parent read them (standard input) and the error when it could
        not (else None)."""
        from .pipeline import run
        from .pool import TaskError

        path, data, error = payload
        if error:
            raise TaskError(error)
        if data is None:
            try:
                data = read(path, self.opts.max_bytes)
            except OSError as err:
                raise TaskError(f"cannot read {path}: {err.strerror or err}") from None
        article = run(data, self.opts)
        return ("ok" if article.paragraphs else "empty"), render(article, self.fmt, self.explain,
                                                                  path if self.with_name else None), (
            explanation(article) if self.explain and self.fmt != "json" else "")


def read(path: str, limit: int) -> bytes:
    """A file's bytes (``-``: standard input), at most ``limit`` (``InputTooLargeError`` past it)."""
    from .stdio import read_limited, stdin

    if path == "-":
        return read_limited(stdin(), limit)
    with open(path, "rb") as fh:
        return read_limited(fh, limit)


def render(article, fmt: str, explain: bool, name: str | None = None) -> bytes:
    """An article as its output bytes, terminal-safe: text or Markdown (UTF-8), or one JSON line (with ``file``)."""
    from . import formats
    from .terminal import json_line, plain_text

    if fmt == "json":
        if name is None:
            return json_line(formats.to_json(article, explain=explain).rstrip("\n")) + b"\n"
        import json

        return json_line(json.dumps({"file": name, **article.to_dict(with_removed=explain)}, ensure_ascii=False)) + b"\n"
    return plain_text(formats.FORMATS[fmt](article)).encode("utf-8", "replace")


def explanation(article) -> str:
    from . import formats
    from .terminal import plain_text

    return plain_text(formats.explanation(article))


def write(path: str, data: bytes) -> None:
    """Write an output file, its folders made as needed."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


__all__ = ["EXTENSIONS", "FileTask", "Input", "collect", "output_paths", "read", "render", "write"]
