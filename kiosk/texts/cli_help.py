"""Texts of `kiosk --help` and `kiosk COMMAND --help` (kiosk/cli/parser.py and the commands'
parsers), in the language of --lang: argparse's own headings, then each command and option.
Option names, metavars and choices are typed, so they stay as they are in both languages."""

TEXTS: dict[str, tuple[str, str]] = {
    # argparse's own words (HelpFormatter's prefix, the groups' titles, -h).
    "help_usage": ("penggunaan: ", "usage: "),
    "help_positionals": ("argumen posisional", "positional arguments"),
    "help_options": ("opsi", "options"),
    "help_help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    # The program, and the options every command takes.
    "help_kiosk": ("Kios antrean Help Desk. Tanpa perintah: layar lobi.",
                   "Help Desk queue kiosk. Without a command: the lobby screen."),
    "help_db": ("penyimpanan: path berkas, sqlite:///PATH atau postgresql://… (bawaan: "
                "$KIOSK_DB atau berkas di folder data pengguna)",
                "database: a file path, sqlite:///PATH or postgresql://… "
                "(default: $KIOSK_DB or a file in the user's data directory)"),
    "help_office": ("profil kantor (TOML); bawaan: KPP Pratama Kupang",
                    "office profile (TOML); default: KPP Pratama Kupang"),
    "help_lang": ("bahasa layar (bawaan: id)", "language of the screens (default: id)"),
    "help_json": ("cetak satu objek JSON", "print one JSON object"),
    "help_counter": ("loket Help Desk", "the Help Desk counter"),
    "help_officer": ("siapa yang melakukannya (untuk log audit)",
                     "who does it (for the audit log)"),
    # kiosk init, and the full-screen roles.
    "help_init": ("membuat penyimpanan kantor baru (sekali saja; semua perintah lain "
                  "memerlukannya)",
                  "create the store of a new office (once; every other command needs it)"),
    "help_init_owner": ("PostgreSQL: sekaligus membuat perannya, seperti init-roles "
                        "(bersama --terminal)",
                        "PostgreSQL: also make the roles, as init-roles does (with --terminal)"),
    "help_init_terminal": ("PostgreSQL: peran login para terminal",
                           "PostgreSQL: the terminals' login role"),
    "help_lobby": ("wajib pajak mengambil nomor atau check-in (layar penuh)",
                   "taxpayers take a number or check in (full screen)"),
    "help_board": ("daftar antrean langsung untuk TV lobi (layar penuh)",
                   "the live waiting list for the lobby TV (full screen)"),
    "help_counter_role": ("layar petugas di loket (layar penuh)",
                          "the officer's screen at the counter (full screen)"),
    # kiosk survey (kiosk/cli/survey.py)
    "help_survey": ("survei kepuasan: layar wajib pajak di loket, jawaban dan laporannya "
                    "(PermenPANRB 14/2017)",
                    "the satisfaction survey: the taxpayer's screen at a counter, "
                    "answers and the report (PermenPANRB 14/2017)"),
    "help_survey_counter": ("loket yang layanannya dinilai di layar ini (tiket yang sudah "
                            "selesai)",
                            "the counter whose finished tickets this screen invites to rate"),
    "help_survey_answer": ("mencatat jawaban survei satu tiket yang sudah dilayani",
                           "record one served ticket's answer"),
    "help_survey_code": ("kode pemesanan tiket yang sudah dilayani",
                         "booking code of the served ticket"),
    "help_survey_scores": ("sembilan nilai 1–4 menurut urutan dalam peraturan",
                           "nine scores 1–4 in the regulation's order"),
    "help_survey_comment": ("komentar singkat, boleh kosong", "an optional short comment"),
    "help_survey_report": ("laporan survei satu periode", "the survey's report of a period"),
    "help_survey_period": ("satu hari YYYY-MM-DD, satu bulan YYYY-MM, satu semester "
                           "YYYY-S1|S2 atau satu tahun YYYY",
                           "a day YYYY-MM-DD, a month YYYY-MM, a semester YYYY-S1|S2 or a "
                           "year YYYY"),
    "help_survey_csv": ("tulis juga tabulasinya sebagai CSV ('-': stdout)",
                        "also write the tabulation as CSV ('-': stdout)"),
    # kiosk serve (kiosk/cli/serve.py)
    "help_serve": ("menyajikan layar ke peramban: papan, loket, survei",
                   "serve the screens to browsers: the board, the counters, the survey"),
    "help_serve_role": ("hanya layar ini (bawaan: semuanya, masing-masing di path-nya sendiri)",
                        "only this screen (default: all of them, each at its own path)"),
    "help_serve_host": ("alamat yang didengarkan (bawaan: 127.0.0.1)",
                        "address to listen on (default: 127.0.0.1)"),
    "help_serve_port": ("port (bawaan: 8000)", "port (default: 8000)"),
    "help_serve_terminal": ("serve board: papan versi terminal lewat textual-serve (satu "
                            "proses per peramban), bukan halaman TV",
                            "serve board: the terminal board through textual-serve (a process "
                            "per browser) instead of the TV page"),
    "help_serve_sessions": ("sesi peramban paling banyak per loket, masing-masing satu proses "
                            "(bawaan: 2)",
                            "browser sessions at most per counter, each a process (default: 2)"),
    # The desk's moves.
    "help_book": ("mengambil nomor antrean", "take a number"),
    "help_book_service": ("kode layanan, misalnya perpajakan atau aplikasi",
                          "service code, e.g. perpajakan or aplikasi"),
    "help_book_name": ("nama pengunjung", "the visitor's name"),
    "help_book_visitor": ("wajib pajak sendiri, wakil, kuasa, pihak lain",
                          "the taxpayer in person, a representative, a proxy, another party"),
    "help_book_date": ("memesan untuk hari lain (YYYY-MM-DD); bawaan: datang langsung hari ini",
                       "book for a later day (YYYY-MM-DD); default: walk-in today"),
    "help_book_npwp": ("NPWP wajib pajak, 15 atau 16 digit (titik dan tanda hubung boleh)",
                       "the taxpayer's NPWP, 15 or 16 digits (dots and dashes allowed)"),
    "help_book_nik": ("NIK (nomor KTP), 16 digit", "the NIK (ID card number), 16 digits"),
    "help_book_passport": ("nomor paspor, 6 sampai 12 huruf atau angka",
                           "a passport number, 6 to 12 letters or digits"),
    "help_book_phone": ("nomor telepon untuk dihubungi, misalnya 0812…",
                        "a phone number to reach the visitor, e.g. 0812…"),
    "help_finish_topic": ("topik konsultasi", "the consultation's topic"),
    "help_finish_note": ("catatan petugas (paling banyak 500 karakter)",
                         "the officer's note (500 characters at most)"),
    "help_finish_outcome": ("selesai, atau perlu tindak lanjut",
                            "resolved, or a follow-up is needed"),
    "help_cancel_reason": ("alasan pembatalan", "why it is cancelled"),
    "help_quota_reason": ("alasan perubahan kuota (dicatat di log audit)",
                          "why the quota changes (kept in the audit log)"),
    "help_checkin": ("wajib pajak yang sudah memesan datang", "a booked taxpayer arrives"),
    "help_code": ("kode pemesanan", "booking code"),
    "help_call_next": ("memanggil nomor terkecil yang menunggu", "call the lowest waiting number"),
    "help_move_recall": ("memanggil ulang tiket", "recall a ticket"),
    "help_move_start": ("mulai melayani tiket", "start a ticket"),
    "help_move_finish": ("menyelesaikan tiket", "finish a ticket"),
    "help_move_no_show": ("menandai tiket tidak hadir", "no-show a ticket"),
    "help_move_return": ("mengembalikan tiket ke antrean", "return a ticket"),
    "help_move_cancel": ("membatalkan tiket", "cancel a ticket"),
    "help_move_transfer": ("memindahkan tiket ke layanan lain", "transfer a ticket"),
    "help_transfer_service": ("kode layanan tujuan", "the other service's code"),
    # kiosk report (kiosk/cli/report.py), status, quota, purge, officer, audit, init-roles
    "help_report": ("laporan satu hari atau satu rentang tanggal: nomor diambil, dilayani, "
                    "waktu tunggu",
                    "the report of a day or a range: issued, served, waits"),
    "help_report_from": ("hari pertama (bawaan: hari ini)", "first day (default: today)"),
    "help_report_to": ("hari terakhir (bawaan: hari pertama)", "last day (default: the first day)"),
    "help_status": ("antrean hari itu", "the day's queue"),
    "help_quota": ("kuota suatu tanggal", "the quota of a date"),
    "help_quota_set": ("menetapkan kuota suatu tanggal, dengan alasan",
                       "set a date's quota, with a reason"),
    "help_purge": ("menghapus data pribadi pengunjung yang melewati masa simpan",
                   "erase visitors' personal data older than the retention period"),
    "help_purge_older": ("berapa hari data disimpan (bawaan: privacy.retention_days di profil)",
                         "days to keep (default: the profile's privacy.retention_days)"),
    "help_officers": ("petugas dan supervisor", "officers and supervisors"),
    "help_officer_add": ("menambah petugas; PIN-nya ditanyakan",
                         "add an officer; the PIN is asked for"),
    "help_audit": ("log audit", "the audit log"),
    "help_audit_verify": ("memeriksa seluruh rantai hash (kode keluar 0 utuh, 3 rusak)",
                          "check the whole hash chain (exit 0 intact, 3 broken)"),
    "help_init_roles": ("PostgreSQL: peran pemilik tabel, dan peran terminal yang hanya boleh "
                        "menambah dan membaca log audit (jalankan sebagai administrator)",
                        "PostgreSQL: an owner role for the tables, a terminals' role that "
                        "may only insert and read the audit log (run as an administrator)"),
    "help_roles_owner": ("peran pemilik tabel", "the role owning the tables"),
    "help_roles_terminal": ("peran login para terminal", "the terminals' login role"),
    # kiosk backup, restore (kiosk/cli/backup.py)
    "help_backup": ("salinan penyimpanan yang diperiksa, selagi terminal berjalan (SQLite), "
                    "atau pg_dump (PostgreSQL); menyimpan N yang terbaru",
                    "a checked copy of the store while the terminals run (SQLite), "
                    "or pg_dump (PostgreSQL); keeps the newest N"),
    "help_backup_to": ("folder cadangan (bawaan: folder data pengguna/backups)",
                       "folder of the backups (default: the user's data folder/backups)"),
    "help_backup_keep": ("berapa cadangan penyimpanan ini yang disimpan (bawaan {keep})",
                         "how many backups of this store to keep (default {keep})"),
    "help_backup_full": ("periksa salinan dengan integrity_check SQLite (setiap indeks "
                         "dicocokkan dengan tabelnya; beberapa kali lebih lama pada penyimpanan "
                         "besar), bukan quick_check (setiap halaman dibaca)",
                         "check the copy with SQLite's integrity_check (every index read back "
                         "against its table; several times longer on a large store) instead "
                         "of quick_check (every page read)"),
    "help_restore": ("memulihkan cadangan menggantikan penyimpanan (terminal dihentikan dulu)",
                     "bring a backup back in place of the store (the terminals stopped)"),
    "help_restore_file": ("cadangan yang dibuat `kiosk backup`", "a backup made by `kiosk backup`"),
    "help_restore_yes": ("tanpa bertanya dulu", "do not ask first"),
    # kiosk doctor (kiosk/cli/doctor.py)
    "help_doctor": ("memeriksa penyimpanan, jam, disk, cadangan, printer, suara dan profil",
                    "check the store, clock, disk, backups, printer, speech and profile"),
    "help_doctor_backups": ("letak cadangan (bawaan: seperti `kiosk backup`)",
                            "where the backups are (default: as `kiosk backup`)"),
    # kiosk install-units (kiosk/cli/units.py)
    "help_units": ("menulis unit systemd: lobi di tty1, papan web, cadangan harian",
                   "write the systemd units: lobby on tty1, web board, daily backup"),
    "help_units_user": ("untuk pengguna ini (~/.config/systemd/user): papan dan cadangan "
                        "(bawaan)",
                        "for this user (~/.config/systemd/user): board and backup (default)"),
    "help_units_system": ("untuk seluruh kotak (/etc/systemd/system, sebagai root), "
                          "termasuk lobi",
                          "for the whole box (/etc/systemd/system, as root), with the lobby"),
    "help_units_dest": ("tulis ke DIR sebagai gantinya", "write into DIR instead"),
    "help_units_env_file": ("tempat alamat penyimpanan (KIOSK_DB) disimpan, mode 0600 (bawaan: "
                            "/etc/helpdesk-kiosk/kiosk.env, ~/.config/helpdesk-kiosk/kiosk.env "
                            "dengan --user, DIR/kiosk.env dengan --dest)",
                            "where the store's address (KIOSK_DB) is kept, mode 0600 (default: "
                            "/etc/helpdesk-kiosk/kiosk.env, ~/.config/helpdesk-kiosk/kiosk.env "
                            "with --user, DIR/kiosk.env with --dest)"),
    "help_units_run_as": ("--system: pengguna yang menjalankan terminal dan cadangan (bawaan: "
                          "$SUDO_USER atau pengguna saat ini)",
                          "--system: the user the roles run as "
                          "(default: $SUDO_USER or the current user)"),
    "help_units_host": ("alamat papan web (bawaan: semua)",
                        "the web board's address (default: all)"),
    "help_units_port": ("port papan web (8000)", "the web board's port (8000)"),
    "help_units_backups": ("tujuan cadangan", "where backups go"),
    "help_units_keep": ("jumlah cadangan yang disimpan (14)", "backups kept (14)"),
}
