"""Every user-facing string, in Indonesian (default) and English: the one translation table.

``t("key", lang, **params)`` formats with ``str.format``. A missing key is a bug caught by the
tests (every key has both languages); at run time it falls back to the key itself, never a crash.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

TEXT: dict[str, tuple[str, str]] = {
    # -- welcome
    "app.title": ("Antrean Pasien", "Patient Queue"),
    "welcome.greeting": ("Selamat datang", "Welcome"),
    "welcome.prompt": ("Apa yang ingin Anda lakukan?", "What would you like to do?"),
    "welcome.take": ("Ambil nomor antrean", "Take a queue number"),
    "welcome.checkin": ("Check-in booking Mobile JKN", "Check in a Mobile JKN booking"),
    "welcome.status": ("Cek antrean saya", "Check my queue"),
    "welcome.non_jkn": ("Pasien umum (tanpa BPJS)", "General patient (no JKN)"),
    "welcome.language": ("English", "Bahasa Indonesia"),
    "welcome.help": (
        "Butuh bantuan? Tanyakan petugas di loket pendaftaran.",
        "Need help? Ask the staff at the registration desk.",
    ),
    # -- keyboard hints
    "hint.choose": (
        "Tekan angka pilihan atau sentuh tombolnya. Esc = kembali.",
        "Press the option's number or tap it. Esc = back.",
    ),
    "hint.back": ("Kembali", "Back"),
    "hint.ok": ("Lanjut", "Continue"),
    "hint.clear": ("Hapus", "Clear"),
    # -- identify
    "identify.title": ("Masukkan nomor kartu JKN atau NIK", "Enter your JKN card number or NIK"),
    "identify.help": (
        "Ketik 13 angka nomor kartu atau 16 angka NIK, lalu tekan Enter. Bisa juga memindai kartu.",
        "Type the 13-digit card number or the 16-digit NIK, then press Enter. "
        "You can also scan the card.",
    ),
    "identify.placeholder": ("Nomor kartu / NIK", "Card number / NIK"),
    "identify.checking": ("Memeriksa data peserta...", "Checking participant data..."),
    "identify.unknown": (
        "Data peserta tidak ditemukan. Periksa kembali nomornya, atau tanyakan "
        "petugas di loket pendaftaran.",
        "No participant found with this number. Check it again, or ask the staff "
        "at the registration desk.",
    ),
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
    # -- status
    "status.title": ("Status kepesertaan JKN", "JKN membership status"),
    "status.card": ("No. kartu", "Card no."),
    "status.nik": ("NIK", "NIK"),
    "status.membership": ("Kepesertaan", "Membership"),
    "status.active": ("AKTIF", "ACTIVE"),
    "status.inactive": ("TIDAK AKTIF", "NOT ACTIVE"),
    "status.arrears": ("Tunggakan iuran", "Contribution arrears"),
    "status.no_arrears": ("Tidak ada", "None"),
    "status.fktp": ("FKTP terdaftar", "Registered FKTP"),
    "status.class": ("Kelas", "Class"),
    "status.choose_person": ("Untuk siapa nomor antrean ini?", "Who is this queue number for?"),
    "status.family_pick": ("Pilih anggota keluarga", "Choose a family member"),
    "status.self": ("(pemilik kartu)", "(card holder)"),
    "status.refused": ("Belum dapat mengambil nomor antrean JKN", "Cannot take a JKN queue number"),
    "status.help": (
        "Bantuan: loket pendaftaran, atau BPJS Kesehatan Care Center 165.",
        "Help: the registration desk, or BPJS Kesehatan Care Center 165.",
    ),
    "refusal.inactive": (
        "Kepesertaan JKN Anda tidak aktif. Silakan hubungi kantor BPJS "
        "Kesehatan atau Care Center 165 untuk mengaktifkan kembali.",
        "Your JKN membership is not active. Contact a BPJS Kesehatan office or "
        "Care Center 165 to reactivate it.",
    ),
    "refusal.arrears": (
        "Ada tunggakan iuran sebesar {amount}. Setelah dilunasi, kepesertaan aktif "
        "kembali. Info: Care Center 165.",
        "There are unpaid contributions of {amount}. Once paid, the membership is "
        "active again. Info: Care Center 165.",
    ),
    "refusal.other_fktp": (
        "Anda terdaftar di {fktp}. Layanan JKN diberikan di FKTP terdaftar; "
        "pindah FKTP dapat diurus lewat Mobile JKN atau kantor BPJS. Anda tetap "
        "dapat berobat di sini sebagai pasien umum.",
        "You are registered at {fktp}. JKN care is given at your registered "
        "FKTP; you can change FKTP in Mobile JKN or at a BPJS office. You can "
        "still be seen here as a general (non-JKN) patient.",
    ),
    "status.not_verified": ("Data belum terverifikasi dengan BPJS", "Not yet verified with BPJS"),
    # -- poli
    "poli.title": ("Pilih poli", "Choose a clinic (poli)"),
    "poli.today": ("Hari ini", "Today"),
    "poli.tomorrow": ("Besok", "Tomorrow"),
    "poli.day_hint": ("← → ganti hari", "← → change day"),
    "poli.open": ("sisa {n} kuota", "{n} places left"),
    "poli.closed": ("tutup", "closed"),
    "poli.full": ("kuota penuh", "full"),
    "poli.not_selectable": (
        "Poli ini tidak dapat dipilih ({state}).",
        "This poli cannot be chosen ({state}).",
    ),
    # -- doctor & shift
    "doctor.title": ("Pilih dokter dan jam praktik", "Choose a doctor and hours"),
    "doctor.left": ("sisa {n}", "{n} left"),
    "doctor.full": ("penuh", "full"),
    "doctor.default": ("disarankan", "suggested"),
    # -- complaint
    "complaint.title": ("Keluhan (boleh dilewati)", "Complaint (optional)"),
    "complaint.skip": ("Lewati, tanpa keluhan", "Skip, no complaint"),
    "complaint.fever": ("Demam", "Fever"),
    "complaint.cough": ("Batuk / pilek", "Cough / cold"),
    "complaint.toothache": ("Sakit gigi", "Toothache"),
    "complaint.checkup": ("Kontrol rutin", "Routine check-up"),
    "complaint.pregnancy": ("Periksa kehamilan", "Pregnancy check"),
    "complaint.immunisation": ("Imunisasi anak", "Child immunisation"),
    "complaint.other": ("Tulis keluhan sendiri", "Write my own"),
    "complaint.placeholder": ("Tulis keluhan singkat, lalu Enter", "Short complaint, then Enter"),
    # -- confirm
    "confirm.title": ("Periksa kembali", "Please check"),
    "confirm.yes": ("Ya, ambil nomor antrean", "Yes, take the number"),
    "confirm.change": ("Ubah pilihan", "Change"),
    "confirm.patient": ("Pasien", "Patient"),
    "confirm.poli": ("Poli", "Poli"),
    "confirm.doctor": ("Dokter", "Doctor"),
    "confirm.date": ("Tanggal", "Date"),
    "confirm.shift": ("Jam praktik", "Hours"),
    "confirm.complaint": ("Keluhan", "Complaint"),
    "confirm.none": ("-", "-"),
    "confirm.issuing": ("Mengambil nomor...", "Taking a number..."),
    # -- ticket
    "ticket.title": ("Nomor antrean Anda", "Your queue number"),
    "ticket.existing": (
        "Anda sudah memiliki nomor antrean untuk poli ini pada tanggal tersebut.",
        "You already hold a number for this poli on that day.",
    ),
    "ticket.ahead": ("{n} orang di depan Anda", "{n} people ahead of you"),
    "ticket.ahead_none": ("Tidak ada yang di depan Anda", "Nobody is ahead of you"),
    "ticket.now_serving": ("Sedang dilayani: {number}", "Now serving: {number}"),
    "ticket.estimate": ("Perkiraan dipanggil {low}–{high}", "Expected call {low}–{high}"),
    "ticket.booked": (
        "Booking — lakukan check-in pada hari layanan",
        "Booking — check in on the day of service",
    ),
    "ticket.printing": ("Mencetak slip...", "Printing your slip..."),
    "ticket.printed": ("Silakan ambil slip Anda.", "Please take your slip."),
    "ticket.print_failed": (
        "Slip gagal dicetak. Foto atau pindai kode QR di layar ini, atau minta "
        "cetak ulang di loket pendaftaran. Nomor Anda tetap berlaku.",
        "The slip could not be printed. Photograph or scan the QR code on "
        "this screen, or ask the desk to reprint it. Your number stays valid.",
    ),
    "ticket.done": ("Selesai", "Done"),
    "ticket.qr_label": ("Kode slip", "Slip code"),
    "ticket.non_jkn": ("Pasien umum (non-JKN)", "General patient (non-JKN)"),
    # -- check-in
    "checkin.title": ("Booking Anda", "Your bookings"),
    "checkin.none": (
        "Tidak ada booking untuk hari ini atau besok. Silakan ambil nomor antrean baru.",
        "No booking for today or tomorrow. Please take a new number.",
    ),
    "checkin.action": ("Check-in", "Check in"),
    "checkin.other_day": (
        "Booking ini untuk tanggal {date}; check-in hanya pada hari layanan.",
        "This booking is for {date}; check in on the day of service.",
    ),
    "checkin.late": (
        "Jam praktik booking ini sudah lewat. Silakan ke loket pendaftaran.",
        "The hours of this booking are over. Please go to the registration desk.",
    ),
    "checkin.cancelled": ("Booking ini sudah dibatalkan.", "This booking was cancelled."),
    "checkin.done": ("Booking ini sudah selesai dilayani.", "This booking has been served."),
    "checkin.already": ("sudah check-in", "checked in"),
    # -- my status
    "mystatus.title": ("Antrean saya hari ini", "My queue today"),
    "mystatus.none": ("Tidak ada nomor antrean aktif hari ini.", "No active number today."),
    "mystatus.cancel": ("Batalkan", "Cancel"),
    "mystatus.new": ("Ambil Antrean Baru", "Take a New Number"),
    "mystatus.confirm_cancel": ("Batalkan nomor {number}?", "Cancel number {number}?"),
    "mystatus.cancelled": ("Nomor {number} dibatalkan.", "Number {number} is cancelled."),
    "mystatus.yes": ("Ya, batalkan", "Yes, cancel"),
    "mystatus.no": ("Tidak", "No"),
    "state.booked": ("booking", "booked"),
    "state.waiting": ("menunggu", "waiting"),
    "state.called": ("dipanggil", "called"),
    "state.serving": ("dilayani", "being served"),
    "state.served": ("selesai", "served"),
    "state.skipped": ("terlewat", "missed"),
    "state.cancelled": ("batal", "cancelled"),
    # -- refusals from services
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
    "date.past": ("Tanggal sudah lewat.", "That date has passed."),
    "date.too_far": (
        "Nomor antrean hanya untuk hari ini atau besok.",
        "Numbers are for today or tomorrow only.",
    ),
    "cancel.served": (
        "Nomor yang sudah dilayani tidak dapat dibatalkan.",
        "A number that has been served cannot be cancelled.",
    ),
    "error.store": (
        "Sistem antrean sedang bermasalah. Silakan ke loket pendaftaran.",
        "The queue system has a problem. Please go to the registration desk.",
    ),
    # -- out of service: the store cannot be reached or written (drills)
    "outage.title": ("Kiosk sedang tidak dapat melayani", "The kiosk is out of service"),
    "outage.body": (
        "Mohon maaf, nomor antrean tidak dapat diambil di kiosk saat ini. "
        "Silakan menuju loket pendaftaran; petugas akan membantu Anda.",
        "Sorry, queue numbers cannot be taken at the kiosk right now. "
        "Please go to the registration desk; the staff will help you.",
    ),
    "outage.retrying": (
        "Kiosk mencoba lagi dengan sendirinya dan akan segera siap kembali.",
        "The kiosk is retrying by itself and will be back shortly.",
    ),
    "slipcode.malformed": (
        "Kode tidak dikenali. Pindai kode QR pada slip, atau ketik nomor kartu.",
        "Code not recognised. Scan the slip's QR code, or type the card number.",
    ),
    "slipcode.forged": (
        "Kode slip tidak sah. Silakan ke loket pendaftaran.",
        "This slip code is not valid. Please go to the registration desk.",
    ),
    "slipcode.other_day": ("Slip ini untuk hari lain.", "This slip is for another day."),
    # -- desk
    "desk.busy": (
        "Nomor sedang diambil meja lain, coba lagi.",
        "Another desk is taking that number; try again.",
    ),
    "desk.unknown_poli": ("Poli tujuan tidak dikenal.", "Unknown destination poli."),
    "desk.unknown_priority": ("Alasan prioritas tidak dikenal.", "Unknown priority reason."),
    "desk.nothing_to_undo": ("Tidak ada tindakan untuk dibatalkan.", "Nothing to undo."),
    "desk.changed_since": (
        "Tidak dapat dibatalkan: nomor ini sudah diubah sesudahnya.",
        "Cannot undo: the ticket was changed since.",
    ),
    "desk.no_ticket": ("Nomor antrean tidak ditemukan.", "Ticket not found."),
    "desk.wrong_state": ("Nomor {number} sedang berstatus {state}.", "Ticket {number} is {state}."),
    "staff.bad_name": (
        "Nama petugas 2-40 huruf/angka, diawali huruf.",
        "Staff name: 2-40 letters or digits, starting with a letter.",
    ),
    "staff.bad_pin": ("PIN harus 4-8 angka.", "The PIN must be 4 to 8 digits."),
    "staff.bad_role": ("Peran harus desk atau admin.", "The role must be desk or admin."),
    "staff.exists": ("Petugas {name} sudah ada.", "Staff member {name} already exists."),
    "staff.unknown": ("Petugas {name} tidak ada.", "There is no staff member {name}."),
    "staff.locked": (
        "Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.",
        "Too many wrong PINs. Try again in {minutes} minutes.",
    ),
    "staff.disabled": ("Akun petugas ini dinonaktifkan.", "This staff account is disabled."),
    "desk.sign_in": ("Masuk petugas loket", "Desk staff sign-in"),
    "desk.name": ("Nama petugas", "Staff name"),
    "desk.pick_poli": ("Loket ini melayani poli:", "This desk serves:"),
    "desk.act.call": ("Panggil berikut", "Call next"),
    "desk.act.recall": ("Panggil ulang", "Recall"),
    "desk.act.skip": ("Lewati", "Skip"),
    "desk.act.start": ("Mulai layani", "Start service"),
    "desk.act.finish": ("Selesai", "Finish"),
    "desk.act.transfer": ("Pindahkan", "Transfer"),
    "desk.act.cancel": ("Batalkan", "Cancel"),
    "desk.act.requeue": ("Antre lagi", "Back to queue"),
    "desk.act.undo": ("Urungkan", "Undo"),
    "desk.act.reprint": ("Cetak ulang", "Reprint"),
    "desk.act.find": ("Cari", "Find"),
    "desk.act.priority": ("Prioritas", "Priority"),
    "desk.col.number": ("Nomor", "Number"),
    "desk.col.name": ("Nama", "Name"),
    "desk.col.joined": ("Datang", "Arrived"),
    "desk.col.wait": ("Tunggu", "Waiting"),
    "desk.col.source": ("Asal", "Source"),
    "desk.col.flags": ("Tanda", "Flags"),
    "desk.col.state": ("Status", "State"),
    "desk.source.walk_in": ("kiosk", "kiosk"),
    "desk.source.booking": ("Mobile JKN", "Mobile JKN"),
    "desk.flag.unverified": ("BELUM VERIFIKASI", "NOT VERIFIED"),
    "desk.flag.non_jkn": ("umum", "non-JKN"),
    "desk.priority.elderly": ("lansia", "elderly"),
    "desk.priority.pregnant": ("hamil", "pregnant"),
    "desk.priority.disabled": ("disabilitas", "disabled"),
    "desk.priority.emergency": ("gawat", "emergency"),
    "desk.priority.none": ("tanpa prioritas", "no priority"),
    "desk.now_called": ("Dipanggil: {number}", "Called: {number}"),
    "desk.nobody_waiting": ("Tidak ada yang menunggu.", "Nobody is waiting."),
    "desk.select_first": ("Pilih nomor di daftar dulu.", "Select a number in the list first."),
    "desk.find_prompt": (
        "Nomor antrean, kartu/NIK, atau pindai QR slip",
        "Queue number, card/NIK, or scan the slip QR",
    ),
    "desk.not_found": ("Tidak ditemukan hari ini.", "Not found today."),
    "desk.found": ("{number}: Poli {poli}, {state}", "{number}: Poli {poli}, {state}"),
    "desk.print_failed": (
        "Slip gagal dicetak; periksa printer.",
        "The slip did not print; check the printer.",
    ),
    "desk.done.called": ("Memanggil {number}", "Calling {number}"),
    "desk.done.recalled": ("Memanggil ulang {number}", "Calling {number} again"),
    "desk.done.skipped": ("{number} dilewati (tidak hadir)", "{number} skipped (no-show)"),
    "desk.done.serving": ("{number} sedang dilayani", "Serving {number}"),
    "desk.done.served": ("{number} selesai", "{number} done"),
    "desk.done.requeued": ("{number} kembali antre", "{number} is back in the queue"),
    "desk.done.cancelled": ("{number} dibatalkan", "{number} cancelled"),
    "desk.done.undone": ("Diurungkan: {number}", "Undone: {number}"),
    "desk.done.transferred": ("{number} dipindahkan", "{number} transferred"),
    "desk.done.priority": ("Prioritas {number} diubah", "Priority of {number} changed"),
    "desk.done.reprinted": ("Slip {number} dicetak ulang", "Slip {number} reprinted"),
    # -- idle & staff
    "idle.title": ("Masih di sana?", "Still there?"),
    "idle.body": (
        "Layar akan kembali ke awal dalam {n} detik. Sentuh layar atau tekan tombol apa "
        "saja untuk melanjutkan.",
        "The screen returns to the start in {n} seconds. Touch the screen or press any "
        "key to continue.",
    ),
    "staff.title": ("Petugas: keluar dari kiosk", "Staff: leave the kiosk"),
    "staff.pin": ("PIN petugas", "Staff PIN"),
    "staff.wrong": ("PIN salah.", "Wrong PIN."),
    # -- slip
    "slip.title": ("Nomor Antrean", "Queue Number"),
    "slip.poli": ("Poli", "Poli"),
    "slip.doctor": ("Dokter", "Doctor"),
    "slip.date": ("Tanggal", "Date"),
    "slip.shift": ("Jam", "Hours"),
    "slip.ahead": ("{n} orang di depan Anda", "{n} people ahead of you"),
    "slip.card": ("No. kartu", "Card no."),
    "slip.non_jkn": ("Pasien umum (non-JKN)", "General patient (non-JKN)"),
    "slip.footer": (
        "Simpan slip ini dan tunggu nomor Anda dipanggil.",
        "Keep this slip and wait for your number to be called.",
    ),
    "slip.issued": ("Dicetak", "Printed"),
    # -- the clinic's web service for Mobile JKN (`kiosk serve`): answers shown on the phone
    "ws.ok": ("Ok", "Ok"),
    "ws.auth.missing": (
        "Username dan password wajib dikirim (header x-username dan x-password).",
        "Send the username and password (headers x-username and x-password).",
    ),
    "ws.auth.wrong": ("Username atau password tidak sesuai.", "Wrong username or password."),
    # -- drills: login attempts limited per client address
    "ws.auth.too_many": (
        "Terlalu banyak percobaan masuk. Coba lagi dalam {seconds} detik.",
        "Too many sign-in attempts. Try again in {seconds} seconds.",
    ),
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
    "ws.rule.text": ("teks tanpa karakter kontrol", "text without control characters"),
    # -- the waiting-room board (`kiosk board`)
    "board.title": ("Panggilan Antrean", "Queue Calls"),
    "board.weekdays": (
        "Senin,Selasa,Rabu,Kamis,Jumat,Sabtu,Minggu",
        "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    ),
    "board.loading": ("Memuat antrean...", "Loading the queue..."),
    "board.empty": ("Belum ada antrean hari ini.", "No queue yet today."),
    "board.no_call": ("Belum ada panggilan", "No call yet"),
    "board.no_calls_yet": ("Belum ada nomor yang dipanggil.", "No number called yet."),
    "board.waiting": ("Menunggu: {n}", "Waiting: {n}"),
    "board.recent": ("Panggilan terakhir", "Last calls"),
    "board.recalled": ("dipanggil ulang", "called again"),
    "board.sound_off": ("suara mati", "sound off"),
    "board.stale": (
        "Data antrean tidak dapat dibaca, mencoba lagi...",
        "Cannot read the queue, retrying...",
    ),
    # -- the central (BPJS): lookups offline, the connectivity mark, what waits to be sent
    "identify.offline_nik": (
        "Jaringan ke BPJS sedang terputus dan NIK ini belum dikenal di sini. Ketik nomor kartu "
        "JKN (13 angka), atau tanyakan petugas di loket pendaftaran.",
        "The link to BPJS is down and this NIK is not known here yet. Type the JKN card number "
        "(13 digits), or ask the staff at the registration desk.",
    ),
    "status.unverified": (
        "Belum terverifikasi BPJS: petugas akan memeriksa kartu Anda",
        "Not yet verified by BPJS: the staff will check your card",
    ),
    "status.verification": ("Verifikasi", "Verification"),
    "sync.online": ("BPJS terhubung", "BPJS online"),
    "sync.offline": ("BPJS terputus", "BPJS offline"),
    "sync.last_contact": ("terakhir {time}", "last {time}"),
    "sync.never": ("belum pernah terhubung", "never reached"),
    "sync.waiting": ("{n} menunggu dikirim", "{n} waiting"),
    "sync.parked": ("{n} ditolak pusat", "{n} refused by central"),
    "sync.unknown_participant": (
        "Peserta tidak dikenal BPJS: periksa kartu pasien di loket, lalu kirim ulang.",
        "BPJS does not know this participant: check the patient's card at the desk, then resend.",
    ),
    # -- the reference central (`kiosk central`): its answers, and its commands' lines
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
    # -- wait estimates, verifying at the desk, the day's report (issue 6)
    "board.estimate": ("tunggu {low}–{high} mnt", "wait {low}–{high} min"),
    "desk.act.verify": ("Verifikasi", "Verify"),
    "desk.act.report": ("Laporan", "Report"),
    "desk.done.verified": ("{number} terverifikasi", "{number} verified"),
    "desk.already_verified": ("{number} sudah terverifikasi.", "{number} is already verified."),
    "report.title": ("Laporan harian {date}", "Daily report {date}"),
    "report.col.poli": ("Poli", "Poli"),
    "report.col.patients": ("Pasien", "Patients"),
    "report.col.wait": ("Tunggu rata/p90", "Wait avg/p90"),
    "report.col.service": ("Layanan rata/p90", "Service avg/p90"),
    "report.col.no_shows": ("Tdk hadir", "No-shows"),
    "report.col.cancelled": ("Batal", "Cancelled"),
    "report.total": ("Total", "Total"),
    "report.minutes": (
        "Waktu dalam menit: rata-rata / persentil ke-90.",
        "Times in minutes: mean / 90th percentile.",
    ),
    "report.arrivals": ("Kedatangan per jam", "Arrivals per hour"),
    "report.no_arrivals": ("Belum ada kedatangan.", "No arrivals yet."),
    "report.arrivals_range": (
        "{first}–{last}: {n} pasien, paling ramai {top} per jam",
        "{first}–{last}: {n} patients, at most {top} an hour",
    ),
    "report.offline": ("Terputus dari pusat (BPJS)", "Offline from the central (BPJS)"),
    "report.offline_none": ("Tidak pernah terputus.", "Never offline."),
    "report.offline_open": ("masih terputus", "still offline"),
    "report.loading": ("Menyusun laporan...", "Preparing the report..."),
    "report.close": ("Tutup", "Close"),
    "report.csv_written": (
        "CSV ditulis: {polis} dan {arrivals}",
        "CSV written: {polis} and {arrivals}",
    ),
    "report.bad_date": (
        "Tanggal harus berformat YYYY-MM-DD, misalnya 2026-11-23.",
        "The date must be YYYY-MM-DD, e.g. 2026-11-23.",
    ),
    # -- branch contract: BPJS's real contracts (issue 12) -------------------------------------
    "refusal.other_dental": (
        "Untuk Poli Gigi Anda terdaftar di {fktp}. Layanan gigi JKN diberikan di FKTP gigi "
        "terdaftar; pindah dapat diurus lewat Mobile JKN atau kantor BPJS. Anda tetap dapat "
        "berobat di sini sebagai pasien umum.",
        "For dental care you are registered at {fktp}. JKN dental care is given at your "
        "registered dental FKTP; you can change it in Mobile JKN or at a BPJS office. You can "
        "still be seen here as a general (non-JKN) patient.",
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
    "ticket.srk": (
        "Nomor Anda tetap berlaku. Anda belum mengisi Skrining Riwayat Kesehatan BPJS tahun ini: "
        "isi lewat Mobile JKN, atau minta bantuan petugas di loket.",
        "Your number stands. You have not filled in BPJS's yearly health-history screening: "
        "fill it in in Mobile JKN, or ask the staff at the desk.",
    ),
    "ticket.central_refused": (
        "Nomor Anda tetap berlaku. BPJS belum menerima nomor ini; petugas di loket akan membantu.",
        "Your number stands. BPJS has not accepted it yet; the staff at the desk will help.",
    ),
    "desk.flag.srk": ("SRK BELUM", "NO SRK"),
    "desk.flag.refused": ("DITOLAK BPJS", "BPJS REFUSED"),
    "ws.v1.picked": (
        "Dokter {doctor}, jam praktik {hours}.",
        "Doctor {doctor}, practice hours {hours}.",
    ),
    "sync.denied": (
        "BPJS menolak kredensial klinik",
        "BPJS refused the clinic's credentials",
    ),
    "central.auth.pcare_user": (
        "X-authorization tidak sesuai: user PCare, password, atau kode aplikasi salah.",
        "Wrong X-authorization: the PCare user, password or application code is not right.",
    ),
    "central.auth.pcare_missing": (
        "Header X-authorization (user PCare) wajib diisi untuk layanan PCare.",
        "PCare calls need the X-authorization header (the clinic's PCare user).",
    ),
}


def t(key: str, lang: str = "id", **params: object) -> str:
    pair = TEXT.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def rupiah(amount: int) -> str:
    """``150000`` -> ``Rp150.000`` (Indonesian thousands separator)."""
    return "Rp" + f"{amount:,}".replace(",", ".")
