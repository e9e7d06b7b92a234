"""Dates as pages write them: "March 5, 2024", "5 mars 2024", "2024-03-05", "05/03/2024", a URL's /2024/03/05/.

Every date comes out as ISO ``YYYY-MM-DD``, or None when the text holds no whole, valid date (a month and a
year alone are no publication date).  Month names come from ``lexicon/months.txt``.  Plain code, no
dateparser: the HTML metadata and the text path read dates with it, at no start-up cost.
"""
from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from functools import lru_cache

from .lazy_re import LazyPattern

EARLIEST_YEAR = 1990  # before the web: a year in a page's text, not its date


@lru_cache(maxsize=None)
def month_numbers() -> dict[str, int]:
    """Month name (lower case) -> its number, from the data file."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon", "months.txt")
    with open(path, encoding="utf-8") as fh:
        lines = [line.split() for line in fh if line.strip() and not line.startswith("#")]
    return {name: int(number) for number, *names in lines for name in names}


YEAR = r"(?:19|20)\d\d"  # a year of a page's date, in the patterns of written dates


@lru_cache(maxsize=None)
def _text_date():
    """The pattern of a written date: month name and day in either order, or digits."""
    import re

    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    year = YEAR
    return re.compile(
        rf"(?i)(?<![\w-])(?P<m1>{names})\.?\s{{0,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{0,3}}(?P<y1>{year})(?!\d)"
        rf"|(?<![\w.-])(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|\.)?(?:\s{{0,3}}|-)(?:of\s|de\s)?\s{{0,2}}(?P<m2>{names})"
        rf"\.?,?(?:\s{{0,3}}|-)(?:de\s{{1,3}})?(?P<y2>{year})(?!\d)"
        rf"|(?<![\w.-])(?P<y3>{year})(?P<s3>[-/.•])(?P<m3>\d{{1,2}})(?P=s3)(?P<d3>\d{{1,2}})(?![\d])"
        rf"|(?<![\w.-])(?P<a4>\d{{1,2}})(?P<s4>[-/.])(?P<b4>\d{{1,2}})(?P=s4)(?P<y4>{year})(?!\d)")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found.isoformat() if EARLIEST_YEAR <= year and found <= date.today() else None


def _from_match(m) -> str | None:
    g = m.groupdict()
    if g["m1"]:
        return _valid(int(g["y1"]), month_numbers()[g["m1"].lower()], int(g["d1"]))
    if g["m2"]:
        return _valid(int(g["y2"]), month_numbers()[g["m2"].lower()], int(g["d2"]))
    if g["y3"]:
        return _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    first, second, year = int(g["a4"]), int(g["b4"]), int(g["y4"])
    if g["s4"] == ".":  # 05.03.2024: day first, as the languages that write it so
        return _valid(year, second, first)
    return _valid(year, first, second) or _valid(year, second, first)  # 03/05/2024: month first, as in the US


_YEAR = LazyPattern(YEAR)  # every date ``_text_date`` reads has a year


def dates_in(text: str):
    """(start, end, ISO date) of each date the text writes out, in order."""
    if _YEAR.search(text) is None:
        return
    for m in _text_date().finditer(text):
        found = _from_match(m)
        if found:
            yield m.start(), m.end(), found


def date_at_start(text: str) -> tuple[int, str] | None:
    """(end, ISO date) of the date the text starts with (the first of ``dates_in``, when it starts at 0)."""
    m = _text_date().match(text)
    found = _from_match(m) if m else None
    return (m.end(), found) if found else None


_ISO = LazyPattern(r"^\s*((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?:[T\s]|$)")


def parse_date(text: str | None) -> str | None:
    """The date a metadata value or a short text holds (ISO 8601 first, then as written), else None."""
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        found = _valid(*map(int, m.groups()))
        if found:
            return found
    return next((found for _, _, found in dates_in(text[:200])), None)


_MOMENT = LazyPattern(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)[T\s](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*"
                      r"(?:(Z)|([+-])(\d\d):?(\d\d))\s*$")
EARLIEST_OFFSET, LATEST_OFFSET = -12 * 60, 14 * 60  # minutes from UTC of the world's time zones


def days_of_moment(text: str | None) -> tuple[str, str] | None:
    """The first and the last day a timestamp with its UTC offset (``2025-12-19T22:02:58Z``) falls on in the
    world's time zones, as ISO dates; None for a value without a time or an offset (its zone unknown)."""
    m = _MOMENT.match(text or "")
    if m is None:
        return None
    year, month, day, hour, minute = (int(g) for g in m.group(1, 2, 3, 4, 5))
    offset = 0 if m.group(6) else (int(m.group(8)) * 60 + int(m.group(9))) * (-1 if m.group(7) == "-" else 1)
    try:
        utc = datetime(year, month, day, hour, minute) - timedelta(minutes=offset)
    except ValueError:
        return None
    return ((utc + timedelta(minutes=EARLIEST_OFFSET)).date().isoformat(),
            (utc + timedelta(minutes=LATEST_OFFSET)).date().isoformat())


_URL_DATE = LazyPattern(r"/((?:19|20)\d\d)(?:/(\d{1,2})/(\d{1,2})|-(\d\d)-(\d\d))(?:[/-]|\.html?|$)")


@lru_cache(maxsize=None)
def _url_named_date():
    """A URL's date with the month's name: ``/2023/october/03/``, ``/2023/oct/03/``."""
    import re

    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    return re.compile(rf"(?i)/((?:19|20)\d\d)/({names})/(\d{{1,2}})(?:/|\.html?|$)")


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2019/11/19/``, ``/2019-11-19-``, ``/2019/nov/19/``), else None.  A date
    written with dashes has two digits to its month and day: a slug's ``/2024-4-4-...`` is a version number."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m:
        year, month, day = (int(g) for g in m.groups() if g)
        return _valid(year, month, day)
    m = _url_named_date().search(url)
    return _valid(int(m.group(1)), month_numbers()[m.group(2).lower()], int(m.group(3))) if m else None


_NUMERIC = LazyPattern(r"^(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d\d)$")


def other_reading(written: str, found: str) -> str | None:
    """The other date a numeric date may be (``03/10/2023``: March 10 read month first, October 3 read day
    first), when its first two numbers can both be a month and differ; else None.  ``found`` is the reading
    ``dates_in`` gave it."""
    m = _NUMERIC.match(written.strip())
    if not m or m.group(1) == m.group(3) or int(m.group(1)) > 12 or int(m.group(3)) > 12:
        return None
    year, month, day = found.split("-")
    return _valid(int(year), int(day), int(month))
