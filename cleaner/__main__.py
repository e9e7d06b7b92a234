"""Entry point of the `cleaner` command and of `python -m cleaner`.

`cleaner --version` is answered here, before click and the pipeline are imported, so that scripts
probing the tool pay for the interpreter's start-up only.
"""
import os
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from . import __version__

        sys.stdout.write(f"cleaner, version {__version__}\n")
        _leave(SystemExit(0))
        return
    from .cli import main as cli_main

    try:
        cli_main()
    except SystemExit as done:
        _leave(done)
        raise


def _leave(done: SystemExit) -> None:
    """End the process at once with ``done``'s status when the interpreter's teardown has nothing to do
    but free every module (3-7 ms of a `cleaner < page` run): its output flushed, no exit handlers
    registered, no other thread running.  Otherwise return, and the caller exits the usual way."""
    status = 0 if done.code is None else done.code
    if not isinstance(status, int) or _has_exit_work():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a flush that fails: the usual exit reports it as it always did
        return
    os._exit(status)


def _has_exit_work() -> bool:
    import atexit

    if getattr(atexit, "_ncallbacks", lambda: 1)():
        return True
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


if __name__ == "__main__":
    main()
