"""The SSRF policy: every refusal, as a pure function and through a real fetch (no request leaves)."""

from __future__ import annotations

import ipaddress

import pytest

from citecheck.config import NetworkSettings
from citecheck.lookup import LookupFailed, Verifier
from citecheck.lookup.safety import address_refusal, host_refusal, loose_ipv4, url_refusal

REFUSED_URLS = {
    "http://127.0.0.1/": "loopback",
    "https://127.0.0.1/": "loopback",
    "https://localhost/": "local machine",
    "https://foo.localhost/": "local machine",
    "https://[::1]/": "loopback",
    "https://10.0.0.5/": "private",
    "https://172.16.3.4/": "private",
    "https://192.168.1.1/": "private",
    "https://[fd12::1]/": "private",
    "https://169.254.10.10/": "link-local",
    "https://[fe80::1]/": "link-local",
    "https://169.254.169.254/latest/meta-data/": "metadata",
    "https://[fd00:ec2::254]/": "metadata",
    "https://metadata.google.internal/": "metadata",
    "https://100.64.0.1/": "CGNAT",
    "https://100.127.255.254/": "CGNAT",
    "https://0.0.0.0/": "unspecified",
    "https://[::]/": "unspecified",
    "https://224.0.0.1/": "multicast",
    "https://[ff02::1]/": "multicast",
    "https://0x7f.1/": "non-canonical",
    "https://2130706433/": "non-canonical",
    "https://017700000001/": "non-canonical",
    "https://0177.0.0.1/": "non-canonical",
    "https://127.1/": "non-canonical",
    "https://0x7f000001/": "non-canonical",
    "https://[::ffff:127.0.0.1]/": "IPv4-mapped",
    "https://[::ffff:169.254.169.254]/": "metadata",
    "https://[::ffff:10.0.0.1]/": "private",
    "https://[2002:7f00:1::]/": "loopback",  # 6to4 wrapping 127.0.0.1
    "https://[64:ff9b::a9fe:a9fe]/": "metadata",  # NAT64 wrapping 169.254.169.254
    "https://08.1.2.3/": "not a valid",
    "https://intranet/": "single-label",
    "https://user:pw@example.com/": "credentials",
    "file:///etc/passwd": "scheme",
    "gopher://example.com/": "scheme",
    "ftp://example.com/": "scheme",
}


@pytest.mark.parametrize(("url", "why"), sorted(REFUSED_URLS.items()))
def test_url_refused(url: str, why: str) -> None:
    reason = url_refusal(url, schemes=("https", "http"))
    assert reason is not None, url
    assert why.lower() in reason.lower() or (why == "IPv4-mapped" and "embeds the IPv4" in reason), reason


def test_public_urls_allowed() -> None:
    for url in ("https://example.com/a", "http://example.com/", "https://93.184.216.34/", "https://[2606:4700::1111]/"):
        assert url_refusal(url, schemes=("https", "http")) is None, url


def test_https_only_for_lookups() -> None:
    assert "scheme" in (url_refusal("http://publish.twitter.com/oembed") or "")


def test_loopback_only_with_the_test_switch() -> None:
    assert url_refusal("http://127.0.0.1:8080/", schemes=("https",)) is not None
    assert url_refusal("http://127.0.0.1:8080/", schemes=("https",), allow_loopback=True) is None
    # the switch opens loopback, nothing else
    assert url_refusal("http://10.0.0.1/", schemes=("https",), allow_loopback=True) is not None
    assert url_refusal("https://169.254.169.254/", allow_loopback=True) is not None


def test_loose_ipv4_reads_like_inet_aton() -> None:
    assert loose_ipv4("0x7f.1") == ipaddress.IPv4Address("127.0.0.1")
    assert loose_ipv4("2130706433") == ipaddress.IPv4Address("127.0.0.1")
    assert loose_ipv4("017700000001") == ipaddress.IPv4Address("127.0.0.1")
    assert loose_ipv4("10.1") == ipaddress.IPv4Address("10.0.0.1")
    assert loose_ipv4("example.com") is None
    assert loose_ipv4("1.2.3.256") is False


def test_address_policy() -> None:
    assert address_refusal(ipaddress.ip_address("8.8.8.8")) is None
    assert address_refusal(ipaddress.ip_address("::ffff:8.8.8.8")) is None
    assert address_refusal(ipaddress.ip_address("127.0.0.1"), allow_loopback=True) is None
    assert host_refusal("example.com") is None


