"""Query counts that depend on where the shared cache lives. With Django's database cache (the
embedded default) every shared-cache read is a query; with Redis (production) none is. A test
that pins a page's queries names its cache reads with `plus_cache_reads`, so that it holds in
both setups and still fails when a query is added."""

from __future__ import annotations

from gazette.challenges.counters import in_database


def plus_cache_reads(queries: int, cache_reads: int) -> int:
    """`queries` database queries and `cache_reads` reads of the shared cache."""
    return queries + (cache_reads if in_database() else 0)


def cache_is_the_database() -> bool:
    return in_database()
