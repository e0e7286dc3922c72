"""Near-duplicate texts: a small sketch of each comment that survives edits and disguises.

The sketch is the `SKETCH_SIZE` smallest hashes of the character shingles of the comment's
skeleton (a bottom-k MinHash). Two comments whose sketches share most values share most of their
shingles, whatever the letters they were disguised with. Sketch values are stored one per row,
so the database's index finds earlier comments sharing them in one query.
"""

from __future__ import annotations

import heapq
import zlib

SHINGLE = 6
SKETCH_SIZE = 16
MIN_SHINGLES = 40


def sketch(skeleton: str) -> list[int]:
    """The sketch of a text's skeleton; empty when it is too short to judge."""
    compact = " ".join(skeleton.split())
    if len(compact) - SHINGLE + 1 < MIN_SHINGLES:
        return []
    shingles = {compact[i : i + SHINGLE] for i in range(len(compact) - SHINGLE + 1)}
    hashes = {zlib.crc32(shingle.encode()) for shingle in shingles}
    return sorted(heapq.nsmallest(SKETCH_SIZE, hashes))


def resemblance(shared: int, size: int = SKETCH_SIZE) -> float:
    """The share of the sketch two texts have in common, an estimate of their resemblance."""
    return shared / size if size else 0.0
