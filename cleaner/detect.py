"""Stage 1: tell what the input is (HTML or plain text) and decode bytes to text.

Nothing here reaches the network or the file system.  This is on the hot path: for ordinary
input (UTF-8 or ASCII, no control characters) it costs a few milliseconds per megabyte, and the
slow paths (a legacy charset, control characters to strip) run only when the input needs them.
``charset_normalizer`` is imported only for input that is neither UTF-8 nor declares its charset.
"""
from __future__ import annotations

import codecs
import functools
import re

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError
from .lazy_re import LazyPattern

# Leading bytes of formats that are certainly not a page or a text.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data (unpack it first)"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"BZh", "bzip2-compressed data (unpack it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (unpack it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (unpack it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS\x00", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3\x02", "an MP3 audio file"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x7fELF", "an executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"WARC/", "a WARC archive (use --warc)"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = LazyPattern(rb"""<meta[^<>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.I)
_XML_ENCODING = LazyPattern(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""", re.I)

# C0 controls and DEL that are never text (tab, line feed, carriage return are).
_C0 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C0_C1 = _C0 + bytes(range(0x80, 0xA0))
# Bytes that mark binary data: C0 controls other than tab, LF, CR, form feed and ESC (ANSI colour
# in a terminal dump is still text).
_BINARY_C0 = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
# In UTF-8: C1 controls (U+0080-U+009F); U+200B, U+2028, U+2029; U+FEFF, U+FFFE, U+FFFF.
_C1_UTF8 = LazyPattern(rb"\xc2[\x80-\x9f]")
_E2_UTF8 = LazyPattern(rb"\xe2\x80[\x8b\xa8\xa9]")
_EF_UTF8 = LazyPattern(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")

# ANSI/OSC escape sequences, C0/C1 controls, lone surrogates and non-characters; tab and newline stay.
CONTROL = LazyPattern(
    r"\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC ... BEL / ST
    r"|\x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]?"  # CSI
    r"|\x1b[@-Z\\-_]?"  # other escapes
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_CHUNK = 1 << 18  # strip_controls works on pieces of about this many characters

_BLANK = LazyPattern(r"[\s\ufeff]*")
# Start of an HTML or XHTML document, after whitespace and comments.
_HTML_OPEN = LazyPattern(r"<(?:!doctype\s{1,20}html|html|head|body|\?xml)\b", re.I)
# Structural tags: a text that mentions one <b> is still text; a page has many of these.
_HTML_TAG = LazyPattern(r"<(/?)(?:html|head|body|div|p|span|a|table|tr|td|ul|ol|li|section|article|header|"
                        r"footer|nav|main|script|style|meta|link|br|img|h[1-6]|figure|form)\b[^<>]{0,500}>", re.I)

_HIGH_RUN = LazyPattern(rb"[\x80-\xff]+")


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Error handler for UTF-8 with stray bytes: read each undecodable byte as windows-1252."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("cleaner.cp1252", _cp1252_fallback)


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep tabs and line breaks (CR becomes LF)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not has_controls(text):
        return text
    if len(text) <= 4 * _CHUNK:
        found = set(CONTROL.findall(text))
    else:  # large input: only the pieces that need it are searched, cut at line breaks where there are some
        found = set()
        for start, end in _pieces(text):
            piece = text[start:end]
            if has_controls(piece):
                found.update(CONTROL.findall(piece))
    if len(found) <= _FEW and all(len(c) == 1 for c in found):
        # The usual case, a few stray characters (U+200B, U+FEFF): each str.replace builds its copy at
        # once, where a regex substitution (or a join of pieces) holds the pieces and the result together,
        # three times the text at the peak.  Every such character is a match on its own, so this is the same.
        for c in found:
            text = text.replace(c, "")
        return text
    if len(text) <= 4 * _CHUNK:
        return CONTROL.sub("", text)
    parts = []
    for start, end in _pieces(text):
        piece = text[start:end]
        parts.append(CONTROL.sub("", piece) if has_controls(piece) else piece)
    return "".join(parts)


_FEW = 4  # distinct control characters removed by str.replace, one copy of the text each


def _pieces(text: str):
    """(start, end) of pieces of about _CHUNK characters, cut after a line break where there is one near."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + _CHUNK)
        if end < n:
            nl = text.find("\n", end, end + _CHUNK)
            end = nl + 1 if nl != -1 else end
        yield start, end
        start = end


def has_controls(text: str, utf8: bytes | None = None) -> bool:
    """Whether ``text`` holds anything ``CONTROL`` removes; ``utf8`` is its UTF-8 form when known.

    A fast check (bytes.translate and literal-prefix searches, no per-character Python)."""
    if utf8 is None:
        if text.isascii():
            utf8 = text.encode("ascii")
        else:
            try:  # most text with accents is Latin-1 inside: one byte a character, C1 controls as bytes
                latin = text.encode("latin-1")
            except UnicodeEncodeError:
                pass
            else:
                return len(latin.translate(None, _C0_C1)) != len(latin)
            try:
                utf8 = text.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates
                return True
    if len(utf8.translate(None, _C0)) != len(utf8):
        return True
    if utf8.isascii():
        return False
    return bool(_C1_UTF8.search(utf8) or _E2_UTF8.search(utf8) or (b"\xef" in utf8 and _EF_UTF8.search(utf8)))


def _decode(data: bytes, transport: str | None = None) -> tuple[str, bytes | None]:
    """Decode bytes by their BOM, UTF-16/32 shape, UTF-8, the transport's charset (``transport``, a Python
    codec: see ``transport_codec``), their declared charset, or a detected charset: the text, and its UTF-8
    form when that is ``data`` itself (saves encoding it again).

    Valid UTF-8 is UTF-8 whatever the transport or the page says: a text in a legacy charset is almost never
    valid UTF-8, and a UTF-8 page served as ISO-8859-1 (HTTP's old default) is common."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if encoding == "utf-8":
                try:
                    return body.decode("utf-8"), body
                except UnicodeDecodeError:
                    return body.decode("utf-8", errors="cleaner.cp1252"), None
            return body.decode(encoding, errors="replace"), None
    wide = _sniff_wide(data)
    if wide:
        return data.decode(wide, errors="replace"), None
    try:
        check_binary_bytes(data)
    except BinaryInputError:
        wide = _utf16_by_shape(data)  # text with few ASCII characters (CJK) has few NULs: it looked binary
        if wide is None:
            raise
        return data.decode(wide, errors="replace"), None
    if data.isascii():
        if b"\x1b$" in data or b"\x1b(" in data:  # ISO-2022-JP is 7-bit: escapes switch the character set
            try:
                return data.decode("iso2022_jp_ext"), None
            except UnicodeDecodeError:
                pass
        return data.decode("ascii"), data
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        pass
    for name in ([transport] if transport else []) + _declared_charsets(data):
        text = _decode_declared(data, name)
        if text is not None:
            return text, None
    return _guess(data), None


def _declared_charsets(data: bytes) -> list[str]:
    """Python codec names of the charsets the page declares, mapped as browsers map them: only labels of the
    WHATWG Encoding Standard count (``charsets.txt``); any other label is ignored."""
    head = data[:16384]
    labels = charset_labels()
    names = []
    for m in (_XML_ENCODING.search(head), _META_CHARSET.search(head)):
        if not m:
            continue
        name = labels.get(m.group(1).decode("ascii").strip().lower())
        if name and name not in names:
            names.append(name)
    return names


def charset_labels() -> dict[str, str]:
    """label -> Python codec, for every WHATWG label a page may declare and that is honoured (see ``charsets.txt``)."""
    return {label: codec for label, (_, codec) in _whatwg_labels().items() if codec != "-"}


@functools.cache
def _whatwg_labels() -> dict[str, tuple[str, str]]:
    """Every label of the WHATWG Encoding Standard -> (its encoding's name, its Python codec or '-')."""
    import os

    with open(os.path.join(os.path.dirname(__file__), "charsets.txt"), encoding="ascii") as fh:
        lines = fh.read().splitlines()
    table = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            name, codec, *labels = line.split()
            table.update(dict.fromkeys(labels, (name, codec)))
    return table


def is_charset_label(label: str) -> bool:
    """Whether ``label`` names an encoding of the WHATWG Encoding Standard (case and outer blanks ignored)."""
    return label.strip().lower() in _whatwg_labels()


_CHARSET_PARAM = LazyPattern(r"""(?:^|;)\s*charset\s*=\s*["']?\s*([^"';\s]{1,40})""", re.I)


def transport_codec(encoding: str | None, content_type: str | None) -> str | None:
    """The Python codec of the charset the page came with (an HTTP ``Content-Type``, a WARC record's, Scrapy's
    response encoding): ``encoding``, a label, else the ``charset=`` of ``content_type``.  None when neither
    names an encoding browsers decode with (an unknown label is ignored, as browsers ignore it).  A transport's
    UTF-8 is honoured (a page's own ``<meta charset=utf-8>`` on bytes that are not UTF-8 is not: see
    ``charsets.txt``)."""
    if encoding is None and content_type:
        m = _CHARSET_PARAM.search(content_type)
        encoding = m.group(1) if m else None
    if not encoding:
        return None
    name, codec = _whatwg_labels().get(encoding.strip().lower(), (None, "-"))
    if name == "utf-8":
        return "utf-8"
    return None if codec == "-" else codec


def _decode_declared(data: bytes, name: str) -> str | None:
    """Decode by a declared charset; None when the bytes plainly are not in it."""
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    # A page cut off in the middle of a character, or with a few broken bytes, is still in its charset.
    text = data.decode(name, errors="replace")
    return text if text.count("\ufffd") <= max(2, len(text) // 1000) else None


def _sniff_wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM: ASCII characters (spaces, digits, markup) leave NUL bytes
    at fixed positions."""
    sample = data[:4000]
    n = len(sample)
    if n < 8:
        return None
    quarter = n // 4  # whole code units only: a text cut short by a byte or three is still UTF-32
    cols = [sample[i:quarter * 4:4].count(0) for i in range(4)]
    if cols[3] > 0.95 * quarter and cols[2] > 0.9 * quarter and cols[0] < 0.5 * quarter:
        return "utf-32-le"
    if cols[0] > 0.95 * quarter and cols[1] > 0.9 * quarter and cols[3] < 0.5 * quarter:
        return "utf-32-be"
    half = n // 2
    even, odd = sample[0:half * 2:2].count(0), sample[1:half * 2:2].count(0)
    if odd > 0.1 * half and even < 0.01 * half and odd > 5 * even:
        return "utf-16-le"
    if even > 0.1 * half and odd < 0.01 * half and even > 5 * odd:
        return "utf-16-be"
    return None


def _utf16_by_shape(data: bytes) -> str | None:
    """UTF-16 without a BOM whose text is mostly outside ASCII (Japanese, Chinese): few NUL bytes, but one byte
    of each pair (the high one: the script's block) takes fewer values than the other, and the sample decodes
    strictly (random bytes have unpaired surrogates within a few hundred bytes) to printable characters
    (random ones are about a fifth unassigned, private-use or controls).  None when it is not that."""
    sample = data[:4000]
    sample = sample[:len(sample) & ~1]
    if len(sample) < 128:  # too short to tell from random bytes
        return None
    even, odd = set(sample[0::2]), set(sample[1::2])
    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(high) >= len(low):
            continue
        try:
            text = sample.decode(name)
        except UnicodeDecodeError as err:
            if err.start < len(sample) - 2:
                continue
            text = sample[:err.start].decode(name)  # the sample cut a surrogate pair in two
        shown = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
        if shown >= 0.97 * len(text):
            return name
    return None


def _guess(data: bytes) -> str:
    """Not UTF-8 and no usable declaration: find the charset from the bytes."""
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd")
    if len(data) - len(utf8) >= bad:  # more good multi-byte characters than broken bytes: UTF-8 with strays
        return data.decode("utf-8", errors="cleaner.cp1252")
    sample = data[:65536]
    runs = _HIGH_RUN.findall(sample)
    high = sum(len(r) for r in runs)
    single = sum(1 for r in runs if len(r) == 1)
    if high == 0 or single >= 0.6 * high:
        # Non-ASCII bytes alone between ASCII ones: a Latin-script text in a single-byte charset.  The runs that
        # are well-formed UTF-8 characters (a few pasted into a windows-1252 page) are not its letters: they
        # would read as Central European mojibake and tip the choice.
        legacy = [r for r in runs if not _is_utf8_run(r)]
        if len(legacy) < len(runs):
            sample = _HIGH_RUN.sub(lambda m: b" " if _is_utf8_run(m.group()) else m.group(), sample)
        charset = _latin_charset(sample)
        if charset == "cp1252" and len(legacy) < len(runs):
            return data.decode("utf-8", errors="cleaner.cp1252")  # both: UTF-8 where it is, windows-1252 elsewhere
        return data.decode(charset, errors="replace")
    from charset_normalizer import from_bytes  # only for the rare input that is neither of the above

    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        return utf8
    return data.decode(best.encoding, errors="replace")


def _is_utf8_run(run: bytes) -> bool:
    """Non-ASCII bytes that form whole UTF-8 characters (two or more bytes each)."""
    try:
        run.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The single-byte charsets of Latin-script pages (WHATWG encodings), in the order a tie is settled.
LATIN_CHARSETS = ("cp1252", "cp1250", "iso8859_2", "cp1254", "cp1257", "iso8859_13", "iso8859_15")
_NON_ASCII = LazyPattern(r"[^\x00-\x7f]")
_IN_WORD = frozenset("\u2019\u2018\u00b7\u00ad\u2010")  # apostrophes, middle dot, soft hyphen: fine inside a word


def _latin_charset(sample: bytes) -> str:
    """The charset of a Latin-script text in a single-byte charset: the reading whose letters one language's
    alphabet covers best (``latin_alphabets.txt``), with the fewest impossible characters (controls, bytes the
    charset leaves undefined, a symbol or an upper-case letter inside a lower-case word: "zatwierdzi³a").

    windows-1252 and windows-1250 read a Polish "ł" as "³" and "ł" alike; letters alone cannot tell them
    apart, the language can.  (charset_normalizer, tried here, took ISO-8859-2 Polish for ISO-8859-10 and
    Latvian or Spanish for windows-1250 on the test set, fixtures/charsets/.)"""
    best, best_score = "cp1252", None
    for name in LATIN_CHARSETS:
        score = _reading_score(sample.decode(name, errors="replace"))
        if best_score is None or score > best_score:
            best, best_score = name, score
    return best


def _reading_score(text: str) -> int:
    """How plausible a reading of a Latin-script text is: letters of its best-covering language count for it,
    other letters and impossible characters against it."""
    letters: dict[str, int] = {}
    impossible = 0
    n = len(text)
    for m in _NON_ASCII.finditer(text):
        c, i = m.group(), m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if c.isalpha():
            low = c.lower()[:1]
            letters[low] = letters.get(low, 0) + 1
            if c.isupper() and before.islower() and after.islower():
                impossible += 1
        elif c == "\ufffd" or "\x80" <= c <= "\x9f" or (before.isalpha() and after.isalpha() and c not in _IN_WORD):
            impossible += 1
    total = sum(letters.values())
    covered = max((sum(letters.get(c, 0) for c in alphabet) for alphabet in latin_alphabets()), default=0)
    return 2 * covered - total - 2 * impossible


@functools.cache
def latin_alphabets() -> tuple[frozenset[str], ...]:
    """The letters beyond a-z of each language in ``latin_alphabets.txt``."""
    import os

    with open(os.path.join(os.path.dirname(__file__), "latin_alphabets.txt"), encoding="utf-8") as fh:
        lines = [line.split() for line in fh if line.strip() and not line.startswith("#")]
    return tuple(frozenset(letters) for _, *letters in lines)


def check_binary(data: bytes) -> None:
    """Raise BinaryInputError for bytes that start like a known binary format."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is {what}, not HTML or text")
    if data[4:8] == b"ftyp":
        raise BinaryInputError("input is an MP4/QuickTime media file, not HTML or text")


def check_binary_bytes(data: bytes) -> None:
    """Raise BinaryInputError for bytes with many control bytes (not UTF-16/32: checked before)."""
    sample = data[:65536]
    bad = len(sample) - len(sample.translate(None, _BINARY_C0))
    if bad and bad > 0.05 * len(sample):
        raise BinaryInputError("input looks like binary data (control bytes), not HTML or text")


def check_text(text: str) -> None:
    """Raise for text that is mostly control characters or replacement marks (undecodable garbage)."""
    sample = text[:20_000]
    if not sample:
        return
    raw = sample.encode("utf-8", errors="surrogatepass")
    bad = len(raw) - len(raw.translate(None, _BINARY_C0)) + sample.count("\ufffd")
    if bad > 0.1 * len(sample):
        raise BinaryInputError("input looks like binary data, not HTML or text")


def decode_checked(data: str | bytes, max_bytes: int, transport: str | None = None) -> tuple[str, bytes | None]:
    """Decode and sanity-check the input, control characters and all (see ``without_controls``); return
    the text and, when the input was UTF-8 bytes, those bytes.  ``transport``: the codec of the charset the
    bytes came with (``transport_codec``)."""
    utf8 = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} bytes, more than the limit of {max_bytes:,}")
        check_binary(data)
        text, utf8 = _decode(data, transport)
    elif isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} characters, more than the limit of {max_bytes:,}")
        text = data
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(data).__name__}")
    check_text(text)
    if not text:
        raise EmptyInputError("input is empty")
    return text, utf8


