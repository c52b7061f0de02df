import random
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest

from data.model import ExactTime, Leg, Meeting, Participant, Place, Status, TimeTBC, Trip
from data.travel import TravelAssumptions
from data.warnings import (
    TripWarning,
    WarningKind,
    check_trip,
    clock_change_problem,
    warnings_by_meeting,
)

PARIS, LONDON = ZoneInfo("Europe/Paris"), ZoneInfo("Europe/London")
PLACES = (
    Place("paris", "Quai d'Orsay", "Paris", "France", 48.8625, 2.3153, "Europe/Paris"),
    Place("elysee", "Élysée Palace", "Paris", "France", 48.8704, 2.3167, "Europe/Paris"),
    Place(
        "london", "Lancaster House", "London", "United Kingdom", 51.5040, -0.1385, "Europe/London"
    ),
)


def at(tz, day, start, end):
    y, m, d = day
    return ExactTime(datetime(y, m, d, *start, tzinfo=tz), datetime(y, m, d, *end, tzinfo=tz))


def trip(*meetings, **fields):
    return Trip("T", "Envoy", "America/New_York", places=PLACES, meetings=meetings, **fields)


def paris_then_london(london_start):
    paris = Meeting("p", "Fabius", "paris", at(PARIS, (2025, 6, 3), (15, 0), (16, 0)))
    london = Meeting("l", "Lammy", "london", at(LONDON, (2025, 6, 3), london_start, (20, 0)))
    return trip(paris, london)


def kinds(warnings):
    return [w.kind for w in warnings]


def test_paris_until_16_then_london_at_1630_is_too_close():
    [warning] = check_trip(paris_then_london((16, 30)))
    assert warning.kind is WarningKind.TOO_CLOSE
    assert warning.meeting_ids == ("p", "l")
    assert warning.message == (
        "Only 1 h 30 min between “Fabius” in Paris (ends 16:00 CEST) and “Lammy” in London "
        "(starts 16:30 BST); the flight needs about 1 h 58 min."
    )


def test_three_hours_between_paris_and_london_is_enough():
    assert check_trip(paris_then_london((18, 0))) == []


def test_the_assumptions_decide_and_a_stored_leg_names_the_mode():
    relaxed = TravelAssumptions(airport_time=timedelta(minutes=30))
    assert check_trip(paris_then_london((16, 30)), relaxed) == []
    train = Leg("paris", "london", date(2025, 6, 3), mode="Eurostar")
    assert check_trip(paris_then_london((18, 0)).replace(legs=(train,))) == []
    [warning] = check_trip(paris_then_london((17, 30)).replace(legs=(train,)))
    assert warning.message.endswith("the Eurostar needs about 2 h 52 min.")  # 120 km/h
    planned = train.replace(
        depart=datetime(2025, 6, 3, 16, 30, tzinfo=PARIS),
        arrive=datetime(2025, 6, 3, 18, 45, tzinfo=LONDON),
    )
    [warning] = check_trip(paris_then_london((18, 0)).replace(legs=(planned,)))
    assert warning.message.endswith("the Eurostar needs about 3 h 15 min.")  # its own times


def test_meetings_in_the_same_city_are_never_too_close():
    first = Meeting("a", "A", "paris", at(PARIS, (2025, 6, 3), (9, 0), (10, 0)))
    second = Meeting("b", "B", "elysee", at(PARIS, (2025, 6, 3), (10, 0), (11, 0)))
    assert check_trip(trip(first, second)) == []


def test_tbc_and_cancelled_meetings_are_not_checked_for_travel():
    paris = Meeting("p", "Fabius", "paris", at(PARIS, (2025, 6, 3), (15, 0), (16, 0)))
    london_tbc = Meeting("l", "Lammy", "london", TimeTBC(date(2025, 6, 3)))
    assert check_trip(trip(paris, london_tbc)) == []
    cancelled = paris_then_london((16, 30))
    cancelled = cancelled.replace(
        meetings=(cancelled.meetings[0].replace(status=Status.CANCELLED), cancelled.meetings[1])
    )
    assert check_trip(cancelled) == []


