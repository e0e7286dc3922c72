import io

from gazette.core.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_on_a_terminal_it_shows_count_rate_and_time_left() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, "Articles", total=40, clock=clock, shown=True)
    clock.now = 4.0
    progress.step(12)
    assert progress.line() == "Articles: 12/40 (3.0/s, about 9 s left)"
    assert "Articles: 12/40" in out.getvalue()
    clock.now = 130.0
    progress.step(1)
    assert "about" in progress.line()
    progress.done()
    assert out.getvalue().endswith("\n")


def test_lines_are_rewritten_at_most_every_half_second() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, "Comments", clock=clock, shown=True)
    for _ in range(100):
        progress.step()
    assert out.getvalue().count("\r") == 1
    assert progress.line().startswith("Comments: 100 (")


def test_without_a_terminal_it_writes_nothing() -> None:
    out = io.StringIO()  # not a terminal: cron, systemd, a pipe
    progress = Progress(out, "Articles", total=3)
    for _ in range(3):
        progress.step()
    progress.done()
    assert out.getvalue() == ""
