"""The article's typed blocks: what kind of block each kept piece of text is (heading, list item, table, ...).

One home for the mapping from markup to a block kind (``shape_for``: an HTML tag and its ancestors' tags), for
the kinds a line of plain text shows (``line_shapes``: a bullet or a number, a title-cased line before prose,
a ``|``-separated row), and for the step that turns the kept blocks into ``Article.blocks`` (``typed_blocks``).
None of it changes a block's text: ``Article.paragraphs`` is what it was.
"""
from __future__ import annotations

from .article import Block, Record, TypedBlock
from .lazy_re import LazyPattern
from .text import TERMINAL, WORD


class Shape(Record):
    """What the input says of one block: its typed kind (``article.BLOCK_KINDS``) and that kind's fields.

    ``text`` replaces the block's own text in ``Article.blocks`` when set (a code block's whitespace, a list
    item without the items of its nested list, an item without its bullet); ``cells`` are a table row's cells,
    ``table`` tells one table from the next (rows of the same table share it)."""

    __slots__ = ("kind", "level", "depth", "ordered", "text", "cells", "table")

    def __init__(self, kind: str, level: int | None = None, depth: int | None = None, ordered: bool | None = None,
                 text: str | None = None, cells: tuple[str, ...] | None = None, table: object = None) -> None:
        self._set(kind, level, depth, ordered, text, cells, table)


# --- HTML: a tag and its ancestors' tags -> a kind --------------------------------------------------------
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "menu", "dl"})
_ITEMS = frozenset({"li", "dt", "dd"})
TABLE_TAGS = frozenset({"tr", "td", "th", "table", "thead", "tbody", "tfoot"})
_QUOTES = frozenset({"blockquote", "q"})
_CODE = frozenset({"pre", "code"})
_CAPTIONS = frozenset({"figcaption", "caption"})


def shape_for(tag: str, ancestors: tuple[str, ...] | list[str] = (), *, text: str | None = None,
              cells: tuple[str, ...] | None = None, table: object = None) -> Shape:
    """The shape of a kept HTML block from its tag and its ancestors' tags, nearest first (lower-case HTML
    names: ``shape_for("li", ["ul", "li", "ol", "div"])`` is an unordered item at depth 1).

    The block's own tag decides, else its nearest ancestor that names a kind (a ``<p>`` in a
    ``<blockquote>`` is a quote, in a ``<figcaption>`` a caption, in an ``<li>`` a list item); anything else
    is a paragraph.  ``text``, ``cells`` and ``table`` are passed through (see ``Shape``): a table row's
    cells and the table it belongs to are for the caller to give."""
    depth = sum(1 for a in ancestors if a in _LISTS)
    for name in (tag, *ancestors):
        if name in _HEADINGS:
            return Shape("heading", level=_HEADINGS[name], text=text)
        if name in _ITEMS:
            ordered = next((a == "ol" for a in ancestors if a in _LISTS), False)
            return Shape("list_item", depth=max(depth - 1, 0), ordered=ordered, text=text)
        if name in TABLE_TAGS:
            return Shape("table", text=text, cells=cells, table=table)
        if name in _QUOTES:
            return Shape("quote", text=text)
        if name in _CODE:
            return Shape("code", text=text)
        if name in _CAPTIONS:
            return Shape("caption", text=text)
    return Shape("paragraph", text=text)


# trafilatura's XML element -> the HTML tag it stands for (a head's and a list's own tag is in its rend)
_TRAFILATURA_TAGS = {"p": "p", "item": "li", "row": "tr", "cell": "td", "table": "table", "quote": "blockquote",
                     "code": "pre", "head": "h2", "list": "ul"}


def trafilatura_tag(tag: str, rend: str | None) -> str:
    """The HTML tag of an element of trafilatura's XML output (``head rend="h3"`` is ``h3``)."""
    if tag in ("head", "list") and rend in _HEADINGS.keys() | _LISTS:
        return rend
    return _TRAFILATURA_TAGS.get(tag, "p")


