"""The library's own errors.  ``clean()`` raises nothing else for bad input."""


class CleanerError(ValueError):
    """Input that cannot be cleaned.  ``str(err)`` is one line meant for a user."""


class EmptyInputError(CleanerError):
    """The input is empty or only whitespace."""


class BinaryInputError(CleanerError):
    """The input is not text: an image, a PDF, an archive, random bytes."""


class InputTooLargeError(CleanerError):
    """The input is larger than ``Options.max_bytes``."""


class TimedOutError(CleanerError):
    """The input took longer than the ``timeout`` given to ``clean()`` (its worker process was killed)."""
