"""Texts of the Help Desk rules and the command line: refusals, states, moves."""

TEXTS: dict[str, tuple[str, str]] = {
    # Refusals by the rules.
    "quota_reached": (
        "Kuota nomor antrean untuk {date} sudah habis.",
        "The queue numbers for {date} are all taken.",
    ),
    "day_closed": (
        "Help Desk tutup pada {date} ({why}).",
        "The Help Desk is closed on {date} ({why}).",
    ),
    "after_hours": (
        "Layanan hari ini sudah selesai (buka {hours}).",
        "Today's service hours are over (open {hours}).",
    ),
    "past_date": (
        "Tanggal {date} sudah lewat.",
        "The date {date} has passed.",
    ),
    "beyond_horizon": (
        "Pemesanan hanya bisa sampai {days} hari ke depan (paling lambat {last}).",
        "Booking is possible only up to {days} days ahead (until {last}).",
    ),
    "next_open_day": (
        "Hari terdekat yang masih tersedia: {date}.",
        "The next day with numbers left: {date}.",
    ),
    "no_open_day": (
        "Tidak ada hari dengan nomor tersisa dalam {days} hari ke depan.",
        "No day with numbers left in the next {days} days.",
    ),
    "unknown_service": (
        "Layanan {service!r} tidak dikenal; pilih salah satu: {choices}.",
        "Unknown service {service!r}; choose one of: {choices}.",
    ),
    "ticket_not_found": (
        "Kode pemesanan {code} tidak ditemukan.",
        "Booking code {code} was not found.",
    ),
    "ticket_other_day": (
        "Kode {code} adalah pemesanan untuk {date}, bukan hari ini.",
        "Code {code} is a booking for {date}, not today.",
    ),
    "move_refused": (
        "Nomor {number} {state}; tidak bisa {move}.",
        "Number {number} {state}; it cannot be {move}.",
    ),
    "already_checked_in": (
        "Nomor {number} sudah terdaftar hadir.",
        "Number {number} has already checked in.",
    ),
    "nobody_waiting": (
        "Tidak ada nomor yang menunggu.",
        "Nobody is waiting.",
    ),
    "counter_busy": (
        "Loket {counter} masih menangani nomor {number}; selesaikan dulu.",
        "Counter {counter} still has number {number}; finish it first.",
    ),
    "counter_invalid": (
        "Nomor loket harus 1 sampai {counters}.",
        "The counter number must be 1 to {counters}.",
    ),
    "quota_invalid": (
        "Kuota harus bilangan bulat 0 sampai 999.",
        "The quota must be a whole number from 0 to 999.",
    ),
    "reason_required": (
        "Alasan wajib diisi.",
        "A reason is required.",
    ),
    "text_required": ("{what} wajib diisi.", "{what_en} is required."),
    "text_too_long": (
        "{what} terlalu panjang (paling banyak {max} karakter).",
        "{what_en} is too long (at most {max} characters).",
    ),
    "text_control": (
        "{what} berisi karakter yang tidak diperbolehkan.",
        "{what_en} contains characters that are not allowed.",
    ),
    "date_invalid": (
        "Tanggal harus berbentuk TTTT-BB-HH, misalnya 2026-12-01.",
        "The date must look like YYYY-MM-DD, e.g. 2026-12-01.",
    ),
    # Identity of the visitor.
    "name_required": ("Nama wajib diisi.", "The name is required."),
    "name_invalid": (
        "Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof.",
        "A name may contain only letters, spaces, dots, commas, hyphens and apostrophes.",
    ),
    "npwp_invalid": (
        "NPWP tidak valid: harus 15 atau 16 angka. Cocokkan setiap angka dengan kartu NPWP Anda.",
        "Invalid NPWP: it must be 15 or 16 digits. Please compare each digit with your NPWP card.",
    ),
    "npwp_mistyped": (
        "NPWP tidak valid: jumlah angkanya benar, tetapi ada angka yang salah. Cocokkan setiap "
        "angka dengan kartu NPWP Anda.",
        "Invalid NPWP: the number of digits is right, but a digit is wrong. Please compare "
        "each digit with your NPWP card.",
    ),
    "phone_letters": (
        "Nomor telepon hanya berisi angka (boleh dengan spasi, +, - atau tanda kurung).",
        "A telephone number has digits only (spaces, +, - or brackets allowed).",
    ),
    "nik_invalid": (
        "NIK tidak valid: harus 16 angka (kode wilayah dan tanggal lahir yang benar).",
        "Invalid NIK: it must be 16 digits (a real region code and birth date).",
    ),
    "passport_invalid": (
        "Nomor paspor tidak valid: 6 sampai 12 huruf atau angka.",
        "Invalid passport number: 6 to 12 letters or digits.",
    ),
    "phone_invalid": (
        "Nomor telepon tidak valid, misalnya 0812 3456 7890 atau +62 380 821123.",
        "Invalid telephone number, e.g. 0812 3456 7890 or +62 380 821123.",
    ),
    "one_identity": (
        "Isi salah satu saja: NPWP, NIK atau paspor.",
        "Give only one of: NPWP, NIK or passport.",
    ),
    "visitor_invalid": (
        "Status pengunjung harus salah satu dari: {choices}.",
        "The visitor's status must be one of: {choices}.",
    ),
    # Officers.
    "officer_exists": ("Petugas {name} sudah ada.", "Officer {name} already exists."),
    "officer_not_found": ("Petugas {name} tidak ditemukan.", "Officer {name} was not found."),
    "role_invalid": (
        "Peran harus officer atau supervisor.",
        "The role must be officer or supervisor.",
    ),
    "pin_invalid": (
        "PIN harus 4 sampai 12 angka.",
        "The PIN must be 4 to 12 digits.",
    ),
    "pin_wrong": ("Nama atau PIN salah.", "Wrong name or PIN."),
    "officer_locked": (
        "Terlalu banyak percobaan salah; coba lagi setelah {minutes} menit.",
        "Too many wrong tries; try again in {minutes} minutes.",
    ),
    # The audit chain (kiosk audit verify; the counter's audit view).
    "audit_intact": (
        "Log audit utuh: {entries} entri, rantai hash terverifikasi.",
        "Audit log intact: {entries} entries, hash chain verified.",
    ),
    "audit_broken": (
        "Log audit rusak mulai entri {id}: {why}.",
        "Audit log broken from entry {id}: {why}.",
    ),
    "audit_why_edited": (
        "isinya tidak cocok dengan hash-nya (diubah atau dipalsukan)",
        "its content does not match its hash (edited or forged)",
    ),
    "audit_why_removed_before": ("entri sebelumnya dihapus", "the entry before it was removed"),
    "audit_why_inserted": ("entri ini disisipkan", "this entry was slipped in"),
    "audit_why_copied": ("salinan entri lain", "a copy of another entry"),
    "init_roles_both": (
        "kiosk init: --owner dan --terminal diberikan bersama.",
        "kiosk init: --owner and --terminal go together.",
    ),
    "init_roles_postgresql": (
        "kiosk init: --owner dan --terminal hanya untuk PostgreSQL.",
        "kiosk init: --owner and --terminal are for PostgreSQL only.",
    ),
    "roles_made": (
        "Peran {owner} (pemilik) dan {terminal} (terminal) siap.",
        "Roles {owner} (owner) and {terminal} (terminal) are ready.",
    ),
    "officer_disabled": ("Petugas {name} dinonaktifkan.", "Officer {name} is disabled."),
    "supervisor_only": (
        "Hanya supervisor yang boleh melakukan ini.",
        "Only a supervisor may do this.",
    ),
    "retention_invalid": (
        "Masa simpan harus 1 sampai 3650 hari.",
        "The retention period must be 1 to 3650 days.",
    ),
    "purged": (
        "Data pribadi {tickets} tiket sebelum {before} telah dihapus.",
        "Personal data of {tickets} tickets before {before} erased.",
    ),
    "purge_not_scrubbed": (
        "Peringatan: salinan lama mungkin masih ada di berkas basis data ({steps}); lihat README, Keamanan.",
        "Warning: old copies may remain in the database files ({steps}); see the README, Security.",
    ),
    # The store.
    "store_unavailable": (
        "Basis data tidak dapat digunakan: {detail}",
        "The database cannot be used: {detail}",
    ),
    "store_not_answering": (
        "Server basis data tidak menjawab. Periksa server dan jaringannya ({detail}).",
        "The database server is not answering. Check the server and its network ({detail}).",
    ),
    "store_gone": (
        "Basis data tidak dapat digunakan: berkasnya tidak ada lagi ({detail}). Pulihkan dari "
        "cadangan ke tempat yang sama; terminal melanjutkan sendiri setelah itu.",
        "The database cannot be used: its file is no longer there ({detail}). Restore it from "
        "the backup to the same place; the terminal carries on by itself after that.",
    ),
    "board_store_gone": (
        "Basis data tidak ditemukan — petugas perlu memulihkannya dari cadangan.",
        "Database not found — an officer must restore it from the backup.",
    ),
    "store_missing": (
        "Tidak ada basis data di {detail}. Kantor baru: jalankan `kiosk init` dulu; "
        "jika basis data hilang, pulihkan dari cadangan.",
        "There is no database at {detail}. A new office: run `kiosk init` first; "
        "if the database was lost, restore it from the backup.",
    ),
    "port_invalid": (
        "nomor port harus 1 sampai 65535",
        "the port must be a number from 1 to 65535",
    ),
    "store_created": (
        "Basis data dibuat di {url}.",
        "The database was created at {url}.",
    ),
    "store_exists": (
        "Basis data di {url} sudah ada; tidak ada yang diubah.",
        "The database at {url} already exists; nothing was changed.",
    ),
    "store_full": (
        "Disk basis data penuh; nomor tidak dapat dicatat. Kosongkan ruang disk lalu coba lagi "
        "({detail}).",
        "The database's disk is full; nothing can be recorded. Free some disk space, then try "
        "again ({detail}).",
    ),
    "store_busy": (
        "Basis data sedang sibuk; coba lagi sebentar lagi.",
        "The database is busy; please try again in a moment.",
    ),
    # A terminal whose clock disagrees with the store's (rule 9).
    "clock_behind": (
        "Jam terminal ini terlambat: sekarang {now} menurutnya, tetapi basis data sudah mencatat "
        "{newest}. Terminal ini tidak melayani sampai jamnya disetel.",
        "This terminal's clock is behind: it says {now}, but the database already holds an entry "
        "of {newest}. This terminal does not act until its clock is set.",
    ),
    "clock_ahead": (
        "Jam terminal ini kemungkinan terlalu cepat: sekarang {now} menurutnya, sedangkan antrean "
        "baru saja bergerak pada {newest}. Terminal ini tidak melayani sampai jamnya disetel.",
        "This terminal's clock looks ahead: it says {now}, while the queue moved just now at "
        "{newest}. This terminal does not act until its clock is set.",
    ),
    # Why a day is closed.
    "why_weekend": ("akhir pekan", "weekend"),
    "why_holiday": ("hari libur: {name}", "public holiday: {name}"),
    "why_joint_leave": ("libur pemerintah: {name}", "government leave day: {name}"),
    "why_office_closed": ("kantor tutup", "office closed"),
    "why_no_hours": ("tidak ada jam layanan", "no service hours"),
    # Ticket states and moves, as words.
    "state_booked": ("dipesan", "booked"),
    "state_waiting": ("menunggu", "waiting"),
    "state_called": ("dipanggil", "called"),
    "state_serving": ("dilayani", "being served"),
    "state_done": ("selesai", "done"),
    "state_no_show": ("tidak hadir", "a no-show"),
    "state_cancelled": ("dibatalkan", "cancelled"),
    "state_expired": ("kedaluwarsa", "expired"),
    # A state as a ticket is in it, for "Nomor 1 sudah selesai; tidak bisa …".
    "state_now_booked": ("masih dipesan", "is still booked"),
    "state_now_waiting": ("sedang menunggu", "is waiting"),
    "state_now_called": ("sedang dipanggil", "is called"),
    "state_now_serving": ("sedang dilayani", "is being served"),
    "state_now_done": ("sudah selesai", "is already done"),
    "state_now_no_show": ("sudah ditandai tidak hadir", "is a no-show"),
    "state_now_cancelled": ("sudah dibatalkan", "is already cancelled"),
    "state_now_expired": ("sudah kedaluwarsa", "has already expired"),
    "move_take_over": ("diambil alih", "taken over"),
    "move_check_in": ("check-in", "checked in"),
    "move_call": ("dipanggil", "called"),
    "move_recall": ("dipanggil ulang", "recalled"),
    "move_start": ("mulai dilayani", "started"),
    "move_finish": ("diselesaikan", "finished"),
    "move_no_show": ("ditandai tidak hadir", "marked a no-show"),
    "move_return": ("dikembalikan ke antrean", "returned to the queue"),
    "move_cancel": ("dibatalkan", "cancelled"),
    "move_expire": ("dinyatakan kedaluwarsa", "expired"),
    "move_transfer": ("dipindahkan ke layanan lain", "transferred to the other service"),
    # Field names used in messages.
    "field_name": ("Nama", "The name"),
    "field_reason": ("Alasan", "The reason"),
    "field_topic": ("Topik", "The topic"),
    "field_note": ("Catatan", "The note"),
}