# --- Plain text: what a line looks like -> a kind --------------------------------------------------------
# a bullet, then a space: the item's text follows
_BULLETS = "-*•·▪◦‣►"
_BULLET = LazyPattern(rf"([{_BULLETS}])\s+(\S.*)")
# a number, a full stop or a closing parenthesis, a space
_NUMBER = LazyPattern(r"(\d{1,3})([.)])\s+(\S.*)")
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 120
HEADING_MIN_WORDS = 2
PROSE_MIN_WORDS = 12  # the paragraph a heading stands above is prose, not another short line
LONG_WORD = 4  # letters: in a title-cased line every word this long starts with a capital


def _marker(line: str) -> tuple[str, int | None, str] | None:
    """(style, number, text) of a list item line (style: the bullet or the number's delimiter), if the text
    after the marker holds a word (``* * *`` is a break, not a list)."""
    if not (line[:1].isdigit() or line[:1] in _BULLETS):
        return None
    m = _NUMBER.fullmatch(line)
    if m and WORD.search(m.group(3)):
        return m.group(2), int(m.group(1)), m.group(3)
    m = _BULLET.fullmatch(line)
    if m and WORD.search(m.group(2)):
        return m.group(1), None, m.group(2)
    return None


def line_shapes(blocks: list[Block], indents: list[int]) -> None:
    """Set the shape of the text's blocks that show one (each block's first line indented ``indents[i]``):
    runs of two or more bulleted lines, or of lines numbered one after the other, are list items; a short
    title-cased line just above a paragraph of prose is a heading; a run of two or more lines of
    ``|``-separated cells is a table.  Anything else stays a paragraph (no shape)."""
    marks = [_marker(b.text) if b.text[:1].isdigit() or b.text[:1] in _BULLETS else None for b in blocks]
    i = 0
    while i < len(blocks):
        if marks[i] is None:
            i += 1
            continue
        end = i + 1
        while end < len(blocks) and marks[end] is not None and (
                indents[end] > indents[i] or marks[end][0] == marks[i][0]):
            end += 1  # one list: its top-level items have the first item's marker, deeper ones any
        if end - i >= 2:
            _list_run(blocks[i:end], marks[i:end], indents[i:end])
        i = end
    _table_runs(blocks)
    for i in [i - 1 for i, b in enumerate(blocks) if i and b.text.endswith(TERMINAL)]:  # above a sentence's end
        b, below = blocks[i], blocks[i + 1]
        if (len(b.text) <= HEADING_MAX_CHARS and b.shape is None
                and below.shape is None and _is_prose(below.text) and _is_heading_line(b.text)
                and (i == 0 or blocks[i - 1].shape is not None or not _is_heading_line(blocks[i - 1].text))):
            b.shape = Shape("heading", level=2)


def _list_run(blocks: list[Block], marks: list, indents: list[int]) -> None:
    """Make the run's lines list items, nested by their indentation, when the run is a list: the items
    of each level under one parent have one marker, and numbers that count up by one."""
    levels = sorted(set(n for n in indents if n >= indents[0]))
    depths = [levels.index(n) if n >= indents[0] else -1 for n in indents]
    last: list = []  # (marker, number) of the last item at each depth, under the current parent
    for m, depth in zip(marks, depths):
        if depth < 0 or depth > len(last):  # above the first item, or deeper than one level below the last
            return
        del last[depth + 1:]
        if depth < len(last):
            marker, number = last[depth]
            if marker != m[0] or (number is not None and m[1] != number + 1):
                return
            last[depth] = (m[0], m[1])
        else:
            last.append((m[0], m[1]))
    for b, m, depth in zip(blocks, marks, depths):
        b.shape = Shape("list_item", depth=depth, ordered=m[1] is not None, text=m[2])


