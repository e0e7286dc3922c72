"""Progress of a long command, shown on a terminal (count, rate, time left) and silent
otherwise, so that the same command run from cron or systemd writes only its result."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import TextIO

from django.core.management.base import OutputWrapper

SECONDS_PER_MINUTE = 60


def _duration(seconds: float) -> str:
    if seconds < SECONDS_PER_MINUTE:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(seconds, SECONDS_PER_MINUTE)
    return f"{minutes:.0f} min {rest:02.0f} s"


class Progress:
    """`step()` after each unit of work; `done()` at the end. On a terminal one line is
    rewritten at most every `every` seconds: "Articles: 12/40 (3.1/s, about 9 s left)"."""

    def __init__(
        self,
        stream: TextIO | OutputWrapper,
        label: str,
        total: int | None = None,
        *,
        every: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        shown: bool | None = None,
    ) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.count = 0
        self.every = every
        self.clock = clock
        self.shown = stream.isatty() if shown is None else shown
        self.started = clock()
        self._last_shown = float("-inf")

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.count / elapsed
        counted = f"{self.count}/{self.total}" if self.total else str(self.count)
        text = f"{self.label}: {counted} ({rate:.1f}/s"
        if self.total and rate > 0 and self.count < self.total:
            text += f", about {_duration((self.total - self.count) / rate)} left"
        return text + ")"

    def step(self, count: int = 1) -> None:
        self.count += count
        now = self.clock()
        if self.shown and now - self._last_shown >= self.every:
            self._last_shown = now
            self._write("\r" + self.line() + "\033[K")

    def done(self) -> None:
        if self.shown:
            self._write("\r" + self.line() + "\033[K\n")

    def _write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")  # a command's own stream adds no line end
        else:
            self.stream.write(text)
        self.stream.flush()


class Silent(Progress):
    """Progress nobody is shown (a caller that was given none)."""

    def __init__(self) -> None:
        super().__init__(io.StringIO(), "", shown=False)
