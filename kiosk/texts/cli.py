"""Texts of the command line's own lines (kiosk/cli), said in the one language of --lang."""

TEXTS: dict[str, tuple[str, str]] = {
    # A ticket after a move (book, checkin, call-next, recall, start, finish, …).
    "cli_ticket": ("Nomor {number} · {service} · {date} · kode {code} · {state}{counter}",
                   "Number {number} · {service} · {date} · code {code} · {state}{counter}"),
    "cli_quota_set": ("{date}: kuota {quota}, sisa {remaining}",
                      "{date}: quota {quota}, {remaining} left"),
    "cli_officer_added": ("{name} ({role}) ditambahkan", "{name} ({role}) added"),
    "cli_role_officer": ("petugas", "officer"),
    "cli_role_supervisor": ("supervisor", "supervisor"),
    "cli_pin_prompt": ("PIN: ", "PIN: "),
    "cli_pin_again": ("PIN sekali lagi: ", "PIN again: "),
    "cli_pin_differ": ("PIN tidak sama", "the PINs differ"),
    "cli_roles_failed": ("Peran tidak bisa dibuat: {detail}", "The roles cannot be made: {detail}"),
    "cli_serve_failed": ("Tidak bisa melayani di {address}: {error}",
                         "Cannot serve on {address}: {error}"),
    "cli_profile_broken": ("profil kantor {error}", "office profile {error}"),
    "cli_no_such_file": ("{path}: berkas tidak ada", "{path}: no such file"),
    "cli_cannot_write": ("{path}: tidak bisa ditulis ({error})", "{path}: cannot be written ({error})"),
    # kiosk restore on PostgreSQL (kiosk/cli/restore_postgres.py)
    "cli_pg_tools_missing": (
        "{tools} tidak terpasang; pasang paket postgresql-client, lalu ulangi",
        "{tools} is not installed; install the postgresql-client package, then try again"),
    "cli_restore_ask_pg": (
        "Pulihkan {backup} ({tickets} tiket) menggantikan penyimpanan {store}? Penyimpanan "
        "sekarang disimpan dulu di {folder}. Ketik y untuk lanjut: ",
        "Restore {backup} ({tickets} tickets) in place of the store {store}? The store as it "
        "is now is kept in {folder} first. Type y to go on: "),
    "cli_restore_in_use_pg": (
        "Penyimpanan sedang dipakai {count} sesi lain ({sessions}); hentikan dulu semua "
        "terminal (lobi, papan, loket), lalu ulangi; tidak ada yang diubah",
        "The store is in use by {count} other sessions ({sessions}); stop every terminal "
        "(lobby, board, counter) first, then try again; nothing was changed"),
    "cli_restore_failed": ("Pemulihan gagal: {detail}", "Restore failed: {detail}"),
    "cli_restore_done_pg": (
        "Dipulihkan: {store} dari {backup} ({tickets} tiket, log audit {entries} entri); "
        "yang lama di {kept}",
        "Restored: {store} from {backup} ({tickets} tickets, audit log {entries} entries); "
        "the old one is at {kept}"),
    "cli_units_env_file": (
        "Alamat penyimpanan (KIOSK_DB) disimpan di {path}, hanya bisa dibaca pemiliknya",
        "The store's address (KIOSK_DB) is kept in {path}, readable by its owner only"),
}
