"""Stage 6: output formats.  Each takes an Article and returns a string; none prints."""
from __future__ import annotations

from .article import Article


def to_text(article: Article) -> str:
    """The title, a blank line, then the paragraphs separated by blank lines."""
    parts = ([article.title] if article.title else []) + list(article.paragraphs)
    return "\n\n".join(parts) + "\n" if parts else ""


def to_markdown(article: Article) -> str:
    lines = []
    if article.title:
        lines.append(f"# {article.title}")
    byline = ", ".join(article.authors)
    meta = " · ".join(x for x in (byline, article.date_published, article.site_name) if x)
    if meta:
        lines.append(f"*{meta}*")
    lines.extend(article.paragraphs)
    return "\n\n".join(lines) + "\n" if lines else ""


def to_json(article: Article, *, explain: bool = False) -> str:
    import json  # here, not at the top: the default text output has no use for it

    return json.dumps(article.to_dict(with_removed=explain), ensure_ascii=False) + "\n"


def explanation(article: Article) -> str:
    """One line per removed fragment: the rule and the text (shortened)."""
    import json

    lines = []
    for r in article.removed:
        text = r.text if len(r.text) <= 100 else r.text[:97] + "..."
        why = f" ({r.detail})" if r.detail else ""
        lines.append(f"removed by {r.rule}{why}: {json.dumps(text, ensure_ascii=False)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS = {"text": to_text, "markdown": to_markdown}
