"""Where a request comes from, and where mail goes, reduced to keyed hashes: IP addresses and
e-mail addresses are never stored as such for counting."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

_IP_HASH_SALT = "gazette.core.ip-hash"


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies reach."""
    return address_behind_proxies(
        request.META.get("HTTP_X_FORWARDED_FOR", ""), str(request.META.get("REMOTE_ADDR", ""))
    )


def address_behind_proxies(forwarded_for: str, peer: str) -> str:
    """The sender's address, from X-Forwarded-For as far as GAZETTE_TRUSTED_PROXIES of our own
    proxies reach, else the connection's peer (for requests and the event stream alike)."""
    trusted_proxies: int = getattr(settings, "GAZETTE_TRUSTED_PROXIES", 0)
    if trusted_proxies:
        forwarded = [part.strip() for part in forwarded_for.split(",") if part.strip()]
        if len(forwarded) >= trusted_proxies:
            return forwarded[-trusted_proxies]
    return peer


def counted_network(ip: str) -> str:
    """What counts as one sender: an IPv4 address, or the IPv6 network it lies in (a /64 by
    default, the block one subscriber is given, so that rotating addresses inside it changes
    nothing). An IPv4 address mapped into IPv6 counts as itself."""
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip.strip()
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        prefix: int = getattr(settings, "GAZETTE_IPV6_PREFIX", 64)
        return str(ipaddress.IPv6Network((address, prefix), strict=False))
    return str(address)


def ip_hash(ip: str) -> str:
    """A keyed hash of a sender (counted_network): the same sender gives the same value, which
    cannot be reversed without the server's secret."""
    digest: str = salted_hmac(_IP_HASH_SALT, counted_network(ip), algorithm="sha256").hexdigest()
    return digest[:32]


def request_ip_hash(request: HttpRequest) -> str:
    return ip_hash(client_ip(request))


def address_hash(email: str) -> str:
    """A keyed hash of an e-mail address, for counting what is sent to it without storing it."""
    normalised = email.strip().casefold()
    digest: str = salted_hmac(
        "gazette.core.address-hash", normalised, algorithm="sha256"
    ).hexdigest()
    return digest[:32]
