"""The README's two set-up lines, as a user runs them: in one fresh clone, the install-and-run line, then the
install-and-test line in the same ``.venv``; then the README's wheel-building line, whose wheel is this project;
then ``pip uninstall`` leaves nothing of cleaner in site-packages.  And every other install line of the README
and docs/ installs this project from the checkout or that wheel, never the unrelated ``cleaner`` of the index.

This installs the package and its test extras from the package registries (or the local wheels pip is told
about), so it takes a minute or two; it is skipped, with pip's own reason, where pip cannot install
(offline).  ``-m "not install"`` leaves it out of a quick run.  The commands are read from the README's
Quickstart, not copied here: the test runs what a user is told to run.  To stay short, the test suite of the
clone runs only the golden tests (which run the installed ``cleaner`` command in a real pipe).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest



REPO = Path(__file__).resolve().parent.parent
DIST = "cleaner-news"
WHEEL = re.compile(r"dist/cleaner_news-[\d.]+-py3-none-any\.whl")
SUBSET = " -x -k test_golden"  # appended to the README's pytest command
# what pip prints when it cannot reach a registry or find a package there
PIP_OFFLINE = re.compile(r"No matching distribution found|Could not find a version that satisfies|NewConnectionError"
                         r"|Temporary failure in name resolution|Network is unreachable|ProxyError|ConnectTimeout"
                         r"|Read timed out")


def quickstart_lines() -> list[str]:
    """The command lines of the README's Quickstart section, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ") and line.strip()]


def _shell(line: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def _ok(proc: subprocess.CompletedProcess, what: str) -> None:
    output = proc.stdout + proc.stderr
    if proc.returncode and PIP_OFFLINE.search(output):
        pytest.skip(f"pip cannot install here ({what}): {PIP_OFFLINE.search(output).group()}")
    assert proc.returncode == 0, f"{what} failed:\n{output[-3000:]}"


@pytest.mark.install
def test_readme_install_lines_in_one_clone_then_uninstall(tmp_path: Path) -> None:
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: nothing to clone")
    install_and_run, install_and_test = quickstart_lines()
    assert "pip install ." in install_and_run and "pip install -e" in install_and_test
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)

    proc = _shell(install_and_run, clone)
    _ok(proc, "the install-and-run line")
    expected = (clone / "fixtures" / "scraped-article.expected.txt").read_text(encoding="utf-8")
    assert proc.stdout.endswith(expected)  # after pip's own lines: the bundled sample, cleaned

    proc = _shell(install_and_test + SUBSET, clone)
    _ok(proc, "the install-and-test line")
    assert re.search(r"\b\d+ passed\b", proc.stdout), proc.stdout[-2000:]

    build = next(line for line in install_lines() if line.startswith("pip wheel"))
    proc = _shell(".venv/bin/" + build, clone)
    _ok(proc, "the wheel-building line")
    wheels = [p.name for p in (clone / "dist").glob("*.whl")]
    assert len(wheels) == 1 and WHEEL.search("dist/" + wheels[0]), wheels
    import zipfile

    names = zipfile.ZipFile(clone / "dist" / wheels[0]).namelist()
    assert "cleaner/pipeline.py" in names and "cleaner/latin_alphabets.txt" in names and "cleaner/charsets.txt" in names
    assert all(f"cleaner/lexicon/{name}.txt" in names for name in ("side_boxes", "disclosures", "carousels"))

    venv = clone / ".venv"
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                "['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    proc = subprocess.run([str(venv / "bin" / "pip"), "uninstall", "-y", DIST], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    left = sorted(p.name for p in site.iterdir() if "cleaner" in p.name.lower())
    assert left == [], f"left in site-packages after pip uninstall: {left}"
    pth = [p.name for p in site.glob("*.pth") if str(clone) in p.read_text(encoding="utf-8", errors="replace")]
    assert pth == [], f".pth files still pointing at the clone: {pth}"
    assert not (venv / "bin" / "cleaner").exists()


def install_lines() -> list[str]:
    """Every ``pip install`` / ``pip wheel`` command of the README and docs/, as written (prompt and venv path
    left out)."""
    lines = []
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            for m in re.finditer(r"pip (?:install|wheel)[^`#&]*", line):
                lines.append(m.group().strip().rstrip("'\"`)( ").strip())
    return lines


# third-party packages the docs may name on their own
OTHERS = {"atheris", "venv-pack", "warcio", "brotli", "tomli", "zstandard"}


@pytest.mark.parametrize("line", install_lines())
def test_every_install_line_installs_this_project(line: str) -> None:
    words = line.split()[2:]
    targets = [w.strip("'\"") for i, w in enumerate(words)
               if not w.startswith("-") and (i == 0 or words[i - 1] not in ("-w", "--wheel-dir"))]
    assert targets, line
    for target in targets:
        base = re.sub(r"\[.*\]$", "", target)
        assert base in (".", "-e") or WHEEL.fullmatch(base) or base.endswith(".whl") or base in OTHERS, (
            f"{line!r} installs {base!r}: not this checkout, its wheel, or a named third-party package")
        assert not re.fullmatch(r"cleaner(\[.*\])?", target), line
