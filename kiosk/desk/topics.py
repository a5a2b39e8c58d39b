"""The counter's settings from the profile's [counter] table, with sensible defaults.

    [counter]
    idle_lock_seconds = 300          # the session locks itself after this long untouched
    report_dir = "."                 # where the report's CSV is written
    [counter.topics]                 # the short list of topics offered when finishing
    perpajakan = ["SPT Tahunan", "NPWP", "Lainnya"]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from data.office import Office

OTHER = "Lainnya / Other"
DEFAULT_TOPICS: dict[str, tuple[str, ...]] = {
    "perpajakan": ("SPT Tahunan", "NPWP / Pendaftaran", "Pembayaran & Kode Billing",
                   "PPh / PPN", "Surat / Permohonan", OTHER),
    "aplikasi": ("Coretax / DJP Online", "e-Bupot", "e-Faktur", "Akun / EFIN / Lupa Password",
                 "M-Pajak", OTHER),
}
GENERIC_TOPICS = ("Informasi umum / General information", OTHER)


@dataclass(frozen=True)
class CounterSettings:
    idle_lock_seconds: int = 300
    report_dir: str = "."
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def topics_for(self, service: str) -> tuple[str, ...]:
        return self.topics.get(service) or DEFAULT_TOPICS.get(service) or GENERIC_TOPICS


def counter_settings(office: Office) -> CounterSettings:
    table = office.extra.get("counter") or {}
    idle = table.get("idle_lock_seconds", 300)
    # A wrong value in the profile must not stop the counter: fall back to the default.
    if isinstance(idle, bool) or not isinstance(idle, int) or not 30 <= idle <= 86400:
        idle = 300
    report_dir = table.get("report_dir", ".")
    topics = {}
    given = table.get("topics")
    for service, items in (given if isinstance(given, dict) else {}).items():
        if isinstance(items, list):
            clean = tuple(str(i).strip()[:200] for i in items if str(i).strip())
            if clean:
                topics[str(service)] = clean
    return CounterSettings(idle, report_dir if isinstance(report_dir, str) else ".", topics)


def short_service_names(office: Office, lang: str) -> dict[str, str]:
    """Service names without the words they all share ("Konsultasi Perpajakan" ->
    "Perpajakan", "Tax Consultation" -> "Tax"), for narrow tables."""
    names = {s.code: (s.name_en if lang == "en" else s.name).split() for s in office.services}
    common = set.intersection(*(set(words) for words in names.values())) if len(names) > 1 \
        else set()
    return {code: " ".join(w for w in words if w not in common) or " ".join(words)
            for code, words in names.items()}
