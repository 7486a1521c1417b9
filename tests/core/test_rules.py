"""Pure rules: masking, eligibility, numbering, schedules, waiting, check-in, slip codes, i18n."""

from __future__ import annotations

import contextlib
import re
import string
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.domain import slip_code
from kiosk.domain.checkin import CheckInProblem, check_in_problem
from kiosk.domain.eligibility import Refusal, check_eligibility
from kiosk.domain.models import (
    Participant,
    PoliState,
    Slot,
    Ticket,
    TicketSource,
    TicketStatus,
)
from kiosk.domain.numbering import MAX_SEQ, format_number, parse_number
from kiosk.domain.privacy import mask_name, mask_number
from kiosk.domain.schedule import (
    DateProblem,
    bookable_dates,
    check_service_date,
    default_slot,
    open_slots,
    places_left,
    poli_state,
    slot_is_over,
)
from kiosk.domain.slip_code import SlipCode, SlipCodeError, SlipCodeProblem
from kiosk.domain.waiting import estimate_call_window
from kiosk.i18n import LANGS, TEXT, rupiah, t

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 23)  # a Monday
TOMORROW = TODAY + timedelta(days=1)
HERE = "P3273010"
KEY = b"k" * 32


def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
    return datetime.combine(day, time(hour, minute), WIB)


# -- privacy -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "masked"),
    [
        ("3273014507900001", "••••••••••••0001"),
        ("0001234567801", "•••••••••7801"),
        ("1234", "1234"),
        ("12", "12"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_number(digits: str | None, masked: str) -> None:
    assert mask_number(digits) == masked


def test_mask_number_keeps_length_and_visible_count() -> None:
    assert mask_number("0001234567801", visible=2) == "•••••••••••01"
    assert len(mask_number("3273014507900001")) == 16


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Siti Aminah", "Siti A."),
        ("Budi Santoso", "Budi S."),
        ("Rina", "Rina"),
        ("Muhammad agus salim", "Muhammad A. S."),
        ("  Dewi   Lestari  ", "Dewi L."),
        ("Ani 2 Wati", "Ani W."),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


# -- eligibility -------------------------------------------------------------------------------


def participant(**changes: object) -> Participant:
    base = Participant(
        id=1,
        nik="3273014507900001",
        card_number="0001234567801",
        display_name="Siti A.",
        birth_date=date(1990, 7, 5),
        sex="P",
        active=True,
        arrears=0,
        fktp_code=HERE,
        fktp_name="Puskesmas Uji",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_eligible_participant() -> None:
    assert check_eligibility(participant(), HERE) is None


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"active": False}, Refusal.INACTIVE),
        ({"arrears": 450_000}, Refusal.ARREARS),
        ({"arrears": 1}, Refusal.ARREARS),
        ({"fktp_code": "P3273020", "fktp_name": "Puskesmas Lain"}, Refusal.OTHER_FKTP),
        # The first reason wins.
        ({"active": False, "arrears": 10, "fktp_code": "X"}, Refusal.INACTIVE),
        ({"arrears": 10, "fktp_code": "X"}, Refusal.ARREARS),
    ],
)
def test_refusals(changes: dict[str, object], refusal: Refusal) -> None:
    assert check_eligibility(participant(**changes), HERE) is refusal


def test_refusal_values_are_translation_keys() -> None:
    for refusal in Refusal:
        assert refusal.value in TEXT


# -- numbering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "seq", "number"),
    [("A", 1, "A-001"), ("B", 12, "B-012"), ("D", 999, "D-999"), ("C", 100, "C-100")],
)
def test_format_number(prefix: str, seq: int, number: str) -> None:
    assert format_number(prefix, seq) == number
    assert parse_number(number) == (prefix, seq)


@pytest.mark.parametrize("seq", [0, -1, MAX_SEQ + 1])
def test_format_number_out_of_range(seq: int) -> None:
    with pytest.raises(ValueError):
        format_number("A", seq)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("a12", ("A", 12)), ("A-012", ("A", 12)), (" b-7 ", ("B", 7)), ("C999", ("C", 999))],
)
def test_parse_number(text: str, parsed: tuple[str, int]) -> None:
    assert parse_number(text) == parsed


@pytest.mark.parametrize(
    "text", ["", "A", "A-", "A-000", "A0", "AB-001", "A-1000", "1-001", "A--001", "A 001", "-001"]
)
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.sampled_from(string.ascii_uppercase), st.integers(min_value=1, max_value=MAX_SEQ))
def test_number_roundtrip(prefix: str, seq: int) -> None:
    assert parse_number(format_number(prefix, seq)) == (prefix, seq)


