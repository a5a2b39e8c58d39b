"""Texts of running the office's box: backups, restore, the health check, the boot units."""

TEXTS: dict[str, tuple[str, str]] = {
    # kiosk backup
    "backup_progress": ("cadangan {percent}% ({done} dari {total} MB)",
                        "backup {percent}% ({done} of {total} MB)"),
    "backup_made": ("Cadangan dibuat: {path} ({size} MB, {tickets} tiket, {seconds} detik)",
                    "Backup made: {path} ({size} MB, {tickets} tickets, {seconds} s)"),
    "backup_made_pg": ("Cadangan PostgreSQL dibuat: {path} ({size} MB, {seconds} detik)",
                       "PostgreSQL backup made: {path} ({size} MB, {seconds} s)"),
    "backup_rotated": ("{count} cadangan lama dihapus (disimpan {keep} terbaru)",
                       "{count} older backups removed (the newest {keep} kept)"),
    "backup_chain_broken": (
        "Peringatan: rantai log audit penyimpanan sudah rusak pada entri {id}; cadangan "
        "menyalinnya apa adanya (periksa dengan `kiosk audit verify`)",
        "Warning: the store's audit chain was already broken at entry {id}; the backup copies "
        "it as it is (see `kiosk audit verify`)"),
    "backup_keep_invalid": ("harus 1 atau lebih", "must be 1 or more"),
    "backup_failed": ("Cadangan gagal: {detail}", "Backup failed: {detail}"),
    "pg_dump_missing": (
        "pg_dump tidak terpasang; pasang paket postgresql-client lalu jalankan: {command}",
        "pg_dump is not installed; install the postgresql-client package, then run: {command}"),
    # kiosk restore
    "restore_ask": ("Pulihkan {backup} menggantikan {store}? Penyimpanan sekarang disimpan "
                    "dulu di sampingnya. Ketik y untuk lanjut: ",
                    "Restore {backup} in place of {store}? The store as it is now is kept "
                    "beside it first. Type y to go on: "),
    "restore_cancelled": ("Pemulihan dibatalkan; tidak ada yang diubah",
                          "Restore cancelled; nothing was changed"),
    "restore_bad_backup": ("Cadangan ini tidak bisa dipulihkan: {detail}",
                           "This backup cannot be restored: {detail}"),
    "restore_in_use_terminal": (
        "Penyimpanan sedang dipakai terminal (lobi, papan, atau loket); hentikan dulu semua "
        "terminal, lalu ulangi",
        "The store is in use by a terminal (lobby, board or counter); stop every terminal "
        "first, then try again"),
    "restore_in_use_connection": (
        "Penyimpanan sedang dibuka program lain; tutup dulu, lalu ulangi",
        "The store is open in another program; close it first, then try again"),
    "restore_done": ("Dipulihkan: {store} dari {backup} ({tickets} tiket); yang lama di {kept}",
                     "Restored: {store} from {backup} ({tickets} tickets); the old one is at "
                     "{kept}"),
    "restore_postgres": ("Di PostgreSQL, pulihkan dengan: {command}",
                         "On PostgreSQL, restore with: {command}"),
}
