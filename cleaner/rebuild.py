"""Stage 5: kept blocks -> clean paragraphs in reading order."""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[^\S\n]+")


def normalise_text(text: str) -> str:
    """NFC, one space between words, no space at either end."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def dedupe_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def paragraphs(texts: list[str], dedupe: bool = True) -> tuple[list[str], list[str]]:
    """Normalise and drop empty and repeated paragraphs; return (kept, dropped repeats)."""
    kept, repeats, seen = [], [], set()
    for text in texts:
        text = normalise_text(text)
        if not text:
            continue
        key = dedupe_key(text)
        if dedupe and key and key in seen and len(key) > 1:
            repeats.append(text)
            continue
        seen.add(key)
        kept.append(text)
    return kept, repeats