# -- schedule ----------------------------------------------------------------------------------


def slot(
    start: str,
    end: str,
    quota: int = 10,
    taken: int = 0,
    day: date = TODAY,
    doctor: int = 101,
    schedule_id: int = 1,
) -> Slot:
    return Slot(
        schedule_id=schedule_id,
        poli_code="001",
        doctor_code=doctor,
        doctor_name=f"dr. {doctor}",
        service_date=day,
        start=time.fromisoformat(start),
        end=time.fromisoformat(end),
        quota=quota,
        taken=taken,
    )


def test_bookable_dates_are_today_and_tomorrow() -> None:
    assert bookable_dates(TODAY) == (TODAY, TOMORROW)
    assert bookable_dates(date(2026, 12, 31)) == (date(2026, 12, 31), date(2027, 1, 1))


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (TODAY, None),
        (TOMORROW, None),
        (TODAY - timedelta(days=1), DateProblem.PAST),
        (TODAY - timedelta(days=400), DateProblem.PAST),
        (TODAY + timedelta(days=2), DateProblem.TOO_FAR),
        (TODAY + timedelta(days=30), DateProblem.TOO_FAR),
    ],
)
def test_check_service_date(day: date, problem: DateProblem | None) -> None:
    assert check_service_date(day, TODAY) == problem


def test_slot_remaining_never_negative() -> None:
    assert slot("08:00", "12:00", quota=3, taken=5).remaining == 0
    assert slot("08:00", "12:00", quota=3, taken=1).remaining == 2
    assert slot("08:00", "12:00").jampraktek == "08:00-12:00"


@pytest.mark.parametrize(
    ("the_slot", "now", "over"),
    [
        (slot("08:00", "12:00"), at(9), False),
        (slot("08:00", "12:00"), at(7), False),
        (slot("08:00", "12:00"), at(12), True),  # the end is exclusive
        (slot("08:00", "12:00"), at(11, 59), False),
        (slot("08:00", "12:00"), at(13), True),
        (slot("08:00", "12:00", day=TODAY - timedelta(days=1)), at(7), True),
        (slot("08:00", "12:00", day=TOMORROW), at(23), False),
    ],
)
def test_slot_is_over(the_slot: Slot, now: datetime, over: bool) -> None:
    assert slot_is_over(the_slot, now) is over


def test_slot_is_over_uses_the_local_clock() -> None:
    # 06:00 UTC is 13:00 WIB: the morning shift is over at the clinic.
    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC).astimezone(WIB)
    assert slot_is_over(slot("00:00", "12:00"), now)


def test_open_slots_and_places_left() -> None:
    morning = slot("00:00", "12:00", quota=40, taken=5, schedule_id=1)
    afternoon = slot("12:00", "23:59", quota=20, taken=20, schedule_id=2)
    late = slot("13:00", "18:00", quota=10, taken=3, schedule_id=3)
    assert open_slots([morning, afternoon, late], at(9)) == [morning, afternoon, late]
    assert places_left([morning, afternoon, late], at(9)) == 35 + 0 + 7
    assert open_slots([morning, afternoon, late], at(13)) == [afternoon, late]
    assert places_left([morning, afternoon, late], at(13)) == 7


@pytest.mark.parametrize(
    ("slots", "now", "state"),
    [
        ([], at(9), PoliState.CLOSED),
        ([slot("08:00", "12:00")], at(9), PoliState.OPEN),
        ([slot("08:00", "12:00")], at(12), PoliState.CLOSED),
        ([slot("08:00", "12:00", quota=5, taken=5)], at(9), PoliState.FULL),
        # A full shift that is over does not make the poli full: it is closed.
        ([slot("08:00", "12:00", quota=5, taken=5)], at(13), PoliState.CLOSED),
        (
            [slot("08:00", "12:00", quota=5, taken=5), slot("12:00", "16:00", quota=5, taken=4)],
            at(9),
            PoliState.OPEN,
        ),
        (
            [slot("08:00", "12:00", quota=5, taken=1), slot("12:00", "16:00", quota=5, taken=5)],
            at(13),
            PoliState.FULL,
        ),
        ([slot("08:00", "12:00", day=TOMORROW)], at(23), PoliState.OPEN),
    ],
)
def test_poli_state(slots: list[Slot], now: datetime, state: PoliState) -> None:
    assert poli_state(slots, now) is state


