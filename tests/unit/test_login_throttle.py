"""The wait after failed logins: five free, then doubling, never more than the longest."""

from registry.login_throttle import Throttle, retry_after


def test_five_failures_are_free_and_then_each_wait_doubles() -> None:
    rule = Throttle()
    assert rule.wait([100.0] * 4, 100.0) == 0
    assert rule.wait([100.0] * 5, 100.0) == 1
    assert rule.wait([100.0] * 6, 100.0) == 2
    assert rule.wait([100.0] * 8, 103.0) == 5
    assert rule.wait([100.0] * 5, 101.0) == 0


def test_no_wait_is_longer_than_an_hour() -> None:
    assert Throttle().wait([0.0] * 60, 0.0) == 3600
    assert retry_after(0.2) == 1 and retry_after(2.5) == 3
