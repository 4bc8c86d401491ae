"""The rules stage: Document, embeds, mentions and evidence in; findings out.

The catalogue (codes, names, default severities) is ``catalogue.CATALOGUE``; each check lives in
the module of its family (``input``, ``embed``, ``chronology``, ``platform``) and registers itself
with ``@check``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from citecheck.config import Settings
from citecheck.models import Document, Embed, EvidenceEntry, Finding, Location, PlatformAnswer, TimeMention
from citecheck.rules.catalogue import CATALOGUE, Rule

__all__ = ["CATALOGUE", "Context", "Rule", "check", "new_finding", "run_rules"]


def new_finding(
    code: str,
    message: str,
    settings: Settings,
    *,
    embed: Embed | None = None,
    location: Location | None = None,
    evidence: dict[str, EvidenceEntry] | None = None,
) -> Finding:
    """A finding of catalogue rule ``code``, at the severity the run's settings give it.

    Located at ``location``, else at the embed it concerns, else nowhere (the whole file).
    """
    rule = CATALOGUE[code]
    return Finding(
        rule=code,
        name=rule.name,
        severity=settings.severity.get(code, rule.severity),
        message=message,
        embed=embed.index if embed is not None else None,
        location=location or (embed.location if embed is not None else None),
        evidence=evidence or {},
        help=rule.help,
    )


@dataclass(slots=True)
class Context:
    """What every check may read: one document's pipeline data and the run's settings."""

    document: Document
    embeds: list[Embed]
    settings: Settings
    mentions: list[TimeMention] = field(default_factory=list)
    evidence: dict[int, PlatformAnswer] = field(default_factory=dict)
    # The mentions of the sentences touching each embed, by embed index (rules.context fills it).
    near: dict[int, tuple[list[TimeMention], list[TimeMention]]] = field(default_factory=dict, repr=False)
    _by_paragraph: dict[int, list[TimeMention]] | None = field(default=None, repr=False)

    def mentions_in(self, paragraph: int) -> list[TimeMention]:
        """The mentions of one paragraph, in text order."""
        if self._by_paragraph is None:
            self._by_paragraph = {}
            for mention in self.mentions:
                if mention.paragraph is not None:
                    self._by_paragraph.setdefault(mention.paragraph, []).append(mention)
        return self._by_paragraph.get(paragraph, [])

    def finding(
        self,
        code: str,
        message: str,
        *,
        embed: Embed | None = None,
        location: Location | None = None,
        evidence: dict[str, EvidenceEntry] | None = None,
    ) -> Finding:
        return new_finding(code, message, self.settings, embed=embed, location=location, evidence=evidence)


Check = Callable[[Context], Iterable[Finding]]
_CHECKS: dict[str, Check] = {}


def check(code: str) -> Callable[[Check], Check]:
    """Register the function that implements catalogue rule ``code``."""

    def register(function: Check) -> Check:
        if code not in CATALOGUE:
            raise KeyError(f"{code} is not in the rule catalogue")
        _CHECKS[code] = function
        return function

    return register


def run_rules(context: Context) -> list[Finding]:
    """Every enabled check over one document, in code order."""
    _load_checks()
    findings: list[Finding] = []
    for code in sorted(_CHECKS):
        if context.settings.enabled(code):
            findings.extend(_CHECKS[code](context))
    return findings


_loaded: list[bool] = []


def _load_checks() -> None:
    # Every module of this package registers its checks on import.
    if _loaded:
        return
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name != "catalogue" and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    _loaded.append(True)
