"""The topics offered when finishing a consultation, and short service names for tables.

The profile may list its own topics per service ([counter.topics], read with the rest of
the profile in data.office_settings); a service it leaves out gets the list below.
"""

from __future__ import annotations

from data.office import Office
from data.office_settings import CounterSettings

OTHER = "Lainnya / Other"
DEFAULT_TOPICS: dict[str, tuple[str, ...]] = {
    "perpajakan": ("SPT Tahunan", "NPWP / Pendaftaran", "Pembayaran & Kode Billing",
                   "PPh / PPN", "Surat / Permohonan", OTHER),
    "aplikasi": ("Coretax / DJP Online", "e-Bupot", "e-Faktur", "Akun / EFIN / Lupa Password",
                 "M-Pajak", OTHER),
}
GENERIC_TOPICS = ("Informasi umum / General information", OTHER)


def topics_for(counter: CounterSettings, service: str) -> tuple[str, ...]:
    """The profile's topics for ``service``, else the desk's own, else the generic two."""
    return counter.topics.get(service) or DEFAULT_TOPICS.get(service) or GENERIC_TOPICS


def short_service_names(office: Office, lang: str) -> dict[str, str]:
    """Service names without the words they all share ("Konsultasi Perpajakan" ->
    "Perpajakan", "Tax Consultation" -> "Tax"), for narrow tables."""
    names = {s.code: (s.name_en if lang == "en" else s.name).split() for s in office.services}
    common = set.intersection(*(set(words) for words in names.values())) if len(names) > 1 \
        else set()
    return {code: " ".join(w for w in words if w not in common) or " ".join(words)
            for code, words in names.items()}
