"""The rules in the user's hands: a phrase file, a config file, and the user's rules they make.

A **phrase file** (``cleaner --phrases FILE``) is written as the lexicon's own files are: a ``[list]`` line, then
one phrase a line; ``#`` lines are comments.  A **config file** (``~/.config/cleaner/config.toml``, or
``$XDG_CONFIG_HOME/cleaner/config.toml``, or ``--config FILE``) is TOML::

    [options]                     # defaults for the command's options (the command line still wins)
    format = "json"
    jobs = 2

    [rules]
    disable = ["social.share", "counters"]          # rules, or whole families

    [[rules.add]]                                   # a rule of your own: a name and a pattern
    name = "podcast"
    pattern = "^listen to (our|the) podcast"        # a Python regular expression, searched case-insensitively
    max_words = 20                                  # (optional) blocks longer than this are never its business

    [phrases.en]                                    # extra phrases, per language and list
    ads = ["Promoted content", "Partner content"]
    promo_prefix = ["Also on our site"]

Both become one immutable ``UserRules`` (in ``Options.user_rules``): each list of phrases is a rule named
``user.<list>``, each pattern ``user.<name>``; ``--explain`` names them so, and ``--list-rules`` shows them with
the file they come from.  They are asked after cleaner's own rules.  Every mistake is a ``ConfigError`` naming
the file and the line.  Nothing here is read unless asked: ``clean()`` never reads a config file.
"""
from __future__ import annotations

import os
import re

from .article import Frozen
from .errors import CleanerError

# The phrase lists a user may add to, and how a phrase of each marks a block as noise: the block is the phrase
# ("block"), starts with it ("start"), or holds it ("holds": anywhere in a block of at most HOLDS_MAX_WORDS words).
USER_LISTS = {
    "share": "block", "ads": "block", "section_end": "block", "caption": "block",
    "promo_prefix": "start", "follow_prefix": "start", "caption_prefix": "start", "byline_prefix": "start",
    "dateline": "start", "reading_time": "start",
    "newsletter": "holds", "consent": "holds", "affiliate": "holds", "rights": "holds", "enlarge_hint": "holds",
    "credit_phrase": "holds",
}
HOLDS_MAX_WORDS = 30
PATTERN_MAX_WORDS = 60
OPTIONS = {  # [options] in the config file: name -> the type its value must have
    "format": str, "kind": str, "explain": bool, "max_bytes": int, "jobs": (int, str), "timeout": (int, float),
    "quiet": bool, "field": str, "url_field": str, "into": str, "all_statuses": bool, "fast": bool,
}
_NAME = re.compile(r"[a-z0-9_]{1,40}\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?\Z")


class ConfigError(CleanerError):
    """A phrase or config file that cannot be used; the message names the file and the line."""


class UserRules(Frozen):
    """The user's phrases and patterns, as rules (see the module docstring).

    ``phrases``: ``(list, phrases)`` pairs (phrases lower-cased, in a tuple); ``patterns``: ``(name, pattern,
    max_words)`` triples; ``sources``: the files they came from (for ``--list-rules``)."""

    __slots__ = ("phrases", "patterns", "sources")

    def __init__(self, phrases=(), patterns=(), sources=()) -> None:
        merged: dict[str, list[str]] = {}
        for key, values in phrases:
            if key not in USER_LISTS:
                raise ValueError(f"unknown phrase list {key!r} (the lists: {', '.join(USER_LISTS)})")
            merged.setdefault(key, []).extend(v for v in values if v not in merged[key])
        names = [name for name, _, _ in patterns]
        if len(set(names)) != len(names):
            raise ValueError("two patterns have the same name")
        for name, pattern, max_words in patterns:
            _compiled(pattern)
        self._set(tuple((k, tuple(v)) for k, v in merged.items()), tuple(patterns), tuple(sources))

    def __bool__(self) -> bool:
        return bool(self.phrases or self.patterns)

    def __add__(self, other: UserRules) -> UserRules:
        return UserRules(self.phrases + other.phrases, self.patterns + other.patterns, self.sources + other.sources)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(f"user.{key}" for key, _ in self.phrases) | frozenset(f"user.{n}" for n, _, _ in self.patterns)

    def rules(self) -> tuple:
        """The rules (``cleaner.rules.Rule``) these phrases and patterns make."""
        return _rules(self)


