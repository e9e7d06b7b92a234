"""What may reach a terminal: every message and every output field passes through here.

``printable`` makes a message safe to print (file names, warcio's texts, exception messages), ``json_line``
a JSON output line (one line, no raw byte a terminal acts on, the same JSON value), ``plain_text`` the
text and Markdown output of a single document (control characters removed, as from the input).
"""
from __future__ import annotations

import re

# What a terminal would act on rather than show: C0 and C1 controls (ESC starts an escape sequence, and
# U+009B is one on its own), DEL, the line and paragraph separators, the bidirectional overrides and
# isolates (which reorder what follows), and lone surrogates (a file name's undecodable bytes).
_UNPRINTABLE = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def printable(text: str) -> str:
    """``text`` with each character a terminal would act on written as an escape (``\\n``, ``\\x1b``, ``\\u202e``;
    a file name's undecodable byte, a surrogate escape, as ``\\xff``): safe to print, and still tells what was there."""
    return re.sub(_UNPRINTABLE, _escape, text)


def _escape(match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1] if code < 0x100 else f"\\u{code:04x}"


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_line(line: str) -> bytes:
    """A JSON text as UTF-8, with every character a terminal would act on escaped: such a character can only
    stand inside a string there, where the escape is the same value (JSON has the C0 controls escaped
    already; a raw line feed, CR or tab can only be whitespace between tokens, and becomes a space: the line
    stays one line)."""
    if "\n" in line or "\r" in line or "\t" in line:
        line = line.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return _UNSAFE_IN_JSON.sub(_json_escape, line).encode("utf-8")


def plain_text(text: str) -> str:
    """Text for the terminal without a control character, whatever reached it (the article's fields have none;
    this is the last check before the output)."""
    from .detect import has_controls, strip_controls

    return strip_controls(text) if has_controls(text) else text


def one_line(err: BaseException) -> str:
    """An exception as one line for a user: its message with runs of whitespace made one space and every
    other control character made visible (``printable``), or its type's name when it has no message.
    Every message the library gives (a ``Failure``'s, a JSON Lines ``error`` field) is made here."""
    text = printable(" ".join(str(err).split()))
    return text if text else type(err).__name__
