"""Which URLs and addresses citecheck may connect to: the SSRF policy, as pure functions.

Drafts are untrusted: a URL in one (or a redirect it leads to) may point at the machine running
citecheck, the office network or a cloud metadata service. Every function here answers "why not"
as a sentence, or ``None`` when the target is allowed; the HTTP layer asks them for the URL of
every hop and again for every address it is about to connect to.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata services (AWS/GCP/Azure/OpenStack, AWS IPv6, Alibaba): named so the refusal says so.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "169.254.170.2")
)
METADATA_NAMES = frozenset({"metadata", "metadata.google.internal", "metadata.goog", "instance-data"})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NUMERIC_PART = re.compile(r"(?:0[xX][0-9a-fA-F]*|[0-9]+)\Z")


def loose_ipv4(host: str) -> ipaddress.IPv4Address | bool | None:
    """How ``inet_aton`` (and so the resolver) reads a numeric host: 1-4 parts, decimal, octal or hex.

    Returns the address, ``None`` when the host is a name, or ``False`` when it is numeric-looking
    but no valid address (``08``, ``1.2.3.256``): such a host is refused rather than guessed at.
    """
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMERIC_PART.match(p) for p in parts):
        return None
    values: list[int] = []
    for part in parts:
        if part[:2].lower() == "0x":
            values.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part.startswith("0"):
            if not set(part) <= set("01234567"):
                return False
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return False
    number = last
    for position, value in enumerate(head):
        number += value << (8 * (3 - position))
    return ipaddress.IPv4Address(number)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client, NAT64), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_refusal(address: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why citecheck must not connect to ``address``; None for a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            why = address_refusal(inner, allow_loopback=allow_loopback)
            return f"{address} embeds the IPv4 address {inner}, which is {why}" if why else None
    if address in METADATA_ADDRESSES:
        return f"{address} is a cloud metadata address"
    if address.is_unspecified:
        return f"{address} is the unspecified address"
    if address.is_loopback:
        return None if allow_loopback else f"{address} is a loopback address"
    if address.is_link_local:
        return f"{address} is a link-local address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return f"{address} is in the CGNAT shared address space 100.64.0.0/10"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if address.is_private:
        return f"{address} is a private address"
    if address.is_reserved:
        return f"{address} is a reserved address"
    if not address.is_global:
        return f"{address} is not a public address"
    return None


def host_refusal(host: str, *, allow_loopback: bool = False) -> str | None:
    """Why a URL's host is refused before any look-up: IP literals, odd spellings, local names."""
    host = host.strip().lower().rstrip(".")
    if not host:
        return "the URL has no host"
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    spelled = host
    folded = _ascii_host(host)
    if folded is None:
        return f"{spelled!r} is not a valid host name"
    host = folded
    if host != spelled and (":" in host or loose_ipv4(host) is not None):
        # "１２７.０.０.１", "①②⑦.0.0.1": a URL parser folds them to an address, a filter may not.
        return f"{spelled!r} spells the numeric address {host!r} in other characters"
    if ":" in host:
        try:
            v6 = ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return f"{host!r} is not a valid IPv6 address"
        return address_refusal(v6, allow_loopback=allow_loopback)
    v4 = loose_ipv4(host)
    if v4 is False:
        return f"{host!r} looks like a numeric address but is not a valid one"
    if isinstance(v4, ipaddress.IPv4Address):
        if str(v4) != host:
            # 0x7f.1, 2130706433, 017700000001: resolvers read them as IPs, filters often do not.
            return f"{host!r} is a non-canonical spelling of the IPv4 address {v4}"
        return address_refusal(v4, allow_loopback=allow_loopback)
    if host == "localhost" or host.endswith(".localhost"):
        return None if allow_loopback else f"{host!r} names the local machine"
    if host in METADATA_NAMES:
        return f"{host!r} names a cloud metadata service"
    if "." not in host:
        return f"{host!r} is a single-label name that only a local network resolves"
    return None


# IDNA's label separators besides the full stop (ideographic, fullwidth and halfwidth full stops).
_DOTS = re.compile("[\u3002\uff0e\uff61]")
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\Z")


def _ascii_host(host: str) -> str | None:
    """A host as a URL parser reads it: compatibility characters folded (fullwidth and circled
    digits to ASCII), internationalised names in their ``xn--`` form, or None when it is no valid
    host name (an empty or overlong label, a space, a control character)."""
    if host.isascii():
        folded = host
    else:
        folded = _DOTS.sub(".", unicodedata.normalize("NFKC", host)).lower().rstrip(".")
        if not folded.isascii() and ":" not in folded:
            try:
                folded = folded.encode("idna").decode("ascii")
            except UnicodeError:
                return None
    if ":" in folded:
        return folded  # an IPv6 literal: read as one, or refused, by the caller
    if len(folded) > 253 or not all(_LABEL.match(label) for label in folded.split(".")):
        return None
    return folded


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_refusal(url: str, *, schemes: tuple[str, ...] = ("https",), allow_loopback: bool = False) -> str | None:
    """Why a URL may not be fetched (scheme, credentials, host); None when it may, pending DNS."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"{url!r} is not a valid URL ({error})"
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    # Plain http only to loopback, and only when a test has switched loopback on explicitly.
    if scheme not in schemes and not (scheme == "http" and allow_loopback and is_loopback_host(host)):
        return f"scheme {scheme or '(none)'!r} is not allowed (only {', '.join(schemes)})"
    if parts.username is not None or parts.password is not None:
        return "the URL carries credentials"
    if port == 0:
        return "port 0 is not a port"
    return host_refusal(host, allow_loopback=allow_loopback)