def resolver_to(address: str):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        return [ipaddress.ip_address(address)]

    return resolve


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("169.254.169.254", "metadata"),
        ("100.64.1.1", "CGNAT"),
        ("::ffff:192.168.0.1", "private"),
        ("fe80::1", "link-local"),
    ],
)
def test_a_public_name_resolving_to_a_private_address_is_refused_at_connect(address: str, why: str) -> None:
    # The name passes the URL check; the address it resolves to is refused where the socket opens.
    network = NetworkSettings(cache=False, retries=0)
    with Verifier(network, resolver=resolver_to(address)) as verifier, pytest.raises(LookupFailed) as error:
        verifier.fetch_article("https://news.example.com/story")
    assert "refused" in error.value.reason and why.lower() in error.value.reason.lower()


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://0x7f.1/"])
def test_every_redirect_hop_is_checked(fault_server, target: str) -> None:  # type: ignore[no-untyped-def]
    # The local server (allowed by the test switch) redirects to a forbidden address: refused.
    fault_server.faults["/article-redirect"] = f"redirect:{target}"
    network = NetworkSettings(cache=False, retries=0)
    before = fault_server.requests
    with Verifier(network, allow_loopback_for_tests=True) as verifier, pytest.raises(LookupFailed) as error:
        verifier.fetch_article(f"{fault_server.url}/article-redirect")
    assert "refused" in error.value.reason
    assert fault_server.requests == before + 1  # the first hop only


def test_redirect_loop_is_refused(fault_server) -> None:  # type: ignore[no-untyped-def]
    fault_server.faults["/article-loop"] = "loop"
    network = NetworkSettings(cache=False, retries=0)
    with Verifier(network, allow_loopback_for_tests=True) as verifier, pytest.raises(LookupFailed) as error:
        verifier.fetch_article(f"{fault_server.url}/article-loop")
    assert "redirect loop" in error.value.reason


def test_local_server_refused_by_default(fault_server) -> None:  # type: ignore[no-untyped-def]
    before = fault_server.requests
    with Verifier(NetworkSettings(cache=False)) as verifier, pytest.raises(LookupFailed) as error:
        verifier.fetch_article(f"{fault_server.url}/article")
    assert "refused" in error.value.reason
    assert fault_server.requests == before


def test_fetch_article_from_local_server_with_the_switch(fault_server) -> None:  # type: ignore[no-untyped-def]
    with Verifier(NetworkSettings(cache=False), allow_loopback_for_tests=True) as verifier:
        body, url = verifier.fetch_article(f"{fault_server.url}/article")
    assert b"An article." in body and url.endswith("/article")


def test_url_input_refused_becomes_cc001() -> None:
    from citecheck.config import Settings
    from citecheck.pipeline import check_source

    report = check_source("http://169.254.169.254/latest/meta-data/", Settings())
    assert [f.rule for f in report.findings] == ["CC001"]
    assert "metadata" in report.findings[0].message


def test_lookups_only_to_allowlisted_hosts() -> None:
    from citecheck.models import Embed, Location

    # a Twitter embed whose t.co endpoint is configured to https://evil.example is fine (operator's
    # own config), but a look-up to a host that is neither default nor configured is refused.
    network = NetworkSettings(cache=False, endpoints={"twitter.oembed": "https://127.0.0.1/oembed"})
    embed = Embed(
        index=0,
        platform="twitter",
        form="blockquote",
        post_id="1978113564472246273",
        location=Location(line=1, column=1),
    )
    with Verifier(network, resolver=resolver_to("127.0.0.1")) as verifier:
        evidence = verifier.verify([embed])[0]
    assert evidence.status == "unknown"
    assert "loopback" in (evidence.failure or "")


def test_host_outside_the_allowlist_is_refused() -> None:
    import asyncio

    from citecheck.lookup.endpoints import Endpoints
    from citecheck.lookup.http import Http

    async def attempt() -> str:
        http = Http(NetworkSettings(cache=False), user_agent="test", resolver=resolver_to("8.8.8.8"))
        try:
            await http.get("https://evil.example/oembed", allowed_hosts=Endpoints().allowed_hosts("twitter"))
        except LookupFailed as error:
            return error.reason
        finally:
            await http.aclose()
        return ""

    reason = asyncio.run(attempt())
    assert "not an allowed host" in reason
    assert Endpoints({"twitter.oembed": "https://mirror.example/oembed"}).allowed_hosts("twitter") >= {"mirror.example"}