def test_the_same_person_in_two_overlapping_meetings():
    envoy = Participant("Jane Doe")
    first = Meeting("a", "A", "paris", at(PARIS, (2025, 6, 3), (9, 0), (10, 30)), (envoy,))
    second = Meeting(
        "b", "B", "elysee", at(PARIS, (2025, 6, 3), (10, 0), (11, 0)), (Participant("jane doe "),)
    )
    [warning] = check_trip(trip(first, second))
    assert warning == TripWarning(
        WarningKind.OVERLAP,
        ("a", "b"),
        "Jane Doe is in two meetings at once: “A” and “B” overlap.",
    )
    back_to_back = second.replace(time=at(PARIS, (2025, 6, 3), (10, 30), (11, 0)))
    assert check_trip(trip(first, back_to_back)) == []
    someone_else = second.replace(participants=(Participant("John Roe"),))
    assert check_trip(trip(first, someone_else)) == []


def test_overlap_is_found_across_zones():
    envoy = (Participant("Jane Doe"),)
    paris = Meeting("a", "A", "paris", at(PARIS, (2025, 6, 3), (9, 0), (10, 30)), envoy)
    # 09:15 in London is 10:15 in Paris.
    london = Meeting("b", "B", "london", at(LONDON, (2025, 6, 3), (9, 15), (10, 0)), envoy)
    assert kinds(check_trip(trip(paris, london))) == [WarningKind.OVERLAP, WarningKind.TOO_CLOSE]


def test_meetings_outside_the_trips_dates():
    early = Meeting("e", "Early", "paris", TimeTBC(date(2025, 6, 1)))
    inside = Meeting("i", "Inside", "paris", TimeTBC(date(2025, 6, 2)))
    late = Meeting("l", "Late", "london", at(LONDON, (2025, 6, 5), (9, 0), (10, 0)))
    dated = trip(early, inside, late, start_day=date(2025, 6, 2), end_day=date(2025, 6, 4))
    warnings = check_trip(dated)
    assert [(w.kind, w.meeting_ids) for w in warnings] == [
        (WarningKind.OUTSIDE_DATES, ("e",)),
        (WarningKind.OUTSIDE_DATES, ("l",)),
    ]
    assert (
        warnings[0].message
        == "“Early” on Sun 01 Jun 2025 is before the trip starts (Mon 02 Jun 2025)."
    )
    assert "after the trip ends (Wed 04 Jun 2025)" in warnings[1].message
    assert check_trip(dated.replace(start_day=None, end_day=None)) == []


def test_a_local_time_skipped_by_spring_forward():
    # 02:30 on 30 March 2025 never shows on a Paris clock.
    gap = datetime(2025, 3, 30, 2, 30, tzinfo=PARIS)
    meeting = Meeting("g", "Night call", "paris", ExactTime(gap, gap + timedelta(hours=2)))
    [warning] = check_trip(trip(meeting))
    assert warning.kind is WarningKind.NONEXISTENT_TIME
    assert warning.message == (
        "“Night call” starts at 02:30 on Sun 30 Mar 2025 does not exist in Europe/Paris: "
        "the clocks go forward then, so it would be 03:30 CEST."
    )


@pytest.mark.parametrize(("fold", "which"), [(0, "first one (CEST)"), (1, "second one (CET)")])
def test_a_local_time_repeated_by_the_autumn_fold(fold, which):
    twice = datetime(2025, 10, 26, 2, 30, tzinfo=PARIS, fold=fold)
    kind, text = clock_change_problem(twice)
    assert kind is WarningKind.AMBIGUOUS_TIME
    assert text == (
        f"02:30 on Sun 26 Oct 2025 happens twice in Europe/Paris as the clocks go back; "
        f"this is the {which}"
    )
    assert clock_change_problem(datetime(2025, 10, 26, 4, 0, tzinfo=PARIS)) is None


def test_warnings_by_meeting_lists_a_pair_under_both():
    warnings = check_trip(paris_then_london((16, 30)))
    by_meeting = warnings_by_meeting(warnings)
    assert by_meeting == {"p": warnings, "l": warnings}
    assert warnings_by_meeting([]) == {}


# The sweep against the pairwise check it replaced, on random trips.

