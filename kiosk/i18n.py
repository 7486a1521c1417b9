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
        "Angka = pilih (atau sentuh) · F2 = English",
        "Number = choose (or tap) · F2 = Bahasa Indonesia",
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
    "status.arrears": ("Tunggakan", "Arrears"),
    "status.no_arrears": ("Tidak ada", "None"),
    "status.fktp": ("FKTP", "FKTP"),
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
        "Nama petugas 2-40 huruf, angka, spasi atau .'-_, diawali huruf.",
        "Staff name: 2-40 letters, digits, spaces or .'-_, starting with a letter.",
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
    "ws.rule.text": (
        "teks tanpa karakter kontrol atau tak terlihat (pengatur arah teks, spasi lebar nol)",
        "text without control or invisible characters (text direction marks, zero-width spaces)",
    ),
    # -- branch escape: names and free text from outside (issue 18)
    "ws.rule.name": (
        "hanya huruf, spasi dan tanda . ' - , seperti tertulis di KTP",
        "letters, spaces and . ' - , only, as written on the identity card",
    ),
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
    # -- branch escape: malformed signature headers (issue 18)
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
    # -- wait estimates, verifying at the desk, the day's report (issue 6)
    "board.estimate": ("tunggu {low}–{high} mnt", "wait {low}–{high} min"),
    "desk.act.verify": ("Verifikasi", "Verify"),
    "desk.act.report": ("Laporan", "Report"),
    "desk.done.verified": ("{number} terverifikasi", "{number} verified"),
    "desk.already_verified": ("{number} sudah terverifikasi.", "{number} is already verified."),
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
    # -- branch `patient` (issue 16): ways forward, status beside the poli, plurals, check-in
    "status.card_relation": ("di KK: {relation}", "family card: {relation}"),
    "status.non_jkn_patient": ("Pasien umum (non-JKN)", "General patient (non-JKN)"),
    "relation.Kepala Keluarga": ("Kepala Keluarga", "Head of family"),
    "relation.Istri": ("Istri", "Wife"),
    "relation.Suami": ("Suami", "Husband"),
    "relation.Anak": ("Anak", "Child"),
    "relation.Ibu": ("Ibu", "Mother"),
    "relation.Ayah": ("Ayah", "Father"),
    "relation.Saudara": ("Saudara", "Sibling"),
    "relation.Orang Tua": ("Orang tua", "Parent"),
    "relation.Famili Lain": ("Famili lain", "Other relative"),
    "class.Kelas I": ("Kelas I", "Class I"),
    "class.Kelas II": ("Kelas II", "Class II"),
    "class.Kelas III": ("Kelas III", "Class III"),
    "refused.title": ("Belum dapat mengambil nomor JKN", "No JKN number for now"),
    "refused.non_jkn": ("Lanjut sebagai pasien umum", "Go on as a general patient"),
    "refused.non_jkn_off": (
        "Di puskesmas ini pasien umum mendaftar di loket. Silakan ke loket pendaftaran.",
        "At this clinic general patients register at the desk. Please go to the registration desk.",
    ),
    "refused.desk": ("Ke loket pendaftaran", "Go to the registration desk"),
    "refused.desk_told": (
        "Silakan ke loket pendaftaran dengan kartu JKN atau KTP Anda; petugas akan membantu.",
        "Please go to the registration desk with your JKN card or ID card; the staff will help.",
    ),
    "refused.back": ("Kembali", "Back"),
    "poli.held": ("nomor Anda {number}", "your number {number}"),
    "hint.poli": (
        "Angka = pilih poli · ← → = hari · Esc = kembali",
        "Number = choose · ← → = day · Esc = back",
    ),
    "hint.poli_family": (
        "Angka = pilih poli · ← → = hari · F3 = pasien lain · Esc = kembali",
        "Number = choose · ← → = day · F3 = other patient · Esc = back",
    ),
    "hint.type": ("Enter = lanjut · Esc = kembali", "Enter = continue · Esc = back"),
    "hint.ticket": ("Enter atau Esc = selesai", "Enter or Esc = done"),
    "hint.view": (
        "Angka = pilih (atau sentuh) · Esc = kembali",
        "Number = choose (or tap) · Esc = back",
    ),
    "confirm.title_take": ("Periksa dan ambil nomor", "Check and take your number"),
    "confirm.complaint_pick": ("Keluhan: {complaint}  (ubah)", "Complaint: {complaint}  (change)"),
    "confirm.doctor_pick": ("Ganti dokter / jam", "Another doctor / hours"),
    "confirm.poli_pick": ("Ganti poli", "Another poli"),
    "confirm.doctor_hours": ("{doctor} · {hours}", "{doctor} · {hours}"),
    "identify.letters": (
        "Hanya angka yang bisa diketik di sini; huruf dan tanda lain tidak dipakai.",
        "Only digits can be typed here; letters and other signs are not taken.",
    ),
    "identify.letters_retype": (
        "Nomor tadi berisi huruf, jadi tidak dipakai. Silakan ketik ulang angkanya saja.",
        "That number had letters in it, so it was not used. Please type the digits again.",
    ),
    "checkin.heading": (
        "Check-in booking Mobile JKN: pindai kode booking",
        "Check in a Mobile JKN booking: scan the booking code",
    ),
    "checkin.help": (
        "Pindai kode QR booking, atau ketik 13 angka nomor kartu atau 16 angka NIK, lalu Enter.",
        "Scan the booking QR code, or type the 13-digit card number or 16-digit NIK, then Enter.",
    ),
    "checkin.take_new": ("Ambil nomor antrean baru", "Take a new queue number"),
    "checkin.back": ("Kembali", "Back"),
    "ticket.ahead_one": ("1 orang di depan Anda", "1 person ahead of you"),
    "ticket.code_label": ("Kode slip (untuk check-in/loket)", "Slip code (for check-in/desk)"),
    "ticket.back": ("Kembali", "Back"),
    "ticket.cancel": ("Batalkan nomor ini", "Cancel this number"),
    "ticket.cannot_cancel": (
        "Nomor ini tidak dapat dibatalkan lagi ({state}).",
        "This number can no longer be cancelled ({state}).",
    ),
    # -- branch pcaredesk (issue 13): the visit's kind at the kiosk, PCare registration at the desk
    "confirm.visit_sick": ("Kunjungan sakit (berobat)", "Visit for illness (treatment)"),
    "confirm.visit_healthy": (
        "Kunjungan sehat (imunisasi, KB, cek kesehatan)",
        "Healthy visit (immunisation, family planning, check-up)",
    ),
    "desk.act.register": ("Daftar PCare", "Register in PCare"),
    "desk.act.vitals": ("Tanda vital", "Vitals"),
    "desk.pcare.queued": ("PCare: menunggu kirim", "PCare: waiting to send"),
    "desk.pcare.registered": ("PCare {no_urut}", "PCare {no_urut}"),
    "desk.pcare.refused": ("PCare DITOLAK: {message}", "PCare REFUSED: {message}"),
    "desk.pcare.by_hand": ("PCare manual", "PCare by hand"),
    "desk.pcare.by_hand_no": ("PCare manual {no_urut}", "PCare by hand {no_urut}"),
    "desk.pcare.deleting": ("PCare: menunggu hapus", "PCare: removal waiting"),
    "desk.pcare.no_code_poli": (
        "PCare: Poli {poli} tidak punya kode PCare; kunjungannya tidak bisa didaftarkan.",
        "PCare: Poli {poli} has no PCare code; its visits cannot be registered.",
    ),
    "desk.pcare.auto": (
        "PCare: pasien JKN didaftarkan otomatis saat dipanggil (kode poli {code}).",
        "PCare: JKN patients are registered automatically when called (poli code {code}).",
    ),
    "desk.pcare.vitals_too_late": (
        "{number} ({state}): tanda vital tidak bisa diubah setelah didaftarkan. Untuk "
        "mengubahnya, urungkan pendaftaran (d) lalu daftarkan lagi (k).",
        "{number} ({state}): vitals cannot be changed once registered. To change them, undo "
        "the registration (d), then register again (k).",
    ),
    "desk.pcare.deleting_now": (
        "Pendaftaran PCare {number} sedang dihapus. Tunggu sebentar, lalu daftarkan lagi bila "
        "perlu.",
        "{number}'s PCare registration is being removed. Wait a moment, then register again if "
        "needed.",
    ),
    "desk.pcare.menu.title": ("{ticket} · {state}", "{ticket} · {state}"),
    "desk.pcare.menu.resend": ("Kirim ulang apa adanya", "Send again as it is"),
    "desk.pcare.menu.poli": ("Kirim ulang ke poli PCare lain", "Send again to another PCare poli"),
    "desk.pcare.menu.vitals": ("Ubah tanda vital lalu kirim ulang", "Change vitals, send again"),
    "desk.pcare.menu.by_hand": (
        "Tandai sudah didaftar manual di PCare",
        "Mark as registered by hand in PCare",
    ),
    "desk.pcare.menu.undo": ("Urungkan pendaftaran PCare", "Undo the PCare registration"),
    "desk.pcare.menu.close": ("Tutup", "Close"),
    "desk.pcare.poli_choice": ("Poli {poli} (PCare {code})", "Poli {poli} (PCare {code})"),
    "desk.pcare.poli_now": ("sekarang", "now"),
    "desk.pcare.poli_title": (
        "Kirim ulang {ticket} ke poli PCare:",
        "Send {ticket} again to PCare poli:",
    ),
    "desk.pcare.by_hand_title": (
        "{ticket} sudah didaftarkan di laman PCare. Ketik no. urut PCare (boleh kosong), "
        "lalu Enter:",
        "{ticket} was registered in PCare's own page. Type PCare's number (optional), then Enter:",
    ),
    "desk.pcare.undo_title": (
        "Urungkan pendaftaran PCare {ticket}? Bila sudah terkirim, PCare menghapusnya.",
        "Undo {ticket}'s PCare registration? If it was sent, PCare deletes it.",
    ),
    "desk.pcare.undo_yes": ("Ya, urungkan", "Yes, undo it"),
    "desk.pcare.undo_no": ("Tidak", "No"),
    "desk.pcare.done.registered": (
        "Pendaftaran PCare {number} disimpan; no. urut muncul di barisnya.",
        "{number}'s PCare registration saved; its number shows on the row.",
    ),
    "desk.pcare.done.resent": (
        "Pendaftaran PCare {number} dikirim ulang.",
        "{number}'s PCare registration is sent again.",
    ),
    "desk.pcare.done.by_hand": (
        "{number} ditandai sudah didaftar manual di PCare.",
        "{number} marked as registered by hand in PCare.",
    ),
    "desk.pcare.done.undone": (
        "Pendaftaran PCare {number} diurungkan.",
        "{number}'s PCare registration undone.",
    ),
    "desk.vitals.title": (
        "Tanda vital · {ticket} (semua boleh kosong)",
        "Vitals · {ticket} (all optional)",
    ),
    "desk.vitals.hint": (
        "Tab/↑↓ = pindah · Enter = simpan dan daftarkan · Esc = batal",
        "Tab/↑↓ = move · Enter = save and register · Esc = cancel",
    ),
    # -- branch desk (issue 16): the desk at 80x24, dialogs that name the ticket, the clerk's
    # wording for slip codes, the books, sync status and settings
    "desk.minutes": ("{n} mnt", "{n} min"),
    "report.col.moved": ("Masuk/keluar", "In/out"),
    "report.offline_since": (
        "terputus sejak {start}, terakhir terhubung {seen}",
        "offline since {start}, last seen {seen}",
    ),
    "report.offline_since_never": (
        "terputus sejak {start}, belum pernah terhubung",
        "offline since {start}, never seen",
    ),
    "desk.cancel.title": ("Batalkan nomor {ticket}?", "Cancel number {ticket}?"),
    "desk.cancel.yes": ("Ya, batalkan", "Yes, cancel it"),
    "desk.cancel.no": ("Tidak, kembali", "No, go back"),
    "desk.transfer.title": ("Pindahkan {ticket} ke:", "Transfer {ticket} to:"),
    "desk.priority.title": ("Prioritas untuk {ticket}:", "Priority for {ticket}:"),
    "desk.slipcode.forged": (
        "Kode slip tidak sah (tanda tangan tidak cocok; slip palsu atau salah ketik). "
        "Cari dengan nomor antrean, kartu, atau NIK pasien.",
        "Slip code not valid (the signature does not match: forged or mistyped). "
        "Find the patient by number, card or NIK instead.",
    ),
    "desk.slipcode.malformed": (
        "Bukan kode slip. Pindai QR slip lagi, atau cari dengan nomor antrean, kartu, atau NIK.",
        "Not a slip code. Scan the slip's QR again, or find by number, card or NIK.",
    ),
    "desk.slipcode.other_day": (
        "Slip ini untuk hari lain, bukan hari ini. Pasien perlu nomor baru untuk hari ini.",
        "This slip is for another day, not today. The patient needs a new number for today.",
    ),
    # -- branch edges: the kiosk's exit PIN backs off ---------------------------------------
    "staff.exit_wait": (
        "Terlalu banyak PIN salah. Coba lagi dalam {seconds} detik.",
        "Too many wrong PINs. Try again in {seconds} seconds.",
    ),
    # -- golive: `kiosk clinic load/export` (the clinic's own set-up)
    "clinic.err.syntax": ("bukan TOML yang sah: {detail}", "not valid TOML: {detail}"),
    "clinic.err.section": (
        "bagian [{section}] tidak dikenal; yang dikenal: facility, poli, doctor, schedule",
        "unknown section [{section}]; known ones: facility, poli, doctor, schedule",
    ),
    "clinic.err.table": (
        "harus berupa tabel ([[...]] untuk daftar)",
        "must be a table ([[...]] for a list)",
    ),
    "clinic.err.missing": ("kolom `{field}` belum diisi", "field `{field}` is missing"),
    "clinic.err.unknown": (
        "kolom `{field}` tidak dikenal (salah ketik?)",
        "unknown field `{field}` (a typo?)",
    ),
    "clinic.err.text": (
        "isi dengan teks 1-{most} huruf",
        "fill in a text of 1-{most} characters",
    ),
    "clinic.err.integer": (
        "harus bilangan bulat positif, bukan {value!r}",
        "must be a positive whole number, not {value!r}",
    ),
    "clinic.err.bool": (
        "isi dengan true atau false, bukan {value!r}",
        "use true or false, not {value!r}",
    ),
    "clinic.err.time": (
        "jam {value!r} tidak sah; tulis JJ:MM antara 00:00 dan 23:59",
        "{value!r} is not a time; write HH:MM between 00:00 and 23:59",
    ),
    "clinic.err.day": (
        "hari {value!r} tidak dikenal; tulis senin ... minggu atau 0 (Senin) ... 6 (Minggu)",
        "unknown day {value!r}; write senin ... minggu, mon ... sun or 0 (Monday) ... 6",
    ),
    "clinic.err.facility_code": (
        "kode faskes {value!r} harus 1-20 huruf atau angka",
        "facility code {value!r} must be 1-20 letters or digits",
    ),
    "clinic.err.poli_code": (
        "kode poli {value!r} harus 1-3 huruf atau angka",
        "poli code {value!r} must be 1-3 letters or digits",
    ),
    "clinic.err.prefix": (
        "awalan {value!r} harus satu huruf A-Z",
        "prefix {value!r} must be one letter A-Z",
    ),
    "clinic.err.dup_poli": (
        "kode poli {code} sudah dipakai oleh [[poli]] #{n}",
        "poli code {code} is already used by [[poli]] #{n}",
    ),
    "clinic.err.dup_prefix": (
        "awalan {prefix} sudah dipakai oleh [[poli]] #{n}; tiap poli butuh huruf sendiri",
        "prefix {prefix} is already used by [[poli]] #{n}; each poli needs its own letter",
    ),
    "clinic.err.no_poli": (
        "berkas tidak berisi satu pun [[poli]]",
        "the file holds no [[poli]] at all",
    ),
    "clinic.err.dup_doctor": (
        "kode dokter {code} sudah dipakai",
        "doctor code {code} is already used",
    ),
    "clinic.err.unknown_poli": (
        "poli {code!r} tidak ada di [[poli]]",
        "poli {code!r} is not among the [[poli]] entries",
    ),
    "clinic.err.unknown_doctor": (
        "dokter {code!r} tidak ada di [[doctor]]",
        "doctor {code!r} is not among the [[doctor]] entries",
    ),
    "clinic.err.order": (
        "jam selesai {end} harus sesudah jam mulai {start}",
        "end {end} must come after start {start}",
    ),
    "clinic.err.quota": (
        "kuota {value} tidak sah; isi 1 sampai {most}",
        "quota {value} is not allowed; use 1 to {most}",
    ),
    "clinic.err.overlap": (
        "dokter {doctor} sudah praktik pada jam ini hari {day} ([[schedule]] #{n})",
        "doctor {doctor} already works at this time on {day} ([[schedule]] #{n})",
    ),
    "clinic.at_line": ("{file} baris {line}", "{file} line {line}"),
    "clinic.untouched": (
        "Data klinik tidak diubah. Perbaiki berkasnya lalu jalankan lagi "
        "`kiosk clinic load {file}`.",
        "The store is untouched. Fix the file, then run `kiosk clinic load {file}` again.",
    ),
    "clinic.unreadable": (
        "berkas {file} tidak dapat dibaca: {error}",
        "cannot read {file}: {error}",
    ),
    "clinic.facility_mismatch": (
        "berkas menyebut faskes {file_value!r} sebagai {field}, pengaturan menyebut "
        '{setting!r}. Tulis {field} = "{file_value}" di {config} (atau KIOSK_{env}), '
        "lalu jalankan lagi.",
        "the file gives {field} {file_value!r}, the settings say {setting!r}. Write "
        '{field} = "{file_value}" in {config} (or set KIOSK_{env}), then run it again.',
    ),
    "clinic.plan": ("Perubahan yang akan dibuat:", "What will change:"),
    "clinic.nothing": (
        "Tidak ada yang berubah: data klinik sudah sama dengan {file}.",
        "Nothing to change: the store already matches {file}.",
    ),
    "clinic.replaces_demo": (
        "Klinik demo diganti seluruhnya (tiket, peserta contoh dan booking demo dihapus).",
        "The demo clinic is replaced as a whole (its tickets, sample participants and booking go).",
    ),
    "clinic.facility": ("faskes {code} {name}", "facility {code} {name}"),
    "clinic.reordered": (
        "urutan poli di layar kiosk berubah",
        "the order of polis on the kiosk changes",
    ),
    "clinic.poli": (
        "poli {code} {name} (awalan {prefix}{extra})",
        "poli {code} {name} (prefix {prefix}{extra})",
    ),
    "clinic.not_bookable": (", hanya lewat loket", ", desk only"),
    "clinic.doctor": ("dokter {code} {name}", "doctor {code} {name}"),
    "clinic.shift": (
        "jadwal poli {poli}, dokter {doctor}: {days} {start}-{end}, kuota {quota}",
        "shift at poli {poli}, doctor {doctor}: {days} {start}-{end}, quota {quota}",
    ),
    "clinic.every_day": ("setiap hari", "every day"),
    "clinic.blocked": (
        "Tidak dapat dihapus: {what} masih memegang {n} tiket aktif (mulai {date}). Muat berkas "
        "ini setelah antrean tersebut selesai, atau biarkan {what} di berkas sampai saat itu.",
        "Cannot be removed: {what} still holds {n} live tickets (from {date}). Load this file "
        "once those queues are done, or keep {what} in the file until then.",
    ),
    "clinic.blocked_poli": ("poli {poli}", "poli {poli}"),
    "clinic.blocked_shift": (
        "jadwal poli {poli} dokter {doctor} jam {start}",
        "the shift at poli {poli} of doctor {doctor} at {start}",
    ),
    "clinic.confirm": ("Terapkan perubahan ini?", "Apply these changes?"),
    "clinic.cancelled": (
        "Dibatalkan: data klinik tidak diubah (pakai --yes untuk melewati pertanyaan).",
        "Cancelled: the store is untouched (--yes skips the question).",
    ),
    "clinic.done": (
        "Data klinik dimuat: {polis} poli, {doctors} dokter, {shifts} jadwal per minggu.",
        "Clinic loaded: {polis} polis, {doctors} doctors, {shifts} weekly shifts.",
    ),
    "clinic.skipped": (
        "Bagian {sections} adalah data contoh demo dan tidak dimuat.",
        "The {sections} sections are demo sample data and are not loaded.",
    ),
    "clinic.no_clinic": (
        "Data klinik masih kosong; muat dulu dengan `kiosk clinic load BERKAS.toml`.",
        "The store holds no clinic yet; load one with `kiosk clinic load FILE.toml`.",
    ),
    "clinic.exists": (
        "{file} sudah ada; pilih nama lain atau tambahkan --force untuk menimpanya.",
        "{file} exists already; choose another name or add --force to overwrite it.",
    ),
    "clinic.exported": ("Data klinik ditulis ke {file}.", "Clinic set-up written to {file}."),
    # -- golive: `kiosk check` (ready to open the doors?)
    "check.title": (
        "Pemeriksaan kesiapan {name} (pengaturan: {config})",
        "Readiness check for {name} (settings: {config})",
    ),
    "check.fix": ("Perbaiki", "Fix"),
    "check.summary.ok": (
        "Semua {n} pemeriksaan lulus: kiosk siap dibuka.",
        "All {n} checks passed: the kiosk is ready to open.",
    ),
    "check.summary.bad": (
        "{bad} dari {n} pemeriksaan gagal. Perbaiki yang bertanda ✗, lalu jalankan `kiosk check` "
        "lagi.",
        "{bad} of {n} checks failed. Fix the items marked ✗, then run `kiosk check` again.",
    ),
    "check.settings.bad": (
        "Pengaturan tidak dapat dibaca: {error}",
        "Settings cannot be read: {error}",
    ),
    "check.fix.settings": (
        "perbaiki baris itu di {config} (contoh lengkap: `kiosk settings --init`)",
        "fix that line in {config} (a full example: `kiosk settings --init`)",
    ),
    "check.failed": (
        "{item}: tidak dapat diperiksa ({error})",
        "{item}: could not be checked ({error})",
    ),
    "check.item.data_dir": ("Folder data", "Data folder"),
    "check.item.store": ("Basis data", "Store"),
    "check.item.facility": ("Faskes", "Facility"),
    "check.item.secrets": ("PIN dan kata sandi", "PIN and password"),
    "check.item.printer": ("Printer", "Printer"),
    "check.item.central": ("Pusat (BPJS)", "Central (BPJS)"),
    "check.item.clock": ("Jam", "Clock"),
    "check.item.espeak": ("Suara (espeak-ng)", "Voice (espeak-ng)"),
    "check.item.disk": ("Ruang disk", "Disk space"),
    "check.data_dir.ok": ("Folder data dapat ditulis: {path}", "Data folder is writable: {path}"),
    "check.data_dir.bad": (
        "Folder data {path} tidak dapat ditulis ({error})",
        "Data folder {path} is not writable ({error})",
    ),
    "check.fix.data_dir": (
        "beri hak tulis ke pengguna kiosk: sudo chown -R $USER {path} (atau pilih data_dir lain)",
        "give the kiosk's user write access: sudo chown -R $USER {path} (or choose another "
        "data_dir)",
    ),
    "check.fix.data_dir_ro": (
        "disk folder {path} terpasang hanya-baca (disk rusak?): periksa `dmesg`, jalankan fsck "
        "lalu nyalakan ulang, atau pilih data_dir di disk lain",
        "the disk holding {path} is mounted read-only (a failing disk?): check `dmesg`, run fsck "
        "and reboot, or choose a data_dir on another disk",
    ),
    "check.store.ok": (
        "Basis data terbuka dan mutakhir: {url}",
        "Store opens and is migrated: {url}",
    ),
    "check.store.missing": ("Basis data belum ada: {url}", "There is no store yet: {url}"),
    "check.store.bad": (
        "Basis data tidak dapat dibuka: {error}",
        "The store cannot be opened: {error}",
    ),
    "check.fix.store": (
        "periksa hak akses folder {path} dan database_url",
        "check the permissions of {path} and database_url",
    ),
    "check.store.behind": (
        "Skema basis data belum diperbarui: {url}",
        "The store's schema is not up to date: {url}",
    ),
    "check.fix.migrate": (
        "jalankan `kiosk upgrade-check` (cadangan dulu, lalu pembaruan)",
        "run `kiosk upgrade-check` (a backup first, then the upgrade)",
    ),
    "check.store.newer": (
        "Basis data dibuat oleh versi kiosk yang lebih baru: {url}",
        "The store was written by a newer kiosk version: {url}",
    ),
    "check.fix.newer": (
        "pasang versi kiosk yang sama atau lebih baru",
        "install the same kiosk version or a newer one",
    ),
    "check.fix.load_clinic": (
        "muat data klinik: `kiosk clinic load KLINIK.toml` (contoh: `kiosk clinic export`)",
        "load the clinic: `kiosk clinic load CLINIC.toml` (an example: `kiosk clinic export`)",
    ),
    "check.facility.ok": (
        "Faskes {code} {name}: {polis} poli, {shifts} jadwal per minggu",
        "Facility {code} {name}: {polis} polis, {shifts} weekly shifts",
    ),
    "check.facility.demo_code": (
        "Kode faskes masih kode demo ({code})",
        "The facility code is still the demo's ({code})",
    ),
    "check.fix.code": (
        'tulis kode BPJS puskesmas Anda: facility_code = "..." di {config}',
        'write your puskesmas\' BPJS code: facility_code = "..." in {config}',
    ),
    "check.facility.no_clinic": ("Data klinik belum dimuat", "No clinic is loaded yet"),
    "check.facility.demo_store": (
        "Basis data masih berisi klinik demo",
        "The store still holds the demo clinic",
    ),
    "check.facility.mismatch": (
        "Basis data milik faskes {store}, pengaturan menyebut {code}",
        "The store belongs to facility {store}, the settings name {code}",
    ),
    "check.pin.ok": ("PIN petugas sudah diganti dari PIN demo", "The staff PIN is not the demo's"),
    "check.pin.demo": ("PIN petugas masih PIN demo", "The staff PIN is still the demo's"),
    "check.fix.pin": (
        'tulis PIN baru 4-8 angka: staff_pin = "..." di {config}',
        'write a new 4-8 digit PIN: staff_pin = "..." in {config}',
    ),
    "check.ws_password.ok": (
        "Kata sandi layanan web sudah diganti dari sandi demo",
        "The web-service password is not the demo's",
    ),
    "check.ws_password.demo": (
        "Kata sandi layanan web (Mobile JKN) masih sandi demo",
        "The web-service (Mobile JKN) password is still the demo's",
    ),
    "check.fix.ws_password": (
        'tulis sandi panjang: ws_password = "..." di {config}, lalu berikan ke BPJS',
        'write a long password: ws_password = "..." in {config}, then give it to BPJS',
    ),
    "check.printer.png_ok": (
        "Printer PNG: slip disimpan di {path}",
        "PNG printer: slips saved in {path}",
    ),
    "check.printer.file_ok": ("Printer ESC/POS ke berkas {path}", "ESC/POS printer into {path}"),
    "check.printer.answers": (
        "Printer {where} menjawab: {paper}",
        "Printer {where} answers: {paper}",
    ),
    "check.printer.paper_ok": ("kertas cukup", "paper OK"),
    "check.printer.paper_low": ("kertas hampir habis", "paper running low"),
    "check.printer.paper_silent": (
        "sensor kertas tidak menjawab (wajar untuk banyak printer)",
        "the paper sensor keeps quiet (usual for many printers)",
    ),
    "check.printer.none": (
        "Printer belum diatur (printer = none)",
        "No printer is set (printer = none)",
    ),
    "check.printer.png_bad": (
        "Folder slip {path} tidak dapat ditulis",
        "The slip folder {path} is not writable",
    ),
    "check.printer.file_bad": (
        "Berkas printer {path} tidak dapat ditulis",
        "The printer file {path} is not writable",
    ),
    "check.printer.unreachable": (
        "Tidak ada printer yang menjawab di {where}",
        "No printer answers at {where}",
    ),
    "check.printer.no_paper": ("Kertas printer {where} habis", "Printer {where} is out of paper"),
    "check.printer.usb_missing": (
        "Dukungan printer USB belum terpasang (pyusb)",
        "USB printing support is not installed (pyusb)",
    ),
    "check.printer.usb_not_found": (
        "Printer {where} tidak ditemukan (tercabut atau tanpa izin)",
        "Printer {where} is not found (unplugged or no permission)",
    ),
    "check.fix.printer": (
        'nyalakan printer, periksa kabel dan kertas, atau betulkan printer = "..." di {config}',
        'switch the printer on, check its cable and paper, or fix printer = "..." in {config}',
    ),
    "check.central.ok": (
        "{service} menjawab dan menerima kredensial ({message})",
        "{service} answers and accepts the credentials ({message})",
    ),
    "check.central.refused": (
        "{service} menolak kredensial: {message}",
        "{service} refuses the credentials: {message}",
    ),
    "check.fix.credentials": (
        "periksa central_cons_id, central_secret dan central_user_key di {config}, serta jam PC",
        "check central_cons_id, central_secret and central_user_key in {config}, and the PC's "
        "clock",
    ),
    "check.central.down": (
        "{service} tidak menjawab ({message})",
        "{service} does not answer ({message})",
    ),
    "check.fix.central_down": (
        "periksa jaringan dan alamat pusat; sementara itu kiosk tetap melayani dan mengirim nanti",
        "check the network and the central's address; meanwhile the kiosk serves and sends later",
    ),
    "check.central.wrong": (
        "{service} menjawab tidak semestinya: {message}",
        "{service} answers wrongly: {message}",
    ),
    "check.fix.central_url": (
        "periksa central_antrean_url dan central_pcare_url di {config}",
        "check central_antrean_url and central_pcare_url in {config}",
    ),
    "check.central.unset": (
        "Alamat pusat (BPJS) belum diisi: kiosk hanya bekerja offline",
        "No central (BPJS) address is set: the kiosk works offline only",
    ),
    "check.fix.central_unset": (
        "isi central_antrean_url, central_pcare_url, central_cons_id, central_secret dan "
        "central_user_key di {config}",
        "fill in central_antrean_url, central_pcare_url, central_cons_id, central_secret and "
        "central_user_key in {config}",
    ),
    "check.clock.ok": (
        "Jam PC sesuai dengan jam pusat (selisih {s} detik)",
        "The PC's clock agrees with the central's ({s} s apart)",
    ),
    "check.clock.off": (
        "Jam PC berbeda {s} detik dari jam pusat",
        "The PC's clock is {s} s off the central's",
    ),
    "check.clock.unknown": (
        "Jam PC tidak dapat dibandingkan dengan jam pusat",
        "The PC's clock cannot be compared with the central's",
    ),
    "check.fix.ntp": (
        "nyalakan sinkronisasi waktu: sudo timedatectl set-ntp true",
        "switch time sync on: sudo timedatectl set-ntp true",
    ),
    "check.espeak.ok": ("espeak-ng berbicara (suara {voice})", "espeak-ng speaks (voice {voice})"),
    "check.espeak.missing": ("espeak-ng belum terpasang", "espeak-ng is not installed"),
    "check.espeak.bad": (
        "espeak-ng tidak dapat berbicara: {error}",
        "espeak-ng cannot speak: {error}",
    ),
    "check.fix.espeak": (
        "sudo apt-get install espeak-ng (tanpa itu papan antrean hanya tampil, tanpa suara)",
        "sudo apt-get install espeak-ng (without it the board shows calls without sound)",
    ),
    "check.disk.ok": (
        "Ruang disk cukup untuk {copies} cadangan: {free} kosong, perlu {need}",
        "Enough disk space for {copies} backups: {free} free, {need} needed",
    ),
    "check.disk.low": (
        "Ruang disk kurang untuk {copies} cadangan: {free} kosong, perlu {need}",
        "Not enough disk space for {copies} backups: {free} free, {need} needed",
    ),
    "check.fix.disk": (
        "kosongkan disk, pindahkan backup_dir ({path}) ke disk lain, atau kurangi backup_copies",
        "free some space, move backup_dir ({path}) to another disk, or lower backup_copies",
    ),
    # -- golive: `kiosk settings --init`
    "init.exists": (
        "{path} sudah ada. Timpa? (salinan lama disimpan sebagai {backup})",
        "{path} exists already. Overwrite it? (the old one is kept as {backup})",
    ),
    "init.kept": ("{path} tidak diubah.", "{path} is untouched."),
    "init.written": (
        "Pengaturan ditulis ke {path}. Ubah nilainya, lalu jalankan `kiosk check`.",
        "Settings written to {path}. Edit the values, then run `kiosk check`.",
    ),
    "init.unwritable": ("{path} tidak dapat ditulis: {error}", "cannot write {path}: {error}"),
    # -- golive: `kiosk settings --init`, what each setting is for
    "init.help.data_dir": (
        "Folder basis data, slip, log dan cadangan.",
        "Folder of the store, slips, logs and backups.",
    ),
    "init.help.database_url": (
        "URL SQLAlchemy basis data; kosong = SQLite di data_dir. Beberapa terminal: "
        "postgresql+psycopg://...",
        "SQLAlchemy URL of the store; empty = SQLite in data_dir. Several terminals: "
        "postgresql+psycopg://...",
    ),
    "init.help.lang": (
        "Bahasa layar kiosk: id atau en.",
        "Language of the kiosk screens: id or en.",
    ),
    "init.help.printer": (
        "Printer slip: png[:FOLDER], escpos-net:HOST[:PORT], escpos-usb:VID:PID, "
        "escpos-file:PATH, none.",
        "Slip printer: png[:DIR], escpos-net:HOST[:PORT], escpos-usb:VID:PID, escpos-file:PATH, "
        "none.",
    ),
    "init.help.paper_mm": (
        "Lebar kertas slip dalam milimeter: 58 atau 80.",
        "Slip paper width in millimetres: 58 or 80.",
    ),
    "init.help.idle_seconds": (
        "Detik tanpa sentuhan sebelum kiosk kembali ke awal (10-3600).",
        "Seconds without a touch before the kiosk starts over (10-3600).",
    ),
    "init.help.facility_code": (
        "GANTI: kode faskes BPJS puskesmas ini (P3273010 adalah kode demo).",
        "CHANGE: this puskesmas' BPJS facility code (P3273010 is the demo's).",
    ),
    "init.help.facility_name": (
        "Nama puskesmas di layar dan slip.",
        "The puskesmas' name on screens and slips.",
    ),
    "init.help.timezone": (
        "Zona waktu klinik: WIB, WITA atau WIT.",
        "The clinic's time zone: WIB, WITA or WIT.",
    ),
    "init.help.minutes_per_patient": (
        "Perkiraan menit per pasien untuk estimasi waktu tunggu.",
        "Minutes per patient for the waiting-time estimate.",
    ),
    "init.help.staff_pin": (
        "PIN petugas untuk keluar dari kiosk (Ctrl+X), 4-8 angka. Dibuat acak; simpan baik-baik.",
        "The staff PIN to leave the kiosk (Ctrl+X), 4-8 digits. Drawn at random; keep it safe.",
    ),
    "init.help.theme": (
        "Tampilan: default atau high-contrast.",
        "Look: default or high-contrast.",
    ),
    "init.help.retention_days": (
        "`kiosk purge`: keluhan dan data peserta yang lebih tua dari ini dihapus (hari).",
        "`kiosk purge`: complaints and cached participant details older than this go (days).",
    ),
    "init.help.ws_username": (
        "Nama pengguna layanan web Mobile JKN (diberikan ke BPJS).",
        "User name of the Mobile JKN web service (given to BPJS).",
    ),
    "init.help.ws_password": (
        "Kata sandi layanan web Mobile JKN (diberikan ke BPJS). Dibuat acak.",
        "Password of the Mobile JKN web service (given to BPJS). Drawn at random.",
    ),
    "init.help.ws_token_seconds": (
        "Umur token dari GET /auth, dalam detik.",
        "How long a token from GET /auth lives, in seconds.",
    ),
    "init.help.ws_auth_per_minute": (
        "Percobaan GET /auth gagal yang diizinkan per alamat per menit.",
        "Failed GET /auth attempts allowed per address and minute.",
    ),
    "init.help.ws_secret": (
        "Kunci penanda token; kosong = dibuat tiap kali `kiosk serve` mulai. Isi bila beberapa "
        "server berbagi token.",
        "Signs the tokens; empty = drawn at each `kiosk serve` start. Set it when several "
        "servers share tokens.",
    ),
    "init.help.central_antrean_url": (
        "Alamat dasar layanan Antrean FKTP BPJS; kosong = hanya offline.",
        "Base URL of BPJS Antrean FKTP; empty = offline only.",
    ),
    "init.help.central_pcare_url": (
        "Alamat dasar layanan PCare BPJS (cek peserta).",
        "Base URL of BPJS PCare (participant lookup).",
    ),
    "init.help.central_cons_id": (
        "Consumer ID dari BPJS.",
        "Consumer ID from BPJS.",
    ),
    "init.help.central_secret": (
        "Consumer secret dari BPJS.",
        "Consumer secret from BPJS.",
    ),
    "init.help.central_user_key": (
        "User key dari BPJS, untuk layanan yang tidak diberi kunci sendiri di bawah.",
        "User key from BPJS, for a service not given its own key below.",
    ),
    "init.help.central_antrean_user_key": (
        "User key layanan Antrean FKTP; kosong = central_user_key.",
        "User key of the Antrean FKTP service; empty = central_user_key.",
    ),
    "init.help.central_pcare_user_key": (
        "User key layanan PCare; kosong = central_user_key.",
        "User key of the PCare service; empty = central_user_key.",
    ),
    "init.help.central_pcare_username": (
        "User PCare klinik (dikirim di X-authorization); wajib bila central_pcare_url diisi.",
        "The clinic's PCare user (sent in X-authorization); required with central_pcare_url.",
    ),
    "init.help.central_pcare_password": (
        "Password user PCare klinik.",
        "The clinic's PCare user's password.",
    ),
    "init.help.central_pcare_app_code": (
        "Kode aplikasi PCare di X-authorization (biasanya 095).",
        "PCare application code in X-authorization (usually 095).",
    ),
    "init.help.central_lookup_timeout": (
        "Detik menunggu cek peserta sebelum memakai cache.",
        "Seconds a participant lookup waits before the cache answers.",
    ),
    "init.help.central_timeout": (
        "Detik menunggu panggilan lain ke pusat.",
        "Seconds every other call to the central waits.",
    ),
    "init.help.central_database_url": (
        "Basis data `kiosk central` (pusat contoh untuk latihan); kosong = SQLite di data_dir.",
        "Database of `kiosk central` (the reference central for drills); empty = SQLite in "
        "data_dir.",
    ),
    "init.help.backup_dir": (
        "Folder cadangan malam; kosong = data_dir/backups.",
        "Folder of the nightly backups; empty = data_dir/backups.",
    ),
    "init.help.backup_copies": (
        "Jumlah cadangan malam yang disimpan.",
        "How many nightly backups are kept.",
    ),
    "init.header": (
        "Pengaturan Antrean Kiosk. Baris bertanda # adalah nilai bawaan: hapus # untuk "
        "mengubahnya.\nVariabel KIOSK_* (mis. KIOSK_PRINTER) menimpa berkas ini. "
        "Periksa dengan `kiosk check`.",
        "Antrean Kiosk settings. Lines starting with # hold the default: remove the # to change "
        "one.\nKIOSK_* variables (e.g. KIOSK_PRINTER) override this file. "
        "Check with `kiosk check`.",
    ),
    "init.default": ("Bawaan", "Default"),
    "init.empty": ("kosong", "empty"),
    # -- golive: `kiosk upgrade-check`
    "upgrade.up_to_date": (
        "Basis data sudah mutakhir (skema {rev}); tidak ada yang perlu dilakukan.",
        "The store is up to date (schema {rev}); nothing to do.",
    ),
    "upgrade.done": (
        "Basis data diperbarui ({n} langkah, skema {rev}). Cadangan sebelumnya: {backup}",
        "The store is upgraded ({n} steps, schema {rev}). The backup taken before: {backup}",
    ),
    "upgrade.restored": (
        "pembaruan gagal ({error}); basis data dikembalikan seperti semula dari {backup}. "
        "Kiosk versi lama tetap dapat dipakai; kirim pesan ini ke pemasok.",
        "the upgrade failed ({error}); the store is back as it was, from {backup}. The previous "
        "kiosk version still works with it; send this message to your supplier.",
    ),
    "upgrade.not_restored": (
        "pembaruan gagal ({error}) dan cadangan tidak dapat dikembalikan otomatis. Salin {backup} "
        "ke tempat basis data secara manual (lihat README, Going live) sebelum membuka kiosk.",
        "the upgrade failed ({error}) and the backup could not be put back. Copy {backup} over "
        "the store by hand (README, Going live) before opening the kiosk.",
    ),
    # -- golive: `kiosk service install/remove`
    "service.no_user": (
        "pengguna {user} tidak ada; buat dulu (sudo adduser {user}) atau pilih --user",
        "there is no user {user}; create it (sudo adduser {user}) or choose --user",
    ),
    "service.dry_run": (
        "Uji coba: {n} berkas di atas tidak ditulis. Tanpa --dry-run (dengan sudo) untuk memasang.",
        "Dry run: the {n} files above are not written. Run without --dry-run (with sudo) to "
        "install them.",
    ),
    "service.need_root": (
        "memasang layanan sistem butuh hak root: jalankan lagi dengan sudo",
        "installing system services needs root: run it again with sudo",
    ),
    "service.confirm": (
        "Tulis {n} berkas ini dan nyalakan layanannya?",
        "Write these {n} files and start the services?",
    ),
    "service.confirm_remove": (
        "Hentikan dan hapus berkas-berkas ini?",
        "Stop and remove these files?",
    ),
    "service.nothing": ("Tidak ada yang diubah.", "Nothing was changed."),
    "service.unwritable": (
        "berkas layanan tidak dapat ditulis: {error}",
        "cannot write the unit files: {error}",
    ),
    "service.written": ("{n} berkas ditulis di bawah {root}.", "{n} files written under {root}."),
    "service.systemctl_failed": (
        "systemctl gagal: {error}. Jalankan perintah di atas sendiri setelah memperbaikinya.",
        "systemctl failed: {error}. Run the command above yourself once that is fixed.",
    ),
    "service.logs": (
        "Log: journalctl -u 'antrean-*' dan folder logs/ di data_dir (dirotasi).",
        "Logs: journalctl -u 'antrean-*' and the logs/ folder in data_dir (rotated).",
    ),
    "service.none_installed": (
        "Tidak ada layanan kiosk terpasang di bawah {root}.",
        "No kiosk services are installed under {root}.",
    ),
    "service.removed": ("{n} berkas layanan dihapus.", "{n} service files removed."),
    # -- branch webboard: the board's read model, the web board, speech, the phone page
    "board.no_queue": ("Tidak ada antrean", "No queue"),
    "board.go_to": ("Silakan ke {counter}", "Please go to {counter}"),
    "board.web.sound": (
        "Suara diblokir peramban: sentuh layar sekali untuk menyalakan suara.",
        "The browser blocks sound: touch the screen once to turn it on.",
    ),
    "board.web.offline": (
        "Papan tidak terhubung ke server sejak {time}; panggilan di layar mungkin sudah lama.",
        "The board lost the server at {time}; the calls shown may be old.",
    ),
    "board.web.bad_poli": (
        "Kode poli tidak sah. Contoh alamat yang benar: /board?poli=001,002",
        "Invalid poli code. A correct address looks like /board?poli=001,002",
    ),
    "desk.act.out_of_turn": ("Panggil di luar urutan", "Call out of turn"),
    "desk.out_of_turn.returned": ("Pasien lansia kembali", "The elderly patient returned"),
    "desk.out_of_turn.lab_result": ("Hasil laboratorium", "A lab result"),
    "desk.out_of_turn.doctor_asked": ("Diminta dokter", "The doctor asked"),
    "desk.unknown_reason": (
        "Alasan tidak dikenal. Pilih salah satu alasan di daftar.",
        "Unknown reason. Choose one of the listed reasons.",
    ),
    "report.out_of_turn": ("Dipanggil di luar urutan", "Called out of turn"),
    "poli.closed_today": (
        "Puskesmas sudah tutup hari ini; buka lagi {when}. Nomor untuk besok:",
        "The clinic has closed for today; it opens again {when}. Numbers for tomorrow:",
    ),
    "poli.opens_unknown": ("sesuai jadwal", "as scheduled"),
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
    "board.web.no_speech": (
        "Suara panggilan ini tidak tersedia.",
        "The sound of this call is not available.",
    ),
    # -- branch board2 (issue 14): the board's running text, the counter at sign-in
    "board_text.empty": (
        "Teks berjalan kosong. Tulis teksnya, atau hapus dengan: kiosk board-text --clear",
        "The running text is empty. Write the text, or remove it with: kiosk board-text --clear",
    ),
    "board_text.too_long": (
        "Teks berjalan terlalu panjang ({length} karakter); paling banyak {limit}. Persingkat.",
        "The running text is too long ({length} characters); at most {limit}. Shorten it.",
    ),
    "board_text.cli_usage": (
        'Beri teksnya (kiosk board-text "Poli Gigi tutup hari ini") atau --clear, salah satu.',
        'Give the text (kiosk board-text "Poli Gigi tutup hari ini") or --clear, one of them.',
    ),
    "board_text.cli_now": ("Teks berjalan sekarang: {text}", "Running text now: {text}"),
    "board_text.set": ("Teks berjalan di papan: {text}", "Running text on the boards: {text}"),
    "board_text.cleared": (
        "Teks berjalan dihapus dari papan.",
        "The running text is off the boards.",
    ),
    "desk.act.board_text": ("Teks papan", "Board text"),
    "desk.counter_label": ("Loket / ruang panggilan:", "Counter / room for calls:"),
    "desk.counter_placeholder": ("kosong: Loket <poli>", "empty: Loket <poli>"),
    "desk.counter_too_long": (
        "Nama loket terlalu panjang: paling banyak {limit} karakter. Persingkat.",
        "The counter's name is too long: at most {limit} characters. Shorten it.",
    ),
    "desk.board_text.title": (
        "Teks berjalan di papan (kosongkan untuk menghapus), Enter untuk simpan, Esc batal:",
        "Running text on the boards (empty to remove), Enter to save, Esc to cancel:",
    ),
    "desk.done.board_text": ("Teks berjalan dipasang.", "Running text set."),
    "desk.done.board_text_cleared": ("Teks berjalan dihapus.", "Running text removed."),
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
    # -- branch hfis: `kiosk schedule pull | diff | adopt` (BPJS's HFIS schedule)
    "hfis.pulled": (
        "Jadwal HFIS BPJS diambil: {n} jadwal praktik untuk {days}. "
        "Lihat bedanya: `kiosk schedule diff`.",
        "BPJS's HFIS schedule pulled: {n} shifts for {days}. "
        "See the differences: `kiosk schedule diff`.",
    ),
    "hfis.pulled_at": ("Jadwal HFIS diambil {at}.", "HFIS schedule pulled at {at}."),
    "hfis.none": (
        "Belum ada jadwal HFIS: jalankan `kiosk schedule pull` dulu.",
        "No HFIS schedule yet: run `kiosk schedule pull` first.",
    ),
    "hfis.same": (
        "Jadwal klinik sama dengan jadwal HFIS BPJS.",
        "The clinic's schedule matches BPJS's HFIS schedule.",
    ),
    "hfis.fail": (
        "Jadwal HFIS tidak diambil ({reason}). Jadwal klinik tidak diubah.",
        "HFIS schedule not pulled ({reason}). The clinic's schedule is untouched.",
    ),
    "hfis.fail.unconfigured": (
        "Pusat BPJS belum diatur: isi KIOSK_CENTRAL_ANTREAN_URL dan kredensialnya "
        "(lihat `kiosk settings`).",
        "No central configured: set KIOSK_CENTRAL_ANTREAN_URL and its credentials "
        "(see `kiosk settings`).",
    ),
    "hfis.fail.unreachable": (
        "pusat BPJS tidak dapat dihubungi: {detail}; coba lagi nanti",
        "the central cannot be reached: {detail}; try again later",
    ),
    "hfis.fail.denied": (
        "BPJS menolak kredensial klinik: {detail}; periksa pengaturan KIOSK_CENTRAL_*",
        "the central refused the clinic's credentials: {detail}; check the KIOSK_CENTRAL_* "
        "settings",
    ),
    "hfis.fail.garbage": (
        "jawaban pusat tidak dapat dibaca ({detail}); coba lagi nanti",
        "the central's answer cannot be read ({detail}); try again later",
    ),
    "hfis.diff.missing_at_bpjs": (
        "{day} {poli}: {name} ({doctor}) {local} tidak ada di HFIS BPJS",
        "{day} {poli}: {name} ({doctor}) {local} is not in BPJS's HFIS",
    ),
    "hfis.diff.missing_here": (
        "{day} {poli}: HFIS BPJS punya {name} ({doctor}) {bpjs}, jadwal klinik tidak",
        "{day} {poli}: BPJS's HFIS has {name} ({doctor}) {bpjs}, the clinic does not",
    ),
    "hfis.diff.hours": (
        "{day} {poli}: {name} ({doctor}) jam lain: klinik {local}, BPJS {bpjs}",
        "{day} {poli}: {name} ({doctor}) other hours: clinic {local}, BPJS {bpjs}",
    ),
    "hfis.diff.capacity": (
        "{day} {poli}: {name} ({doctor}) {local}: kuota klinik {quota}, kapasitas BPJS {bpjs}",
        "{day} {poli}: {name} ({doctor}) {local}: the clinic's quota {quota}, BPJS's capacity "
        "{bpjs}",
    ),
    "hfis.diff.next": (
        "Ambil jadwal BPJS: `kiosk schedule adopt`, atau minta admin HFIS memperbaikinya.",
        "Take BPJS's schedule: `kiosk schedule adopt`, or ask the HFIS admin to correct it.",
    ),
    "hfis.skipped_poli": (
        "Poli {poli} ada di HFIS tetapi tidak di klinik: dilewati (tambahkan lewat "
        "`kiosk clinic load`).",
        "Poli {poli} is in HFIS but not at the clinic: left out (add it with `kiosk clinic load`).",
    ),
    "hfis.blocked": (
        "Tidak dapat dihapus: {what} masih memegang {n} tiket aktif (mulai {date}). Ambil jadwal "
        "BPJS setelah antrean tersebut selesai.",
        "Cannot be removed: {what} still holds {n} live tickets (from {date}). Adopt BPJS's "
        "schedule once those queues are done.",
    ),
    "hfis.untouched": ("Jadwal klinik tidak diubah.", "The clinic's schedule is untouched."),
    "hfis.adopted": (
        "Jadwal HFIS BPJS dipakai (tercatat di {audit}).",
        "BPJS's HFIS schedule adopted (recorded in {audit}).",
    ),
    "hfis.desk_notice": (
        "Jadwal klinik beda dengan HFIS BPJS ({n}): `kiosk schedule diff`",
        "The schedule differs from BPJS's HFIS ({n}): `kiosk schedule diff`",
    ),
    # -- branch pcare (issue 13): visits registered in PCare, vitals --------------------------
    "pcare.no_ticket": (
        "Nomor antrean tidak ditemukan. Cari lagi dengan nomor atau kartu.",
        "Ticket not found. Search again by number or card.",
    ),
    "pcare.not_jkn": (
        "Nomor {number} bukan pasien JKN: kunjungan tidak didaftarkan ke PCare.",
        "Ticket {number} is not a JKN patient: the visit is not registered in PCare.",
    ),
    "pcare.no_poli_code": (
        "Poli {poli} belum punya kode poli PCare. Isi pcare_code poli itu di berkas klinik "
        "(`kiosk clinic load`), atau daftarkan di laman PCare lalu tandai manual.",
        "Poli {poli} has no PCare poli code. Set the poli's pcare_code in the clinic file "
        "(`kiosk clinic load`), or register in PCare's page and mark it by hand.",
    ),
    "pcare.not_called": (
        "Nomor {number} ({state}) belum dipanggil. Panggil pasien dulu, lalu daftarkan.",
        "Ticket {number} ({state}) has not been called. Call the patient first, then register.",
    ),
    "pcare.already": (
        "Kunjungan nomor {number} sudah didaftarkan ke PCare (no. urut {no_urut}).",
        "Visit {number} is already registered in PCare (no. {no_urut}).",
    ),
    "pcare.refused_before": (
        "PCare menolak pendaftaran nomor {number}. Perbaiki poli atau tanda vital lalu kirim "
        "ulang, atau tandai sudah didaftarkan manual.",
        "PCare refused visit {number}. Correct the poli or vitals and send again, or mark it "
        "registered by hand.",
    ),
    "pcare.not_refused": (
        "Pendaftaran nomor {number} tidak ditolak PCare: tidak ada yang perlu dikirim ulang.",
        "Visit {number} was not refused by PCare: nothing to send again.",
    ),
    "pcare.being_sent": (
        "Pendaftaran nomor {number} sedang dikirim ke PCare. Tunggu jawabannya sebentar.",
        "Visit {number} is being sent to PCare. Wait a moment for the answer.",
    ),
    "pcare.bad_poli_code": (
        'Kode poli PCare "{code}" tidak sah: tiga huruf/angka, mis. 001.',
        'PCare poli code "{code}" is not valid: three letters/digits, e.g. 001.',
    ),
    "pcare.bad_no_urut": (
        'No. urut PCare "{value}" tidak sah: huruf dan angka saja, mis. A12.',
        'PCare number "{value}" is not valid: letters and digits only, e.g. A12.',
    ),
    "pcare.nothing_to_undo": (
        "Nomor {number} tidak punya pendaftaran PCare untuk dibatalkan.",
        "Ticket {number} has no PCare registration to take back.",
    ),
    "pcare.already_deleting": (
        "Pendaftaran nomor {number} sudah sedang dihapus dari PCare.",
        "Visit {number} is already being removed from PCare.",
    ),
    "pcare.state.queued": ("menunggu kirim", "waiting to send"),
    "pcare.state.registered": ("terdaftar", "registered"),
    "pcare.state.refused": ("ditolak PCare", "refused by PCare"),
    "pcare.state.by_hand": ("didaftarkan manual", "registered by hand"),
    "pcare.state.deleting": ("menunggu hapus", "removal waiting"),
    "pcare.state.deleted": ("dihapus", "removed"),
    "pcare.state.withdrawn": ("ditarik", "withdrawn"),
    "pcare.no_urut_unknown": (
        "Tidak ada no. urut PCare untuk dihapus: kunjungan tidak pernah terdaftar.",
        "No PCare registration number to delete: the visit was never registered.",
    ),
    "pcare.no_urut_missing": (
        "Jawaban PCare tanpa no. urut: {message}",
        "PCare answered without a registration number: {message}",
    ),
    "vitals.field.sistole": ("sistole", "systolic"),
    "vitals.field.diastole": ("diastole", "diastolic"),
    "vitals.field.weight": ("berat badan (kg)", "weight (kg)"),
    "vitals.field.height": ("tinggi badan (cm)", "height (cm)"),
    "vitals.field.waist": ("lingkar perut (cm)", "waist (cm)"),
    "vitals.field.breathing_rate": ("napas per menit", "breaths per minute"),
    "vitals.field.heart_rate": ("nadi per menit", "heart rate per minute"),
    "vitals.err.number": (
        '{field}: "{value}" bukan angka. Ketik angka, atau kosongkan bila tidak diukur.',
        '{field}: "{value}" is not a number. Type a number, or leave it empty if not measured.',
    ),
    "vitals.err.whole": (
        "{field}: ketik bilangan bulat (tanpa koma), bukan {value}.",
        "{field}: type a whole number (no decimals), not {value}.",
    ),
    "vitals.err.range": (
        "{field} {value} di luar batas wajar {low}-{high}. Periksa lagi, atau kosongkan.",
        "{field} {value} is outside the plausible {low}-{high}. Check it, or leave it empty.",
    ),
    "vitals.err.pressure": (
        "Diastole {value} harus lebih kecil dari sistole. Periksa lagi tekanan darahnya.",
        "Diastolic {value} must be lower than systolic. Check the blood pressure again.",
    ),
    "vitals.err.unknown": ("Isian {field} tidak dikenal.", "Unknown field {field}."),
    "clinic.err.pcare_code": (
        'Kode poli PCare "{value}" tidak sah: tiga huruf/angka dalam tanda kutip, mis. "001".',
        'PCare poli code "{value}" is not valid: three letters/digits in quotes, e.g. "001".',
    ),
    "clinic.err.pcare_auto": (
        "pcare_auto_register perlu pcare_code: poli tanpa kode PCare tidak bisa didaftarkan.",
        "pcare_auto_register needs a pcare_code: a poli without a PCare code cannot register.",
    ),
    "central.pendaftaran.poli": (
        "Poli PCare {poli} tidak dikenal.",
        "PCare knows no poli {poli}.",
    ),
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
    "report.pcare": ("Pendaftaran PCare", "PCare registrations"),
    "report.pcare_line": (
        "Poli {poli}: terdaftar {registered}, menunggu kirim {waiting}, ditolak {refused} "
        "(sakit {sick}, sehat {healthy})",
        "Poli {poli}: registered {registered}, waiting to send {waiting}, refused {refused} "
        "(sick {sick}, healthy {healthy})",
    ),
    "report.pcare_none": ("Belum ada kunjungan didaftarkan.", "No visit registered yet."),
    "clinic.pcare_code": (", PCare {code}", ", PCare {code}"),
    "clinic.pcare_auto": (" (daftar otomatis)", " (registers on call)"),
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


def people_ahead(n: int, lang: str = "id") -> str:
    """How many wait before a ticket, the same words on the screen and on the slip."""
    if n <= 0:
        return t("ticket.ahead_none", lang)
    if n == 1:
        return t("ticket.ahead_one", lang)
    return t("ticket.ahead", lang, n=n)


def term(kind: str, value: str | None, lang: str = "id") -> str:
    """A registry word (``relation``, ``class``) in the kiosk's language; unknown ones as given."""
    if not value:
        return ""
    key = f"{kind}.{value}"
    return t(key, lang) if key in TEXT else value
