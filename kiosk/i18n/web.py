"""The clinic's web service's words (``kiosk serve``): BPJS's answers and the phone page."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- answers of the web service (Mobile JKN's contract)
    "ws.ok": ("Ok", "Ok"),
    "ws.auth.missing": (
        "Username dan password wajib dikirim (header x-username dan x-password).",
        "Send the username and password (headers x-username and x-password).",
    ),
    "ws.auth.wrong": ("Username atau password tidak sesuai.", "Wrong username or password."),
    "ws.token.missing": (
        "Token tidak ditemukan: kirim header x-token dan x-username (token dari GET /auth).",
        "No token: send the x-token and x-username headers (token from GET /auth).",
    ),
    "ws.token.invalid": (
        "Token tidak valid. Minta token baru lewat GET /auth.",
        "The token is not valid. Get a new one from GET /auth.",
    ),
    "ws.token.expired": (
        "Token sudah kedaluwarsa. Minta token baru lewat GET /auth.",
        "The token has expired. Get a new one from GET /auth.",
    ),
    "ws.token.user": (
        "Token tidak sesuai dengan username (x-username).",
        "The token does not belong to this username (x-username).",
    ),
    "ws.poli.unknown": ("Poli {poli} tidak ditemukan.", "There is no poli {poli}."),
    "ws.new_patient": (
        "Pasien baru: belum terdaftar di {facility}. Lengkapi data pasien, lalu ambil antrean "
        "kembali.",
        "New patient: not yet registered at {facility}. Complete the patient's details, then "
        "book again.",
    ),
    "ws.nik_mismatch": (
        "NIK tidak sesuai dengan nomor kartu peserta.",
        "The NIK does not match the participant's card number.",
    ),
    "ws.duplicate": (
        "Peserta sudah memiliki antrean {number} di Poli {poli} pada tanggal {date}.",
        "The participant already holds number {number} at Poli {poli} on {date}.",
    ),
    "ws.booked": (
        "Check-in di kiosk {facility} pada hari layanan, sebelum jam praktik {hours} berakhir.",
        "Check in at the kiosk of {facility} on the day, before the hours {hours} end.",
    ),
    "ws.not_verified": (
        "Data kepesertaan belum terverifikasi BPJS: bawa kartu JKN atau KTP.",
        "Membership not yet verified with BPJS: bring the JKN card or KTP.",
    ),
    "ws.ticket.unknown": (
        "Antrean peserta tidak ditemukan untuk poli dan tanggal tersebut.",
        "No number of this participant for that poli and date.",
    ),
    "ws.ticket.cancelled": (
        "Antrean peserta untuk poli dan tanggal tersebut sudah dibatalkan.",
        "The participant's number for that poli and date was cancelled.",
    ),
    "ws.cancel.reason": ("Dibatalkan lewat Mobile JKN", "Cancelled in Mobile JKN"),
    "ws.shift.open": ("Sisa kuota {n}", "{n} places left"),
    "ws.shift.full": ("Kuota penuh", "Full"),
    "ws.shift.over": ("Jam praktik sudah selesai", "These hours are over"),
    "ws.position.booked": (
        "Belum check-in: lakukan check-in di kiosk puskesmas pada hari layanan.",
        "Not checked in yet: check in at the clinic's kiosk on the day.",
    ),
    "ws.position.waiting": ("Menunggu dipanggil.", "Waiting to be called."),
    "ws.position.called": ("Nomor Anda sedang dipanggil.", "Your number is being called."),
    "ws.position.serving": ("Sedang dilayani.", "Being served."),
    "ws.position.served": ("Sudah dilayani.", "Served."),
    "ws.position.skipped": (
        "Nomor Anda terlewat. Silakan ke loket pendaftaran.",
        "Your number was missed. Please go to the registration desk.",
    ),
    "ws.contract.json": ("Format JSON tidak valid.", "The JSON is malformed."),
    "ws.contract.object": (
        "Isi permintaan harus berupa objek JSON.",
        "The request body must be a JSON object.",
    ),
    "ws.contract.missing": ("{field} wajib diisi.", "{field} is required."),
    "ws.contract.text": ("{field} harus berupa teks.", "{field} must be a string."),
    "ws.contract.integer": ("{field} harus berupa bilangan bulat.", "{field} must be an integer."),
    "ws.contract.format": (
        "Format {field} tidak valid (harus {rule}).",
        "{field} is malformed (expected {rule}).",
    ),
    "ws.contract.too_long": (
        "{field} terlalu panjang (paling banyak {n} karakter).",
        "{field} is too long (at most {n} characters).",
    ),
    "ws.contract.choice": (
        "{field} harus salah satu dari: {rule}.",
        "{field} must be one of: {rule}.",
    ),
    "ws.contract.invalid": ("{field} tidak valid.", "{field} is not valid."),
    "ws.contract.date": (
        "{field} bukan tanggal yang valid (YYYY-MM-DD).",
        "{field} is not a real date (YYYY-MM-DD).",
    ),
    "ws.contract.shift": (
        "jampraktek bukan jam praktik yang valid (HH:MM-HH:MM, jam mulai sebelum jam selesai).",
        "jampraktek is not valid hours (HH:MM-HH:MM, start before end).",
    ),
    "ws.contract.too_large": (
        "Permintaan terlalu besar (paling banyak {n} byte).",
        "The request is too large (at most {n} bytes).",
    ),
    "ws.contract.not_found": ("Alamat layanan tidak ditemukan.", "No such address."),
    "ws.contract.method": (
        "Metode HTTP ini tidak didukung untuk alamat tersebut.",
        "This HTTP method is not supported here.",
    ),
    "ws.error": (
        "Layanan antrean puskesmas sedang bermasalah. Silakan coba lagi, atau datang ke loket "
        "pendaftaran.",
        "The clinic's queue service has a problem. Please try again, or come to the "
        "registration desk.",
    ),
    "ws.rule.card": ("13 digit angka", "13 digits"),
    "ws.rule.nik": ("16 digit angka", "16 digits"),
    "ws.rule.kk": ("16 digit angka", "16 digits"),
    "ws.rule.date": ("YYYY-MM-DD", "YYYY-MM-DD"),
    "ws.rule.shift": ("HH:MM-HH:MM", "HH:MM-HH:MM"),
    "ws.rule.poli": ("3 huruf/angka, mis. 001", "3 letters/digits, e.g. 001"),
    "ws.rule.phone": ("8 sampai 15 digit angka", "8 to 15 digits"),
    "ws.rule.code": ("angka/huruf, paling banyak 20", "letters/digits, at most 20"),
    "ws.rule.rtrw": ("paling banyak 3 digit angka", "at most 3 digits"),
    "ws.rule.text": (
        "teks tanpa karakter kontrol atau tak terlihat (pengatur arah teks, spasi lebar nol)",
        "text without control or invisible characters (text direction marks, zero-width spaces)",
    ),
    "ws.rule.name": (
        "hanya huruf, spasi dan tanda . ' - , seperti tertulis di KTP",
        "letters, spaces and . ' - , only, as written on the identity card",
    ),
    "ws.v1.picked": (
        "Dokter {doctor}, jam praktik {hours}.",
        "Doctor {doctor}, practice hours {hours}.",
    ),
    # -- a phone booking that matches no shift (domain/booking.py)
    "booking.no_schedule": (
        "Poli {poli} tutup: tidak ada jadwal praktik pada tanggal {date}.",
        "Poli {poli} is closed: no practice hours on {date}.",
    ),
    "booking.doctor": (
        "Dokter dengan kode {doctor} tidak praktik di Poli {poli} pada tanggal {date}.",
        "Doctor {doctor} does not practise at Poli {poli} on {date}.",
    ),
    "booking.hours": (
        "Jam praktik {given} tidak sesuai jadwal dokter tersebut pada tanggal {date} ({hours}).",
        "Hours {given} do not match that doctor's schedule on {date} ({hours}).",
    ),
    # -- registering a new patient from the phone
    "registration.birth_date": (
        "Tanggal lahir tidak sesuai dengan NIK.",
        "The birth date does not match the NIK.",
    ),
    "registration.sex": (
        "Jenis kelamin tidak sesuai dengan NIK.",
        "The sex does not match the NIK.",
    ),
    "registration.nik_mismatch": (
        "Nomor kartu ini terdaftar dengan NIK lain.",
        "This card number is registered with another NIK.",
    ),
    "registration.nik_taken": (
        "NIK ini sudah terdaftar dengan nomor kartu lain.",
        "This NIK is already registered with another card number.",
    ),
    # -- the phone page of a ticket (/t/...)
    "phone.title": ("Antrean saya", "My queue number"),
    "phone.your_number": ("Nomor antrean Anda", "Your queue number"),
    "phone.ahead": ("{n} orang di depan Anda", "{n} ahead of you"),
    "phone.none_ahead": ("Tidak ada yang di depan Anda", "Nobody is ahead of you"),
    "phone.called": ("Dipanggil: silakan ke {counter}", "Called: please go to {counter}"),
    "phone.serving": ("Sedang dilayani", "Being served"),
    "phone.done": ("Selesai. Terima kasih.", "Done. Thank you."),
    "phone.booked": (
        "Belum check-in: check-in di kiosk saat Anda tiba.",
        "Not checked in yet: check in at the kiosk when you arrive.",
    ),
    "phone.skipped": (
        "Nomor Anda terlewat. Silakan ke loket pendaftaran.",
        "Your number was missed. Please go to the registration desk.",
    ),
    "phone.cancelled": ("Nomor ini dibatalkan.", "This number was cancelled."),
    "phone.bad_code": (
        "Kode slip ini tidak dikenal. Periksa alamatnya, atau tanyakan ke loket pendaftaran.",
        "This slip code is not recognised. Check the address, or ask at the registration desk.",
    ),
    "phone.other_day": (
        "Halaman ini hanya berlaku pada hari antrean. Ambil nomor baru di kiosk.",
        "This page is valid on the day of the queue only. Take a new number at the kiosk.",
    ),
    "phone.live": ("Halaman ini diperbarui sendiri.", "This page updates by itself."),
    "phone.stale": (
        "Tidak terhubung ke puskesmas; mencoba lagi...",
        "Not connected to the clinic; trying again...",
    ),
    "phone.too_many": (
        "Terlalu banyak permintaan. Coba lagi sebentar lagi.",
        "Too many requests. Please try again in a moment.",
    ),
}