def test_default_slot_prefers_the_current_shift_with_room() -> None:
    early = slot("07:00", "10:00", doctor=102, schedule_id=1)
    current = slot("08:00", "12:00", doctor=101, schedule_id=2)
    later = slot("12:00", "16:00", doctor=101, schedule_id=3)
    assert default_slot([later, current, early], at(10, 30)) == current
    # At 09:00 both early and current are under way: the earlier start wins.
    assert default_slot([later, current, early], at(9)) == early


def test_default_slot_skips_a_full_current_shift() -> None:
    current = slot("08:00", "12:00", quota=3, taken=3, schedule_id=1)
    later = slot("12:00", "16:00", schedule_id=2)
    evening = slot("16:00", "20:00", schedule_id=3)
    assert default_slot([evening, current, later], at(9)) == later


def test_default_slot_before_any_shift_is_the_earliest_open() -> None:
    morning = slot("08:00", "12:00", schedule_id=1)
    afternoon = slot("12:00", "16:00", schedule_id=2)
    assert default_slot([afternoon, morning], at(6)) == morning


def test_default_slot_breaks_ties_by_doctor() -> None:
    second = slot("08:00", "12:00", doctor=102, schedule_id=1)
    first = slot("08:00", "12:00", doctor=101, schedule_id=2)
    assert default_slot([second, first], at(9)) == first
    assert default_slot([second, first], at(6)) == first


def test_default_slot_tomorrow_is_the_earliest_with_room() -> None:
    morning = slot("00:00", "12:00", day=TOMORROW, schedule_id=1)
    afternoon = slot("12:00", "23:59", day=TOMORROW, schedule_id=2)
    # At 13:00 today, tomorrow's morning shift is not "under way" and not over.
    assert default_slot([afternoon, morning], at(13)) == morning


def test_default_slot_none_when_nothing_left() -> None:
    assert default_slot([], at(9)) is None
    assert default_slot([slot("08:00", "12:00")], at(12)) is None
    assert default_slot([slot("08:00", "12:00", quota=1, taken=1)], at(9)) is None


# -- waiting -----------------------------------------------------------------------------------


def test_estimate_during_the_shift() -> None:
    now = at(9)
    low, high = estimate_call_window(now, time(8, 0), people_ahead=3, pace=10)
    assert low == now + timedelta(minutes=20)
    assert high == now + timedelta(minutes=40)


def test_estimate_before_the_shift_starts_from_the_shift() -> None:
    low, high = estimate_call_window(at(9), time(13, 0), people_ahead=0, pace=10)
    assert low == at(13)
    assert high == at(13, 10)
    assert low.tzinfo is not None


def test_estimate_without_a_shift_and_nobody_ahead() -> None:
    now = at(9, 17)
    assert estimate_call_window(now, None, 0, 12) == (now, now + timedelta(minutes=12))
    assert estimate_call_window(now, None, 1, 12) == (now, now + timedelta(minutes=24))


@given(
    st.integers(min_value=0, max_value=500),
    st.floats(min_value=1, max_value=120),
    st.times(),
)
def test_estimate_is_a_window_not_before_now(ahead: int, minutes: float, start: time) -> None:
    now = at(9)
    low, high = estimate_call_window(now, start, ahead, minutes)
    assert now <= low < high


# -- check-in ----------------------------------------------------------------------------------


def ticket(**changes: object) -> Ticket:
    base = Ticket(
        id=1,
        number="B-001",
        seq=1,
        poli_code="002",
        poli_name="Gigi",
        service_date=TODAY,
        doctor_code=201,
        doctor_name="drg. Rizky Pratama",
        shift_start=time(0, 0),
        shift_end=time(12, 0),
        complaint=None,
        source=TicketSource.BOOKING,
        status=TicketStatus.BOOKED,
        participant_id=6,
        masked_card="•••••••••7806",
        holder_name="Rina M.",
        non_jkn=False,
        verified=True,
        created_at=at(7),
        checked_in_at=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "now", "problem"),
    [
        ({}, at(9), None),
        ({}, at(11, 59), None),
        ({"service_date": TOMORROW}, at(9), CheckInProblem.OTHER_DAY),
        ({"service_date": TODAY - timedelta(days=1)}, at(9), CheckInProblem.OTHER_DAY),
        ({}, at(12), CheckInProblem.LATE),
        ({}, at(13), CheckInProblem.LATE),
        ({"status": TicketStatus.CANCELLED}, at(9), CheckInProblem.CANCELLED),
        ({"status": TicketStatus.SERVED}, at(9), CheckInProblem.DONE),
        ({"status": TicketStatus.SKIPPED}, at(9), CheckInProblem.DONE),
        # Already waiting: nothing to refuse, even after the shift.
        ({"status": TicketStatus.WAITING}, at(13), None),
        ({"shift_end": None}, at(23), None),
    ],
)
def test_check_in_problem(
    changes: dict[str, object], now: datetime, problem: CheckInProblem | None
) -> None:
    assert check_in_problem(ticket(**changes), now) == problem