# Invisible format characters a reader never sees and a clean text does not carry: the soft hyphen (where a
# word may break), the word joiner, the Mongolian vowel separator, the zero-width space and no-break space
# (written as references, they pass the raw input's ``CONTROL`` pass).
_INVISIBLE = LazyPattern(r"[\u00ad\u2060\u180e\u200b\ufeff]")
# Joiners shape Arabic and Indic letters and build emoji sequences; between two characters that never join
# (Latin letters, digits, punctuation and spaces: below U+0370) or at an end, they are debris.
_STRAY_JOINER = LazyPattern(r"(?:(?<=[\x00-\u036f])|^)[\u200c\u200d]+(?=[\x00-\u036f]|$)")
# Direction marks, embeddings and isolates matter only in a text with right-to-left letters.
_DIRECTION = LazyPattern(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = LazyPattern(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def nfc(text: str) -> str:
    """Composed Unicode (NFC), so that "café" typed two ways is one word to the rules and the dedupe, and
    without the format characters that do not belong in it (``visible``)."""
    if text.isascii():  # ASCII is NFC already, and a text in ASCII never loads unicodedata
        return text
    import unicodedata

    if not text.isprintable():  # a format character is never printable
        text = visible(text)
    return unicodedata.normalize("NFC", text)


def visible(text: str) -> str:
    """The text without invisible format characters where they do not belong: soft hyphens, word joiners
    and zero-width spaces always; joiners (ZWJ, ZWNJ) between characters that never join; direction marks
    in a text without right-to-left letters."""
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    if _DIRECTION.search(text) and not _RIGHT_TO_LEFT.search(text):
        text = _DIRECTION.sub("", text)
    return text


def is_plain(text: str, utf8: bytes | None = None) -> bool:
    """Whether ``strip_controls`` would leave the text as it is (no CR, no control character)."""
    return "\r" not in text and not has_controls(text, utf8)


def without_controls(text: str, plain: bool = False) -> str:
    """The text with line breaks as LF and no control characters (``plain``: it has none, as ``is_plain``
    found); refused when nothing else is left."""
    if not plain:
        text = strip_controls(text)
    if not text or text.isspace():
        raise EmptyInputError("input is only whitespace or control characters")
    return text


def skip_prolog(text: str) -> int:
    """Index after the leading whitespace and HTML comments, however long (C-speed steps: a regex over the
    whitespace, ``str.find`` for the end of each comment)."""
    i, n = 0, len(text)
    while i < n:
        i = _BLANK.match(text, i).end()
        if not text.startswith("<!--", i):
            return i
        end = text.find("-->", i + 4)
        if end == -1:
            return n
        i = end + 3
    return i


KIND_SAMPLE = 100_000  # characters detect_kind reads, after the prolog


def detect_kind(text: str, plain: bool = True) -> str:
    """'html' for a web page, else 'text'.  A text that mentions a tag or two is still text.

    The leading whitespace and comments are looked past, however long (5,000 blank lines before
    ``<html>`` still make a page); the checks read ``KIND_SAMPLE`` characters after them.  ``plain``: the
    text has no control characters (see ``is_plain``); when it may have some, the sample is stripped first."""
    start = skip_prolog(text)
    head = text[start:start + KIND_SAMPLE]
    if not plain:
        head = strip_controls(head)
    if "<" not in head:
        return "text"  # no tag where the checks below look for one
    if _HTML_OPEN.match(head):
        return "html"
    tags = _HTML_TAG.findall(head)
    if not tags:
        return "text"
    n = len(tags)
    if head[0] == "<" and _HTML_TAG.match(head) and n >= 3:
        return "html"  # a fragment: starts with a structural tag
    closing = sum(1 for slash in tags if slash)
    lines = head.count("\n") + 1
    # A page has tags on every few lines and every few hundred characters, and closes them; a text
    # about HTML mentions a few, far apart.
    if n >= 8 and closing >= 2 and n * 40 > lines and n * 500 > len(head):
        return "html"
    return "text"
