"""The administration commands' words: ``kiosk check``, ``clinic``, ``schedule``,
``settings --init``, ``service``, ``upgrade-check``, ``staff``, ``board text``."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- staff: names, PINs, signing in
    "staff.bad_name": (
        "Nama petugas 2-40 huruf, angka, spasi atau .'-_, diawali huruf.",
        "Staff name: 2-40 letters, digits, spaces or .'-_, starting with a letter.",
    ),
    "staff.bad_pin": ("PIN harus 4-8 angka.", "The PIN must be 4 to 8 digits."),
    "staff.bad_role": ("Peran harus desk atau admin.", "The role must be desk or admin."),
    "staff.exists": ("Petugas {name} sudah ada.", "Staff member {name} already exists."),
    "staff.unknown": ("Petugas {name} tidak ada.", "There is no staff member {name}."),
    # -- the day's report
    "report.csv_written": (
        "CSV ditulis: {polis} dan {arrivals}",
        "CSV written: {polis} and {arrivals}",
    ),
    "report.bad_date": (
        "Tanggal harus berformat YYYY-MM-DD, misalnya 2026-11-23.",
        "The date must be YYYY-MM-DD, e.g. 2026-11-23.",
    ),
    # -- `kiosk clinic load/export`: the clinic's own set-up
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
    # -- `kiosk check`: ready to open the doors?
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
    # -- `kiosk settings --init` and what each setting is for
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
    # -- `kiosk upgrade-check`
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
    # -- `kiosk service install/remove`
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
    # -- the board's running text
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
    # -- `kiosk schedule pull | diff | adopt`: BPJS's HFIS schedule
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
    # -- branch pcare (issue 13): PCare poli codes in the clinic file, registrations in the report
    "clinic.err.pcare_code": (
        'Kode poli PCare "{value}" tidak sah: tiga huruf/angka dalam tanda kutip, mis. "001".',
        'PCare poli code "{value}" is not valid: three letters/digits in quotes, e.g. "001".',
    ),
    "clinic.err.pcare_auto": (
        "pcare_auto_register perlu pcare_code: poli tanpa kode PCare tidak bisa didaftarkan.",
        "pcare_auto_register needs a pcare_code: a poli without a PCare code cannot register.",
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
