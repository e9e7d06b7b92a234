"""The title: for text, a leading headline-like line; for HTML, the metadata title checked against
the page's own headline.  The title never stays in the body."""
from __future__ import annotations

from .article import Block
from .lazy_re import LazyPattern
from .text import NOT_TITLE_ENDS, WORD

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

_SITE_SEP = LazyPattern(r"\s{1,3}[|–—•·:-]\s{1,3}")
_URL_SITE = LazyPattern(r"^[a-z]+://[^/]+")
_SLUG_WORD = LazyPattern(r"[^\W\d_]{3,}")
LOOKBACK = 150  # how many blocks before the article a headline may stand


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def headline_score(block: Block, slug: set[str]) -> float:
    """How much a block looks like a headline; 0 when it cannot be one."""
    text = block.text
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250:
        return 0.0
    if text.endswith(NOT_TITLE_ENDS) and not text.endswith("..."):
        return 0.0
    score = 1.0
    if text.endswith(("?", "!")):
        score -= 0.75  # a question or exclamation under the headline is a lede more often than a headline
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    score += capitalised
    if 4 <= len(words) <= 20:
        score += 1.0
    if slug:
        score += 8 * slug_match(text, slug)
    return score


def slug_match(text: str, slug: set[str]) -> float:
    """F1 of the text's words against the words of a URL's slug (0 to 1)."""
    tokens = _tokens(text)
    common = len(tokens & slug)
    if not common:
        return 0.0
    precision, recall = common / len(tokens), common / len(slug)
    return 2 * precision * recall / (precision + recall)


def url_slug_tokens(url: str | None) -> set[str]:
    """The words of the URL's slug: the part of its path with the most words ("/entertainment-arts/business/
    story/2019-11-19/disney-plus-glitches" -> the last part: section names are not the headline's words)."""
    if not url:
        return set()
    path = _URL_SITE.sub("", url)
    parts = [_SLUG_WORD.findall(part) for part in path.split("/")]
    words = max(reversed(parts), key=len, default=[])  # the last of the longest
    tokens = {w.lower() for w in words}
    return tokens - {"html", "htm", "php", "www", "article", "articles", "news", "story", "index", "amp"}


def title_from_text(blocks: list[Block], start: int, url: str | None,
                    is_noise: Callable[[str], bool] = lambda text: False) -> int | None:
    """Index of the headline among the blocks before the article starts at ``start``; ``is_noise``
    tells a menu label or a promo, which is never the headline."""
    slug = url_slug_tokens(url)
    scored = []
    for i in range(max(0, start - LOOKBACK), start):
        score = headline_score(blocks[i], slug)
        if score:
            scored.append((score + 0.03 * (i - start), i))  # nearer to the article is likelier
    for _, i in sorted(scored, reverse=True):
        if not is_noise(blocks[i].text):
            return i
    return None


def title_from_html(meta_title: str | None, headline: str | None, site_name: str | None) -> str | None:
    """The metadata title, cut of a "| Site" suffix; the page's <h1> when they share the words."""
    title = " ".join((meta_title or "").split()) or None
    if headline:
        head = " ".join(headline.split())
        if title is None:
            return head
        if head == title:
            return title
        ht, tt = _tokens(head), _tokens(title)
        if ht and len(ht & tt) >= 0.6 * len(ht) and len(head) <= len(title):
            return head
    if title:
        parts = _SITE_SEP.split(title)
        if len(parts) > 1:
            longest = max(parts, key=len)
            if site_name is None or site_name.lower() not in longest.lower() or len(longest.split()) > 3:
                return longest.strip()
    return title
