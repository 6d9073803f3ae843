"""Bundled datasets.

:func:`bao_loc_2022_h1` is the interim review of Programme no. 06 in Bảo Lộc
city (Lâm Đồng) for the first half of 2022, as reported by Báo Lâm Đồng online
on 12 July 2022: every figure of the article, with its unit and qualifier, and
its narrative.

>>> r = bao_loc_2022_h1()
>>> r.programme.number, r.held_on, [c.name for c in r.chairs]
('06', Date(2022, 7, 12), ['Ngô Quốc Huy', 'Huỳnh Minh Chánh'])
>>> r.figure("outreach_reach").value
Quantity.more_than(13000, 'lượt')
>>> [x.rule.code for x in r.validate() if x.is_ambiguous]
['security_models_active_stock_identity']
"""

from __future__ import annotations

import functools
from importlib import resources

import pendulum

from anninh_toandan.activity import Activity, ActivityKind
from anninh_toandan.charity import CharityFund, Contribution
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    CASES_CLARIFIED,
    FUND_CONTRIBUTIONS,
    GIFTS,
    GIFTS_VALUE,
    HOUSES_COST,
    HOUSES_NEW,
    HOUSES_REPAIRED,
    LOUDSPEAKER_BROADCASTS,
    ONLINE_POSTS,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    PRINTED_COPIES,
    PRODUCTION_SUPPORT,
    SCHOLARSHIPS,
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.orgunit import Hierarchy, Level
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, OrganisationKind, Person, Programme
from anninh_toandan.quantity import Quantity
from anninh_toandan.review import Review, ReviewKind, Situation
from anninh_toandan.tip import CrimeType

__all__ = ["COVID_MODELS_ESTABLISHED", "bao_loc_2022_h1", "bao_loc_2022_h1_article"]

#: A custom indicator for the article's Covid-19 models, which it names without a number.
COVID_MODELS_ESTABLISHED = Indicator(
    code="covid_models_established",
    name_vi="Mô hình phòng chống dịch Covid-19 được xây dựng",
    name_en="Covid-19 prevention models established",
    unit="mô hình",
)

_MEETING_DAY = pendulum.Date(2022, 7, 12)


def _unit_code(name: str, level: Level) -> str:
    """The code of the bundled unit *name* at *level*, as it was on the meeting day."""
    found = [u for u in Hierarchy.bundled().find(name, on=_MEETING_DAY) if u.level is level]
    if len(found) != 1:  # pragma: no cover - guards the bundled data
        msg = f"the bundled units must hold exactly one {level.value} {name!r} on {_MEETING_DAY} (got {found!r})"
        raise LookupError(msg)
    return found[0].code


def bao_loc_2022_h1_article() -> str:
    """The text of the news article the bundled review comes from, as published.

    Báo Lâm Đồng online, 12 July 2022 (KHÁNH PHÚC), with its typing errors:
    the input for :func:`anninh_toandan.scan.scan` and the source that
    :func:`bao_loc_2022_h1` transcribes.

    >>> bao_loc_2022_h1_article().startswith("(LĐ online) - Chiều 12/7, Công an TP Bảo Lộc")
    True
    """
    return resources.files(__name__).joinpath("bao_loc_2022_h1_article.txt").read_text("utf-8")


