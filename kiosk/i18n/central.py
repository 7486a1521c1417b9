"""The reference central's words (``kiosk central``): its answers and its commands' lines."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- the reference central: its answers and its commands' lines
    "central.ok": ("Ok.", "Ok."),
    "central.duplicate": (
        "duplikasi: antrean ini sudah tercatat.",
        "duplicate: this queue number is already recorded.",
    ),
    "central.date.invalid": ("Tanggal {value} tidak valid.", "The date {value} is not valid."),
    "central.poli.unknown": ("Poli {poli} tidak ditemukan.", "There is no poli {poli}."),
    "central.poli.none": (
        "Tidak ada jadwal poli pada tanggal {date}.",
        "No poli has a schedule on {date}.",
    ),
    "central.doctor.none": (
        "Tidak ada jadwal dokter di poli {poli} pada tanggal {date}.",
        "No doctor works at poli {poli} on {date}.",
    ),
    "central.entry.unknown": (
        "Antrean peserta di poli {poli} tanggal {date} tidak ditemukan.",
        "No queue number of this participant at poli {poli} on {date}.",
    ),
    "central.entry.cancelled": ("Antrean sudah dibatalkan.", "The queue number was cancelled."),
    "central.entry.called": (
        "Peserta sudah dipanggil dan hadir; antrean tidak dapat dibatalkan.",
        "The participant was called and came; the number cannot be cancelled.",
    ),
    "central.peserta.unknown": ("Peserta tidak ditemukan.", "No such participant."),
    "central.auth.missing": (
        "Header X-cons-id, X-timestamp, X-signature dan user_key wajib diisi.",
        "The X-cons-id, X-timestamp, X-signature and user_key headers are required.",
    ),
    "central.auth.malformed": (
        "Header X-cons-id, X-timestamp, X-signature dan user_key hanya boleh berisi karakter "
        "ASCII yang terlihat (paling banyak 256). Hitung ulang signature lalu kirim lagi.",
        "The X-cons-id, X-timestamp, X-signature and user_key headers may hold visible ASCII "
        "characters only (at most 256). Compute the signature again and resend.",
    ),
    "central.auth.consumer": ("Consumer ID tidak dikenal.", "Unknown consumer ID."),
    "central.auth.signature": ("Signature tidak sesuai.", "The signature does not match."),
    "central.auth.timestamp": (
        "X-timestamp tidak valid atau berselisih lebih dari {n} detik dengan jam server.",
        "X-timestamp is not valid or more than {n} seconds off the server's clock.",
    ),
    "central.auth.user_key": ("user_key tidak sesuai.", "Wrong user_key."),
    "central.admin.loopback": (
        "Layanan admin hanya dapat dipakai dari komputer ini.",
        "The admin calls answer this machine only.",
    ),
    "central.contract.json": ("Format JSON tidak valid.", "The JSON is malformed."),
    "central.contract.object": (
        "Isi permintaan harus berupa objek JSON.",
        "The request body must be a JSON object.",
    ),
    "central.contract.missing": ("{field} wajib diisi.", "{field} is required."),
    "central.contract.extra": ("{field} tidak dikenal.", "{field} is not a field of this call."),
    "central.contract.format": (
        "Format {field} tidak valid ({rule}).",
        "{field} has the wrong format ({rule}).",
    ),
    "central.contract.length": ("Panjang {field} tidak valid.", "{field} has the wrong length."),
    "central.contract.choice": ("{field} harus {rule}.", "{field} must be {rule}."),
    "central.contract.integer": (
        "{field} harus berupa bilangan bulat yang valid.",
        "{field} must be a valid integer.",
    ),
    "central.contract.text": ("{field} harus berupa teks.", "{field} must be a string."),
    "central.contract.invalid": ("{field} tidak valid.", "{field} is not valid."),
    "central.contract.too_large": (
        "Isi permintaan terlalu besar (paling banyak {n} byte).",
        "The request body is too large (at most {n} bytes).",
    ),
    "central.contract.not_found": ("Alamat layanan tidak ditemukan.", "No such address."),
    "central.contract.method": (
        "Metode tidak didukung untuk alamat ini.",
        "This method is not supported at this address.",
    ),
    "central.error": (
        "Terjadi gangguan pada server. Silakan coba lagi.",
        "The server had a problem. Please try again.",
    ),
    "central.rule.card": ("13 digit angka", "13 digits"),
    "central.rule.nik": ("16 digit angka", "16 digits"),
    "central.rule.poli": ("3 huruf/angka, mis. 001", "3 letters/digits, e.g. 001"),
    "central.rule.date": ("YYYY-MM-DD", "YYYY-MM-DD"),
    "central.rule.shift": ("HH:MM-HH:MM", "HH:MM-HH:MM"),
    "central.rule.phone": ("kosong atau 8 sampai 15 digit angka", "empty or 8 to 15 digits"),
    "central.rule.norm": ("angka/huruf, paling banyak 20", "letters/digits, at most 20"),
    "central.rule.number": ("mis. A-012", "e.g. A-012"),
    "central.rule.text": ("teks tanpa karakter kontrol", "text without control characters"),
    "central.csv.unreadable": (
        "Berkas {path} tidak dapat dibaca: {why}",
        "The file {path} cannot be read: {why}",
    ),
    "central.csv.columns": (
        "Kolom wajib tidak ada di baris judul: {names}.",
        "The header row lacks required columns: {names}.",
    ),
    "central.csv.line": ("baris {line}: {problem}", "line {line}: {problem}"),
    "central.csv.format": ("{field} harus {rule}.", "{field} must be {rule}."),
    "central.csv.missing": ("{field} wajib diisi.", "{field} is required."),
    "central.csv.text": (
        "{field} terlalu panjang atau berisi karakter kontrol.",
        "{field} is too long or holds control characters.",
    ),
    "central.csv.future": ("{field} ada di masa depan.", "{field} is in the future."),
    "central.csv.repeat": (
        "{field} sudah ada di baris sebelumnya.",
        "{field} already appears on an earlier line.",
    ),
    "central.csv.nik_taken": (
        "noKTP sudah terdaftar dengan nomor kartu lain.",
        "noKTP is already registered with another card.",
    ),
    "central.cli.loaded": (
        "{n} peserta dimuat, {bad} baris ditolak.",
        "{n} participants loaded, {bad} rows refused.",
    ),
    "central.cli.mirror_empty": (
        "Tidak ada antrean tercatat pada {date}.",
        "No queue number recorded on {date}.",
    ),
    "central.cli.mirror_count": (
        "{n} antrean tercatat pada {date}.",
        "{n} queue numbers recorded on {date}.",
    ),
    "central.hfis.doctor": (
        "Dokter {doctor} tidak ada di jadwal HFIS poli {poli}. Perbarui jadwal dokter di HFIS.",
        "Doctor {doctor} is not in the HFIS schedule of poli {poli}. Update the schedule in HFIS.",
    ),
    "central.hfis.hours": (
        "Jam praktik {given} dokter {doctor} tidak sesuai jadwal HFIS ({hours}).",
        "Practice hours {given} of doctor {doctor} do not match the HFIS schedule ({hours}).",
    ),
    "central.hfis.full": (
        "Kuota jadwal dokter ini sudah penuh (kapasitas {kapasitas} di HFIS).",
        "This doctor's shift is full (HFIS kapasitas {kapasitas}).",
    ),
    "central.srk.missing": (
        "Peserta belum mengisi Skrining Riwayat Kesehatan tahun ini. Isi lewat aplikasi Mobile "
        "JKN (menu Skrining Riwayat Kesehatan) atau bersama petugas, lalu antrean dapat dikirim "
        "ulang.",
        "The participant has not filled in this year's health-history screening. Fill it in "
        "in the Mobile JKN app (Skrining Riwayat Kesehatan) or with staff; then the number can "
        "be sent again.",
    ),
    "central.auth.pcare_user": (
        "X-authorization tidak sesuai: user PCare, password, atau kode aplikasi salah.",
        "Wrong X-authorization: the PCare user, password or application code is not right.",
    ),
    "central.auth.pcare_missing": (
        "Header X-authorization (user PCare) wajib diisi untuk layanan PCare.",
        "PCare calls need the X-authorization header (the clinic's PCare user).",
    ),
    # -- branch pcare (issue 13): PCare /pendaftaran on the reference central
    "central.pendaftaran.poli": ("Poli PCare {poli} tidak dikenal.", "PCare knows no poli {poli}."),
    "central.pendaftaran.inactive": (
        "Peserta tidak aktif ({status}).",
        "The participant is not active ({status}).",
    ),
    "central.pendaftaran.elsewhere": (
        "Peserta tidak terdaftar di FKTP ini (terdaftar di {fktp}).",
        "The participant is not registered at this FKTP (registered at {fktp}).",
    ),
    "central.pendaftaran.provider": (
        "kdProviderPeserta {given} bukan FKTP peserta.",
        "kdProviderPeserta {given} is not the participant's FKTP.",
    ),
    "central.pendaftaran.twice": (
        "Peserta sudah didaftarkan hari ini di poli ini (no. urut {no_urut}).",
        "The participant is already registered today at this poli (no. {no_urut}).",
    ),
    "central.pendaftaran.none": ("Data pendaftaran tidak ditemukan.", "No such registration."),
    "central.cli.pcare_count": (
        "{n} pendaftaran PCare pada {date} ({deleted} dihapus).",
        "{n} PCare registrations on {date} ({deleted} deleted).",
    ),
}
