"""Entry point of the `cleaner` command and of `python -m cleaner`.

`cleaner --version` is answered here, before click and the pipeline are imported, so that scripts
probing the tool pay for the interpreter's start-up only.
"""
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from . import __version__

        sys.stdout.write(f"cleaner, version {__version__}\n")
        return
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
