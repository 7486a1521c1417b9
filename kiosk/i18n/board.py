"""The waiting-room board's words (``kiosk board`` and the board in a browser)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # -- the waiting-room board
    "board.title": ("Panggilan Antrean", "Queue Calls"),
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
    "board.estimate": ("tunggu {low}–{high} mnt", "wait {low}–{high} min"),
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
    "board.web.no_speech": (
        "Suara panggilan ini tidak tersedia.",
        "The sound of this call is not available.",
    ),
}