def test_check_in_problem_uses_the_facility_day() -> None:
    # 20:00 UTC on the 22nd is 03:00 WIB on the 23rd: the booking is for "today".
    now = datetime(2026, 11, 22, 20, 0, tzinfo=UTC).astimezone(WIB)
    assert check_in_problem(ticket(), now) is None


# -- slip codes --------------------------------------------------------------------------------

CODE = SlipCode("P3273010", TODAY, "A-001", 42)


def test_slip_code_roundtrip() -> None:
    text = slip_code.encode(CODE, KEY)
    assert text.startswith("AK1:P3273010:20261123:A-001:42:")
    assert slip_code.decode(text, KEY) == CODE
    assert slip_code.decode(text, KEY, today=TODAY) == CODE
    # Scanners may add whitespace or lower the case.
    assert slip_code.decode(f"  {text.lower()}\n", KEY, today=TODAY) == CODE


def test_slip_code_uses_the_qr_alphanumeric_alphabet() -> None:
    text = slip_code.encode(CODE, KEY)
    assert re.fullmatch(r"[A-Z0-9:\-]+", text)


def _changed(char: str) -> str:
    return "B" if char != "B" else "C"


def test_slip_code_forged_signature_is_refused() -> None:
    text = slip_code.encode(CODE, KEY)
    head, _, signature = text.rpartition(":")
    for index in range(len(signature)):
        forged = f"{head}:{signature[:index]}{_changed(signature[index])}{signature[index + 1 :]}"
        with pytest.raises(SlipCodeError) as caught:
            slip_code.decode(forged, KEY)
        assert caught.value.problem is SlipCodeProblem.FORGED


@pytest.mark.parametrize(
    ("old", "new"),
    [(":A-001:", ":A-002:"), (":42:", ":43:"), (":20261123:", ":20261124:"), ("P3273", "P3274")],
)
def test_slip_code_changed_body_is_forged(old: str, new: str) -> None:
    text = slip_code.encode(CODE, KEY).replace(old, new)
    with pytest.raises(SlipCodeError) as caught:
        slip_code.decode(text, KEY)
    assert caught.value.problem is SlipCodeProblem.FORGED


def test_slip_code_other_key_is_forged() -> None:
    text = slip_code.encode(CODE, b"another key")
    with pytest.raises(SlipCodeError) as caught:
        slip_code.decode(text, KEY)
    assert caught.value.problem is SlipCodeProblem.FORGED


def test_slip_code_of_another_day_is_refused_when_today_is_given() -> None:
    text = slip_code.encode(CODE, KEY)
    with pytest.raises(SlipCodeError) as caught:
        slip_code.decode(text, KEY, today=TOMORROW)
    assert caught.value.problem is SlipCodeProblem.OTHER_DAY
    assert slip_code.decode(text, KEY) == CODE  # without today, any day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "AK1",
        "hello",
        "AK2:P3273010:20261123:A-001:42:AAAA",
        "AK1:P3273010:20261123:A-001:42",
        "AK1:P3273010:20261123:A-001:42:AAAA:extra",
        "AK1::20261123:A-001:42:AAAA",
        "AK1:P-1:20261123:A-001:42:AAAA",
        "AK1:P3273010:2026112:A-001:42:AAAA",
        "AK1:P3273010:20261332:A-001:42:AAAA",
        "AK1:P3273010:20260230:A-001:42:AAAA",
        "AK1:P3273010:20261123:A001:42:AAAA",
        "AK1:P3273010:20261123:A-01:42:AAAA",
        "AK1:P3273010:20261123:A-001:x42:AAAA",
        "AK1:P3273010:20261123:A-001:-1:AAAA",
        "AK1:P3273010:20261123:A-001::AAAA",
    ],
)
def test_slip_code_malformed(text: str) -> None:
    with pytest.raises(SlipCodeError) as caught:
        slip_code.decode(text, KEY)
    assert caught.value.problem is SlipCodeProblem.MALFORMED


