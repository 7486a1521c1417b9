"""The central's participant data is cleaned on the way in (issue 18): a name keeps letters,
spaces and . ' - ,; every free-text field loses bidi and zero-width characters."""

from __future__ import annotations

from kiosk.sync.registry import parse_peserta


def test_the_centrals_names_and_notes_are_cleaned() -> None:
    peserta = parse_peserta(
        {
            "noKartu": "0001234567801",
            "nama": "[@click=app.quit]Rahmat[/] \u202eHidayat\u200b",
            "aktif": True,
            "ketAktif": "AKTIF\u2067 [b]",
            "kdProviderPst": {"kdProvider": "P3273010", "nmProvider": "Puskesmas\u200b Sukamaju"},
            "jnsKelas": {"kode": "3", "nama": "Kelas\ufeff III"},
        }
    )
    assert peserta is not None
    assert peserta.name == "click app.quit Rahmat Hidayat"
    assert peserta.status_note == "AKTIF [b]"
    assert peserta.fktp_name == "Puskesmas Sukamaju"
    assert peserta.class_name == "Kelas III"


def test_a_name_with_nothing_of_a_name_left_is_empty() -> None:
    peserta = parse_peserta({"noKartu": "0001234567801", "nama": "[/] 123", "aktif": True})
    assert peserta is not None and peserta.name == ""
