"""Ids for places and meetings: the one place they are made.

A place's id is a readable slug of its name, unique within its trip ('elysee-palace',
'london-2'); a meeting's id is random, so no other trip or store makes the same one
(a calendar UID is built from it, and must stay unique everywhere).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Collection

SLUG_LENGTH = 40


def slug(text: str) -> str:
    """'Élysée Palace' -> 'elysee-palace'; 'place' when nothing Latin is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cut = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH]
    return cut.strip("-") or "place"


def unique_id(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def place_id(name: str, taken: Collection[str]) -> str:
    """A new place's id: its name as a slug, unique among ``taken``."""
    return unique_id(slug(name), taken)


def new_meeting_id() -> str:
    """A meeting id no other trip or store will produce (uuid4-based)."""
    return f"m-{uuid.uuid4()}"
