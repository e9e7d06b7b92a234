"""Integrations with other frameworks (Scrapy, ...).  Each is imported only when asked for:
``import cleaner`` never imports a framework."""
