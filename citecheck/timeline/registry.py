"""The resolvers of each kind of expression, registered by kind as rules register with ``@check``.

A resolver family (``resolvers/days.py``, ``resolvers/clock.py``, ...) decorates each resolver with
``@resolves("kind")``; the kind is the name of its rule in a language's rule table (``languages/en.py``), and ``scan``
calls the resolver of the kind that matched. ``resolvers/__init__`` imports every family.
"""

from __future__ import annotations

from collections.abc import Callable

from .narrative import Resolver

RESOLVERS: dict[str, Resolver] = {}


def resolves(kind: str) -> Callable[[Resolver], Resolver]:
    """Register the decorated function as the resolver of ``kind``."""

    def register(resolver: Resolver) -> Resolver:
        if kind in RESOLVERS:
            raise ValueError(f"two resolvers for {kind!r}")
        RESOLVERS[kind] = resolver
        return resolver

    return register
