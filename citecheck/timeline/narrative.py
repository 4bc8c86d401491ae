"""What resolution carries along: a tagged span (``Hit``) and the narrative (``Narrative``): the
publication date, the language the text is read in, and the dates the text mentioned so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Anchor
from .calendar import Period
from .languages import ENGLISH, Language


@dataclass(slots=True)
class Hit:
    """One tagged span before it becomes a TimeMention."""

    start: int
    end: int
    type: str
    period: Period
    anchor: Anchor | None = None
    anchor_value: str | None = None
    forward: bool = False  # "a week after <event>": re-anchored on a date named later in the sentence


@dataclass(slots=True)
class Narrative:
    """What resolution needs besides the span: publication date, the language's tables, and the
    dates mentioned so far."""

    published: dt.date | None
    last_day: Period | None = None  # the latest day-precise date the text mentioned
    last_any: Period | None = None  # the latest dated period of any grain
    last_quarter: Period | None = None  # the quarter (or half) the story reports on, if any
    last_ahead: Period | None = None  # the latest day mentioned that is after publication
    language: Language = ENGLISH  # whose words and cues the resolvers read the text by


Resolver = Callable[[str, int, int, Narrative], "Hit | None"]
