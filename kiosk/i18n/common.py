"""Words more than one face shows: the domain's refusals, ticket states, the day's report."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- a card number or NIK that cannot be right (domain/identity.py)
    "identity.empty": ("Nomor belum diisi.", "Please enter a number."),
    "identity.not_digits": ("Nomor hanya boleh berisi angka.", "Only digits are allowed."),
    "identity.wrong_length": (
        "Nomor kartu JKN harus 13 angka, NIK harus 16 angka.",
        "A JKN card number has 13 digits, a NIK has 16.",
    ),
    "identity.card_length": (
        "Nomor kartu JKN harus 13 angka.",
        "A JKN card number must have 13 digits.",
    ),
    "identity.nik_length": ("NIK harus 16 angka.", "A NIK must have 16 digits."),
    "identity.nik_province": (
        "Kode provinsi pada NIK tidak valid.",
        "The province code in this NIK is not valid.",
    ),
    "identity.nik_birth_date": (
        "Tanggal lahir pada NIK tidak valid.",
        "The birth date in this NIK is not valid.",
    ),
    "identity.nik_serial": (
        "Nomor urut pada NIK tidak valid.",
        "The serial number in this NIK is not valid.",
    ),
    # -- why a participant cannot take a JKN number (domain/eligibility.py)
    "refusal.inactive": (
        "Kepesertaan JKN Anda tidak aktif. Silakan hubungi kantor BPJS "
        "Kesehatan atau Care Center 165 untuk mengaktifkan kembali.",
        "Your JKN membership is not active. Contact a BPJS Kesehatan office or "
        "Care Center 165 to reactivate it.",
    ),
    "refusal.arrears": (
        "Kepesertaan tidak aktif karena tunggakan iuran {amount}. Setelah dilunasi, "
        "kepesertaan aktif kembali. Info: Care Center 165.",
        "The membership is not active: {amount} of contributions are unpaid. Once paid, "
        "it is active again. Info: Care Center 165.",
    ),
    "refusal.other_fktp": (
        "Anda terdaftar di {fktp}. Layanan JKN diberikan di FKTP terdaftar; "
        "pindah FKTP dapat diurus lewat Mobile JKN atau kantor BPJS. Anda tetap "
        "dapat berobat di sini sebagai pasien umum.",
        "You are registered at {fktp}. JKN care is given at your registered "
        "FKTP; you can change FKTP in Mobile JKN or at a BPJS office. You can "
        "still be seen here as a general (non-JKN) patient.",
    ),
    "refusal.other_dental": (
        "Untuk Poli Gigi Anda terdaftar di {fktp}. Layanan gigi JKN diberikan di FKTP gigi "
        "terdaftar; pindah dapat diurus lewat Mobile JKN atau kantor BPJS. Anda tetap dapat "
        "berobat di sini sebagai pasien umum.",
        "For dental care you are registered at {fktp}. JKN dental care is given at your "
        "registered dental FKTP; you can change it in Mobile JKN or at a BPJS office. You can "
        "still be seen here as a general (non-JKN) patient.",
    ),
    # -- the ticket
    "ticket.estimate": ("Perkiraan dipanggil {low}–{high}", "Expected call {low}–{high}"),
    # -- ticket states
    "state.booked": ("booking", "booked"),
    "state.waiting": ("menunggu", "waiting"),
    "state.called": ("dipanggil", "called"),
    "state.serving": ("dilayani", "being served"),
    "state.served": ("selesai", "served"),
    "state.skipped": ("terlewat", "missed"),
    "state.cancelled": ("batal", "cancelled"),
    # -- a number that cannot be taken
    "take.full": (
        "Kuota jam praktik ini sudah penuh. Pilih jam atau hari lain.",
        "This shift is full. Choose another shift or day.",
    ),
    "take.numbers_exhausted": (
        "Nomor antrean poli ini untuk hari itu sudah habis. Silakan ke loket pendaftaran.",
        "This poli has given all its numbers for that day. Please go to the registration desk.",
    ),
    "take.closed": (
        "Poli ini tidak buka pada jam/tanggal itu.",
        "This poli is not open at that time/date.",
    ),
    "take.over": ("Jam praktik ini sudah selesai.", "These hours are already over."),
    # -- a service date out of range (domain/schedule.py)
    "date.past": ("Tanggal sudah lewat.", "That date has passed."),
    "date.too_far": (
        "Nomor antrean hanya untuk hari ini atau besok.",
        "Numbers are for today or tomorrow only.",
    ),
    # -- a number that cannot be cancelled
    "cancel.served": (
        "Nomor yang sudah dilayani tidak dapat dibatalkan.",
        "A number that has been served cannot be cancelled.",
    ),
    # -- the desk
    "desk.out_of_turn.returned": ("Pasien lansia kembali", "The elderly patient returned"),
    "desk.out_of_turn.lab_result": ("Hasil laboratorium", "A lab result"),
    "desk.out_of_turn.doctor_asked": ("Diminta dokter", "The doctor asked"),
    # -- staff: names, PINs, signing in
    "staff.pin": ("PIN petugas", "Staff PIN"),
    # -- the waiting-room board
    "board.weekdays": (
        "Senin,Selasa,Rabu,Kamis,Jumat,Sabtu,Minggu",
        "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    ),
    # -- the link to the central: the connectivity mark, what waits to be sent
    "sync.parked": ("{n} ditolak pusat", "{n} refused by central"),
    # -- the day's report
    "report.title": ("Laporan harian {date}", "Daily report {date}"),
    "report.col.poli": ("Poli", "Poli"),
    "report.col.patients": ("Pasien", "Patients"),
    "report.col.wait": ("Tunggu", "Wait"),
    "report.col.service": ("Layanan", "Service"),
    "report.col.no_shows": ("Tdk hadir", "No-shows"),
    "report.col.cancelled": ("Batal", "Cancelled"),
    "report.total": ("Total", "Total"),
    "report.minutes": (
        "Tunggu dan layanan dalam menit: rata-rata / persentil ke-90. Pasien dihitung di poli "
        "tempat terakhir dilayani; masuk/keluar: pindahan dari/ke poli lain.",
        "Wait and service in minutes: mean / 90th percentile. Patients count at the poli that "
        "served them last; in/out: moved from/to another poli.",
    ),
    "report.arrivals": ("Kedatangan per jam", "Arrivals per hour"),
    "report.no_arrivals": ("Belum ada kedatangan.", "No arrivals yet."),
    "report.offline": ("Terputus dari pusat (BPJS)", "Offline from the central (BPJS)"),
    "report.offline_none": ("Tidak pernah terputus.", "Never offline."),
    "report.col.moved": ("Masuk/keluar", "In/out"),
    "report.offline_since": (
        "terputus sejak {start}, terakhir terhubung {seen}",
        "offline since {start}, last seen {seen}",
    ),
    "report.offline_since_never": (
        "terputus sejak {start}, belum pernah terhubung",
        "offline since {start}, never seen",
    ),
    "report.out_of_turn": ("Dipanggil di luar urutan", "Called out of turn"),
    # -- the board's running text
    "board_text.empty": (
        "Teks berjalan kosong. Tulis teksnya, atau hapus dengan: kiosk board-text --clear",
        "The running text is empty. Write the text, or remove it with: kiosk board-text --clear",
    ),
    "board_text.too_long": (
        "Teks berjalan terlalu panjang ({length} karakter); paling banyak {limit}. Persingkat.",
        "The running text is too long ({length} characters); at most {limit}. Shorten it.",
    ),
}
