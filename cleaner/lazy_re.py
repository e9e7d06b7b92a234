"""Regular expressions compiled on first use, not at import.

Compiling a pattern takes 0.1-0.5 ms (a large Unicode class, several), and a module's patterns were all
paid at import by every `cleaner < file`, though an input needs few of them (a text in ASCII never needs
the CJK class; a text without '<' none of the HTML ones).  ``LazyPattern(source, flags)`` stands in for
``re.compile(source, flags)``: it has the compiled pattern's methods (``search``, ``match``, ``findall``,
``sub``, ...) and compiles the pattern the first time one of them is asked for.

``ALL`` lists every lazy pattern, so that tests/test_regex_safety.py checks them as it checks the others.
"""
from __future__ import annotations

import re

ALL: list[LazyPattern] = []


class LazyPattern:
    def __init__(self, source: str | bytes, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        ALL.append(self)

    def compiled(self) -> re.Pattern:
        return re.compile(self.source, self.flags)

    def __getattr__(self, name: str):
        """Called for an attribute not set yet (``search``, ...): the compiled pattern's, kept for next time."""
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value
