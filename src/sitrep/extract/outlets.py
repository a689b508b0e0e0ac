"""What an outlet's web address says about where its stories happen: the country of its domain.

A paper at lfpress.ca writes "London" for London, Ontario; one at a .co.uk address means the English
one. Only country-code domains say anything (.com, .org and the like are worldwide), and some
country codes are sold as vanity names (.tv, .fm, .io...), which say nothing either.
"""
from __future__ import annotations

import re

# Country-code domains sold worldwide as vanity names (hand-written: no installed package lists them).
VANITY_DOMAINS = {"tv", "fm", "io", "co", "me", "ly", "to", "ai", "am", "cc", "ws", "la", "gg", "sh", "ac", "vc",
                  "nu", "tk", "ms", "gd", "im"}
# Where a domain's country code is not the ISO code ("uk" is GB).
DOMAIN_COUNTRY = {"uk": "GB"}


def outlet_country(outlet: str | None) -> str | None:
    """ISO2 of the country an outlet's domain or URL belongs to ("lfpress.ca" -> CA, "https://www.
    thisisoxfordshire.co.uk/news/1" -> GB), None for a worldwide or vanity domain."""
    if not outlet:
        return None
    host = re.sub(r"^[a-z]+://", "", outlet.strip().lower()).split("/")[0].split(":")[0].rstrip(".")
    code = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(code) != 2 or not code.isalpha() or code in VANITY_DOMAINS:
        return None
    return DOMAIN_COUNTRY.get(code, code.upper())
