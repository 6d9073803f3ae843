"""The phrasebook of each locale (private; see :mod:`._phrases`)."""

from __future__ import annotations

from anninh_toandan.reports._phrases import Phrasebook
from anninh_toandan.reports._phrases_en import ENGLISH
from anninh_toandan.reports._phrases_vi import VIETNAMESE

__all__ = ["PHRASEBOOKS", "phrasebook"]

#: The phrasebooks by locale.
PHRASEBOOKS: dict[str, Phrasebook] = {"vi": VIETNAMESE, "en": ENGLISH}


def phrasebook(locale: str) -> Phrasebook:
    """The phrasebook of *locale* (``"vi"`` or ``"en"``; anything else is Vietnamese)."""
    return PHRASEBOOKS.get(locale, VIETNAMESE)
