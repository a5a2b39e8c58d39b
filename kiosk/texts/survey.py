"""Texts of the satisfaction survey (SKM): refusals, the survey screen, the lobby's rating,
the supervisor's report. The questions themselves are in the office profile."""

TEXTS: dict[str, tuple[str, str]] = {
    # Refusals.
    "survey_not_served": (
        "Nomor {number} belum selesai dilayani; survei hanya untuk layanan yang sudah selesai.",
        "Number {number} has not been served; the survey is only for a finished service.",
    ),
    "survey_answered": (
        "Layanan nomor {number} sudah dinilai; terima kasih.",
        "The service of number {number} has already been rated; thank you.",
    ),
    "survey_nine_scores": (
        "Survei meminta tepat 9 nilai, bukan {given}.",
        "The survey takes exactly 9 scores, not {given}.",
    ),
    "survey_score_range": (
        "Setiap nilai harus bilangan bulat 1 sampai 4, bukan {score!r}.",
        "Each score must be a whole number from 1 to 4, not {score!r}.",
    ),
    "survey_period_invalid": (
        "Periode: satu hari TTTT-BB-HH, satu bulan TTTT-BB, satu semester TTTT-S1 atau "
        "TTTT-S2, atau satu tahun TTTT (tanpa --from/--to).",
        "The period: a day YYYY-MM-DD, a month YYYY-MM, a semester YYYY-S1 or YYYY-S2, "
        "or a year YYYY (without --from/--to).",
    ),
    "field_survey_comment": ("Komentar", "The comment"),
    "survey_recorded": (
        "Terima kasih; penilaian Anda telah dicatat tanpa nama.",
        "Thank you; your rating has been recorded, without your name.",
    ),
    # The grade words of the regulation's conversion table.
    "survey_grade_A": ("Sangat baik", "Very good"),
    "survey_grade_B": ("Baik", "Good"),
    "survey_grade_C": ("Kurang baik", "Not quite good"),
    "survey_grade_D": ("Tidak baik", "Not good"),
    "survey_weight_exact": ("bobot 1/9 tepat", "weight exactly 1/9"),
    "survey_weight_rounded": ("bobot 0,11 (dibulatkan, seperti lampiran)",
                              "weight 0.11 (rounded, as the annex prints it)"),
    # The survey screen at the counter.
    "survey_rest_title": ("Survei Kepuasan Masyarakat", "Public Satisfaction Survey"),
    "survey_rest_body": (
        "Setelah dilayani, mohon nilai layanan kami di layar ini.",
        "After your service, please rate it on this screen.",
    ),
    "survey_invite": (
        "Nomor {number}: bagaimana layanan kami tadi? Sembilan pertanyaan, satu sentuhan "
        "masing-masing. Tanpa nama.",
        "Number {number}: how was our service? Nine questions, one touch each. No name "
        "asked.",
    ),
    "survey_skip": ("Lewati survei", "Skip the survey"),
    "survey_skip_ask": (
        "Akhiri survei? Jawaban Anda belum dikirim dan tidak akan disimpan.",
        "End the survey? Your answers have not been sent and will not be kept.",
    ),
    "survey_skip_no": ("Tidak, lanjutkan", "No, go on"),
    "survey_skip_yes": ("Ya, akhiri survei", "Yes, end the survey"),
    "survey_countdown": (
        "Kembali ke awal dalam {seconds} detik; sentuh layar untuk melanjutkan.",
        "Back to the start in {seconds} seconds; touch the screen to go on.",
    ),
    "survey_countdown_one": (
        "Kembali ke awal dalam 1 detik; sentuh layar untuk melanjutkan.",
        "Back to the start in 1 second; touch the screen to go on.",
    ),
    "survey_send": ("Kirim", "Send"),
    "survey_back": ("← Kembali", "← Back"),
    "survey_question_of": ("Pertanyaan {n} dari {total}", "Question {n} of {total}"),
    "survey_comment_label": ("Komentar atau saran (boleh dikosongkan)",
                             "A comment or suggestion (may be left empty)"),
    "survey_lang": ("English", "Bahasa Indonesia"),
    # The lobby's "Rate our service".
    "survey_rate_button": ("Nilai layanan kami", "Rate our service"),
    "survey_rate_code": ("Ketik kode pemesanan pada tiket Anda",
                         "Type the booking code on your ticket"),
    "survey_rate_find": ("Lanjut", "Next"),
    # The supervisor's report.
    "survey_report_title": ("Survei Kepuasan Masyarakat {first} – {last}",
                            "Public Satisfaction Survey {first} – {last}"),
    "survey_report_counts": (
        "Responden {respondents} · populasi (dilayani) {population} · sampel minimum "
        "{minimum} (Krejcie–Morgan)",
        "Respondents {respondents} · population (served) {population} · minimum sample "
        "{minimum} (Krejcie–Morgan)",
    ),
    "survey_report_index": ("IKM {ikm} · mutu {grade} ({words}) · {weight}",
                            "IKM {ikm} · grade {grade} ({words}) · {weight}"),
    "survey_report_none": ("Belum ada responden pada periode ini.",
                           "No respondents in this period yet."),
    "survey_report_followups": ("Tindak lanjut: {count} (nilai rendah pengaduan atau komentar)",
                                "Follow-up: {count} (a low complaints score or a comment)"),
}
TEXTS.update({
    "survey_faces": ("😞|🙁|🙂|😀", "😞|🙁|🙂|😀"),
    "survey_thanks": ("Terima kasih atas penilaian Anda!", "Thank you for your rating!"),
    "survey_rate_title": ("Nilai layanan kami", "Rate our service"),
    "survey_rate_empty": ("Ketik dulu kode pemesanan.", "Type the booking code first."),
    "counter_button_survey": ("Survei ({k})", "Survey ({k})"),
    "survey_report_followup_line": ("{date} · pengaduan {score} · {comment}",
                                    "{date} · complaints {score} · {comment}"),
    "survey_report_exported": ("Tabulasi disimpan: {path}", "Tabulation saved: {path}"),
    "survey_report_export": ("Simpan CSV ({k})", "Save CSV ({k})"),
})
