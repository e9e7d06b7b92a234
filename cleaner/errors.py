"""The library's own errors.  ``clean()`` raises nothing else for bad input."""


class CleanerError(ValueError):
    """Input that cannot be cleaned.  ``str(err)`` is one line meant for a user."""

    exit_code = 2


class EmptyInputError(CleanerError):
    """The input is empty or only whitespace."""


class BinaryInputError(CleanerError):
    """The input is not text: an image, a PDF, an archive, random bytes."""


class InputTooLargeError(CleanerError):
    """The input is larger than ``Options.max_bytes``."""


def one_line(err: BaseException) -> str:
    """An exception as one line for a user: its message with runs of whitespace made one space and every
    other control character made visible (``printable``), or its type's name when it has no message.
    Every message the library gives (a ``Failure``'s, a JSON Lines ``error`` field) is made here."""
    text = printable(" ".join(str(err).split()))
    return text if text else type(err).__name__


# What a terminal would act on rather than show: C0 and C1 controls (ESC starts an escape sequence, and
# U+009B is one on its own), DEL, the line and paragraph separators, the bidirectional overrides and
# isolates (which reorder what follows), and lone surrogates (a file name's undecodable bytes).
_UNPRINTABLE = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def printable(text: str) -> str:
    """``text`` with each character a terminal would act on written as an escape (``\\n``, ``\\x1b``, ``\\u202e``;
    a file name's undecodable byte, a surrogate escape, as ``\\xff``): safe to print, and still tells what was there."""
    import re

    return re.sub(_UNPRINTABLE, _escape, text)


def _escape(match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1] if code < 0x100 else f"\\u{code:04x}"
