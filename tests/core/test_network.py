from django.test import Client, TestCase, override_settings

from gazette.challenges.conf import DEFAULT_RATES
from gazette.core.network import counted_network, ip_hash
from gazette.reactions.models import Vote
from tests.factories import ArticleFactory, identified, yes_no_reaction_set
from tests.reactions.test_views import vote_url


class CountedNetworkTests(TestCase):
    def test_ipv4_addresses_count_one_by_one(self) -> None:
        assert counted_network("203.0.113.7") == "203.0.113.7"
        assert ip_hash("203.0.113.7") != ip_hash("203.0.113.8")

    def test_addresses_of_one_ipv6_slash_64_count_as_one_sender(self) -> None:
        assert ip_hash("2001:db8:1:2::1") == ip_hash("2001:db8:1:2:ffff:ffff:ffff:ffff")
        assert counted_network("2001:DB8:1:2::abcd") == "2001:db8:1:2::/64"

    def test_the_next_slash_64_is_another_sender(self) -> None:
        assert ip_hash("2001:db8:1:2::1") != ip_hash("2001:db8:1:3::1")

    @override_settings(GAZETTE_IPV6_PREFIX=48)
    def test_the_prefix_length_is_a_setting(self) -> None:
        assert ip_hash("2001:db8:1:2::1") == ip_hash("2001:db8:1:9::1")
        assert counted_network("2001:db8:1:2::1") == "2001:db8:1::/48"

    def test_an_ipv4_mapped_address_counts_as_its_ipv4_address(self) -> None:
        assert ip_hash("::ffff:203.0.113.7") == ip_hash("203.0.113.7")

    def test_something_that_is_no_address_is_still_counted_as_given(self) -> None:
        assert counted_network(" unknown ") == "unknown"


@override_settings(
    GAZETTE_CHALLENGES={"RATES": {**DEFAULT_RATES, "vote": {"reader": "30/600", "ip": "5/3600"}}}
)
class RotatingAddressesTests(TestCase):
    def test_votes_from_rotating_addresses_of_one_slash_64_meet_one_rate_limit(self) -> None:
        yes_no_reaction_set()
        article = ArticleFactory()
        statuses = [
            # A new browser each time (no cookie), a new address of the same /64 each time.
            identified(Client(REMOTE_ADDR=f"2001:db8:aa:bb::{n:x}"))
            .post(vote_url(article), {"choice": "yes"}, HTTP_ACCEPT="application/json")
            .status_code
            for n in range(1, 34)
        ]
        assert statuses.count(200) == 5
        assert statuses[5:] == [429] * 28
        assert Vote.objects.count() == 5
