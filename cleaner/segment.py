"""Stage 2 for plain text: cut the text into candidate blocks.

A naive scraper writes one block a line, so a line is a block.  Hard-wrapped text (an e-mail,
a terminal dump: every line of a paragraph filled to about the same width) is different: there
a block runs on while its lines are full, and a short line or a blank line ends it.
"""
from __future__ import annotations

from .article import Block
from .blocks import line_shapes
from .detect import nfc, strip_controls

_MIN_WRAP, _MAX_WRAP = 40, 120


def _longest_wrapped(width: int) -> float:
    """The longest line a text hard-wrapped at this width may hold (a long word carried over, a URL)."""
    return width * 1.3 + 10


def wrap_width(lines: list[str]) -> int | None:
    """The column at which the text is hard-wrapped, or None when it is not."""
    longest = max(lines, key=len, default="")
    if len(longest) > _longest_wrapped(_MAX_WRAP) and longest.strip():
        return None  # longer than a line wrapped at any width may be (as below)
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _MIN_WRAP <= width <= _MAX_WRAP or lengths[-1] > _longest_wrapped(width):
        return None
    full = sum(1 for n in lengths if n >= 0.75 * width)
    # In hard-wrapped prose most lines are full; a one-block-a-line scrape has long lines of every length.
    return width if full >= 0.5 * len(lengths) else None


def segment(text: str) -> list[Block]:
    """The blocks of a text as decoded (``detect.decode_checked``): its control characters are stripped
    here, line by line, so that a large text is never copied whole.  A block that looks like a list item,
    a heading or a table row gets that shape (``blocks.line_shapes``); its text is the line's all the same."""
    lines = text_lines(text)
    width = wrap_width(lines)
    blocks: list[Block] = []
    indents: list[int] = []  # the indentation of each block's first line
    if width is None:
        for line in lines:
            stripped = nfc(line).strip()
            if stripped:
                blocks.append(Block(stripped))
                indents.append(len(line) - len(line.lstrip()))
    else:
        current: list[str] = []
        for line in lines:
            stripped = nfc(line).strip()
            if stripped:
                if not current:
                    indents.append(len(line) - len(line.lstrip()))
                current.append(stripped)
            if current and (not stripped or len(line.rstrip()) < 0.75 * width):
                blocks.append(Block(join_wrapped(current)))
                current = []
        if current:
            blocks.append(Block(join_wrapped(current)))
    line_shapes(blocks, indents)
    return blocks


def text_lines(text: str) -> list[str]:
    """The lines of a text (CRLF, CR and LF all end one), without control characters."""
    lines = text.split("\n")
    if "\r" in text:
        lines = [part for line in lines for part in (line[:-1] if line.endswith("\r") else line).split("\r")]
    return [line if line.isprintable() else strip_controls(line) for line in lines]


def join_wrapped(lines: list[str]) -> str:
    """Join the lines of one hard-wrapped paragraph, undoing end-of-line hyphenation."""
    pieces = [lines[0]]
    for line in lines[1:]:
        last = pieces[-1]
        if last.endswith("-") and last[-2:-1].isalpha() and line[:1].islower():
            pieces[-1] = last[:-1]
        else:
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)