@pytest.mark.parametrize(
    "code",
    [
        SlipCode("p3273010", TODAY, "A-001", 1),
        SlipCode("P3273010", TODAY, "A-1", 1),
        SlipCode("", TODAY, "A-001", 1),
        SlipCode("P:1", TODAY, "A-001", 1),
    ],
)
def test_slip_code_encode_refuses_what_cannot_be_read_back(code: SlipCode) -> None:
    with pytest.raises(ValueError):
        slip_code.encode(code, KEY)


@given(st.text())
def test_any_text_decodes_or_is_a_slip_code_error(text: str) -> None:
    try:
        result = slip_code.decode(text, KEY, today=TODAY)
    except SlipCodeError:
        pass
    else:
        assert isinstance(result, SlipCode)


_VALID_PARTS = ("P3273010", "20261123", "A-001", "42", "AAAAAAAAAAAAAAAA")


@given(st.tuples(*(st.one_of(st.just(valid), st.text(max_size=10)) for valid in _VALID_PARTS)))
@example(("P3273010", "20261123", "A-001", "42", "É"))
@example(("P3273010", "20261123", "A-001", "²", "AAAA"))
@example(("P3273010", "20261123", "A-١٢٣", "42", "AAAA"))
def test_code_shaped_text_decodes_or_is_a_slip_code_error(parts: tuple[str, ...]) -> None:
    text = ":".join(["AK1", *parts])
    with contextlib.suppress(SlipCodeError):
        slip_code.decode(text, KEY, today=TODAY)


def test_non_ascii_signature_is_malformed() -> None:
    head = slip_code.encode(CODE, KEY).rpartition(":")[0]
    with pytest.raises(SlipCodeError):
        slip_code.decode(f"{head}:É", KEY)


def test_superscript_ticket_id_is_malformed() -> None:
    with pytest.raises(SlipCodeError):
        slip_code.decode("AK1:P3273010:20261123:A-001:²:AAAA", KEY)


def test_non_ascii_digits_in_the_number_are_malformed() -> None:
    with pytest.raises(SlipCodeError):
        slip_code.decode("AK1:P3273010:20261123:A-١٢٣:42:AAAA", KEY)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from("ABCDEFGH"),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=10**9),
    st.binary(min_size=16, max_size=64),
)
def test_realistic_payloads_roundtrip_without_long_digit_runs(
    facility: str, day: date, prefix: str, seq: int, ticket_id: int, key: bytes
) -> None:
    code = SlipCode(facility, day, format_number(prefix, seq), ticket_id)
    text = slip_code.encode(code, key)
    assert slip_code.decode(text, key, today=day) == code
    assert re.search(r"\d{13,}", text) is None, text


def test_payload_of_a_realistic_ticket_carries_no_personal_number() -> None:
    text = slip_code.encode(SlipCode("P3273010", TODAY, "B-123", 123456), KEY)
    assert re.search(r"\d{13,}", text) is None
    assert "3273014507900001" not in text
    assert "0001234567801" not in text


# -- i18n --------------------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    indonesian, english = TEXT[key]
    assert indonesian.strip()
    assert english.strip()
    assert _placeholders(indonesian) == _placeholders(english)


def test_t_picks_the_language_and_fills_in() -> None:
    assert t("poli.open", "id", n=3) == "sisa 3 kuota"
    assert t("poli.open", "en", n=3) == "3 places left"
    assert t("poli.title") == TEXT["poli.title"][0]
    assert LANGS == ("id", "en")


def test_t_of_an_unknown_key_is_the_key() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("no.such.key", "en", n=1) == "no.such.key"


def test_every_placeholder_is_filled_by_t() -> None:
    for key, pair in TEXT.items():
        params = {name: "X" for name in _placeholders(pair[0])}
        for lang in LANGS:
            shown = t(key, lang, **params)
            assert "{" not in shown and "}" not in shown, key


def test_keys_of_domain_enums_are_translated() -> None:
    from kiosk.domain.identity import IdentityProblem
    from kiosk.domain.models import TicketStatus as Status

    keys = [
        *(p.value for p in IdentityProblem),
        *(p.value for p in CheckInProblem),
        *(p.value for p in DateProblem),
        *(p.value for p in SlipCodeProblem),
        *(f"state.{s.value}" for s in Status),
        "take.full",
        "take.over",
        "take.closed",
        "cancel.served",
    ]
    missing = [key for key in keys if key not in TEXT]
    assert missing == []


@pytest.mark.parametrize(
    ("amount", "shown"), [(0, "Rp0"), (450_000, "Rp450.000"), (1_234_567, "Rp1.234.567")]
)
def test_rupiah(amount: int, shown: str) -> None:
    assert rupiah(amount) == shown
