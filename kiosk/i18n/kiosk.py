"""The patient kiosk's words (``kiosk``): its screens, the status card, the slip it prints."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- the title bar
    "app.title": ("Antrean Pasien", "Patient Queue"),
    # -- welcome
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
    # -- keyboard hints in the footer
    "hint.choose": (
        "Angka = pilih (atau sentuh) · F2 = English",
        "Number = choose (or tap) · F2 = Bahasa Indonesia",
    ),
    "hint.back": ("Kembali", "Back"),
    "hint.ok": ("Lanjut", "Continue"),
    "hint.clear": ("Hapus", "Clear"),
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
    # -- identify: card number or NIK
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
    "identify.offline_nik": (
        "Jaringan ke BPJS sedang terputus dan NIK ini belum dikenal di sini. Ketik nomor kartu "
        "JKN (13 angka), atau tanyakan petugas di loket pendaftaran.",
        "The link to BPJS is down and this NIK is not known here yet. Type the JKN card number "
        "(13 digits), or ask the staff at the registration desk.",
    ),
    "identify.letters": (
        "Hanya angka yang bisa diketik di sini; huruf dan tanda lain tidak dipakai.",
        "Only digits can be typed here; letters and other signs are not taken.",
    ),
    "identify.letters_retype": (
        "Nomor tadi berisi huruf, jadi tidak dipakai. Silakan ketik ulang angkanya saja.",
        "That number had letters in it, so it was not used. Please type the digits again.",
    ),
    # -- the participant's JKN status beside the polis
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
    "status.not_verified": ("Data belum terverifikasi dengan BPJS", "Not yet verified with BPJS"),
    "status.unverified": (
        "Belum terverifikasi BPJS: petugas akan memeriksa kartu Anda",
        "Not yet verified by BPJS: the staff will check your card",
    ),
    "status.verification": ("Verifikasi", "Verification"),
    "status.card_relation": ("di KK: {relation}", "family card: {relation}"),
    "status.non_jkn_patient": ("Pasien umum (non-JKN)", "General patient (non-JKN)"),
    # -- choosing a poli
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
    "poli.held": ("nomor Anda {number}", "your number {number}"),
    "poli.closed_today": (
        "Puskesmas sudah tutup hari ini; buka lagi {when}. Nomor untuk besok:",
        "The clinic has closed for today; it opens again {when}. Numbers for tomorrow:",
    ),
    "poli.opens_unknown": ("sesuai jadwal", "as scheduled"),
    # -- doctor and shift
    "doctor.title": ("Pilih dokter dan jam praktik", "Choose a doctor and hours"),
    "doctor.left": ("sisa {n}", "{n} left"),
    "doctor.full": ("penuh", "full"),
    "doctor.default": ("disarankan", "suggested"),
    # -- the complaint
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
    # -- confirming the number
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
    "confirm.title_take": ("Periksa dan ambil nomor", "Check and take your number"),
    "confirm.complaint_pick": ("Keluhan: {complaint}  (ubah)", "Complaint: {complaint}  (change)"),
    "confirm.doctor_pick": ("Ganti dokter / jam", "Another doctor / hours"),
    "confirm.poli_pick": ("Ganti poli", "Another poli"),
    "confirm.doctor_hours": ("{doctor} · {hours}", "{doctor} · {hours}"),
    # -- the ticket
    "ticket.title": ("Nomor antrean Anda", "Your queue number"),
    "ticket.existing": (
        "Anda sudah memiliki nomor antrean untuk poli ini pada tanggal tersebut.",
        "You already hold a number for this poli on that day.",
    ),
    "ticket.ahead": ("{n} orang di depan Anda", "{n} people ahead of you"),
    "ticket.ahead_none": ("Tidak ada yang di depan Anda", "Nobody is ahead of you"),
    "ticket.now_serving": ("Sedang dilayani: {number}", "Now serving: {number}"),
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
    "ticket.ahead_one": ("1 orang di depan Anda", "1 person ahead of you"),
    "ticket.code_label": ("Kode slip (untuk check-in/loket)", "Slip code (for check-in/desk)"),
    "ticket.back": ("Kembali", "Back"),
    "ticket.cancel": ("Batalkan nomor ini", "Cancel this number"),
    "ticket.cannot_cancel": (
        "Nomor ini tidak dapat dibatalkan lagi ({state}).",
        "This number can no longer be cancelled ({state}).",
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
    # -- check-in of a Mobile JKN booking
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
    # -- my queue (Cek antrean saya)
    "mystatus.title": ("Antrean saya hari ini", "My queue today"),
    "mystatus.none": ("Tidak ada nomor antrean aktif hari ini.", "No active number today."),
    "mystatus.cancel": ("Batalkan", "Cancel"),
    "mystatus.new": ("Ambil Antrean Baru", "Take a New Number"),
    "mystatus.confirm_cancel": ("Batalkan nomor {number}?", "Cancel number {number}?"),
    "mystatus.cancelled": ("Nomor {number} dibatalkan.", "Number {number} is cancelled."),
    "mystatus.yes": ("Ya, batalkan", "Yes, cancel"),
    "mystatus.no": ("Tidak", "No"),
    # -- store faults
    "error.store": (
        "Sistem antrean sedang bermasalah. Silakan ke loket pendaftaran.",
        "The queue system has a problem. Please go to the registration desk.",
    ),
    # -- out of service: the store cannot be reached or written
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
    # -- a slip code that cannot be read
    "slipcode.malformed": (
        "Kode tidak dikenali. Pindai kode QR pada slip, atau ketik nomor kartu.",
        "Code not recognised. Scan the slip's QR code, or type the card number.",
    ),
    "slipcode.forged": (
        "Kode slip tidak sah. Silakan ke loket pendaftaran.",
        "This slip code is not valid. Please go to the registration desk.",
    ),
    "slipcode.other_day": ("Slip ini untuk hari lain.", "This slip is for another day."),
    # -- staff: names, PINs, signing in
    "staff.title": ("Petugas: keluar dari kiosk", "Staff: leave the kiosk"),
    "staff.exit_wrong": (
        "PIN salah. Coba lagi, atau tekan Esc untuk kembali ke layar pasien.",
        "Wrong PIN. Try again, or press Esc to go back to the patient screen.",
    ),
    "staff.exit_wait": (
        "Terlalu banyak PIN salah. Coba lagi dalam {seconds} detik.",
        "Too many wrong PINs. Try again in {seconds} seconds.",
    ),
    # -- the idle warning
    "idle.title": ("Masih di sana?", "Still there?"),
    "idle.body": (
        "Layar akan kembali ke awal dalam {n} detik. Sentuh layar atau tekan tombol apa "
        "saja untuk melanjutkan.",
        "The screen returns to the start in {n} seconds. Touch the screen or press any "
        "key to continue.",
    ),
    # -- the printed slip
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
    # -- the link to the central: the connectivity mark, what waits to be sent
    "sync.online": ("BPJS terhubung", "BPJS online"),
    "sync.offline": ("BPJS terputus", "BPJS offline"),
    "sync.last_contact": ("terakhir {time}", "last {time}"),
    "sync.never": ("belum pernah terhubung", "never reached"),
    "sync.waiting": ("{n} menunggu dikirim", "{n} waiting"),
    "sync.denied": (
        "BPJS menolak kredensial klinik",
        "BPJS refused the clinic's credentials",
    ),
    # -- the registry's words: relation to the card holder
    "relation.Kepala Keluarga": ("Kepala Keluarga", "Head of family"),
    "relation.Istri": ("Istri", "Wife"),
    "relation.Suami": ("Suami", "Husband"),
    "relation.Anak": ("Anak", "Child"),
    "relation.Ibu": ("Ibu", "Mother"),
    "relation.Ayah": ("Ayah", "Father"),
    "relation.Saudara": ("Saudara", "Sibling"),
    "relation.Orang Tua": ("Orang tua", "Parent"),
    "relation.Famili Lain": ("Famili lain", "Other relative"),
    # -- the registry's words: care class
    "class.Kelas I": ("Kelas I", "Class I"),
    "class.Kelas II": ("Kelas II", "Class II"),
    "class.Kelas III": ("Kelas III", "Class III"),
    # -- a participant who cannot take a JKN number here
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
    # -- branch pcaredesk (issue 13): the visit's kind, asked on the confirmation
    "confirm.visit_sick": ("Kunjungan sakit (berobat)", "Visit for illness (treatment)"),
    "confirm.visit_healthy": (
        "Kunjungan sehat (imunisasi, KB, cek kesehatan)",
        "Healthy visit (immunisation, family planning, check-up)",
    ),
}
