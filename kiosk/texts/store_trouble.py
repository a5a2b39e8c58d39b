"""Texts of a store in trouble as a person reads them on a screen (the one banner of
screens.common.store_banner), the command palette's own commands, and the command line's
usage errors. The driver's own line never appears here: it goes to the role's log."""

TEXTS: dict[str, tuple[str, str]] = {
    # The command line's sentence (str() of the refusal, with the driver's line for the admin).
    "store_refused": (
        "Server basis data menolak sambungan ({detail}).",
        "The database server refuses connections ({detail}).",
    ),
    # On a screen, by the refusal's key (kiosk.desk.errors.StoreUnavailable.message):
    # what is wrong in plain words, and what happens next.
    "store_unavailable_said": (
        "Basis data tidak dapat dipakai saat ini. Terminal ini mencoba lagi sendiri; "
        "bila tidak pulih dalam beberapa menit, hubungi pengelola sistem.",
        "The database cannot be used right now. This terminal keeps trying by itself; "
        "if it does not recover within a few minutes, call the system administrator.",
    ),
    "store_refused_said": (
        "Server basis data tidak menerima sambungan (mati atau sedang dimulai ulang). "
        "Terminal ini mencoba lagi sendiri setiap detik; yang sudah tercatat aman.",
        "The database server does not accept connections (down or restarting). This "
        "terminal tries again by itself every second; what is recorded is safe.",
    ),
    "store_not_answering_said": (
        "Server basis data tidak menjawab. Terminal ini mencoba lagi sendiri; periksa "
        "server dan jaringannya.",
        "The database server is not answering. This terminal keeps trying by itself; check "
        "the server and its network.",
    ),
    "store_gone_said": (
        "Berkas basis data tidak ada lagi di tempatnya. Pulihkan dari cadangan ke tempat "
        "yang sama; terminal ini melanjutkan sendiri setelah itu.",
        "The database file is no longer in its place. Restore it from the backup to the "
        "same place; this terminal carries on by itself after that.",
    ),
    "store_full_said": (
        "Disk basis data penuh; tidak ada yang bisa dicatat. Kosongkan ruang disk lalu coba "
        "lagi.",
        "The database's disk is full; nothing can be recorded. Free some disk space, then "
        "try again.",
    ),
    "store_missing_said": (
        "Basis data tidak ditemukan. Pulihkan dari cadangan, atau jalankan `kiosk init` "
        "untuk kantor baru.",
        "The database was not found. Restore it from the backup, or run `kiosk init` for a "
        "new office.",
    ),
    # The banner once the store answers again, for a moment.
    "store_back_said": (
        "Basis data menjawab lagi; semuanya berjalan seperti biasa.",
        "The database answers again; everything works as usual.",
    ),
    "store_back_public": (
        "Sistem antrean kembali normal. Terima kasih sudah menunggu.",
        "The queue system works again. Thank you for waiting.",
    ),
    # The command palette of the counter (Textual's system commands, in our words).
    "palette_placeholder": ("Cari perintah…", "Search for commands…"),
    "palette_no_matches": ("Tidak ada perintah yang cocok", "No matches found"),
    "palette_themes_placeholder": ("Cari tema…", "Search for themes…"),
    "palette_footer": ("perintah", "palette"),
    "palette_footer_help": ("Buka daftar perintah", "Open the command palette"),
    "palette_theme": ("Tema", "Theme"),
    "palette_theme_help": ("Ganti warna tampilan", "Change the colours of the screen"),
    "palette_quit": ("Keluar", "Quit"),
    "palette_quit_help": ("Tutup program loket ini", "Close this counter's program"),
    "palette_keys": ("Tombol", "Keys"),
    "palette_keys_show": ("Tampilkan bantuan tombol dan kolom yang aktif",
                          "Show help for the keys and the field in use"),
    "palette_keys_hide": ("Sembunyikan bantuan tombol", "Hide the keys help"),
    "palette_maximize": ("Perbesar", "Maximize"),
    "palette_maximize_help": ("Perbesar bagian yang aktif memenuhi layar",
                              "Make the part in use fill the screen"),
    "palette_minimize": ("Kecilkan", "Minimize"),
    "palette_minimize_help": ("Kembalikan ke ukuran biasa", "Back to the usual size"),
    # The command line's usage errors (kiosk.cli.parser), argparse's sentences in our words.
    "usage_required": ("argumen ini wajib diisi: {names}",
                       "the following arguments are required: {names}"),
    "usage_one_required": ("salah satu argumen ini wajib diisi: {names}",
                           "one of these arguments is required: {names}"),
    "usage_unrecognized": ("argumen tidak dikenal: {names}", "unrecognized arguments: {names}"),
    "usage_choice": ("{name}: pilihan {value} tidak dikenal (pilih dari {choices})",
                     "{name}: invalid choice {value} (choose from {choices})"),
    "usage_value": ("{name}: nilai {value} tidak valid", "{name}: invalid value {value}"),
    "usage_one_value": ("{name}: perlu satu nilai", "{name}: expected one value"),
    "usage_at_most_one": ("{name}: paling banyak satu nilai", "{name}: at most one value"),
    "usage_at_least_one": ("{name}: perlu paling sedikit satu nilai",
                           "{name}: expected at least one value"),
    "usage_not_with": ("{name}: tidak boleh bersama {other}",
                       "{name}: not allowed with {other}"),
    "usage_ambiguous": ("opsi {option} bisa berarti {matches}",
                        "ambiguous option: {option} could match {matches}"),
    "usage_explicit": ("{name}: nilai {value} tidak dipakai", "{name}: ignored value {value}"),
}
