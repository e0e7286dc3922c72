"""Distinct commenters over any period and any group of articles, counted exactly.

A reader who comments on two days of a period, or on two articles of a section, is one
commenter of that period or section: daily counts cannot be summed into that. So each rollup row
also lists its commenters, as the sorted numbers (`CommenterNumber`) of the readers with a
published comment, packed as 32-bit integers. The commenters of a period or a group are the
union of its rows' lists, taken by marking the numbers in a bitmap: linear in the numbers read,
with no sort, a few milliseconds for a year of a big site.

A number stands for a digest of the reader's key; it says nothing about who they are, and the
dashboard only ever shows how many.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazette.newsroom.models import CommenterNumber

if TYPE_CHECKING:
    import numpy as np

# numpy is imported where a list is read (the dashboard, the refresh), not by every web worker
# that merely loads this app's URLs: it costs a process about 20 MB.
_NUMBER = "<u4"
_NUMBER_SIZE = 4


def digest(reader_key: str) -> str:
    return hashlib.blake2b(reader_key.encode(), digest_size=16).hexdigest()


def numbers_of(reader_keys: Iterable[str]) -> dict[str, int]:
    """Reader key → its number, giving numbers to the readers who have none yet."""
    digests = {key: digest(key) for key in set(reader_keys)}
    if not digests:
        return {}
    wanted = set(digests.values())
    known = _known(wanted)
    missing = wanted - set(known)
    if missing:
        # Two refreshes may meet here: ignore_conflicts keeps the number given first.
        CommenterNumber.objects.bulk_create(
            [CommenterNumber(digest=value) for value in sorted(missing)],
            batch_size=1000,
            ignore_conflicts=True,
        )
        known |= _known(missing)
    return {key: known[value] for key, value in digests.items()}


def _known(digests: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ordered = sorted(digests)
    for start in range(0, len(ordered), 500):
        found.update(
            CommenterNumber.objects.filter(digest__in=ordered[start : start + 500]).values_list(
                "digest", "pk"
            )
        )
    return found


def pack(numbers: Iterable[int]) -> bytes:
    import numpy as np  # noqa: PLC0415 - see _NUMBER

    return np.array(sorted(set(numbers)), dtype=_NUMBER).tobytes()


def unpack(packed: bytes | memoryview) -> np.ndarray:
    import numpy as np  # noqa: PLC0415 - see _NUMBER

    return np.frombuffer(packed, dtype=_NUMBER)


def union(lists: Iterable[bytes | memoryview]) -> bytes:
    """The packed union of packed lists."""
    import numpy as np  # noqa: PLC0415 - see _NUMBER

    arrays = [unpack(packed) for packed in lists if packed]
    if not arrays:
        return b""
    return np.unique(np.concatenate(arrays)).astype(_NUMBER).tobytes()


def count(packed: bytes | memoryview) -> int:
    return len(packed) // _NUMBER_SIZE


class Tally:
    """Distinct commenters of several groups at once (sections, authors, the whole period).

    Add each row's packed list to the groups it belongs to, then read `counts()`. The lists of a
    group are joined as bytes and read as one array, marked in one bitmap reused for every group.
    """

    def __init__(self) -> None:
        self._lists: dict[object, list[bytes]] = {}

    def add(self, group: object, packed: bytes | memoryview) -> None:
        if packed:
            self._lists.setdefault(group, []).append(bytes(packed))

    def counts(self) -> dict[object, int]:
        import numpy as np  # noqa: PLC0415 - see _NUMBER

        numbers = {group: unpack(b"".join(lists)) for group, lists in self._lists.items()}
        highest = max((int(array.max()) for array in numbers.values()), default=0)
        marks = np.zeros(highest + 1, dtype=bool)
        counted = {}
        for group, array in numbers.items():
            marks[array] = True
            counted[group] = int(np.count_nonzero(marks))
            marks[array] = False
        return counted
