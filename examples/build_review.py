"""Build a small review by hand, save it as JSON, load it back.

Run it with ``python examples/build_review.py``. It writes into a temporary
folder and removes it afterwards.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from anninh_toandan import Period, Quantity
from anninh_toandan.activity import Activity, ActivityKind
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    SCHOLARSHIPS,
    SECURITY_MODELS_ACTIVE,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.io import dump, load
from anninh_toandan.programme import Organisation, OrganisationKind, Person, Programme
from anninh_toandan.review import Review, ReviewKind, Situation
from anninh_toandan.tip import CrimeType, Tip

WARD = "24823"  # Phường 1, Bảo Lộc, in the bundled units
Q3 = Period.quarter(2022, 3)

police = Organisation(kind=OrganisationKind.POLICE, name="Công an Phường 1", unit=WARD)
front = Organisation(kind=OrganisationKind.FATHERLAND_FRONT, name="Ủy ban MTTQ Việt Nam Phường 1", unit=WARD)
mediation = Indicator(code="mediations", name_vi="Vụ việc hòa giải thành", name_en="Disputes mediated", unit="vụ việc")

tips = [
    Tip(received_on=dt.date(2022, 7, 20), unit=WARD, category=CrimeType.GAMBLING, valuable=True, case_ids=["VV-7"]),
    Tip(received_on=dt.date(2022, 8, 3), unit=WARD, category="trộm cắp", content="nội dung tin báo (nhạy cảm)"),
]
sessions = Activity(
    kind=ActivityKind.OUTREACH_SESSION,
    unit=WARD,
    period=Q3,
    count=Quantity.exact(6, "buổi"),
    reach=Quantity.more_than(400, "lượt"),
    organisers=[police, front],
)

review = Review(
    programme=Programme(
        number="06",
        title="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
        signed_on=dt.date(2014, 3, 6),
        parties=[police, front],
        units=[WARD],
    ),
    unit=WARD,
    unit_name="Phường 1",
    period=Q3,
    kind=ReviewKind.INTERIM,
    held_on=dt.date(2022, 10, 5),
    chairs=[Person(name="Nguyễn Văn A", rank="Thiếu tá", title="Trưởng Công an Phường 1")],
    figures=[
        Figure.reported(OUTREACH_SESSIONS, WARD, Q3, Quantity.exact(6, "buổi"), reported_by=Reporter.JOINT),
        Figure.reported(OUTREACH_REACH, WARD, Q3, Quantity.more_than(400, "lượt"), reported_by=Reporter.JOINT),
        Figure.reported(TIPS_RECEIVED, WARD, Q3, Quantity.exact(2, "tin"), reported_by=Reporter.POLICE),
        Figure.reported(TIPS_VALUABLE, WARD, Q3, Quantity.exact(1, "tin"), reported_by=Reporter.POLICE),
        Figure.reported(SECURITY_MODELS_ACTIVE, WARD, Q3, Quantity.exact(4, "mô hình")),
        Figure.reported(mediation, WARD, Q3, Quantity.about(10, "vụ việc"), note="ước tính"),
        Figure.mentioned(SCHOLARSHIPS, WARD, Q3, note="trao học bổng cho học sinh nghèo"),
    ],
    situation=Situation(text=["tình hình an ninh trật tự ổn định"], crime_types=[CrimeType.GAMBLING, "trộm cắp"]),
    shortcomings=["việc xây dựng mô hình mới còn chậm"],
    directions=["tiếp tục đẩy mạnh công tác tuyên truyền"],
    activities=[sessions],
    tips=tips,
)

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "review.json"
    dump(review, path)
    text = path.read_text("utf-8")
    loaded = load(path, Review)
    print(f"wrote {path.name}: {len(text)} characters, {len(loaded.figures)} figures")
    print("tip content in the file:", "nhạy cảm" in text)
    print("loaded == original without tip content:", loaded == review.redacted())

    dump(review, path, include_sensitive=True)
    print("with include_sensitive=True, loaded == original:", load(path, Review) == review)

for f in loaded.figures:
    shown = f"{f.value.qualifier.value} {f.value.value} {f.value.unit}" if f.value else f.status.value
    print(f"  {f.indicator.code:24} {f.period.id:7} {shown}")
for f in loaded.record_figures():
    mine = loaded.figure(f.indicator)
    reported = mine.value.value if mine is not None and mine.value is not None else "not in the review"
    print(f"  from records: {f.indicator.code:24} {f.value.value if f.value else f.status.value}; reported: {reported}")
print("problems:", [result.rule.code for result in loaded.validate() if result.is_problem] or "none")
