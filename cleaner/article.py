"""The data model shared by every stage and every output: Block, Removal, Article.

These classes (and ``Options``, ``Lexicon``) are dataclasses written out by hand: ``@dataclass``
costs about a millisecond a class at import, and its module pulls in ``inspect`` (~10 ms), both paid
by every ``cleaner < file``.  ``@record`` gives them what ``@dataclass`` would (``__eq__``,
``__hash__``, ``__repr__``, ``__replace__``, class-level defaults, ``__annotations__``,
``__match_args__``, ``FrozenInstanceError``), and the ``dataclasses`` module still sees dataclasses
(``fields``, ``replace``, ``asdict``, ``is_dataclass``): their metadata is built, on first use, from
a real ``@dataclass`` made from the ``__init__`` signature.
"""
from __future__ import annotations


def record(*, frozen: bool, eq: bool = True, hidden: tuple[str, ...] = ()):
    """Class decorator: the fields are the parameters of the class's own ``__init__``, in order, with
    its defaults and annotations.  ``hidden`` fields stay out of ``repr`` (``field(repr=False)``)."""

    def decorate(cls: type) -> type:
        init = cls.__init__
        code = init.__code__
        if code.co_kwonlyargcount or code.co_flags & 0x0C:  # keyword-only, *args, **kwargs: not fields
            raise TypeError(f"@record: {cls.__name__}.__init__ takes only positional-or-keyword fields")
        names = code.co_varnames[1:code.co_argcount]
        defaults = dict(zip(names[len(names) - len(init.__defaults__ or ()):], init.__defaults__ or ()))
        if "__slots__" not in cls.__dict__:  # a slot's descriptor must stay: no class-level default then
            for name, value in defaults.items():
                setattr(cls, name, value)
        else:  # pickle and copy a slotted (perhaps frozen) record by its fields, as @dataclass(slots=True) does
            def __getstate__(self) -> tuple:
                return tuple(getattr(self, n) for n in names)

            def __setstate__(self, state: tuple) -> None:
                for n, value in zip(names, state):
                    object.__setattr__(self, n, value)

            cls.__getstate__ = __getstate__
            cls.__setstate__ = __setstate__
        cls.__annotations__ = {n: init.__annotations__[n] for n in names if n in init.__annotations__}
        cls.__match_args__ = names
        shown = tuple(n for n in names if n not in hidden)

        def __repr__(self) -> str:
            return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

        def __replace__(self, **changes: object):  # copy.replace (Python 3.13), as dataclasses.replace
            return cls(**{**{n: getattr(self, n) for n in names}, **changes})

        cls.__repr__ = __repr__
        cls.__replace__ = __replace__
        if eq:
            def __eq__(self, other: object) -> bool:
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

            cls.__eq__ = __eq__
            if frozen:
                def __hash__(self) -> int:
                    return hash(tuple(getattr(self, n) for n in names))

                cls.__hash__ = __hash__
            else:
                cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value: unhashable
        if frozen:
            def __setattr__(self, name: str, value: object) -> None:
                if type(self) is cls or name in names:
                    from dataclasses import FrozenInstanceError

                    raise FrozenInstanceError(f"cannot assign to field {name!r}")
                super(cls, self).__setattr__(name, value)

            def __delattr__(self, name: str) -> None:
                if type(self) is cls or name in names:
                    from dataclasses import FrozenInstanceError

                    raise FrozenInstanceError(f"cannot delete field {name!r}")
                super(cls, self).__delattr__(name)

            cls.__setattr__ = __setattr__
            cls.__delattr__ = __delattr__

        def metadata() -> None:  # for the dataclasses module: from a real dataclass with the same fields
            import dataclasses

            spec = []
            for name in names:
                default = {"default": defaults[name]} if name in defaults else {}
                spec.append((name, init.__annotations__.get(name, "object"),
                             dataclasses.field(repr=name not in hidden, **default)))
            twin = dataclasses.make_dataclass(cls.__name__, spec, frozen=frozen, eq=eq)
            cls.__dataclass_fields__ = twin.__dataclass_fields__
            cls.__dataclass_params__ = twin.__dataclass_params__

        cls.__dataclass_fields__ = _OnFirstUse(cls, "__dataclass_fields__", metadata)
        cls.__dataclass_params__ = _OnFirstUse(cls, "__dataclass_params__", metadata)
        return cls

    return decorate


class _OnFirstUse:
    """A class attribute that ``make()`` computes on first use and stores on the class in its place."""

    def __init__(self, owner: type, name: str, make) -> None:
        self.owner, self.name, self.make = owner, name, make

    def __get__(self, obj: object, cls: type | None = None):
        self.make()
        return self.owner.__dict__[self.name]


@record(frozen=False)
class Block:
    """One candidate piece of text: a line of scraped text or an element of an HTML page.

    Stages fill in ``kind`` (p, h, li, quote, ...), ``label`` (the classifier's verdict)
    and ``reason`` (why).  Blocks live only inside one ``clean()`` call.
    """

    __slots__ = ("text", "kind", "label", "reason")  # a page of text has thousands of blocks

    def __init__(self, text: str, kind: str = "p",
                 label: str = "good",  # good | bad | short | neargood | title
                 reason: str = "") -> None:
        self.text = text
        self.kind = kind
        self.label = label
        self.reason = reason


@record(frozen=True)
class Removal:
    """A fragment stripped from the input, and which stage and rule stripped it."""

    __slots__ = ("text", "stage", "rule")  # one for every line a page of text loses

    def __init__(self, text: str, stage: str, rule: str) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "stage", stage)
        object.__setattr__(self, "rule", rule)

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "stage": self.stage, "rule": self.rule}


@record(frozen=True, hidden=("removed",))
class Article:
    """A cleaned article.  ``text`` is the paragraphs joined by one blank line, never the title."""

    def __init__(self, title: str | None = None, paragraphs: tuple[str, ...] = (), authors: tuple[str, ...] = (),
                 date_published: str | None = None, site_name: str | None = None, url: str | None = None,
                 language: str | None = None, kind: str = "text", removed: tuple[Removal, ...] = ()) -> None:
        self.__dict__.update(title=title, paragraphs=paragraphs, authors=authors, date_published=date_published,
                             site_name=site_name, url=url, language=language, kind=kind, removed=removed)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def to_dict(self, *, with_removed: bool = True) -> dict[str, object]:
        """JSON-ready fields, under the names the README documents."""
        out: dict[str, object] = {
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "authors": list(self.authors),
            "date_published": self.date_published,
            "site_name": self.site_name,
            "url": self.url,
            "language": self.language,
            "kind": self.kind,
            "word_count": self.word_count,
        }
        if with_removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out


# The field names every tabular interface (JSON Lines, Spark) uses, in order.
ARTICLE_FIELDS = ("title", "text", "paragraphs", "authors", "date_published", "site_name",
                  "url", "language", "kind", "word_count")

__all__ = ["Article", "Block", "Removal", "ARTICLE_FIELDS"]