@functools.cache
def bao_loc_2022_h1() -> Review:
    """The interim review of Programme no. 06 in Bảo Lộc for the first half of 2022.

    Texts are the article's, with its typing errors corrected (see
    ``docs/model.md``). The article's "19 models" is kept as reported next to
    "3 built" and "8 dissolved": it does not say whether the 19 count the 8
    dissolved, and :meth:`~anninh_toandan.review.Review.check` flags it.
    """
    province = _unit_code("Lâm Đồng", Level.PROVINCE)
    city = _unit_code("Bảo Lộc", Level.DISTRICT)
    h1 = Period.half_year(2022, 1)

    programme = Programme(
        number="06",
        title="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
        signed_on=pendulum.Date(2014, 3, 6),
        parties=[
            Organisation(kind=OrganisationKind.POLICE, name="Công an tỉnh Lâm Đồng", unit=province),
            Organisation(
                kind=OrganisationKind.FATHERLAND_FRONT,
                name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng",
                unit=province,
            ),
        ],
        units=[province],
    )
    city_police = Organisation(kind=OrganisationKind.POLICE, name="Công an TP Bảo Lộc", unit=city)
    city_front = Organisation(
        kind=OrganisationKind.FATHERLAND_FRONT, name="Ủy ban Mặt trận Tổ quốc Việt Nam TP Bảo Lộc", unit=city
    )
    members = Organisation(kind=OrganisationKind.MEMBER_ORGANISATION, name="các tổ chức thành viên", unit=city)
    joint = (city_police, city_front, members)

    def reported(indicator: Indicator, value: Quantity, by: Reporter, note: str | None = None) -> Figure:
        return Figure.reported(indicator, city, h1, value, reported_by=by, note=note)

    def mentioned(indicator: Indicator, by: Reporter, note: str) -> Figure:
        return Figure.mentioned(indicator, city, h1, reported_by=by, note=note)

    J, P = Reporter.JOINT, Reporter.POLICE
    figures = [
        reported(OUTREACH_SESSIONS, Quantity.exact(72, "buổi"), J, "buổi tuyên truyền"),
        reported(OUTREACH_REACH, Quantity.more_than(13000, "lượt"), J, "lượt quần chúng nhân dân"),
        reported(PRINTED_COPIES, Quantity.more_than(250, "bản"), J, "bản in ấn"),
        reported(
            LOUDSPEAKER_BROADCASTS,
            Quantity.exact(2700, "lượt"),
            J,
            "phát thanh trên hệ thống loa truyền thanh về an ninh trật tự",
        ),
        reported(
            ONLINE_POSTS,
            Quantity.order_of(100, "bài viết"),
            J,
            "đăng tải trên các trang zalo, facebook của Công an thành phố và các tổ chức thành viên",
        ),
        reported(SECURITY_MODELS_ESTABLISHED, Quantity.exact(3, "mô hình"), J, "xây dựng mới"),
        reported(
            SECURITY_MODELS_ACTIVE,
            Quantity.exact(19, "mô hình"),
            J,
            "nâng tổng số lên 19 mô hình trên toàn địa bàn; the article does not say whether the 19 are "
            "counted before or after the 8 models dissolved",
        ),
        reported(
            SECURITY_MODELS_DISSOLVED,
            Quantity.exact(8, "mô hình"),
            J,
            "thanh loại mô hình hoạt động cầm chừng, kém hiệu quả",
        ),
        reported(TIPS_RECEIVED, Quantity.exact(274, "tin"), P, "tin liên quan đến an ninh trật tự"),
        reported(TIPS_VALUABLE, Quantity.exact(100, "tin"), P, "tin có giá trị"),
        reported(CASES_CLARIFIED, Quantity.exact(44, "vụ việc"), P, "giúp làm rõ 44 vụ việc"),
        reported(
            FUND_CONTRIBUTIONS,
            Quantity.vnd(437_000_000),
            J,
            "cán bộ, chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo",
        ),
        reported(HOUSES_NEW, Quantity.exact(3, "nhà"), J, "nhà đại đoàn kết xây mới"),
        reported(HOUSES_REPAIRED, Quantity.exact(2, "nhà"), J, "nhà đại đoàn kết sửa chữa"),
        reported(HOUSES_COST, Quantity.vnd(190_000_000), J, "tổng kinh phí xây mới 3 nhà và sửa chữa 2 nhà"),
        reported(GIFTS, Quantity.order_of(100, "phần quà"), J, "cho học sinh khó khăn, người nghèo"),
        reported(
            GIFTS_VALUE,
            Quantity.order_of(100_000_000, "đồng"),
            J,
            "trị giá hàng trăm triệu đồng; the sentence may also count the production support and "
            "scholarships in this value",
        ),
        mentioned(SCHOLARSHIPS, J, "tặng học bổng cho học sinh khó khăn, người nghèo"),
        mentioned(PRODUCTION_SUPPORT, J, "hỗ trợ sản xuất"),
        mentioned(
            COVID_MODELS_ESTABLISHED,
            J,
            "nhiều mô hình hay trong công tác phòng chống dịch Covid-19 được xây dựng và phát huy hiệu quả",
        ),
    ]

    activities = [
        Activity(
            kind=ActivityKind.OUTREACH_SESSION,
            unit=city,
            period=h1,
            count=Quantity.exact(72, "buổi"),
            reach=Quantity.more_than(13000, "lượt"),
            organisers=joint,
            topic="các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        ),
        Activity(
            kind=ActivityKind.PRINTED_MATERIAL,
            unit=city,
            period=h1,
            count=Quantity.more_than(250, "bản"),
            organisers=joint,
        ),
        Activity(
            kind=ActivityKind.LOUDSPEAKER_BROADCAST,
            unit=city,
            period=h1,
            count=Quantity.exact(2700, "lượt"),
            organisers=joint,
            topic="an ninh trật tự",
        ),
        Activity(
            kind=ActivityKind.ONLINE_POST,
            unit=city,
            period=h1,
            count=Quantity.order_of(100, "bài viết"),
            channels=["zalo", "facebook"],
            organisers=joint,
            topic="công tác phòng chống tội phạm, tệ nạn xã hội",
        ),
    ]
    fund = CharityFund(
        name="Quỹ Vì người nghèo",
        unit=city,
        contributions=[
            Contribution(
                amount=Quantity.vnd(437_000_000),
                unit=city,
                period=h1,
                contributors="cán bộ, chiến sĩ, công chức, viên chức",
            )
        ],
    )

    return Review(
        programme=programme,
        unit=city,
        unit_name="TP Bảo Lộc",
        period=h1,
        kind=ReviewKind.INTERIM,
        held_on=_MEETING_DAY,
        organisers=[city_police, city_front],
        chairs=[
            Person(name="Ngô Quốc Huy", rank="Đại tá", title="Phó Trưởng Công an TP Bảo Lộc"),
            Person(
                name="Huỳnh Minh Chánh",
                honorific="ông",
                title="Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam TP Bảo Lộc",
            ),
        ],
        figures=figures,
        situation=Situation(
            text=[
                "tình hình tội phạm, tệ nạn xã hội trên địa bàn TP Bảo Lộc được kiềm chế, kéo giảm",
                "các loại tội phạm và tệ nạn xã hội, đặc biệt tội phạm cờ bạc, cố ý gây thương tích, "
                "tín dụng đen, ma túy còn diễn biến phức tạp, với thủ đoạn ngày càng tinh vi",
            ],
            crime_types=[
                CrimeType.GAMBLING,
                CrimeType.INTENTIONAL_INJURY,
                CrimeType.LOAN_SHARKING,
                CrimeType.DRUGS,
            ],
        ),
        results=[
            "Công an TP Bảo Lộc cùng các ngành chức năng tham mưu cấp ủy, chính quyền và Ban Chỉ đạo 138 "
            "thành phố thực hiện có hiệu quả các văn bản của cấp trên về công tác phòng chống tội phạm, "
            "tệ nạn xã hội nhằm giữ vững an ninh chính trị, đảm bảo trật tự an toàn xã hội trên địa bàn",
            "Công tác phối hợp giữa Công an TP Bảo Lộc với Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức "
            "thành viên trên địa bàn đã đạt nhiều kết quả nổi bật trong xây dựng phong trào toàn dân bảo vệ "
            "an ninh Tổ quốc",
            "Công an TP Bảo Lộc cùng Mặt trận Tổ quốc và các tổ chức thành viên đã phối hợp tổ chức 72 buổi "
            "tuyên truyền về các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước tới hơn "
            "13.000 lượt quần chúng nhân dân; đồng thời, phát hành hơn 250 bản in ấn, tiến hành phát thanh "
            "2.700 lượt trên hệ thống loa truyền thanh về an ninh trật tự; thực hiện hàng trăm bài viết tuyên "
            "truyền về công tác phòng chống tội phạm, tệ nạn xã hội đăng tải trên các trang zalo, facebook của "
            "Công an thành phố và các tổ chức thành viên",
            "Công an TP Bảo Lộc cùng Mặt trận Tổ quốc thành phố và các tổ chức thành viên đã phối hợp xây dựng "
            "3 mô hình phòng chống tội phạm, đảm bảo an ninh trật tự, nâng tổng số lên 19 mô hình trên toàn "
            "địa bàn; đồng thời, thanh loại 8 mô hình hoạt động cầm chừng, kém hiệu quả",
            "Từ kết quả hoạt động của các mô hình, Công an TP Bảo Lộc đã tiếp nhận 274 tin liên quan đến an "
            "ninh trật tự từ quần chúng nhân dân cung cấp. Trong đó, có 100 tin có giá trị giúp làm rõ 44 vụ "
            "việc góp phần đảm bảo an ninh trật tự trên địa bàn",
            "nhiều mô hình hay trong công tác phòng chống dịch Covid-19 được xây dựng và phát huy hiệu quả, "
            "thu hút đông đảo quần chúng nhân dân tham gia bảo vệ “vùng xanh”; bảo vệ an toàn phòng chống "
            "dịch tại các khu dân cư trên địa bàn",
            "Công an TP Bảo Lộc và các tổ chức thành viên của Mặt trận Tổ quốc đã phối hợp kêu gọi cán bộ, "
            "chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo 437 triệu đồng; hỗ trợ xây mới 3 nhà "
            "và sửa chữa 2 nhà đại đoàn kết, với tổng kinh phí 190 triệu đồng; đồng thời, hỗ trợ sản xuất, "
            "tặng học bổng và hàng trăm phần quà cho học sinh khó khăn, người nghèo trị giá hàng trăm triệu "
            "đồng. Qua đó, góp phần xây dựng thế trận lòng dân đảm bảo an ninh chính trị, trật tự an toàn xã "
            "hội trên toàn địa bàn thành phố",
        ],
        strengths=[
            "ghi nhận, biểu dương những kết quả đạt được trong công tác phối hợp đẩy mạnh phong trào toàn dân "
            "bảo vệ an ninh Tổ quốc trong tình hình mới trên địa bàn thành phố",
        ],
        shortcomings=[
            "công tác dân vận chính quyền và dân vận trong lực lượng công an còn nhiều khó khăn",
            "công tác tuyên dương các điển hình tiên tiến trong phòng chống tội phạm, tệ nạn xã hội chưa thật "
            "sự kịp thời",
            "việc xây dựng các mô hình mới về an ninh trật tự trên địa bàn còn khiêm tốn",
            "công tác giáo dục, giúp đỡ người lầm lỗi và thanh niên chậm tiến còn nhiều hạn chế nên kết quả "
            "chưa cao cần có sự điều chỉnh, thay đổi phù hợp với thực tế",
        ],
        causes=["do tình hình dịch Covid-19 diễn biến phức tạp"],
        directions=[
            "tiếp tục xây dựng các kế hoạch để phối hợp thực hiện nhiệm vụ đúng trọng tâm, trọng điểm và sát "
            "thực tế địa phương",
            "tiếp tục đẩy mạnh công tác tuyên truyền các chủ trương, đường lối của Đảng và chính sách, pháp "
            "luật của Nhà nước tới các tầng lớp Nhân dân",
            "thường xuyên đánh giá các mô hình để có hướng khắc phục và phát huy hiệu quả",
            "kịp thời tuyên dương, khen thưởng các điển hình tiên tiến để làm tốt công tác nêu gương",
            "tăng cường các biện pháp để cảm hóa, giúp đỡ người lầm lỗi và thanh niên chậm tiến sớm hòa nhập "
            "với cộng đồng",
        ],
        activities=activities,
        funds=[fund],
        source="LĐ online (Báo Lâm Đồng), KHÁNH PHÚC",
    )
