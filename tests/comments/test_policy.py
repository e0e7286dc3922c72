import pytest

from gazette.comments import policy
from gazette.comments.models import Standing


@pytest.mark.parametrize(
    ("has_account", "is_staff", "address_verified", "standing"),
    [
        (False, False, False, "guest"),
        (True, False, False, "reader"),
        (True, False, True, "verified"),
        (True, True, False, "staff"),
        (True, True, True, "staff"),
    ],
)
def test_author_standing(has_account, is_staff, address_verified, standing):
    found = policy.author_standing(
        has_account=has_account, is_staff=is_staff, address_verified=address_verified
    )
    assert found == standing
    assert found in Standing.values
