"""The Vietnamese sentences of a report (private; see :mod:`._phrases`).

Office style (CONVENTIONS.md): "phòng, chống", "bảo đảm an ninh, trật tự",
"Zalo, Facebook", "COVID-19", "Nhân dân", a document cited as "Chương trình
phối hợp số 06 ngày 06/3/2014", and "tin ... do quần chúng Nhân dân cung
cấp", never "tin báo" (``docs/model.md``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from anninh_toandan.indicator import Indicator
from anninh_toandan.programme import Organisation, Passage, Person, Programme
from anninh_toandan.reports._phrases import Models, Outreach, Phrasebook, Support, Tips
from anninh_toandan.review import ReviewKind
from anninh_toandan.rules import Outcome
from anninh_toandan.security_model import DissolutionReason

__all__ = ["VIETNAMESE"]

_REASONS = {
    DissolutionReason.PERFUNCTORY: "hoạt động cầm chừng",
    DissolutionReason.INEFFECTIVE: "kém hiệu quả",
    DissolutionReason.MERGED: "đã sáp nhập vào mô hình khác",
    DissolutionReason.NO_LONGER_NEEDED: "không còn phù hợp",
}

_OUTCOMES = {
    Outcome.SATISFIED: "Đạt",
    Outcome.POSSIBLY_VIOLATED: "Có thể sai",
    Outcome.VIOLATED: "Sai",
    Outcome.NOT_EVALUATED: "Chưa kiểm tra được",
}


#: Abbreviations spelled out in the heading ("CÔNG AN THÀNH PHỐ BẢO LỘC", never "TP").
_ABBREVIATIONS = (
    (re.compile(r"\bTP\.?(?=\s)"), "thành phố"),
    (re.compile(r"\bUBMTTQVN\b"), "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Vietnamese(Phrasebook):
    """Báo cáo sơ kết, tổng kết as a Vietnamese office writes them."""

    locale = "vi"
    and_word = "và"
    labels: ClassVar[Mapping[str, str]] = {
        "outreach_reach": "Lượt quần chúng Nhân dân được tuyên truyền",
        "security_models_established": "Mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự được xây dựng mới",
        "security_models_active": "Tổng số mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự",
        "tips_received": "Tin liên quan đến an ninh, trật tự do quần chúng Nhân dân cung cấp",
        "cases_clarified": "Vụ việc được làm rõ từ tin do quần chúng Nhân dân cung cấp",
        "houses_total": "Tổng số nhà đại đoàn kết xây mới và sửa chữa",
        "covid_models_established": "Mô hình phòng, chống dịch COVID-19 được xây dựng",
    }

    def person(self, person: Person, *, start: bool = False) -> str:
        if person.rank:
            return f"{person.rank} {person.name}"
        if not person.honorific:
            return person.name
        return f"{_cap(person.honorific) if start else person.honorific} {person.name}"

    def body(self, org: Organisation, *, first: bool) -> str:
        return org.name if first or not org.short_name else org.short_name

    def heading_body(self, org: Organisation) -> str:
        name = org.name
        for pattern, full in _ABBREVIATIONS:
            name = pattern.sub(full, name)
        return name

    def front_board(self, org: Organisation, name: str) -> str:
        # The place is the heading's: "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố".
        return f"Ban Thường trực {org.short_name or org.name}"

    def together(self, first: str, rest: str) -> str:
        return f"{first} cùng {rest}"

    def programme_title(self, programme: Programme) -> str:
        return programme.title

    def passage(self, passage: Passage | str) -> tuple[str, bool]:
        return str(passage).strip(), False

    def indicator(self, indicator: Indicator) -> str:
        return self.labels.get(indicator.code) or indicator.name_vi

    def mentioned(self, name: str, note: str | None) -> str:
        return _cap(note.strip().rstrip(".")) + "." if note else f"{name}."

    number_label = "Số:"
    title = "BÁO CÁO"
    national_title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto = "Độc lập - Tự do - Hạnh phúc"

    def programme_ref(self, number: str, signed: str) -> str:
        return f"Chương trình phối hợp số {number} ngày {signed}"

    def subject(self, kind: ReviewKind, period: str, half_year: bool, programme: str, parties: str) -> str:
        word = "Sơ kết" if kind is ReviewKind.INTERIM else "Tổng kết"
        return f"{word} {period} thực hiện {programme}" + (f" giữa {parties}" if parties else "")

    def opening(
        self, programme: str, parties: str, title: str | None, issuer: str, kind: ReviewKind, period: str
    ) -> str:
        text = f"Thực hiện {programme}" + (f" giữa {parties}" if parties else "")
        text += f" về “{title}”" if title else ""
        word = "sơ kết" if kind is ReviewKind.INTERIM else "tổng kết"
        return f"{text}, {issuer} báo cáo kết quả {word} {period} như sau:"

    def untranslated(self, text: str) -> str:
        return text

    section_situation = "ĐẶC ĐIỂM TÌNH HÌNH"
    section_results = "KẾT QUẢ THỰC HIỆN"
    section_assessment = "ĐÁNH GIÁ"
    section_proposals = "KIẾN NGHỊ, ĐỀ XUẤT"
    strengths = "Ưu điểm"
    shortcomings = "Tồn tại, hạn chế"
    causes = "Nguyên nhân"
    objective_causes = "Nguyên nhân khách quan"
    subjective_causes = "Nguyên nhân chủ quan"
    block_outreach = "Công tác tuyên truyền"
    block_models = "Xây dựng mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự"
    block_tips = "Tiếp nhận, xử lý tin về an ninh, trật tự do quần chúng Nhân dân cung cấp"
    block_support = "Công tác an sinh xã hội"
    other_results = "Kết quả khác"
    proposals_left = "(Đơn vị bổ sung nếu có.)"
    table_caption = "MỘT SỐ KẾT QUẢ CHỦ YẾU"
    column_indicator = "Chỉ tiêu"
    column_change = "So sánh"
    not_comparable = "không so sánh được (khác đơn vị tính)"
    no_base_figure = "không có số liệu"
    chart_title = "So sánh với cùng kỳ"
    recipients_title = "Nơi nhận:"

    def section_directions(self, next_period: str) -> str:
        return f"PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period.upper()}"

    def directions_lead(self, next_period: str, actors: str) -> str:
        return f"Trong {next_period}, {actors} tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:"

    def outreach(self, o: Outreach) -> str | None:
        parts: list[str] = []
        if o.sessions or o.reach:
            text = f"tổ chức {o.sessions} tuyên truyền" if o.sessions else "tuyên truyền"
            text += f" về {o.session_topic}" if o.session_topic else ""
            text += f" cho {o.reach} quần chúng Nhân dân" if o.reach else ""
            parts.append(text)
        if o.printed:
            parts.append(f"phát hành {o.printed} in ấn")
        if o.broadcasts:
            text = f"phát thanh {o.broadcasts} trên hệ thống loa truyền thanh"
            parts.append(text + (f" về {o.broadcast_topic}" if o.broadcast_topic else ""))
        if o.posts:
            text = f"thực hiện {o.posts} tuyên truyền"
            text += f" về {o.post_topic}" if o.post_topic else ""
            where = f"các trang {', '.join(o.channels)}" if o.channels else "mạng xã hội"
            text += f" đăng trên {where}" + (f" của {o.pages_of}" if o.pages_of else "")
            parts.append(text)
        if not parts:
            return None
        return f"Trong {o.when}, {o.actors} phối hợp " + "; ".join(parts) + "."

    def models(self, m: Models) -> str | None:
        parts: list[str] = []
        if m.built:
            parts.append(
                f"xây dựng mới {m.built} phòng, chống tội phạm, bảo đảm an ninh, trật tự"
                + (f", nâng tổng số lên {m.total} trên toàn địa bàn" if m.total else "")
            )
        elif m.total:
            parts.append(f"duy trì {m.total} phòng, chống tội phạm, bảo đảm an ninh, trật tự trên toàn địa bàn")
        if m.dissolved:
            why = ", ".join(
                (_REASONS.get(r, r.value) if isinstance(r, DissolutionReason) else r)
                for r in m.reasons
                if r is not DissolutionReason.OTHER
            )
            text = f"thanh loại {m.dissolved}" + (f" {why}" if why else "")
            parts.append(f"đồng thời, {text}" if parts else text)
        return "Phối hợp " + "; ".join(parts) + "." if parts else None

    def tips(self, t: Tips) -> str | None:
        lead = "Từ kết quả hoạt động của các mô hình, " if t.from_models else ""
        by = t.by or "lực lượng Công an"
        if t.received:
            text = (
                f"{lead}{by} đã tiếp nhận {t.received} liên quan đến an ninh, trật tự do quần chúng Nhân dân cung cấp"
            )
            if t.valuable:
                text += f"; trong đó có {t.valuable} có giá trị" + (f" (chiếm {t.share})" if t.share else "")
            if t.cases:
                text += f", giúp làm rõ {t.cases}"
            return _cap(text) + "."
        if t.valuable:
            text = f"{lead}quần chúng Nhân dân cung cấp {t.valuable} có giá trị"
            return _cap(text + (f", giúp làm rõ {t.cases}" if t.cases else "")) + "."
        if t.cases:
            return _cap(f"{lead}tin do quần chúng Nhân dân cung cấp giúp làm rõ {t.cases}") + "."
        return None

    def support(self, s: Support) -> str | None:
        parts: list[str] = []
        if s.fund:
            who = f" {s.contributors}" if s.contributors else ""
            parts.append(f"vận động{who} ủng hộ {s.fund_name or 'Quỹ Vì người nghèo'} {s.fund}")
        h = s.houses
        houses = [p for p in (f"xây mới {h.new}" if h.new else "", f"sửa chữa {h.repaired}" if h.repaired else "") if p]
        if not houses and h.total:
            houses = [f"xây mới, sửa chữa {h.total}"]
        if houses:
            parts.append(
                "hỗ trợ " + " và ".join(houses) + " đại đoàn kết" + (f" với tổng kinh phí {h.cost}" if h.cost else "")
            )
        elif h.cost:
            parts.append(f"hỗ trợ xây dựng, sửa chữa nhà đại đoàn kết với tổng kinh phí {h.cost}")
        given: list[str] = []
        shared = s.shared_value
        if s.production or s.production_mentioned:
            given.append(
                "hỗ trợ sản xuất"
                + (f" {s.production}" if s.production else "")
                + (f" trị giá {s.production_value}" if s.production_value and not shared else "")
            )
        gifts: list[str] = []
        if s.scholarships or s.scholarships_mentioned:
            text = s.scholarships or "học bổng"
            gifts.append(text + (f" trị giá {s.scholarships_value}" if s.scholarships_value and not shared else ""))
        if s.gifts:
            gifts.append(s.gifts + (f" trị giá {s.gifts_value}" if s.gifts_value and not shared else ""))
        elif s.gifts_value and not shared:
            gifts.append(f"quà trị giá {s.gifts_value}")
        if gifts:
            given.append("tặng " + self.join(gifts))
        if given:
            text = ", ".join(given)
            text += f" cho {s.beneficiaries}" if s.beneficiaries else ""
            text += f", trị giá {shared}" if shared else ""
            parts.append(text)
        if not parts:
            return None
        lead = f"{s.actors} phối hợp " if s.actors else ""
        return _cap(lead + "; ".join(parts)) + "."

    def figure_sentence(self, name: str, value: str | None, completeness: str | None = None) -> str:
        if value is None:
            return f"{name}."
        return f"{name}: {value}" + (f" ({completeness})" if completeness else "") + "."

    def completeness_note(self, phrase: str, names: str | None = None, *, below: bool = False) -> str:
        if names:
            return f"Số liệu {names} {phrase}."
        return f"Số liệu {'dưới đây' if below else 'trên'} {phrase}."

    def no_results(self, period: str) -> str:
        return f"Chưa có số liệu về kết quả thực hiện {period}."

    def no_base(self, previous: str, same_period: bool) -> str:
        if same_period:
            return f"Chưa có số liệu {previous} nên chưa so sánh được với cùng kỳ."
        return f"Chưa có số liệu {previous} để so sánh."

    def recipient(self, name: str, purpose: str) -> str:
        words = {"report": "để báo cáo", "coordinate": "để phối hợp"}
        return f"{name} ({words[purpose]})"

    def filed(self, unit: str | None) -> str:
        return f"Lưu: VT, {unit}" if unit else "Lưu: VT"

    def signature(self, authority: str, post: str, name: str, rank: str | None) -> tuple[str, str, str]:
        return authority, post.upper(), f"{rank} {name}" if rank else name

    checklist_title = "DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO"
    checklist_note = "(Dành cho người soạn thảo; không gửi kèm báo cáo.)"
    appendix_title = "PHỤ LỤC: DANH MỤC KIỂM TRA SỐ LIỆU (dành cho người soạn thảo, bỏ trước khi gửi)"
    proposals_todo = "Mục “Kiến nghị, đề xuất” chưa có nội dung: đơn vị bổ sung nếu có, hoặc bỏ mục này."

    def outcome(self, outcome: Outcome) -> str:
        return _OUTCOMES[outcome]

    def records_disagree(self, name: str, said: str, counted: str) -> str:
        return f"{name}: báo cáo dùng số liệu đã nêu ({said}), khác số liệu tính từ hồ sơ ({counted})"

    def records_uncounted(self, error: str) -> str:
        return f"hồ sơ không tính được vào kỳ báo cáo: {error}"

    def no_figures_warning(self, elsewhere: str | None) -> str:
        text = "báo cáo không có số liệu nào của đơn vị trong kỳ"
        return text + (f" (các số liệu hiện có là của: {elsewhere})" if elsewhere else "")

    def base_empty_warning(self, previous: str) -> str:
        return f"kỳ so sánh ({previous}) không có số liệu"


VIETNAMESE = Vietnamese()
