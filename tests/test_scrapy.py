"""cleaner.contrib.scrapy.CleanerPipeline with real Scrapy items and settings; no network."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

scrapy = pytest.importorskip("scrapy")

from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import cleaner  # noqa: E402
from cleaner.contrib.scrapy import CleanerPipeline  # noqa: E402

PAGE = ("<html><head><title>Council approves the budget</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Council approves the budget</h1><p>The council voted on Tuesday to approve the new budget, "
        "which includes funding for schools and roads across the region.</p><p>Officials said the plan would "
        "take effect next year after a final review by the state government.</p></article>"
        "<footer>Share on Facebook</footer></body></html>")
URL = "https://example.com/news/council-budget"


class PageItem(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    cleaned = scrapy.Field()
    cleaner_error = scrapy.Field()


def pipeline(**settings):
    return CleanerPipeline.from_crawler(get_crawler(settings_dict=settings))


def test_scrapy_item_gets_the_article():
    item = PageItem(url=URL, html=PAGE)
    out = pipeline().process_item(item)
    assert out is item
    assert out["cleaned"] == cleaner.clean(PAGE, url=URL).to_dict(with_removed=False)
    assert out["html"] == PAGE and out["url"] == URL


def test_old_signature_with_spider():
    item = PageItem(url=URL, html=PAGE)
    out = pipeline().process_item(item, scrapy.Spider(name="s"))
    assert out["cleaned"]["title"] == cleaner.clean(PAGE, url=URL).title


def test_settings_field_url_into_and_flat_fields():
    item = {"page": PAGE.encode("utf-8"), "link": URL, "id": 7}
    out = pipeline(CLEANER_FIELD="page", CLEANER_URL_FIELD="link", CLEANER_INTO="",
                   CLEANER_KEEP_PAGE=False, CLEANER_EXPLAIN=True).process_item(item)
    expected = cleaner.clean(PAGE, url=URL).to_dict()
    assert "page" not in out and out["id"] == 7 and out["link"] == URL
    for key in cleaner.article.ARTICLE_FIELDS + ("removed",):
        assert out[key] == expected[key], key


def test_body_field_by_default_for_dicts():
    out = pipeline().process_item({"body": PAGE, "url": URL})
    assert out["cleaned"]["paragraphs"] == list(cleaner.clean(PAGE, url=URL).paragraphs)


def test_bad_page_sets_error_or_drops():
    item = PageItem(url=URL, html="")
    out = pipeline().process_item(item)
    assert out["cleaner_error"] == "input is empty" and "cleaned" not in out
    with pytest.raises(DropItem):
        pipeline(CLEANER_DROP_FAILED=True).process_item(PageItem(url=URL, html=""))
    missing = pipeline().process_item({"url": URL})
    assert "no page field" in missing["cleaner_error"]


def test_drop_empty():
    with pytest.raises(DropItem):
        pipeline(CLEANER_DROP_EMPTY=True).process_item({"html": "<html><body><nav>Home | About</nav></body></html>"})


def test_bad_settings_fail_at_start():
    with pytest.raises(TypeError):
        pipeline(CLEANER_OPTIONS={"no_such_option": 1})
    with pytest.raises(ValueError):
        pipeline(CLEANER_KIND="pdf")


def test_import_cleaner_does_not_import_scrapy():
    code = "import sys, cleaner, cleaner.stream; assert 'scrapy' not in sys.modules and 'pyspark' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_in_a_real_crawl(tmp_path):
    """A real crawler (file:// URL, no network) with the pipeline in ITEM_PIPELINES, feed to JSON Lines."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    feed = tmp_path / "out.jsonl"
    script = textwrap.dedent(f"""
        import scrapy
        from scrapy.crawler import CrawlerProcess

        class S(scrapy.Spider):
            name = "s"
            start_urls = [{page.as_uri()!r}]
            def parse(self, response):
                yield {{"url": {URL!r}, "body": response.text}}

        p = CrawlerProcess({{"ITEM_PIPELINES": {{"cleaner.contrib.scrapy.CleanerPipeline": 300}},
                             "CLEANER_KEEP_PAGE": False, "LOG_ENABLED": False,
                             "FEEDS": {{{str(feed)!r}: {{"format": "jsonlines"}}}}}})
        p.crawl(S)
        p.start()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120, cwd=tmp_path)
    import json

    rows = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"url": URL, "cleaned": cleaner.clean(PAGE, url=URL).to_dict(with_removed=False)}]


def test_failed_items_follow_the_page_field_rule():
    out = pipeline(CLEANER_KEEP_PAGE=False).process_item({"url": URL, "html": b""})
    assert out == {"url": URL, "cleaner_error": "input is empty"}
    kept = pipeline().process_item({"url": URL, "html": b""})
    assert kept["html"] == b"" and kept["cleaner_error"] == "input is empty"


def test_the_items_charset_field_is_the_transports():
    text = "Rada miasta zatwierdziła w środę nowy budżet"
    page = PAGE.replace("Council approves the budget", text).encode("cp1250").replace(b"<head>", b"<head><meta charset=utf-8>")
    for value in ("windows-1250", b"text/html; charset=windows-1250", [b"text/html; charset=windows-1250"]):
        out = pipeline().process_item({"url": URL, "html": page, "encoding": value})
        assert out["cleaned"]["title"] == text, value


def test_a_crawl_with_an_empty_page_and_a_binary_file_through_a_feed_export(tmp_path):
    """A local site over HTTP (loopback): an article in windows-1250 (said by the Content-Type only), an empty
    page, a PNG; every item reaches the JSON Lines feed, with CLEANER_KEEP_PAGE = False."""
    feed = tmp_path / "out.jsonl"
    polish = "Rada miasta zatwierdziła w środę nowy budżet na przyszły rok"
    site = {"/article.html": ("text/html; charset=windows-1250",
                              PAGE.replace("Council approves the budget", polish).encode("cp1250")),
            "/empty.html": ("text/html", b""),
            "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)}
    script = textwrap.dedent(f"""
        import http.server, threading
        import scrapy
        from scrapy.crawler import CrawlerProcess

        SITE = {site!r}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                ctype, body = SITE[self.path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{{server.server_address[1]}}"

        class S(scrapy.Spider):
            name = "s"
            start_urls = [base + path for path in SITE]
            def parse(self, response):
                yield {{"url": response.url, "body": response.body,
                        "encoding": response.headers.get("Content-Type", b"").decode("latin-1")}}

        p = CrawlerProcess({{"ITEM_PIPELINES": {{"cleaner.contrib.scrapy.CleanerPipeline": 300}},
                             "CLEANER_KEEP_PAGE": False, "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False,
                             "FEEDS": {{{str(feed)!r}: {{"format": "jsonlines"}}}}}})
        p.crawl(S)
        p.start()
        server.shutdown()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=180, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    import json

    rows = {row["url"].rsplit("/", 1)[1]: row for row in map(json.loads, feed.read_text(encoding="utf-8").splitlines())}
    assert sorted(rows) == ["article.html", "empty.html", "logo.png"]  # every item scraped is written
    assert rows["article.html"]["cleaned"]["title"] == polish
    assert rows["empty.html"]["cleaner_error"] == "input is empty"
    assert rows["logo.png"]["cleaner_error"].startswith("input is a PNG image")
    assert not any("body" in row for row in rows.values())


def test_metadata_fields_and_comments_reach_the_item():
    page = PAGE.replace("</head>", "<meta property='og:image' content='/lead.jpg'><meta property='article:tag' "
                        "content='Budget'><meta property='article:section' content='Politics'></head>").replace(
        "<footer>", "<div id='comments'><div class='comment'><span class='author'>Ann</span>"
        "<p>Well done.</p></div></div><footer>")
    out = pipeline(CLEANER_INTO="", CLEANER_OPTIONS={"comments": True}).process_item({"html": page, "url": URL})
    assert out["image"] == "https://example.com/lead.jpg"
    assert out["tags"] == ["Budget"] and out["section"] == "Politics"
    assert out["comments"] == [{"author": "Ann", "date": None, "text": "Well done."}]
    for key in ("description", "canonical_url", "publisher", "date_modified"):
        assert key in out
    assert "Well done" not in out["text"]


def test_blocks_and_links_through_the_options():
    page = PAGE.replace("the new budget", "the new <a href='/budget'>budget</a>")
    out = pipeline(CLEANER_INTO="", CLEANER_OPTIONS={"links": True}).process_item({"html": page, "url": URL})
    assert out["blocks"] == cleaner.clean(page, url=URL, links=True).to_dict()["blocks"]
    first = out["blocks"][0]
    assert [(first["text"][s["start"]:s["end"]], s["url"]) for s in first["links"]] == [
        ("budget", "https://example.com/budget")]