def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _rules(user: UserRules) -> tuple:
    from .lexicon import PhraseSet
    from .rules import Rule

    made = []
    for key, phrases in user.phrases:
        how = USER_LISTS[key]
        found = PhraseSet(frozenset(phrases))
        doc = {"block": "a block that is one of your {key} phrases", "start": "a block that starts with one of "
               "your {key} phrases", "holds": "a short block that holds one of your {key} phrases"}[how]
        made.append(Rule(f"user.{key}", _phrase_matcher(how, found, frozenset(phrases), doc.format(key=key)), "any",
                         HOLDS_MAX_WORDS if how == "holds" else 12 if how == "block" else 25))
    for name, pattern, max_words in user.patterns:
        made.append(Rule(f"user.{name}", _pattern_matcher(_compiled(pattern), f"a block that matches /{pattern}/"),
                         "any", max_words))
    return tuple(made)


def _phrase_matcher(how: str, found, exact: frozenset[str], doc: str):
    def match(t, lex) -> str | None:
        if how == "block":
            hit = t.norm in exact
        elif how == "start":
            hit = found.prefix(t.tokens) > 0
        else:
            hit = found.find(t.tokens) is not None or (found.wordless and found.in_text(t.norm))
        return "your phrase" if hit else None

    match.__doc__ = doc
    return match


def _pattern_matcher(compiled: re.Pattern, doc: str):
    def match(t, lex) -> str | None:
        return "your pattern" if compiled.search(t.text) else None

    match.__doc__ = doc
    return match


# ---------------------------------------------------------------------------------------------
# the files

