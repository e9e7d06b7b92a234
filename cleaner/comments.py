"""Reader comments (``clean(..., comments=True)``, ``--comments``): read from the page tree apart from the
article, before trafilatura prunes the comment sections, and returned in ``Article.comments``, never in the
text.

Two sources, the first that gives comments wins:

* the article's JSON-LD ``comment`` list (schema.org ``Comment``: ``author``, ``dateCreated``, ``text``);
* the page's comment section: an element whose id or class names the comments (``#comments``,
  ``.comment-list``, ``#disqus_thread``, as trafilatura's prune finds them), and in it each comment, an element
  whose class names one comment (``li.comment``, ``article.comment``, ``div.comment-body``...) or that holds a
  schema.org ``Comment``; its author is the text of the element that names the author (class ``author``,
  ``fn``, ``username``, ``itemprop=author``), its date the ``<time datetime>`` or the first date written in it,
  its text the paragraphs of its content (class ``content``, ``text``, ``body``, ``itemprop=text``), else all its
  text less the author, the date and the reply links.
"""
from __future__ import annotations

import re

from .article import Comment
from .dates import parse_date
from .detect import nfc

MAX_COMMENTS = 500  # a page with more is cut here: the comments are a sample, not an archive

_SECTION = re.compile(r"(?i)^(?:comments?(?:[-_](?:list|area|section|wrapper|container|thread))?|commentlist|comol"
                      r"|disqus_thread|dsq-comments|respond-comments)$|(?:^|[-_\s])(?:article|post|entry)-comments\b")
_ITEM = re.compile(r"(?i)(?:^|\s)(?:comment|comment-item|single-comment|commentlist-item)(?:\s|$)")  # one comment
_BODY = re.compile(r"(?i)(?:^|\s)(?:comment-body|comment-container|c-comment|media-comment)(?:\s|$)")  # ... or its body
_AUTHOR = re.compile(r"(?i)\b(?:comment-author|author|fn|username|user-name|commenter|comment-name|nickname)\b")
_CONTENT = re.compile(r"(?i)\b(?:comment-content|comment-text|comment-body-text|comment-message|content|text|message)\b")
_NOT_TEXT = re.compile(r"(?i)\b(?:reply|comment-reply|comment-meta|comment-metadata|meta|actions|vote|likes?|avatar"
                       r"|report|share)\b")
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "form", "textarea", "img"})


def read(tree) -> list[Comment]:
    """The page's reader comments, in page order."""
    from .metadata import declared

    article = declared(tree).article
    found = from_json_ld(article) if article else []
    return found or from_page(tree)


def from_json_ld(article: dict) -> list[Comment]:
    """The comments of the article's JSON-LD object (its ``comment`` list)."""
    items = article.get("comment")
    out: list[Comment] = []
    for item in items if isinstance(items, list) else [items]:
        if not isinstance(item, dict):
            continue
        text = _one_line(item.get("text") or item.get("description"))
        if not text:
            continue
        author = item.get("author")
        if isinstance(author, list):
            author = author[0] if author else None
        name = author.get("name") if isinstance(author, dict) else author
        date = parse_date(_one_line(item.get("dateCreated") or item.get("datePublished")))
        out.append(Comment(author=_one_line(name), date=date, text=text))
    return out[:MAX_COMMENTS]


def _one_line(value) -> str | None:
    if not isinstance(value, str):
        return None
    return nfc(" ".join(value.split())) or None


def _names(el, pattern: re.Pattern) -> bool:
    return any(pattern.search(el.get(attr) or "") for attr in ("class", "id"))


def sections(tree) -> list:
    """The page's comment sections (the outermost ones)."""
    found = []
    for el in tree.iter("div", "section", "ol", "ul", "aside", "footer"):
        if any(_SECTION.search(v) for v in ((el.get("id") or ""), *(el.get("class") or "").split())):
            if not any(other in found for other in el.iterancestors()):
                found.append(el)
    return found


def _is_item(el) -> bool:
    """One comment (a reply nested in another is one too)."""
    return _names(el, _ITEM) or "schema.org/Comment" in (el.get("itemtype") or "")


def from_page(tree) -> list[Comment]:
    out: list[Comment] = []
    for section in sections(tree):
        for el in section.iter("li", "article", "div"):
            if el is section:
                continue
            if not _is_item(el) and not (_names(el, _BODY) and not any(map(_is_item, el.iterancestors()))):
                continue
            comment = _comment(el)
            if comment is not None:
                out.append(comment)
            if len(out) >= MAX_COMMENTS:
                return out
    return out


def _skipped(node, top, skip) -> bool:
    """Whether the node lies in what a comment's text leaves out: a script, a reply link, the comment's
    metadata, its author's element (``skip``), a reply nested in it."""
    while node is not None and node is not top:
        if (node.tag in _SKIP or node is skip or _names(node, _NOT_TEXT) or node.get("itemprop") == "author"
                or _is_item(node)):
            return True
        node = node.getparent()
    return False


def _text_of(el, skip=None) -> str:
    """The element's own text (see ``_skipped``), whitespace collapsed."""
    parts = []
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.text and not _skipped(node, el, skip):
            parts.append(node.text)
        if node is not el and node.tail and not _skipped(node.getparent(), el, skip):
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def _own(el):
    """The element's descendants, less the replies nested in it and what they hold."""
    walker = el.iterdescendants()
    for node in walker:
        if isinstance(node.tag, str) and not _in_reply(node, el):
            yield node


def _in_reply(node, top) -> bool:
    while node is not None and node is not top:
        if _is_item(node):
            return True
        node = node.getparent()
    return False


def _comment(el) -> Comment | None:
    own = list(_own(el))
    named = [n for n in own if n.get("itemprop") in ("author", "name") or _names(n, _AUTHOR)]
    author_el = named[0] if named else None
    for n in named[1:]:  # the innermost: "<div class=comment-author><b class=fn>Jane</b> says:</div>"
        if author_el in n.iterancestors():
            author_el = n
    author = _one_line(" ".join(author_el.text_content().split())) if author_el is not None else None
    date = None
    for n in own:
        if n.tag == "time" or n.get("itemprop") in ("dateCreated", "datePublished"):
            date = parse_date(n.get("datetime") or n.get("content") or n.text_content())
            if date:
                break
    content = [n for n in own if n.get("itemprop") == "text" or _names(n, _CONTENT) and not _names(n, _AUTHOR)]
    content = [n for n in content if not any(c in content for c in n.iterancestors())]
    text = " ".join(_text_of(n) for n in content) if content else _text_of(el, skip=author_el)
    text = _one_line(text)
    if not text:
        return None
    return Comment(author=author, date=date, text=text)