ZONES = (PARIS, LONDON, ZoneInfo("Asia/Tokyo"))
SPREAD = (
    *PLACES,
    Place("tokyo", "Iikura House", "Tokyo", "Japan", 35.6605, 139.7400, "Asia/Tokyo"),
)
PEOPLE = ("Jane Doe", "jane doe ", "John Roe", "Ana Lima", "Li Wei")


def pairwise_overlaps(timed):
    """Every pair compared, as before the sweep (the reference the sweep must match)."""
    out = []
    for first, second in combinations(timed, 2):
        if not (start_utc(first) < end_utc(second) and start_utc(second) < end_utc(first)):
            continue
        people_first = {p.name.strip().casefold(): p.name.strip() for p in first.participants}
        people_second = {p.name.strip().casefold() for p in second.participants}
        shared = people_first.keys() & people_second
        if not shared:
            continue
        names = sorted(people_first[key] for key in shared)
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "is" if len(names) == 1 else "are"
        out.append(
            TripWarning(
                WarningKind.OVERLAP,
                (first.id, second.id),
                f"{who} {verb} in two meetings at once: “{first.title}” and “{second.title}” "
                "overlap.",
            )
        )
    return out


def start_utc(meeting):
    return meeting.time.start.astimezone(UTC)


def end_utc(meeting):
    return meeting.time.end.astimezone(UTC)


def random_trip(rng, count):
    meetings = []
    base = datetime(2025, 3, 28, 6, 0, tzinfo=UTC)  # spans Europe's spring change
    for i in range(count):
        place = rng.choice(SPREAD)
        if rng.random() < 0.15:
            meetings.append(Meeting(f"m{i}", f"M{i}", place.id, TimeTBC(date(2025, 3, 29))))
            continue
        start = base + timedelta(minutes=15 * rng.randrange(4 * 24 * 4))
        if rng.random() < 0.2 and meetings:  # same instant as an earlier one: ties
            earlier = rng.choice(meetings).time
            if isinstance(earlier, ExactTime):
                start = earlier.start.astimezone(UTC)
        end = start + timedelta(minutes=rng.choice((1, 15, 30, 60, 90, 180, 600)))
        tz = place.tz
        people = tuple(Participant(name) for name in rng.sample(PEOPLE, rng.randrange(4)))
        status = Status.CANCELLED if rng.random() < 0.1 else Status.CONFIRMED
        meetings.append(
            Meeting(
                f"m{i}",
                f"M{i}",
                place.id,
                ExactTime(start.astimezone(tz), end.astimezone(tz)),
                people,
                status=status,
            )
        )
    return Trip("T", "Envoy", "America/New_York", places=SPREAD, meetings=tuple(meetings))


@pytest.mark.parametrize("seed", range(40))
def test_the_sweep_finds_the_overlaps_every_pair_would(seed):
    rng = random.Random(seed)
    random_ = random_trip(rng, rng.choice((2, 5, 20, 60, 150)))
    timed = sorted(
        (
            m
            for m in random_.meetings
            if isinstance(m.time, ExactTime) and m.status is not Status.CANCELLED
        ),
        key=start_utc,
    )
    found = check_trip(random_)
    overlaps = [w for w in found if w.kind is WarningKind.OVERLAP]
    assert overlaps == pairwise_overlaps(timed)
    assert found[: len(overlaps)] == overlaps  # overlaps still come first


def test_clock_change_answers_follow_the_zone_and_fold_not_only_the_instant():
    """The answers are kept (a trip's check asks for every meeting again): one instant in
    two zones, or one wall time with either fold, gets its own answer."""
    paris = datetime(2025, 3, 30, 2, 30, tzinfo=ZoneInfo("Europe/Paris"))  # skipped there
    london = paris.astimezone(ZoneInfo("Europe/London"))  # the same instant, 02:30 BST
    assert clock_change_problem(london) is None
    problem = clock_change_problem(paris)
    assert problem is not None and problem[0] is WarningKind.NONEXISTENT_TIME
    repeated = datetime(2025, 10, 26, 2, 30, tzinfo=ZoneInfo("Europe/Paris"))
    first, second = (clock_change_problem(repeated.replace(fold=f)) for f in (0, 1))
    assert first is not None and "first one (CEST)" in first[1]
    assert second is not None and "second one (CET)" in second[1]
