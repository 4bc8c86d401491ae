"""One module per family of expressions; importing this package registers every resolver.

- ``days``: dates with a day (``March 4``, ``4 March``, ISO, ``3/4/2025``), weekdays, ``today``,
  ``the week of``;
- ``clock``: clock times (``8:30 a.m.``, ``0830 GMT``, ``noon``);
- ``months``: months (``March``, ``March 2025``) and seasons;
- ``years``: years, decades, centuries, quarters and halves, spelled-out years;
- ``holidays``: named days (``Christmas``, ``Labor Day``);
- ``offsets``: relative and anchored expressions (``last week``, ``three days ago``, ``the next
  day``) and references (``now``, ``recently``);
- ``durations``: durations (``three weeks``) and sets (``every Monday``, ``weekly``).
"""

from __future__ import annotations

from . import clock, days, durations, holidays, months, offsets, years

__all__ = ["clock", "days", "durations", "holidays", "months", "offsets", "years"]
