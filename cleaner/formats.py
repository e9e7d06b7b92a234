"""Stage 6: output formats.  Each takes an Article and returns a string; none prints."""
from __future__ import annotations

from .article import Article, TypedBlock
from .lazy_re import LazyPattern


def to_text(article: Article) -> str:
    """The title, a blank line, then the paragraphs separated by blank lines."""
    parts = ([article.title] if article.title else []) + list(article.paragraphs)
    return "\n\n".join(parts) + "\n" if parts else ""


def to_markdown(article: Article) -> str:
    """CommonMark (and pipe tables): the title as a ``#`` heading, the byline in emphasis, then the
    article's blocks; text that would read as markup is escaped."""
    lines = []
    if article.title:
        lines.append(f"# {_heading_text(article.title)}")
    byline = ", ".join(article.authors)
    meta = " · ".join(x for x in (byline, article.date_published, article.site_name) if x)
    if meta:
        lines.append(f"*{_inline(' '.join(meta.split()))}*")
    blocks = article.blocks or tuple(TypedBlock("paragraph", p) for p in article.paragraphs)
    lines.extend(_markdown_blocks(blocks))
    return "\n\n".join(lines) + "\n" if lines else ""


def _markdown_blocks(blocks) -> list[str]:
    """Each block's Markdown; the items of a run of list items make one (nested) list."""
    out: list[str] = []
    items: list = []
    for b in blocks:
        if b.kind == "list_item":
            items.append(b)
            continue
        if items:
            out.append(_markdown_list(items))
            items = []
        out.append(_MARKDOWN[b.kind](b))
    if items:
        out.append(_markdown_list(items))
    return out


def _markdown_list(items) -> str:
    """A run of list items as one list: ``-`` or ``1.`` items, each nested item indented to the text of
    the item above it (an item deeper than one level below the one before it nests one level)."""
    lines = []
    columns: list[int] = []  # the column of the text of the last item at each depth
    numbers: list[int | None] = []  # the last number at each depth (None: unordered)
    for b in items:
        depth = min(b.depth or 0, len(columns))
        continues = depth < len(numbers) and (numbers[depth] is not None) == bool(b.ordered)
        del columns[depth:], numbers[depth + (1 if continues else 0):]
        number = (numbers[depth] + 1 if continues else 1) if b.ordered else None
        if not continues:
            numbers.append(number)
        numbers[depth] = number
        marker = f"{number}." if b.ordered else "-"
        indent = columns[-1] if columns else 0
        columns.append(indent + len(marker) + 1)
        text = _line(b.text, b.links) if b.links else _line(" ".join(b.text.split()))
        lines.append(f"{' ' * indent}{marker} {text}")
    return "\n".join(lines)


def _markdown_heading(b) -> str:
    return f"{'#' * min(max(b.level or 2, 1), 6)} {_heading_text(b.text, b.links)}"


def _markdown_paragraph(b) -> str:
    if b.links:  # one line: a link's offsets are in the whole text
        return _line(b.text, b.links)
    return "\n".join(_line(line.strip()) for line in b.text.split("\n") if line.strip())


def _markdown_quote(b) -> str:
    if b.links:
        return f"> {_line(b.text, b.links)}"
    return "\n".join(f"> {_line(line.strip())}" for line in b.text.split("\n") if line.strip())


def _markdown_code(b) -> str:
    fence = "`" * max(3, max(map(len, _BACKTICKS.findall(b.text)), default=0) + 1)
    return f"{fence}\n{b.text}\n{fence}"


def _markdown_caption(b) -> str:
    return f"*{_linked(b.text, b.links) if b.links else _inline(' '.join(b.text.split()))}*"


def _markdown_table(b) -> str:
    rows = [[_inline(" ".join(cell.split())).replace("|", "\\|") for cell in row] for row in b.rows or ((b.text,),)]
    if b.links:
        rows = _linked_cells(b)
    width = max(map(len, rows))
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


