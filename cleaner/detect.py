"""Stage 1: tell what the input is (HTML or plain text) and decode bytes to text.

Nothing here reaches the network or the file system.
"""
from __future__ import annotations

import codecs
import re

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError

# Leading bytes of formats that are certainly not a page or a text.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data (unpack it first)"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"BZh", "bzip2-compressed data (unpack it first)"),
    (b"\xfd7zXZ", "xz-compressed data (unpack it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (unpack it first)"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
    (b"WARC/", "a WARC archive (use --warc)"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""", re.I)

# Start of an HTML or XHTML document.
_HTML_START = re.compile(r"\A[\s\ufeff]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", re.I | re.S)
# Structural tags: a text that mentions one <b> is still text; a page has many of these.
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|a|table|tr|td|ul|ol|li|section|article|header|"
                       r"footer|nav|main|script|style|meta|link|br|img|h[1-6]|figure|form)\b[^<>]{0,500}>", re.I)

# ANSI/OSC escape sequences and the other C0/C1 controls; tab and newline are kept.
CONTROL = re.compile(
    r"\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC ... BEL / ST
    r"|\x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]?"  # CSI
    r"|\x1b[@-Z\\-_]?"  # other escapes
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe\uffff]"
)


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep tabs and line breaks."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", text)


def decode(data: bytes) -> str:
    """Decode bytes by their BOM, their declared charset, UTF-8, or a detected charset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for name in _declared_charsets(data):
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    return _detect(data)


def _declared_charsets(data: bytes) -> list[str]:
    head = data[:4096]
    names = [m.group(1).decode("ascii") for m in (_XML_ENCODING.search(head), _META_CHARSET.search(head)) if m]
    # A page that declares a single-byte Western charset is almost always windows-1252 in fact (the
    # HTML standard says so); a page that declares UTF-8 but is not is caught by the strict decode.
    return ["cp1252" if n.lower() in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else n
            for n in names]


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only for the rare input that is not UTF-8

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return data.decode("utf-8", errors="replace")
    return data.decode(best.encoding, errors="replace")


def check_binary(data: bytes) -> None:
    """Raise BinaryInputError for bytes that are plainly not text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is {what}, not HTML or text")


def check_text(text: str) -> None:
    """Raise for text that is mostly control characters or replacement marks (undecodable garbage)."""
    sample = text[:20_000]
    if not sample:
        return
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r"))
    if bad > 0.1 * len(sample):
        raise BinaryInputError("input looks like binary data, not HTML or text")


def to_text(data: str | bytes, max_bytes: int) -> str:
    """Decode and sanity-check the input; the result has no control characters."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} bytes, more than the limit of {max_bytes:,}")
        check_binary(data)
        text = decode(data)
    elif isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} characters, more than the limit of {max_bytes:,}")
        text = data
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(data).__name__}")
    check_text(text)
    text = strip_controls(text)
    if not text.strip():
        raise EmptyInputError("input is empty" if not text else "input is only whitespace")
    return text


def detect_kind(text: str) -> str:
    """'html' for a web page, else 'text'.  A text that mentions a tag or two is still text."""
    if _HTML_START.match(text[:5000]):
        return "html"
    head = text[:100_000]
    tags = len(_HTML_TAG.findall(head))
    if tags >= 8 and tags * 40 > len(head.split("\n")):
        return "html"
    if head.lstrip().startswith("<") and tags >= 3:
        return "html"
    return "text"
