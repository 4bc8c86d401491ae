"""The lookup stage (``--online``, and URL inputs): what the platforms say about each embed.

``Verifier`` is the pipeline's API; ``safety`` holds the address policy; ``http`` the one client;
``cache`` the on-disk cache; one file per platform does that platform's look-ups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.errors import LookupFailed
    from citecheck.lookup.verifier import Verifier

__all__ = ["LookupFailed", "Verifier"]


def __getattr__(name: str) -> Any:
    # Lazy: importing citecheck.lookup must not pull httpx into an offline run.
    if name == "Verifier":
        from citecheck.lookup.verifier import Verifier

        return Verifier
    if name == "LookupFailed":
        from citecheck.errors import LookupFailed

        return LookupFailed
    raise AttributeError(name)
