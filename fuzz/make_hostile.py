"""Write the small hostile inputs in fixtures/hostile/ (run once; the files are committed).

    python fuzz/make_hostile.py

Each file is a few KB.  Large inputs are never committed: tests generate them at run time.
"""
from __future__ import annotations

import codecs
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"

EN = ("The city council voted on Tuesday to approve a new budget for the public library system, "
      "which will extend opening hours across all branches from next month. ")
EN2 = ("Library officials said the extra hours would be paid for by savings elsewhere in the budget, "
       "and that volunteers had offered to help at the smaller branches on weekends. ")
EN3 = ("Residents who spoke at the meeting welcomed the decision, although several asked why the "
       "children's reading room would still close early on Fridays. ")
RU = ("Городской совет во вторник одобрил новый бюджет для системы публичных библиотек, "
      "который продлит часы работы всех филиалов со следующего месяца. ")
JA = "東京都議会は火曜日、公立図書館の新しい予算を承認した。来月から全ての分館で開館時間が延長される。"
ZH = "北京市议会周二批准了公共图书馆系统的新预算，从下个月起所有分馆的开放时间都将延长。"


def page(title: str, paras: list[str], head: str = "", lang: str = "en") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{head}<title>{title}</title></head>\n<body>\n'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
            f"<article><h1>{title}</h1>\n{body}\n</article>\n<footer>Contact us</footer>\n</body></html>\n")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    files["xxe.html"] = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/evil.dtd">]>\n'
        + page("Library hours extended", [EN + "&xxe;", EN + "&net;", EN2 + EN3])[len("<!DOCTYPE html>\n"):]
    ).encode()
    files["external-dtd.html"] = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/xhtml1-strict.dtd">\n'
        '<!DOCTYPE x SYSTEM "file:///etc/passwd">\n'
        + page("Library hours extended", [EN, EN2 + EN3])[len("<!DOCTYPE html>\n"):]
    ).encode()
    files["ansi.txt"] = (
        "\x1b]0;pwned title\x07\x1b[2J\x1b[31mLibrary hours extended\x1b[0m\n"
        f"{EN}\x1b[1;33m{EN2}\x1b[0m\n"
        f"\x1b]8;;http://evil.example/\x1b\\{EN3}\x1b]8;;\x1b\\\n"
        f"Tab\tseparated\tvalues stay. \x9b31m{EN2}\x07\x08\n"
    ).encode()
    files["utf16-nobom.txt"] = ("Library hours extended\n" + EN + "Grüße, café.\n" + EN2 + "\n" + EN3 + "\n").encode("utf-16-le")
    files["utf16be-nobom.txt"] = ("Library hours extended\n" + EN + "Grüße, café.\n" + EN2 + "\n" + EN3 + "\n").encode("utf-16-be")
    files["utf32-bom.txt"] = codecs.BOM_UTF32_LE + ("Library hours extended\n" + EN2 + EN3 + EN + "\n").encode("utf-32-le")
    files["cp1252-declared-wrong.html"] = page(
        "Café owners welcome longer library hours",
        [EN + "The café’s owner said it was “a great day” for the neighbourhood, and will spend €500 on books.",
         EN2 + EN3 + "Déjà vu for the naïve council."],
        head='<meta charset="utf-8">').encode("cp1252")
    files["utf8-declared-latin1.html"] = page(
        "Café owners welcome longer library hours", [EN + "Grüße from the café’s owner.", EN2 + EN3],
        head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("utf-8")
    files["cp1252-declared.html"] = page(
        "Café owners welcome longer library hours", [EN + "The café’s owner said “thanks”.", EN2 + EN3],
        head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode("cp1252")
    files["shift_jis.html"] = page("図書館の開館時間を延長", [JA * 3, JA * 4],
                                   head='<meta charset="Shift_JIS">', lang="ja").encode("shift_jis")
    files["gb18030.html"] = page("图书馆延长开放时间", [ZH * 3, ZH * 4],
                                 head='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
                                 lang="zh").encode("gb18030")
    files["koi8r.html"] = page("Библиотеки будут работать дольше", [RU * 2, RU * 3], lang="ru").encode("koi8-r")
    files["koi8r.txt"] = ("Библиотеки будут работать дольше\n" + RU * 2 + "\n" + RU * 3 + "\n").encode("koi8-r")
    files["shift_jis.txt"] = ("図書館の開館時間を延長\n" + JA * 3 + "\n" + JA * 2 + "\n").encode("shift_jis")
    files["cp1250.txt"] = ("Biblioteki będą dłużej otwarte\n" + ("Rada miasta zatwierdziła we wtorek nowy budżet dla "
                           "bibliotek publicznych, który wydłuży godziny otwarcia wszystkich filii od przyszłego "
                           "miesiąca. Żółć i gęślą jaźń. ") * 3 + "\n").encode("cp1250")
    files["nul-bytes.txt"] = ("Library hours extended\n" + EN.replace("budget", "bud\x00get") + "\x00\n"
                              + EN2 + EN3 + "\n").encode()
    files["mixed-utf8-cp1252.txt"] = ("Library hours extended\n" + EN + "Grüße from the café.\n").encode() + \
        ("Stray bytes from a second source: caf\xe9 and na\xefve. " + EN + "\n").encode("cp1252")
    files["truncated-utf8.html"] = page("Grüße aus dem Café", [EN + "Grüße.", EN2 + EN3 + "Ünïcödé"]).encode()[:-40] + "ü".encode()[:1]
    depth = 1000
    files["deep-nesting.html"] = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
                                  + f"<p>DEEPCONTENT {EN}</p><p>{EN2 + EN3}</p>" + "</div>" * depth + "</body></html>").encode()
    files["deep-unclosed.html"] = ("<html><body>" + "<div><span><b>" * 400 + f"<p>DEEPCONTENT {EN}</p>" * 3).encode()
    files["entity-controls.html"] = page(
        "&#27;[31mRed&#27;[0m title &#x9b;2J here&#7;",
        [EN + "&#27;]0;pwned&#7; &#x1b;[2J &#155;31m &#x85; &#0; &#xfffe; &#xd800; end.",
         EN2 + EN3 + "&#x80;&#x9f;&#127;"]).encode()
    files["html-comments-prolog.html"] = ("<!-- a -->" * 40 + "\n" + page("Library hours extended", [EN, EN2 + EN3])).encode()
    files["mentions-tags.txt"] = ("How to write HTML\n" + "A paragraph starts with <p> and a line break is <br>. "
                                  "Bold text uses <b> and links use <a href=\"x\">. " + EN + "\n" + EN2 + EN3 + "\n").encode()
    files["only-controls.txt"] = b"\x1b[31m\x1b[0m\x07 \n \x1b]0;x\x07\n"
    files["iso2022jp.txt"] = ("図書館の開館時間を延長\n" + JA * 3 + "\n").encode("iso2022_jp")
    # decoding and detection classes of issue 16
    files["charset-undefined.html"] = page("Café owners welcome longer library hours",
                                           [EN + "The café’s owner said \\x3cscript\\x3e “thanks”.", EN2 + EN3],
                                           head='<meta charset="undefined">').encode("cp1252")
    files["charset-unicode-escape.xhtml"] = ('<?xml version="1.0" encoding="unicode_escape"?>\n'
                                             + page("Café owners welcome longer library hours",
                                                    [EN + "\\x3cscript\\x3e café.", EN2 + EN3])).encode("cp1252")
    files["blank-prolog.html"] = ("\n" * 5000 + page("Library hours extended", [EN, EN2 + EN3])).encode()
    files["utf16le-ja-nobom.txt"] = ("図書館の開館時間を延長\n" + JA * 3 + "\n" + JA * 2 + "\n").encode("utf-16-le")
    files["utf32-cut.txt"] = ("Library hours extended\n" + EN2 + EN3 + EN + "\n").encode("utf-32-be")[:-1]
    files["mixed-cp1252-few-utf8.html"] = (
        page("Café owners welcome longer library hours",
             [EN + "Les élèves de l’école ont présenté leur projet à la mairie, déjà très fréquentée.",
              EN2 + EN3 + "Müller’s café served crème brûlée."]).encode("cp1252").replace(
            b"Contact us", "Contact us — ©".encode()))
    # a document whose root is not <html>: an SVG file (its DOCTYPE names the root), an XHTML page's prolog
    files["svg-doctype.svg"] = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
                                '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                                '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
                                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Library hours '
                                f'extended</title><desc>{EN}</desc><style>#a {{ fill: red; }}</style>'
                                '<path id="a" d="M0 0h32v32H0z"/><text>Published 2024-01-02.</text></svg>\n').encode()
    files["entity-joined-controls.html"] = page(
        "Library hours&#x&#27;1b;[2J extended",
        [EN + "&#x&#27;1b;[2J &#&#x1b;27;[31m &#x&#x&#27;1b;1b;]0;pwned&#7; end.", EN2 + EN3]).encode()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        assert len(data) < 64 * 1024, name
    print(f"wrote {len(files)} files to {OUT}")


if __name__ == "__main__":
    main()
