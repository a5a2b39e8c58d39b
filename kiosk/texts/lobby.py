"""Texts of the lobby role: what a taxpayer reads on the number machine and the slip."""

TEXTS: dict[str, tuple[str, str]] = {
    # Welcome.
    "lobby_welcome": ("Selamat datang", "Welcome"),
    "lobby_left_today": (
        "Sisa nomor antrean hari ini: {left} dari {quota}",
        "Numbers left today: {left} of {quota}",
    ),
    "lobby_closed_today": (
        "Hari ini Help Desk tutup ({why}).",
        "The Help Desk is closed today ({why}).",
    ),
    "lobby_taken_today": (
        "Nomor antrean hari ini sudah habis ({quota} nomor).",
        "Today's queue numbers are all taken ({quota} numbers).",
    ),
    "lobby_choose_service": ("Sentuh layanan yang Anda perlukan", "Touch the service you need"),
    "lobby_choose_service_later": (
        "Sentuh layanan untuk memesan nomor pada hari layanan berikutnya",
        "Touch a service to book a number for a coming service day",
    ),
    "lobby_checkin": ("Check-in pemesanan saya", "Check in my booking"),
    "lobby_info": ("Informasi layanan", "Service information"),
    "lobby_language": ("English", "Bahasa Indonesia"),
    "lobby_store_down": (
        "Maaf, sistem antrean sedang terganggu. Silakan tunggu sebentar atau hubungi petugas.",
        "Sorry, the queue system has a problem. Please wait a moment or ask an officer.",
    ),
    "lobby_working": (
        "Sedang diproses, mohon tunggu sebentar…",
        "Working on it, please wait a moment…",
    ),
    "lobby_keys_hint": (
        "Sentuh tombol, atau pakai Tab dan Enter pada papan ketik.",
        "Touch a button, or use Tab and Enter on the keyboard.",
    ),
    # Buttons used on several screens.
    "lobby_back": ("◀ Kembali", "◀ Back"),
    "lobby_next": ("Lanjut ▶", "Next ▶"),
    "lobby_home": ("Selesai", "Done"),
    "lobby_cancel": ("Batal", "Cancel"),
    # Taking a number.
    "lobby_device_title": (
        "{service} memerlukan perangkat Anda",
        "{service} needs your own device",
    ),
    "lobby_device_body": (
        "Bawalah smartphone, laptop atau perangkat lain yang dapat membuka aplikasi "
        "perpajakan. Petugas membantu Anda langsung pada perangkat itu.",
        "Bring a smartphone, laptop or other device that can open the tax applications. "
        "The officer helps you on that device.",
    ),
    "lobby_device_confirm": ("Ya, saya membawa perangkat", "Yes, I have my device with me"),
    "lobby_take_now": ("Ambil nomor antrean sekarang", "Take my queue number now"),
    "lobby_take_now_note": (
        "Nama dan identitas tidak perlu diisi: petugas mencatatnya di loket saat memeriksa "
        "kartu identitas Anda. Atau isi dulu di bawah ini:",
        "No need to type your name or identity: the officer records them at the counter "
        "when checking your ID card. Or fill them in first below:",
    ),
    "lobby_step_of": ("Langkah {step} dari {steps}", "Step {step} of {steps}"),
    "lobby_more_below": (
        "▼ Masih ada di bawah: geser ke bawah atau tekan ↓",
        "▼ More below: scroll down or press ↓",
    ),
    "lobby_cancel_ask": (
        "Batalkan? Isian Anda akan dihapus.",
        "Cancel? What you typed will be deleted.",
    ),
    "lobby_cancel_keep": ("Tidak, lanjutkan mengisi", "No, go on"),
    "lobby_cancel_yes": ("Ya, batalkan", "Yes, cancel"),
    "lobby_form_who_needed": (
        "Untuk hari lain, isi nama atau nomor identitas Anda: nomornya disimpan atas nama Anda.",
        "For another day, please give your name or an identity number: the number is kept "
        "for you.",
    ),
    "name_or_identity_required": (
        "Pemesanan untuk hari lain memerlukan nama atau nomor identitas.",
        "A booking for another day needs a name or an identity number.",
    ),
    "lobby_privacy_note": (
        "Identitas dan telepon hanya dipakai petugas untuk melayani dan menghubungi Anda "
        "tentang kunjungan ini, dan dihapus setelah {days} hari.",
        "Your identity and telephone are used only by the officers to serve you and to "
        "contact you about this visit, and are deleted after {days} days.",
    ),
    "lobby_confirm_name_later": ("(dicatat petugas di loket)", "(recorded at the counter)"),
    # The on-screen keyboard and keypads.
    "lobby_key_backspace": ("⌫ Hapus", "⌫ Delete"),
    "lobby_key_clear": ("Kosongkan", "Clear"),
    "lobby_key_shift": ("⇧ Huruf", "⇧ Shift"),
    "lobby_key_space": ("Spasi", "Space"),
    # Complaint channels, one language at a time (by the profile's kind of channel).
    "lobby_channel_telepon": ("Telepon", "Telephone"),
    "lobby_channel_faksimile": ("Faksimile", "Fax"),
    "lobby_channel_email": ("Email", "Email"),
    "lobby_channel_twitter": ("X (Twitter)", "X (Twitter)"),
    "lobby_channel_website": ("Situs web", "Website"),
    "lobby_channel_live_chat": ("Obrolan langsung", "Live chat"),
    "lobby_channel_surat": ("Surat atau datang langsung", "Letter or in person"),
    "lobby_who_title": ("Siapa yang datang?", "Who is coming?"),
    "lobby_status_self": ("Wajib Pajak sendiri", "The taxpayer in person"),
    "lobby_status_representative": (
        "Wakil / pengurus badan usaha",
        "A representative of a company",
    ),
    "lobby_status_proxy": ("Kuasa (membawa surat kuasa)", "A proxy (with a power of attorney)"),
    "lobby_status_other": ("Pihak lain", "Another party"),
    "lobby_proxy_note": (
        "Seorang kuasa wajib membawa surat kuasa dan menunjukkannya di loket.",
        "A proxy must bring the power of attorney and show it at the counter.",
    ),
    "lobby_form_title": ("Data pengunjung", "About you"),
    "lobby_field_name": ("Nama lengkap", "Full name"),
    "lobby_field_id_kind": (
        "Identitas: NPWP, NIK atau paspor (boleh dikosongkan)",
        "Identity: NPWP, NIK or passport (may be left empty)",
    ),
    "lobby_field_id": ("Nomor {kind}", "{kind} number"),
    "lobby_field_phone": ("Telepon", "Telephone"),
    "lobby_optional": ("boleh dikosongkan", "may be left empty"),
    "lobby_kind_npwp": ("NPWP", "NPWP"),
    "lobby_kind_nik": ("NIK", "NIK"),
    "lobby_kind_passport": ("Paspor", "Passport"),
    "lobby_field_ok": ("✓ Benar", "✓ Correct"),
    "lobby_form_fix": (
        "Periksa kembali isian yang bertanda merah.",
        "Please check the fields marked in red.",
    ),
    "lobby_day_closed": ("{date} — tutup ({why})", "{date} — closed ({why})"),
    "lobby_day_full": ("{date} — nomor sudah habis", "{date} — all numbers taken"),
    "lobby_day_choice_one": ("{date} — sisa 1 nomor", "{date} — 1 number left"),
    "lobby_day_scroll": (
        "Geser daftar ke atas atau ke bawah untuk melihat semua hari.",
        "Scroll the list up or down to see every day.",
    ),
    "lobby_day_title": ("Pilih hari kedatangan", "Choose the day you come"),
    "lobby_day_today": ("Hari ini, {date}", "Today, {date}"),
    "lobby_day_choice": ("{date} — sisa {left} nomor", "{date} — {left} numbers left"),
    "lobby_day_today_not": (
        "Hari ini tidak bisa: {why}",
        "Not possible today: {why}",
    ),
    "lobby_day_none": (
        "Maaf, tidak ada hari dengan nomor tersisa dalam {days} hari ke depan.",
        "Sorry, no day has numbers left in the next {days} days.",
    ),
    "lobby_confirm_title": ("Periksa kembali", "Please check"),
    "lobby_confirm_service": ("Layanan", "Service"),
    "lobby_confirm_day": ("Hari", "Day"),
    "lobby_confirm_name": ("Nama", "Name"),
    "lobby_confirm_status": ("Datang sebagai", "Coming as"),
    "lobby_confirm_ok": ("Ya, ambil nomor", "Yes, take my number"),
    "lobby_booking_failed": (
        "Nomor tidak dapat diambil: {why}",
        "The number could not be taken: {why}",
    ),
    # The ticket.
    "lobby_ticket_title": ("Nomor antrean Anda", "Your queue number"),
    "lobby_ticket_booked_title": ("Nomor pemesanan Anda", "Your booked number"),
    "lobby_ticket_code": ("Kode pemesanan: {code}", "Booking code: {code}"),
    "lobby_ticket_date": ("Tanggal: {date}", "Date: {date}"),
    "lobby_ticket_ahead": ("{ahead} orang menunggu di depan Anda", "{ahead} waiting ahead of you"),
    "lobby_ticket_ahead_one": ("1 orang menunggu di depan Anda", "1 person waiting ahead of you"),
    # Lower booked numbers not arrived yet go first if they check in: a range, not a promise.
    "lobby_ticket_ahead_range": (
        "{least}–{most} orang sebelum Anda",
        "{least}–{most} before you",
    ),
    "lobby_ticket_ahead_booked": (
        "Nomor pemesanan yang lebih kecil dipanggil lebih dulu bila pemiliknya datang.",
        "Lower booked numbers are called first if their holders arrive.",
    ),
    "lobby_ticket_next": ("Anda berikutnya dipanggil", "You are next"),
    "lobby_ticket_wait": (
        "Perkiraan waktu tunggu: sekitar {minutes} menit",
        "Estimated wait: about {minutes} minutes",
    ),
    "lobby_ticket_wait_one": (
        "Perkiraan waktu tunggu: sekitar 1 menit",
        "Estimated wait: about 1 minute",
    ),
    "lobby_ticket_wait_range": (
        "Perkiraan waktu tunggu: sekitar {least}–{most} menit",
        "Estimated wait: about {least}–{most} minutes",
    ),
    "lobby_ticket_wait_opening": (
        "Help Desk buka pukul {opens}; perkiraan Anda dipanggil sekitar pukul {around}.",
        "The Help Desk opens at {opens}; you may be called around {around}.",
    ),
    "lobby_ticket_past_closing": (
        "Help Desk tutup pukul {closes}; nomor Anda mungkin tidak terlayani hari ini.",
        "The Help Desk closes at {closes}; your number may not be served today.",
    ),
    "lobby_ticket_not_today": (
        "Help Desk tutup pukul {closes}; antrean di depan Anda kemungkinan tidak selesai hari "
        "ini. Silakan tanya petugas, atau ambil nomor untuk hari lain.",
        "The Help Desk closes at {closes}; the queue before you will likely not be done today. "
        "Please ask an officer, or take a number for another day.",
    ),
    "lobby_ticket_come_back": (
        "Datanglah pada {date}, jam {hours}, dan check-in dengan kode ini di mesin antrean.",
        "Come on {date}, between {hours}, and check in with this code at the number machine.",
    ),
    "lobby_ticket_keep_code": (
        "Foto atau catat kode ini.",
        "Take a photo of this code or write it down.",
    ),
    "lobby_ticket_wait_call": (
        "Silakan duduk; nomor Anda akan dipanggil.",
        "Please take a seat; your number will be called.",
    ),
    "lobby_free": ("Tidak dipungut biaya", "Free of charge"),
    "lobby_bring": ("Yang perlu dibawa: {what}", "Please bring: {what}"),
    "lobby_bring_this_ticket": ("nomor dan kode antrean ini", "this queue number and code"),
    "lobby_bring_device": (
        "smartphone, laptop atau perangkat lain yang dapat membuka aplikasi perpajakan",
        "a smartphone, laptop or other device that can open the tax applications",
    ),
    "lobby_bring_id": ("KTP atau kartu identitas lain", "your ID card"),
    "lobby_bring_power_of_attorney": ("surat kuasa", "the power of attorney"),
    "lobby_complaints": ("Saluran pengaduan", "Complaint channels"),
    "lobby_printed": ("Tiket Anda sedang dicetak.", "Your ticket is being printed."),
    "lobby_ticket_countdown": (
        "Layar ini kembali ke awal dalam {seconds} detik.",
        "This screen goes back to the start in {seconds} seconds.",
    ),
    "lobby_ticket_countdown_one": (
        "Layar ini kembali ke awal dalam 1 detik.",
        "This screen goes back to the start in 1 second.",
    ),
    "lobby_print_failed": (
        "Tiket tidak dapat dicetak; silakan catat nomor dan kode Anda.",
        "The ticket could not be printed; please note your number and code.",
    ),
    # Check-in.
    "lobby_checkin_title": ("Check-in pemesanan", "Check in a booking"),
    "lobby_checkin_prompt": (
        "Ketik kode pemesanan Anda, atau pindai kode QR-nya.",
        "Type your booking code, or scan its QR code.",
    ),
    "lobby_checkin_go": ("Check-in", "Check in"),
    "lobby_checkin_empty": ("Ketik kode pemesanan dulu.", "Please type the booking code first."),
    "lobby_checkin_not_found": (
        "Kode {code} tidak kami temukan. Periksa kembali kode pada bukti pemesanan Anda.",
        "We did not find the code {code}. Please check the code on your booking.",
    ),
    "lobby_checkin_cancelled": (
        "Pemesanan {code} sudah dibatalkan. Silakan ambil nomor baru.",
        "Booking {code} was cancelled. Please take a new number.",
    ),
    "lobby_checkin_over": (
        "Pemesanan {code} sudah tidak berlaku. Silakan ambil nomor baru.",
        "Booking {code} is no longer valid. Please take a new number.",
    ),
    "lobby_checkin_done": (
        "Nomor {number} sudah dilayani hari ini.",
        "Number {number} has already been served today.",
    ),
    "lobby_checkin_already": (
        "Nomor {number} sudah check-in. Silakan duduk; nomor Anda akan dipanggil.",
        "Number {number} has already checked in. Please take a seat; it will be called.",
    ),
    "lobby_checkin_other_day": (
        "Pemesanan {code} untuk {date}, bukan hari ini. Silakan datang pada hari itu.",
        "Booking {code} is for {date}, not today. Please come on that day.",
    ),
    # Refusals of the rules a taxpayer meets at the lobby (the desk raises them by key).
    "why_closed_by_supervisor": ("{reason}", "{reason}"),  # the supervisor's own words
    "identity_has_number": (
        "{kind} ini sudah memegang nomor {number} untuk {date}; satu identitas mendapat satu "
        "nomor per hari.",
        "This {kind} already holds number {number} for {date}; one identity gets one number "
        "a day.",
    ),
    "booking_missed": (
        "Pemesanan {code} untuk {date} sudah lewat; silakan ambil nomor baru.",
        "Booking {code} was for {date}, which has passed; please take a new number.",
    ),
    "checkin_after_hours": (
        "Layanan hari ini sudah selesai (buka {hours}); pemesanan {code} tidak dapat check-in "
        "lagi. Silakan ambil nomor baru untuk hari lain.",
        "Today's service hours are over (open {hours}); booking {code} can no longer check "
        "in. Please take a new number for another day.",
    ),
    # Service information.
    "lobby_info_title": ("Standar pelayanan Help Desk", "Help Desk service standard"),
    "lobby_info_services": ("Layanan", "Services"),
    "lobby_info_requirements": ("Persyaratan", "Requirements"),
    "lobby_info_procedure": ("Prosedur", "Procedure"),
    "lobby_info_completion": ("Waktu penyelesaian", "Completion time"),
    "lobby_info_fee": ("Biaya", "Fee"),
    "lobby_info_product": ("Produk layanan", "Product"),
    "lobby_info_quota": ("Kuota per hari", "Daily quota"),
    "lobby_info_quota_value": ("{quota} nomor", "{quota} numbers"),
    "lobby_info_hours": ("Jam layanan", "Service hours"),
    "lobby_info_office": ("Kantor", "Office"),
    "lobby_info_phone": ("Telepon kantor: {phone}", "Office telephone: {phone}"),
    # Officer exit.
    "lobby_unlock_title": ("Khusus petugas", "Officers only"),
    "lobby_unlock_name": ("Nama petugas", "Officer name"),
    "lobby_unlock_pin": ("PIN", "PIN"),
    "lobby_unlock_go": ("Buka", "Unlock"),
    "lobby_unlock_wait": (
        "Terlalu banyak PIN salah di sini; coba lagi setelah {seconds} detik.",
        "Too many wrong PINs here; try again in {seconds} seconds.",
    ),
    "lobby_unlock_no_officers": (
        "Belum ada petugas terdaftar; tambahkan dengan `kiosk officer add`.",
        "No officer is registered yet; add one with `kiosk officer add`.",
    ),
    "lobby_exit_title": ("Menu petugas", "Officer menu"),
    "lobby_exit_quit": ("Tutup program antrean", "Close the queue program"),
    "lobby_exit_back": ("Kembali ke layar utama", "Back to the welcome screen"),
    # Dates, as people say them.
    "lobby_date": ("{weekday}, {day} {month} {year}", "{weekday}, {day} {month} {year}"),
    "lobby_weekday_0": ("Senin", "Monday"),
    "lobby_weekday_1": ("Selasa", "Tuesday"),
    "lobby_weekday_2": ("Rabu", "Wednesday"),
    "lobby_weekday_3": ("Kamis", "Thursday"),
    "lobby_weekday_4": ("Jumat", "Friday"),
    "lobby_weekday_5": ("Sabtu", "Saturday"),
    "lobby_weekday_6": ("Minggu", "Sunday"),
    "lobby_month_1": ("Januari", "January"),
    "lobby_month_2": ("Februari", "February"),
    "lobby_month_3": ("Maret", "March"),
    "lobby_month_4": ("April", "April"),
    "lobby_month_5": ("Mei", "May"),
    "lobby_month_6": ("Juni", "June"),
    "lobby_month_7": ("Juli", "July"),
    "lobby_month_8": ("Agustus", "August"),
    "lobby_month_9": ("September", "September"),
    "lobby_month_10": ("Oktober", "October"),
    "lobby_month_11": ("November", "November"),
    "lobby_month_12": ("Desember", "December"),
}
