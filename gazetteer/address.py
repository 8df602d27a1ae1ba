"""What an article's address says about where it is from.

A local paper's domain often starts with its town ("richmondregister.com"), a national
site's country-code domain names its country (".co.uk"), and the words of the address
may name a place the article mentions. The geoparser uses these as weak context only.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["country_of_address", "paper_town", "url_words"]


def url_words(url: str) -> str:
    """Return the letters of an article address's host and path, lower case, unseparated.

    >>> url_words("http://www.parispi.net/articles/2009/news/local_news/x.txt")
    'wwwparispinetarticlesnewslocalnewsxtxt'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return re.sub(r"[^a-z]", "", (parts.netloc + parts.path).lower())


#: Last words of local papers' names ("richmondregister.com", "echopress.com").
_PAPER_WORDS = (
    "register", "press", "times", "herald", "tribune", "journal", "gazette", "chronicle",
    "observer", "examiner", "courier", "telegraph", "dispatch", "bulletin", "sentinel",
    "news", "post", "daily", "record", "reporter", "leader", "democrat", "independent",
    "star", "sun", "mail", "online", "today", "review", "standard", "enterprise", "argus",
)


def paper_town(url: str) -> str | None:
    """Return the town a local paper's domain starts with, if it looks like one.

    >>> paper_town("http://www.richmondregister.com/localnews/x.html")
    'Richmond'
    >>> paper_town("https://www.bbc.co.uk/news") is None
    True
    """
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    labels = [x for x in host.split(".") if x not in ("www", "com", "net", "org", "co", "uk")]
    if not labels:
        return None
    label = labels[0]
    for word in _PAPER_WORDS:
        if label.endswith(word) and len(label) - len(word) >= 5:
            return label[: -len(word)].capitalize()
    return None


#: Country-code top-level domains used for other things (television, startups, radio...).
_GENERIC_CCTLDS = frozenset(
    {"tv", "io", "co", "me", "fm", "ai", "gg", "cc", "ws", "to", "nu", "tk", "ly", "eu", "us"}
)


def country_of_address(url: str) -> str | None:
    """Return the country of an article address's country-code domain, or None.

    >>> country_of_address("https://www.bbc.co.uk/news/x"), country_of_address("http://a.ru/b")
    ('GB', 'RU')
    >>> country_of_address("https://example.com/x") is None
    True
    """
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()