def config_path() -> str:
    """Where the config file is looked for: ``$XDG_CONFIG_HOME/cleaner/config.toml`` (``~/.config/...``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "cleaner", "config.toml")


def read_phrases(path: str) -> UserRules:
    """The phrases of a phrase file (``[list]`` lines, then one phrase a line; ``#`` comments)."""
    text = _read(path)
    phrases: dict[str, list[str]] = {}
    key = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            key = stripped[1:-1].strip()
            if key not in USER_LISTS:
                raise ConfigError(f"{path}, line {number}: unknown list [{key}] (the lists: {', '.join(USER_LISTS)})")
            phrases.setdefault(key, [])
            continue
        if key is None:
            raise ConfigError(f"{path}, line {number}: a phrase before the first [list] line")
        phrases[key].append(stripped.lower())
    return UserRules(tuple(phrases.items()), (), (path,))


class Config(Frozen):
    """A config file: the defaults it gives the command's options, the rules it disables, its own rules."""

    __slots__ = ("path", "options", "disabled", "user_rules")

    def __init__(self, path: str | None = None, options=(), disabled=(), user_rules: UserRules | None = None) -> None:
        self._set(path, tuple(options), tuple(disabled), user_rules or UserRules())


def read_config(path: str) -> Config:
    """The config file at ``path``, checked; ``ConfigError`` naming the line of the first mistake."""
    data = _toml(path)
    where = _Locator(path, _read(path))
    unknown = sorted(set(data) - {"options", "rules", "phrases"})
    if unknown:
        raise ConfigError(where.key(unknown[0]) + f"unknown section {unknown[0]!r} (the sections: options, rules, "
                                                  "phrases)")
    options = []
    for name, value in _table(data, "options", where).items():
        wanted = OPTIONS.get(name)
        if wanted is None:
            raise ConfigError(where.key(name, "options") + f"unknown option {name!r} (the options: "
                                                            f"{', '.join(OPTIONS)})")
        if isinstance(value, bool) and wanted is not bool or not isinstance(value, wanted):
            raise ConfigError(where.key(name, "options") + f"{name} cannot be {value!r}")
        options.append((name, value))
    rules = _table(data, "rules", where)
    extra = sorted(set(rules) - {"disable", "add"})
    if extra:
        raise ConfigError(where.key(extra[0], "rules") + f"unknown key {extra[0]!r} in [rules] (disable, add)")
    disabled = rules.get("disable", [])
    if not isinstance(disabled, list) or not all(isinstance(n, str) for n in disabled):
        raise ConfigError(where.key("disable", "rules") + "disable must be a list of rule or family names")
    patterns = []
    for i, entry in enumerate(rules.get("add", [])):
        at = where.nth("[[rules.add]]", i)
        if not isinstance(entry, dict) or set(entry) - {"name", "pattern", "max_words"}:
            raise ConfigError(at + "a [[rules.add]] has a name, a pattern and perhaps max_words, nothing else")
        name, pattern = entry.get("name"), entry.get("pattern")
        if not isinstance(name, str) or not _NAME.match(name):
            raise ConfigError(at + f"the name must be lower-case letters, digits and '_', not {name!r}")
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(at + f"rule {name!r} needs a pattern (a string)")
        try:
            _compiled(pattern)
        except re.error as err:
            raise ConfigError(at + f"rule {name!r}: the pattern is not a regular expression: {err}") from None
        max_words = entry.get("max_words", PATTERN_MAX_WORDS)
        if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
            raise ConfigError(at + f"rule {name!r}: max_words must be a whole number of at least 1")
        patterns.append((name, pattern, max_words))
    phrases = []
    for language, lists in _table(data, "phrases", where).items():
        if not _LANGUAGE.match(language) or not isinstance(lists, dict):
            raise ConfigError(where.key(language, "phrases") + f"[phrases.{language}]: a language code (en, de, "
                                                                "pt-br ...) holding lists of phrases")
        for key, values in lists.items():
            if key not in USER_LISTS:
                raise ConfigError(where.key(key, f"phrases.{language}") + f"unknown list {key!r} (the lists: "
                                                                           f"{', '.join(USER_LISTS)})")
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise ConfigError(where.key(key, f"phrases.{language}") + f"{key} must be a list of phrases")
            phrases.append((key, tuple(v.strip().lower() for v in values)))
    try:
        user = UserRules(tuple(phrases), tuple(patterns), (path,))
    except ValueError as err:
        raise ConfigError(f"{path}: {err}") from None
    return Config(path, options, disabled, user)


def _read(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise ConfigError(f"cannot read {path}: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ConfigError(f"{path}, line {line}: not UTF-8 text") from None


def _toml(path: str) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise ConfigError(f"{path}: reading a TOML config file needs Python 3.11, or the tomli package on 3.10 "
                              "(pip install tomli)") from None
    text = _read(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        if m:
            message = f"line {m.group(1)}: " + message[:m.start()].strip()
        raise ConfigError(f"{path}, {message}") from None


def _table(data: dict, name: str, where: _Locator) -> dict:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(where.key(name) + f"{name} must be a [{name}] section")
    return value


class _Locator:
    """The line of a key in a TOML file, for messages (TOML readers give lines only for syntax errors)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def key(self, key: str, table: str | None = None) -> str:
        """Where ``key`` is set in ``table`` (None: the top level), or where the table ``table.key`` starts."""
        current = None  # the table the line is in
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                current = stripped.strip("[]").strip()
                if current == (f"{table}.{key}" if table else key) or (table is None and current.startswith(key + ".")):
                    return f"{self.path}, line {number}: "
                continue
            if current == table and re.match(rf'\s*"?{re.escape(key)}"?\s*=', line):
                return f"{self.path}, line {number}: "
        return f"{self.path}: "

    def nth(self, header: str, index: int) -> str:
        seen = -1
        for number, line in enumerate(self.lines, 1):
            if line.strip().replace(" ", "") == header:
                seen += 1
                if seen == index:
                    return f"{self.path}, line {number}: "
        return f"{self.path}: "


__all__ = ["Config", "ConfigError", "UserRules", "USER_LISTS", "config_path", "read_config", "read_phrases"]