_MARKDOWN = {"heading": _markdown_heading, "paragraph": _markdown_paragraph, "quote": _markdown_quote,
             "code": _markdown_code, "caption": _markdown_caption, "table": _markdown_table}

# Characters that make inline markup anywhere: escapes, code spans, emphasis, links, strikethrough; a "<"
# that opens a tag or an autolink; an "&" that starts an entity.
_INLINE = LazyPattern(r"[\\`*_\[\]~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
# What makes a block at a line's start: a heading, a quote, a list item, a thematic break or a setext
# underline, a table's delimiter row, a fence; or a number and "." or ")" (an ordered list item).
_LINE_START = LazyPattern(r"[#>+\-=|:]|(\d{1,9})([.)])")
_BACKTICKS = LazyPattern(r"`+")
_DESTINATION_ESCAPES = LazyPattern(r"[()]|&(?=#?\w+;)")
# what a heading would read as its closing sequence: #s at its end, after a space or alone
_CLOSING_HASHES = LazyPattern(r"(?<!\S)#+$")


def _inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(0), text)


def _linked(text: str, links, offset: int = 0) -> str:
    """The text, escaped, with its links (``TypedBlock.links``; ``offset``: where the text starts in the
    block's text) as ``[text](url)``; whitespace collapsed to one space."""
    out, at = [], 0
    for link in links:
        start, end = link.start - offset, link.end - offset
        if start < at or end > len(text):  # not in this text (another cell of a table)
            continue
        out.append(_inline(text[at:start]))
        out.append(f"[{_inline(text[start:end])}]({_destination(link.url)})")
        at = end
    out.append(_inline(text[at:]))
    return " ".join("".join(out).split())


def _destination(url: str) -> str:
    """A link's URL as a CommonMark link destination that reads back as the URL: what a destination cannot
    hold (spaces, controls, ``<``, ``>``, a backslash, non-ASCII; ``|``, which would end a table's cell)
    percent-encoded; parentheses, and an ``&`` that would start an entity, escaped."""
    from urllib.parse import quote

    return _DESTINATION_ESCAPES.sub(lambda m: "\\" + m.group(0), quote(url, safe="!#$%&'()*+,-./:;=?@[]_~"))


def _linked_cells(b) -> list[list[str]]:
    """A table's cells, escaped, each with the links inside it."""
    from .blocks import table_text

    return [[_linked(cell, b.links, start).replace("|", "\\|") if start is not None else ""
             for cell, start in zip(row, starts)] for row, starts in zip(b.rows, table_text(b.rows)[1])]


def _line(text: str, links=()) -> str:
    """A line of text that reads as itself at the start of a Markdown line (where ``#``, ``-``, ``1.``,
    ``>`` ... would start a block); with its links (``_linked``), if any."""
    text = _linked(text, links) if links else _inline(text)
    m = _LINE_START.match(text)
    if m is None:
        return text
    if m.group(1):  # 1. -> 1\.
        return f"{m.group(1)}\\{text[m.end(1):]}"
    return "\\" + text


def _heading_text(text: str, links=()) -> str:
    escaped = _linked(text, links) if links else _inline(" ".join(text.split()))
    return _CLOSING_HASHES.sub(lambda m: "\\" + m.group(0), escaped)


def to_json(article: Article, *, explain: bool = False) -> str:
    import json  # here, not at the top: the default text output has no use for it

    return json.dumps(article.to_dict(with_removed=explain), ensure_ascii=False) + "\n"


def explanation(article: Article) -> str:
    """One line per removed fragment: the rule and the text (shortened)."""
    import json

    lines = []
    for r in article.removed:
        text = r.text if len(r.text) <= 100 else r.text[:97] + "..."
        why = f" ({r.detail})" if r.detail else ""
        lines.append(f"removed by {r.rule}{why}: {json.dumps(text, ensure_ascii=False)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS = {"text": to_text, "markdown": to_markdown}
