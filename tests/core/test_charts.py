from gazette.core import charts


def test_a_bar_chart_escapes_what_it_is_given() -> None:
    svg = charts.bar_chart("<b>", [("<script>alert(1)</script>", 3)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_a_column_chart_has_a_title_and_describes_its_values() -> None:
    svg = charts.column_chart("Votes per week", [("30 Nov", 4.0), ("7 Dec", 10.0)])
    assert "<title>Votes per week</title>" in svg
    assert "<desc>30 Nov: 4; 7 Dec: 10</desc>" in svg
    assert svg.count("<rect") == 2


def test_shares_are_drawn_against_a_whole_and_described_as_percentages() -> None:
    svg = charts.column_chart("Share of yes", [("Courts", 0.5)], percent=True)
    assert "Courts: 50 %" in svg
    assert 'height="100.0"' in svg


def test_a_line_chart_joins_its_points_and_names_its_ends() -> None:
    svg = charts.line_chart("Share of yes", [("1 Dec", 1.0), ("2 Dec", 0.75)], percent=True)
    assert "<polyline" in svg
    assert ">1 Dec</text>" in svg
    assert ">2 Dec</text>" in svg


def test_an_empty_line_chart_still_renders() -> None:
    assert "<title>Nothing</title>" in charts.line_chart("Nothing", [])
