"""The registration desk's words (``kiosk desk``): the queue, the clerk's keys and dialogs."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- the desk
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
    "desk.act.verify": ("Verifikasi", "Verify"),
    "desk.act.report": ("Laporan", "Report"),
    "desk.done.verified": ("{number} terverifikasi", "{number} verified"),
    "desk.already_verified": ("{number} sudah terverifikasi.", "{number} is already verified."),
    "desk.minutes": ("{n} mnt", "{n} min"),
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
    "desk.act.out_of_turn": ("Panggil di luar urutan", "Call out of turn"),
    "desk.unknown_reason": (
        "Alasan tidak dikenal. Pilih salah satu alasan di daftar.",
        "Unknown reason. Choose one of the listed reasons.",
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
    "desk.flag.srk": ("SRK BELUM", "NO SRK"),
    "desk.flag.refused": ("DITOLAK BPJS", "BPJS REFUSED"),
    # -- staff: names, PINs, signing in
    # Each says what to do next: a receptionist on their first day does not know the commands.
    "staff.wrong": (
        "Nama atau PIN salah. Periksa keduanya, lalu coba lagi. Lupa PIN? Admin dapat memasang "
        "PIN baru.",
        "Wrong name or PIN. Check both, then try again. Forgot your PIN? An admin can set a new "
        "one.",
    ),
    "staff.locked": (
        "Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit, atau minta admin memasang "
        "PIN baru.",
        "Too many wrong PINs. Try again in {minutes} minutes, or ask an admin to set a new PIN.",
    ),
    "staff.disabled": (
        "Akun petugas ini dinonaktifkan. Minta admin mengaktifkannya kembali.",
        "This staff account is disabled. Ask an admin to enable it again.",
    ),
    # -- the link to the central: the connectivity mark, what waits to be sent
    "sync.unknown_participant": (
        "Peserta tidak dikenal BPJS: periksa kartu pasien di loket, lalu kirim ulang.",
        "BPJS does not know this participant: check the patient's card at the desk, then resend.",
    ),
    # -- the day's report
    "report.arrivals_range": (
        "{first}–{last}: {n} pasien, paling ramai {top} per jam",
        "{first}–{last}: {n} patients, at most {top} an hour",
    ),
    "report.offline_open": ("masih terputus", "still offline"),
    "report.loading": ("Menyusun laporan...", "Preparing the report..."),
    "report.close": ("Tutup", "Close"),
    # -- `kiosk schedule pull | diff | adopt`: BPJS's HFIS schedule
    "hfis.desk_notice": (
        "Jadwal klinik beda dengan HFIS BPJS ({n}): `kiosk schedule diff`",
        "The schedule differs from BPJS's HFIS ({n}): `kiosk schedule diff`",
    ),
    # -- branch deskpolicy (issue 15): the desk under a store outage, the kiosk's policy
    "desk.outage.title": (
        "Loket tidak dapat membuka data antrean",
        "The desk cannot reach the queue data",
    ),
    "desk.outage.body": (
        "Basis data antrean tidak menjawab. Sementara itu, catat pasien yang datang di kertas "
        "dan minta mereka menunggu. Periksa jaringan dan server basis data; bila belum pulih "
        "dalam beberapa menit, hubungi petugas IT.",
        "The queue database does not answer. Meanwhile, write arriving patients down on paper "
        "and ask them to wait. Check the network and the database server; if it is not back "
        "within a few minutes, call the IT person.",
    ),
    "desk.outage.retrying": (
        "Loket mencoba lagi dengan sendirinya. Anda tetap masuk; poli dan loket tidak berubah.",
        "The desk retries by itself. You stay signed in; the poli and counter stay as they are.",
    ),
    "desk.back_in_service": (
        "Data antrean tersambung lagi; daftar sudah diperbarui.",
        "The queue data is back; the list is up to date.",
    ),
    "desk.fault": (
        "Terjadi kesalahan di loket; daftar mungkin belum terbaru. Coba lagi; bila berulang, "
        "hubungi petugas IT.",
        "Something went wrong at the desk; the list may not be up to date. Try again; if it "
        "happens again, call the IT person.",
    ),
    # -- branch refusals: the desk's refusals panel and resend (issue 12, item 5) -----------
    "refusals.title": ("Ditolak BPJS hari ini", "Refused by BPJS today"),
    "refusals.none": (
        "Tidak ada nomor yang ditolak BPJS hari ini.",
        "BPJS refused nothing today.",
    ),
    "refusals.count": ("{n} ditolak BPJS (k)", "{n} refused by BPJS (k)"),
    "refusals.cause.srk": (
        "Skrining Riwayat Kesehatan belum diisi: bantu isi di Mobile JKN, lalu kirim ulang",
        "Health-history screening missing: help fill it in in Mobile JKN, then resend",
    ),
    "refusals.cause.hfis": (
        "Dokter atau jam praktik tidak ada di HFIS: perbarui HFIS, lalu kirim ulang",
        "Doctor or hours not in HFIS: update HFIS, then resend",
    ),
    "refusals.cause.quota": (
        "Kuota (kapasitas HFIS) penuh: naikkan kapasitas di HFIS, lalu kirim ulang",
        "Quota (HFIS kapasitas) full: raise the kapasitas in HFIS, then resend",
    ),
    "refusals.cause.inactive": (
        "Peserta tidak aktif di BPJS: periksa kartu pasien, lalu kirim ulang",
        "Participant not active at BPJS: check the patient's card, then resend",
    ),
    "refusals.cause.other": (
        "Lainnya: baca pesan BPJS, perbaiki, lalu kirim ulang",
        "Other: read BPJS's message, fix it, then resend",
    ),
    "refusals.col.number": ("Nomor", "Number"),
    "refusals.col.poli": ("Poli", "Poli"),
    "refusals.col.card": ("Kartu", "Card"),
    "refusals.col.message": ("Pesan BPJS", "BPJS's message"),
    "refusals.kind.antrean.panggil": ("(panggil)", "(call)"),
    "refusals.kind.antrean.batal": ("(batal)", "(cancel)"),
    "refusals.key.resend": ("Kirim ulang", "Resend"),
    "refusals.key.resend_group": ("Kirim ulang grup", "Resend group"),
    "refusals.key.back": ("Kembali", "Back"),
    "refusals.select": (
        "Pilih satu nomor dengan panah atas/bawah dulu.",
        "Choose a number with the up/down arrows first.",
    ),
    "refusals.group_title": (
        "Kirim ulang {n} nomor grup ini ke BPJS?",
        "Send the {n} numbers of this group to BPJS again?",
    ),
    "refusals.yes": ("Ya, kirim ulang", "Yes, resend"),
    "refusals.no": ("Tidak", "No"),
    "refusals.resent": (
        "{number} dikirim ulang ke BPJS.",
        "{number} sent to BPJS again.",
    ),
    "refusals.resent_waiting": (
        "{number} menunggu dikirim ulang (BPJS belum terjangkau).",
        "{number} waits to be sent again (BPJS not reachable now).",
    ),
    "refusals.refused_again": (
        "{number} ditolak lagi oleh BPJS: {message}",
        "{number} refused again by BPJS: {message}",
    ),
    "refusals.resent_group": (
        "{n} nomor dikirim ulang; jawaban BPJS muncul di sini bila ditolak lagi.",
        "{n} numbers resent; BPJS's answer shows here if refused again.",
    ),
    "refusals.gone": (
        "Nomor ini sudah tidak menunggu kiriman ulang (sudah dikirim ulang).",
        "This number no longer waits for a resend (it was already resent).",
    ),
    "desk.act.refusals": ("Tolakan BPJS", "BPJS refusals"),
    "desk.refusal.resend": ("Kirim ulang nomor ini ke BPJS", "Send this number to BPJS again"),
    "desk.refusal.all": ("Lihat semua tolakan", "See all refusals"),
    # -- branch pcare (issue 13): visits registered in PCare, vitals (the desk's words)
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
    # -- branch pcaredesk (issue 13): the desk registers visits in PCare, the vitals form
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
        "mengubahnya, urungkan pendaftaran (d) lalu daftarkan lagi (i).",
        "{number} ({state}): vitals cannot be changed once registered. To change them, undo "
        "the registration (d), then register again (i).",
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
}
