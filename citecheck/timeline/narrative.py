"""What resolution carries along: a tagged span (``Hit``) and the narrative (``Narrative``): the
publication date and the dates the text mentioned so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from ..models import Anchor
from .calendar import Period


class Hit(NamedTuple):
    """One tagged span before it becomes a TimeMention."""

    start: int
    end: int
    type: str
    period: Period
    anchor: Anchor | None = None
    anchor_value: str | None = None
    forward: bool = False  # "a week after <event>": re-anchored on a date named later in the sentence


class Narrative:
    """What resolution needs besides the span: publication date and the dates mentioned so far.

    A plain class, not a dataclass: building a dataclass costs start-up time for nothing here.
    """

    __slots__ = ("last_ahead", "last_any", "last_day", "last_quarter", "published")

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.last_day: Period | None = None  # the latest day-precise date the text mentioned
        self.last_any: Period | None = None  # the latest dated period of any grain
        self.last_quarter: Period | None = None  # the quarter (or half) the story reports on, if any
        self.last_ahead: Period | None = None  # the latest day mentioned that is after publication


Resolver = Callable[[str, int, int, Narrative], "Hit | None"]
