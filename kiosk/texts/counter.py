"""Texts of the counter role."""

TEXTS: dict[str, tuple[str, str]] = {
    # The login.
    "counter_login_title": ("Loket {counter} · Masuk petugas", "Counter {counter} · Officer login"),
    "counter_first_run": (
        "Belum ada petugas. Tambahkan dulu di terminal: kiosk officer add NAMA --role supervisor",
        "No officer yet. Add one first in a terminal: kiosk officer add NAME --role supervisor",
    ),
    "counter_login_name": ("Nama petugas", "Officer name"),
    "counter_login_pin": ("PIN", "PIN"),
    "counter_login_button": ("Masuk", "Log in"),
    "counter_locked_idle": (
        "Sesi dikunci karena tidak ada aktivitas. Masukkan PIN lagi.",
        "The session locked itself after a while untouched. Enter the PIN again.",
    ),
    "counter_logged_out": ("Sesi dikunci.", "The session is locked."),
    "counter_session_ended": (
        "Sesi berakhir: petugas ini telah dinonaktifkan oleh supervisor.",
        "The session has ended: this officer was disabled by a supervisor."),
    # One officer, one counter (kiosk/desk/sessions.py).
    "session_elsewhere": (
        "Sesi Anda masih terbuka di loket {counter} (sejak {since}). Satu petugas hanya di "
        "satu loket.",
        "Your session is still open at counter {counter} (since {since}). One officer works "
        "at one counter at a time.",
    ),
    "counter_login_take_over": ("Akhiri sesi saya di loket {counter} dan bekerja di sini",
                                "End my session at counter {counter} and work here"),
    "counter_session_moved": (
        "Sesi dipindahkan ke loket {counter}: petugas ini masuk di sana. Nomor yang sedang "
        "dilayani tetap di loket ini.",
        "The session moved to counter {counter}: this officer logged in there. The number "
        "in hand stays at this counter.",
    ),
    "counter_session_gone": ("Sesi ini sudah berakhir. Masukkan PIN lagi.",
                             "This session has ended. Enter the PIN again."),
    # The day: top line, numbers, ticket in hand.
    "counter_who": ("Loket {counter} · {name} ({role}) · {time}",
                    "Counter {counter} · {name} ({role}) · {time}"),
    "counter_role_officer": ("petugas", "officer"),
    "counter_role_supervisor": ("supervisor", "supervisor"),
    # Numbers held against the quota: a cancelled number frees its place. The report counts
    # every number issued and the cancelled ones apart, so the two never share a word.
    # Kept short: the line shares 80 columns with the officer's name and the time.
    "counter_numbers": ("Terpakai {issued}/{quota} · sisa {left} · menunggu {waiting}",
                        "Used {issued}/{quota} · left {left} · waiting {waiting}"),
    "counter_day_closed": ("· DITUTUP: {reason}", "· CLOSED: {reason}"),
    "counter_hand_empty": (
        "Tidak ada nomor di loket ini. Tekan n untuk memanggil nomor berikutnya.",
        "No number at this counter. Press n to call the next number.",
    ),
    # {waited}: from arrival to the call, the taxpayer's wait; {elapsed}: since the call.
    "counter_hand_head": (
        "Nomor {number} · {service} · {state} · {elapsed} · menunggu {waited} · "
        "dipanggil {calls}x",
        "Number {number} · {service} · {state} · {elapsed} · waited {waited} · "
        "called {calls}x"),
    "counter_hand_visitor": ("Nama: {name} · Status: {status} · Identitas: {identity}",
                             "Name: {name} · Status: {status} · Identity: {identity}"),
    "counter_hand_requirements": ("Persyaratan: {text}", "Requirements: {text}"),
    "counter_hand_booking": (
        "Pemesanan daring: cocokkan nama dan identitas dengan KTP/kartu yang ditunjukkan.",
        "Online booking: check the name and identity against the ID card shown.",
    ),
    "counter_no_identity": ("tidak diisi", "not given"),
    "counter_visitor_self": ("pribadi", "in person"),
    "counter_visitor_representative": ("wakil badan", "representative of an entity"),
    "counter_visitor_proxy": ("kuasa", "proxy"),
    "counter_visitor_other": ("pihak lain", "other party"),
    "counter_minutes": ("{minutes} mnt", "{minutes} min"),
    # Table columns.
    "counter_col_number": ("No.", "No."),
    "counter_col_service": ("Layanan", "Service"),
    "counter_col_state": ("Status", "State"),
    "counter_col_arrived": ("Datang", "Arrived"),
    "counter_col_waited": ("Tunggu", "Waited"),
    "counter_col_counter": ("Loket", "Counter"),
    # Buttons, with their key.
    "counter_button_call": ("Panggil ({k})", "Call next ({k})"),
    "counter_button_recall": ("Ulang ({k})", "Recall ({k})"),
    "counter_button_start": ("Mulai ({k})", "Start ({k})"),
    "counter_button_finish": ("Selesai ({k})", "Finish ({k})"),
    "counter_button_transfer": ("Pindah ({k})", "Transfer ({k})"),
    "counter_button_no_show": ("Tak hadir ({k})", "No-show ({k})"),
    "counter_button_return": ("Antre lagi ({k})", "Return ({k})"),
    "counter_button_cancel": ("Batal ({k})", "Cancel ({k})"),
    "counter_button_check_in": ("Hadir ({k})", "Check in ({k})"),
    "counter_button_take_over": ("Ambil alih ({k})", "Take over ({k})"),
    "counter_button_earlier": ("Kunjungan lalu ({k})", "Earlier visits ({k})"),
    "counter_button_follow_ups": ("Tindak lanjut ({k})", "Follow-ups ({k})"),
    "counter_button_quota": ("Kuota ({k})", "Quota ({k})"),
    "counter_button_officers": ("Petugas ({k})", "Officers ({k})"),
    "counter_button_audit": ("Log ({k})", "Audit ({k})"),
    "counter_button_report": ("Laporan ({k})", "Report ({k})"),
    "counter_button_lock": ("Kunci ({k})", "Lock ({k})"),
    # Moves.
    # Why a greyed-out move's key does nothing (with core's move_refused, nobody_waiting
    # and counter_busy).
    "counter_move_not_now": ("Data hari ini masih dibaca; coba lagi sebentar.",
                             "The day is still being read; try again in a moment."),
    "counter_move_no_hand": ("Belum ada nomor di loket ini; tekan n untuk memanggil.",
                             "No number at this counter yet; press n to call one."),
    "counter_move_no_row": ("Pilih dulu nomornya di tabel.",
                            "Choose the number in the table first."),
    "counter_moved": ("Nomor {number}: {state}.", "Number {number}: {state}."),
    "counter_taken_over": ("Nomor {number} diambil alih ke loket ini; {state}.",
                           "Number {number} taken over to this counter; {state}."),
    "counter_transferred": ("Nomor {number} dipindahkan ke {service}; tetap {state}.",
                            "Number {number} moved to {service}; still {state}."),
    # Only the counter holding a number moves it; a supervisor may take it over.
    "held_elsewhere": (
        "Nomor {number} dipegang loket {counter}; hanya loket itu (atau supervisor yang "
        "mengambil alih) yang bisa memprosesnya.",
        "Number {number} is held by counter {counter}; only that counter (or a supervisor "
        "taking it over) can move it.",
    ),
    "held_here": ("Nomor {number} sudah dipegang loket {counter}.",
                  "Number {number} is already held by counter {counter}."),
    "audit_action_take_over": ("diambil alih supervisor", "taken over by a supervisor"),
    # A store call of the counter (screens.common.store_work).
    "counter_working": ("Sedang diproses, mohon tunggu…", "Working on it, please wait…"),
    "counter_work_failed": ("Langkah ini gagal: kesalahan program, dicatat di log. Coba lagi.",
                            "This step failed: a program error, written to the log. Try again."),
    "counter_back": ("Kembali", "Back"),
    "counter_reason": ("Alasan", "Reason"),
    "counter_finish_title": ("Selesaikan nomor {number}", "Finish number {number}"),
    "counter_finish_topic": ("Topik", "Topic"),
    "counter_finish_topic_prompt": ("Pilih topik", "Choose a topic"),
    "counter_finish_note": ("Catatan (boleh kosong)", "Note (optional)"),
    "counter_finish_note_count": ("{label} · {n}/{max} karakter",
                                  "{label} · {n}/{max} characters"),
    "counter_finish_note_full": (
        "Catatan sudah {max} karakter, batas terpanjangnya; teks selebihnya tidak masuk.",
        "The note has reached {max} characters, the most it may hold; nothing more goes in."),
    "counter_outcome_resolved": ("Tuntas", "Resolved"),
    "counter_outcome_follow_up": ("Perlu tindak lanjut", "Needs follow-up"),
    "counter_finish_ok": ("Selesai", "Finish"),
    "counter_topic_needed": ("Pilih topik dulu.", "Choose a topic first."),
    "counter_cancel_title": ("Batalkan nomor {number}", "Cancel number {number}"),
    "counter_cancel_ok": ("Batalkan", "Cancel the number"),
    "counter_transfer_title": ("Pindahkan nomor {number} ke layanan:",
                               "Transfer number {number} to the service:"),
    # The quota.
    "counter_quota_title": ("Kuota per tanggal", "Quota of a date"),
    "counter_quota_date": ("Tanggal (TTTT-BB-HH)", "Date (YYYY-MM-DD)"),
    "counter_quota_now": ("Terpakai {issued} dari kuota {quota} · sisa {left}",
                          "Used {issued} of quota {quota} · left {left}"),
    "counter_quota_why": ("alasan: {reason}", "reason: {reason}"),
    "counter_quota_new": ("Kuota baru", "New quota"),
    "counter_quota_close_note": (
        "Menutup tanggal = kuota 0 dengan alasan; nomor yang sudah diambil tetap dilayani.",
        "Closing a date = quota 0 with a reason; numbers already taken are still served.",
    ),
    "counter_quota_save": ("Simpan kuota", "Save the quota"),
    "counter_quota_close": ("Tutup tanggal ini", "Close this date"),
    "counter_quota_close_yes": ("Ya, tutup", "Yes, close it"),
    "counter_quota_close_confirm": (
        "Tutup {date}? Pengunjung akan melihat tanggal ini tutup dengan alasannya. Tekan "
        "\"Ya, tutup\" untuk memastikan.",
        "Close {date}? Visitors will see this date closed, with its reason. Press "
        "\"Yes, close it\" to confirm."),
    "counter_quota_saved": ("Kuota {date} sekarang {quota}.", "The quota of {date} is now {quota}."),
    # Officers.
    "counter_officers_title": ("Petugas", "Officers"),
    "counter_officers_pin": ("PIN baru", "New PIN"),
    "counter_officers_role": ("Peran", "Role"),
    "counter_officers_active": ("Aktif", "Active"),
    "counter_officers_add": ("Tambah", "Add"),
    "counter_officers_reset": ("Ganti PIN", "Reset PIN"),
    "counter_officers_disable": ("Nonaktifkan", "Disable"),
    "counter_officers_enable": ("Aktifkan", "Enable"),
    "counter_officers_add_done": ("Petugas {name} ditambahkan.", "Officer {name} added."),
    "counter_officers_reset_done": ("PIN {name} diganti.", "The PIN of {name} was reset."),
    "counter_officers_disable_done": ("{name} dinonaktifkan.", "{name} is disabled."),
    "counter_officers_enable_done": ("{name} diaktifkan.", "{name} is enabled."),
    "counter_officers_not_self": ("Anda tidak bisa menonaktifkan diri sendiri.",
                                  "You cannot disable yourself."),
    "counter_yes": ("ya", "yes"),
    "counter_no": ("tidak", "no"),
    # The audit log.
    "counter_audit_title": ("Log audit ({limit} terakhir)", "Audit log (last {limit})"),
    "counter_audit_day": ("Tanggal layanan:", "Service date:"),
    "counter_audit_at": ("Waktu", "Time"),
    "counter_audit_actor": ("Oleh", "By"),
    "counter_audit_counter": ("Loket", "Counter"),
    "counter_audit_action": ("Tindakan", "Action"),
    "counter_audit_number": ("No.", "No."),
    "counter_audit_detail": ("Rincian", "Detail"),
    "counter_audit_reason": ("alasan: {reason}", "reason: {reason}"),
    "counter_audit_at_counter": ("loket {counter}", "counter {counter}"),
    "counter_audit_for_day": ("untuk {date}", "for {date}"),
    "counter_audit_number_of": ("nomor {number}", "number {number}"),
    # The audit log's actions in words: audit_action_ + the code the store keeps.
    "audit_action_login": ("masuk", "logged in"),
    "audit_action_login_failed": ("PIN salah", "wrong PIN"),
    "audit_action_login_locked": ("terkunci (PIN salah berulang)", "locked (wrong PIN again)"),
    "audit_action_login_while_locked": ("mencoba masuk saat terkunci", "tried while locked"),
    "audit_action_login_unknown": ("mencoba masuk, nama tidak dikenal", "tried, unknown name"),
    "audit_action_login_held_elsewhere": ("ditolak: sesi terbuka di loket lain",
                                          "refused: session open at another counter"),
    "audit_action_session_take_over": ("sesi diambil alih dari loket lain",
                                       "session taken over from another counter"),
    "counter_audit_verified": (
        "Rantai audit terverifikasi ({entries} entri).",
        "Audit chain verified ({entries} entries).",
    ),
    "counter_audit_broken": (
        "Rantai audit RUSAK mulai entri {id}: {why}.",
        "Audit chain BROKEN from entry {id}: {why}.",
    ),
    "audit_action_officer_add": ("petugas ditambahkan", "officer added"),
    "audit_action_officer_reset_pin": ("PIN diganti", "PIN reset"),
    "audit_action_officer_enable": ("petugas diaktifkan", "officer enabled"),
    "audit_action_officer_disable": ("petugas dinonaktifkan", "officer disabled"),
    "audit_action_set_quota": ("kuota diubah", "quota changed"),
    "audit_action_book": ("nomor dikeluarkan", "number issued"),
    "audit_action_check_in": ("check-in", "checked in"),
    "audit_action_call": ("dipanggil", "called"),
    "audit_action_recall": ("dipanggil ulang", "recalled"),
    "audit_action_start": ("mulai dilayani", "service started"),
    "audit_action_finish": ("selesai dilayani", "finished"),
    "audit_action_no_show": ("tidak hadir", "no-show"),
    "audit_action_return": ("antre lagi", "back in the queue"),
    "audit_action_cancel": ("dibatalkan", "cancelled"),
    "audit_action_transfer": ("pindah layanan", "service changed"),
    "audit_action_expire": ("kedaluwarsa", "expired"),
    "audit_action_follow_up_done": ("tindak lanjut selesai", "follow-up handled"),
    "audit_action_purge": ("data pribadi dihapus", "personal data erased"),
    # The report.
    "counter_report_from": ("Dari", "From"),
    "counter_report_to": ("s.d.", "to"),
    "counter_report_show": ("Tampilkan", "Show"),
    "counter_report_export": ("CSV ({k})", "CSV ({k})"),
    "counter_report_summary": (
        "Nomor dikeluarkan {issued} (batal {cancelled}) · dilayani {served} · "
        "tidak hadir {no_shows} · tunggu rata-rata {wait}, terlama {longest} · "
        "layanan rata-rata {service}",
        "Numbers issued {issued} ({cancelled} cancelled) · served {served} · "
        "no-shows {no_shows} · average wait {wait}, longest {longest} · "
        "average service {service}",
    ),
    "counter_report_group": ("Kelompok", "Group"),
    "counter_report_issued": ("Dikeluarkan", "Issued"),
    "counter_report_served": ("Dilayani", "Served"),
    "counter_report_no_shows": ("Tak hadir", "No-show"),
    "counter_report_cancelled": ("Batal", "Cancel"),
    "counter_report_average_wait": ("Tunggu", "Wait"),
    "counter_report_longest_wait": ("Terlama", "Longest"),
    "counter_report_average_service": ("Layanan", "Service"),
    "counter_report_hour": ("Jam {hour}", "Hour {hour}"),
    "counter_report_day": ("Tgl {day}", "Day {day}"),
    "counter_report_counter": ("Loket {counter}", "Counter {counter}"),
    "counter_report_topic": ("Topik: {topic}", "Topic: {topic}"),
    "counter_report_open": (
        "Masih menunggu hari ini: {numbers} · pemesanan untuk hari mendatang: {ahead} "
        "(belum dihitung dikeluarkan)",
        "Still waiting today: {numbers} · bookings for days to come: {ahead} "
        "(not counted as issued)"),
    "counter_report_chart_title": ("Kedatangan per jam (█ dilayani, ░ lainnya):",
                                   "Arrivals by hour (█ served, ░ the rest):"),
    "counter_report_no_arrivals": ("Belum ada kedatangan.", "No arrivals yet."),
    "counter_report_exported": ("CSV disimpan: {path}", "CSV saved: {path}"),
    "counter_report_export_failed": ("CSV gagal disimpan: {error}", "The CSV could not be saved: {error}"),
    "counter_report_range": ("Rentang laporan harus 1 sampai {days} hari.",
                             "The report's range must be 1 to {days} days."),
    # Who came, recorded at the counter (screens/counter/visitor.py).
    "counter_button_visitor": ("Pengunjung ({k})", "Visitor ({k})"),
    "counter_visitor_title": ("Nomor {number} · siapa yang datang",
                              "Number {number} · who came"),
    "counter_visitor_ok": ("Simpan", "Save"),
    "counter_visitor_none": ("tanpa identitas", "no identity"),
    "counter_visitor_saved": ("Pengunjung nomor {number} dicatat.",
                              "Visitor of number {number} recorded."),
    "visitor_not_in_hand": (
        "Nomor {number} tidak sedang dilayani di loket ini: pengunjungnya dicatat saat dipanggil.",
        "Number {number} is not in hand here: its visitor is recorded while it is called."),
    # The follow-up list (u) and the visitor's earlier visits (h): screens/counter/visits.py.
    "counter_follow_ups_title": ("Perlu tindak lanjut · {days} hari terakhir",
                                 "Needs follow-up · the last {days} days"),
    "counter_follow_ups_none": ("Tidak ada yang perlu ditindaklanjuti.",
                                "Nothing needs a follow-up."),
    "counter_follow_up_done": ("Sudah ditindaklanjuti ({k})", "Follow-up done ({k})"),
    "counter_follow_up_marked": ("Tindak lanjut nomor {number} ({date}) selesai.",
                                 "Follow-up of number {number} ({date}) done."),
    "follow_up_not_open": (
        "Nomor {number} ({date}) tidak perlu (lagi) ditindaklanjuti.",
        "Number {number} ({date}) needs no follow-up (any more)."),
    "counter_visits_title": ("Nomor {number} · kunjungan sebelumnya",
                             "Number {number} · earlier visits"),
    "counter_visits_none": (
        "Belum ada kunjungan sebelumnya dengan identitas ini (atau identitas belum dicatat).",
        "No earlier visit with this identity (or no identity recorded yet)."),
    "counter_col_date": ("Tanggal", "Date"),
    "counter_col_number": ("No.", "No."),
    "counter_col_service": ("Layanan", "Service"),
    "counter_col_topic": ("Topik", "Topic"),
    "counter_col_outcome": ("Hasil", "Outcome"),
    "counter_col_note": ("Catatan", "Note"),
    # kiosk status (kiosk/cli/status.py), in the language of --lang.
    "cli_status_day": ("{date} · {state} · kuota {quota} · diambil {issued} · sisa {left}",
                       "{date} · {state} · quota {quota} · taken {issued} · left {left}"),
    "cli_status_open": ("buka", "open"),
    "cli_status_closed": ("tutup ({why})", "closed ({why})"),
    "cli_status_counter": (" · loket {counter}", " · counter {counter}"),
}