def _table_runs(blocks: list[Block]) -> None:
    """Runs of two or more lines in a row with the same number (two or more) of ``|``-separated cells are a
    table."""
    rows = [(i, _cells(b.text)) for i, b in enumerate(blocks) if "|" in b.text and b.shape is None]
    table, run = 0, []
    for i, cells in rows + [(-1, ())]:
        if run and (i != run[-1][0] + 1 or len(cells) != len(run[0][1])):
            if len(run) >= 2 and len(run[0][1]) >= 2:
                table += 1
                for at, row in run:
                    blocks[at].shape = Shape("table", cells=tuple(c.strip() for c in row), table=table)
            run = []
        run.append((i, cells))


def _cells(text: str) -> list[str]:
    return text.strip().strip("|").split("|")


def _is_heading_line(text: str) -> bool:
    """A short line whose longer words all start with a capital and which does not end as a sentence or a
    clause does."""
    if not text[:1].isupper() or text.endswith(_NOT_HEADING_ENDS):
        return False
    words = text.split()
    if not HEADING_MIN_WORDS <= len(words) <= HEADING_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w) >= LONG_WORD and sum(map(str.isalpha, w)) >= LONG_WORD]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


_NOT_HEADING_ENDS = TERMINAL + (",", ";", ":")


def _is_prose(text: str) -> bool:
    return text.endswith(TERMINAL) and len(text.split(None, PROSE_MIN_WORDS - 1)) >= PROSE_MIN_WORDS


# --- The kept blocks -> Article.blocks --------------------------------------------------------------------
# a block without a shape: from the kind the extraction gave it (a heading's level unknown: 2, below the title)
_BY_KIND = {"h": Shape("heading", level=2), "li": Shape("list_item", depth=0, ordered=False),
            "quote": Shape("quote"), "code": Shape("code")}
_PARAGRAPH = Shape("paragraph")


def typed_blocks(paragraphs: list[str], sources: list[Block]) -> tuple[TypedBlock, ...]:
    """``Article.blocks`` from the article's paragraphs and the block each came from: one typed block a
    paragraph, but the rows of one table make one table."""
    out: list[TypedBlock] = []
    rows: list[tuple[str, ...]] = []
    table = None
    for text, block in zip(paragraphs, sources):
        shape = block.shape or _BY_KIND.get(block.kind, _PARAGRAPH)
        if shape.kind == "table":
            if rows and shape.table != table:
                out.append(_table(rows))
                rows = []
            rows.append(shape.cells if shape.cells is not None else (text,))
            table = shape.table
            continue
        if rows:
            out.append(_table(rows))
            rows = []
        own = text if shape.text is None else (shape.text if shape.kind == "code" else " ".join(shape.text.split()))
        if own.strip():
            out.append(TypedBlock(shape.kind, own, level=shape.level, depth=shape.depth, ordered=shape.ordered))
    if rows:
        out.append(_table(rows))
    return tuple(out)


def _table(rows: list[tuple[str, ...]]) -> TypedBlock:
    width = max(map(len, rows))
    rows = [row + ("",) * (width - len(row)) for row in rows]
    return TypedBlock("table", table_text(rows)[0], rows=tuple(rows))


def table_text(rows) -> tuple[str, list[list[int | None]]]:
    """A table's text, one row a line, its cells that hold text joined by `` | ``; and where each cell starts
    in it (None for an empty cell, which the text leaves out)."""
    lines: list[str] = []
    starts: list[list[int | None]] = []
    at = 0
    for row in rows:
        line: list[str] = []
        row_starts: list[int | None] = []
        for cell in row:
            if not cell:
                row_starts.append(None)
                continue
            row_starts.append(at + sum(map(len, line)) + 3 * len(line))
            line.append(cell)
        lines.append(" | ".join(line))
        starts.append(row_starts)
        at += len(lines[-1]) + 1
    return "\n".join(lines), starts


__all__ = ["Shape", "shape_for", "trafilatura_tag", "line_shapes", "typed_blocks", "table_text"]
