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
>>> r.situation.text[0].startswith("Thời gian qua"), r.situation.text[0].en.startswith("Over the past")
(True, True)
>>> [x.rule.code for x in r.validate() if x.is_ambiguous]
['security_models_active_stock_identity']
"""

from __future__ import annotations

import functools
from importlib import resources

import pendulum

from anninh_toandan.activity import Activity, ActivityKind
from anninh_toandan.charity import CharityFund, Contribution, Disbursement, DisbursementPurpose, SharedAmount
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    CASES_CLARIFIED,
    FUND_CONTRIBUTIONS,
    GIFTS,
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
from anninh_toandan.programme import Organisation, OrganisationKind, Passage, Person, Programme
from anninh_toandan.quantity import Quantity
from anninh_toandan.review import Review, ReviewKind, Situation
from anninh_toandan.security_model import DissolutionReason, DissolvedModels, ModelTopic
from anninh_toandan.tip import CrimeType

__all__ = ["COVID_MODELS_ESTABLISHED", "SUPPORT_VALUE", "bao_loc_2022_h1", "bao_loc_2022_h1_article"]

#: A custom indicator for the article's Covid-19 models, which it names without a number.
COVID_MODELS_ESTABLISHED = Indicator(
    code="covid_models_established",
    name_vi="Mô hình phòng, chống dịch COVID-19 được xây dựng",
    name_en="Covid-19 prevention models established",
    unit="mô hình",
)

#: A custom indicator for the one value the article gives production support, scholarships and
#: gifts together ("trị giá hàng trăm triệu đồng"): it is no one purpose's value.
SUPPORT_VALUE = Indicator(
    code="support_value",
    name_vi="Trị giá hỗ trợ sản xuất, học bổng và quà tặng",
    name_en="Value of production support, scholarships and gifts",
    unit="đồng",
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

    Every fact of the article is held as data where it is data (figures,
    topics, pages, donors, the reasons models were dissolved, the value that
    production support, scholarships and gifts share) and as narrative
    passages, in Vietnamese and English, where it is narrative. Texts are in
    the office's style where the article has a news style or typing errors
    (see ``docs/model.md``); quoted titles stay verbatim. The article's "19
    models" is kept as reported next to "3 built" and "8 dissolved": it does
    not say whether the 19 count the 8 dissolved, and
    :meth:`~anninh_toandan.review.Review.check` flags it.
    """
    province = _unit_code("Lâm Đồng", Level.PROVINCE)
    city = _unit_code("Bảo Lộc", Level.DISTRICT)
    h1 = Period.half_year(2022, 1)

    province_police = Organisation(
        kind=OrganisationKind.POLICE,
        name="Công an tỉnh Lâm Đồng",
        name_en="Lâm Đồng Provincial Police",
        unit=province,
    )
    province_front = Organisation(
        kind=OrganisationKind.FATHERLAND_FRONT,
        name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng",
        name_en="Lâm Đồng Provincial Committee of the Vietnam Fatherland Front",
        short_name="Ủy ban MTTQ Việt Nam tỉnh",
        unit=province,
    )
    programme = Programme(
        number="06",
        title="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
        title_en="Promoting the all-people movement to protect national security in the new situation",
        signed_on=pendulum.Date(2014, 3, 6),
        parties=[province_police, province_front],
        units=[province],
    )
    city_police = Organisation(
        kind=OrganisationKind.POLICE,
        name="Công an thành phố Bảo Lộc",
        name_en="Bảo Lộc City Police",
        short_name="Công an thành phố",
        unit=city,
    )
    city_front = Organisation(
        kind=OrganisationKind.FATHERLAND_FRONT,
        name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc",
        name_en="Bảo Lộc City Committee of the Vietnam Fatherland Front",
        short_name="Ủy ban MTTQ Việt Nam thành phố",
        unit=city,
    )
    members = Organisation(
        kind=OrganisationKind.MEMBER_ORGANISATION,
        name="các tổ chức thành viên",
        name_en="the member organisations of the Front",
        unit=city,
    )
    joint = (city_police, city_front, members)

    def reported(indicator: Indicator, value: Quantity, by: Reporter, note: str | None = None) -> Figure:
        return Figure.reported(indicator, city, h1, value, reported_by=by, note=note)

    def mentioned(indicator: Indicator, by: Reporter, note: str) -> Figure:
        return Figure.mentioned(indicator, city, h1, reported_by=by, note=note)

    J, P = Reporter.JOINT, Reporter.POLICE
    figures = [
        reported(OUTREACH_SESSIONS, Quantity.exact(72, "buổi"), J, "buổi tuyên truyền"),
        reported(OUTREACH_REACH, Quantity.more_than(13000, "lượt"), J, "lượt quần chúng Nhân dân"),
        reported(PRINTED_COPIES, Quantity.more_than(250, "bản"), J, "bản in ấn"),
        reported(
            LOUDSPEAKER_BROADCASTS,
            Quantity.exact(2700, "lượt"),
            J,
            "phát thanh trên hệ thống loa truyền thanh về an ninh, trật tự",
        ),
        reported(
            ONLINE_POSTS,
            Quantity.order_of(100, "bài viết"),
            J,
            "đăng trên các trang Zalo, Facebook của Công an thành phố và các tổ chức thành viên",
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
        reported(
            TIPS_RECEIVED,
            Quantity.exact(274, "tin"),
            P,
            "tin liên quan đến an ninh, trật tự do quần chúng Nhân dân cung cấp, từ kết quả hoạt động của các mô hình",
        ),
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
            SUPPORT_VALUE,
            Quantity.order_of(100_000_000, "đồng"),
            J,
            "trị giá hàng trăm triệu đồng: hỗ trợ sản xuất, học bổng và quà tặng cùng một giá trị",
        ),
        mentioned(SCHOLARSHIPS, J, "tặng học bổng cho học sinh khó khăn, người nghèo"),
        mentioned(PRODUCTION_SUPPORT, J, "hỗ trợ sản xuất"),
        mentioned(
            COVID_MODELS_ESTABLISHED,
            J,
            "nhiều mô hình hay trong công tác phòng, chống dịch COVID-19 được xây dựng và phát huy hiệu quả",
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
            topic=Passage(
                "chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
                en="the Party's guidelines and policies and the State's policies and laws",
            ),
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
            topic=Passage("an ninh, trật tự", en="security and public order"),
        ),
        Activity(
            kind=ActivityKind.ONLINE_POST,
            unit=city,
            period=h1,
            count=Quantity.order_of(100, "bài viết"),
            channels=["zalo", "facebook"],
            organisers=joint,
            topic=Passage(
                "công tác phòng, chống tội phạm, tệ nạn xã hội",
                en="the prevention and combating of crime and social evils",
            ),
            pages_of=[city_police, members],
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
                contributors=Passage(
                    "cán bộ, chiến sĩ, công chức, viên chức",
                    en="officers, soldiers, civil servants and public employees",
                ),
                raised_by=[city_police, members],
            )
        ],
    )
    needy = Passage("học sinh khó khăn, người nghèo", en="disadvantaged pupils and poor people")
    support = [
        Disbursement(purpose=DisbursementPurpose.HOUSE_NEW, unit=city, period=h1, count=Quantity.exact(3, "nhà")),
        Disbursement(purpose=DisbursementPurpose.HOUSE_REPAIR, unit=city, period=h1, count=Quantity.exact(2, "nhà")),
        Disbursement(purpose=DisbursementPurpose.PRODUCTION_SUPPORT, unit=city, period=h1),
        Disbursement(purpose=DisbursementPurpose.SCHOLARSHIP, unit=city, period=h1, beneficiaries=needy),
        Disbursement(
            purpose=DisbursementPurpose.GIFT,
            unit=city,
            period=h1,
            count=Quantity.order_of(100, "phần quà"),
            beneficiaries=needy,
        ),
    ]
    shared = [
        SharedAmount(
            purposes=[DisbursementPurpose.HOUSE_NEW, DisbursementPurpose.HOUSE_REPAIR],
            amount=Quantity.vnd(190_000_000),
            unit=city,
            period=h1,
        ),
        SharedAmount(
            purposes=[
                DisbursementPurpose.PRODUCTION_SUPPORT,
                DisbursementPurpose.SCHOLARSHIP,
                DisbursementPurpose.GIFT,
            ],
            amount=Quantity.order_of(100_000_000, "đồng"),
            unit=city,
            period=h1,
        ),
    ]
    dissolved = DissolvedModels(
        unit=city,
        period=h1,
        count=Quantity.exact(8, "mô hình"),
        reasons=[DissolutionReason.PERFUNCTORY, DissolutionReason.INEFFECTIVE],
        topic=ModelTopic.CRIME_PREVENTION,
    )
    outreach = ("outreach_sessions", "outreach_reach", "printed_copies", "loudspeaker_broadcasts", "online_posts")
    models = ("security_models_established", "security_models_active", "security_models_dissolved")
    tips = ("tips_received", "tips_valuable", "cases_clarified")
    charity = (
        "fund_contributions",
        "houses_new",
        "houses_repaired",
        "houses_cost",
        "production_support",
        "scholarships",
        "gifts",
        SUPPORT_VALUE.code,
    )

    return Review(
        programme=programme,
        unit=city,
        unit_name="thành phố Bảo Lộc",
        period=h1,
        kind=ReviewKind.INTERIM,
        held_on=_MEETING_DAY,
        organisers=[city_police, city_front],
        chairs=[
            Person(
                name="Ngô Quốc Huy",
                rank="Đại tá",
                title="Phó Trưởng Công an thành phố Bảo Lộc",
                title_en="Deputy Chief of Bảo Lộc City Police",
            ),
            Person(
                name="Huỳnh Minh Chánh",
                honorific="ông",
                title="Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc",
                title_en="Chairman of the Bảo Lộc City Committee of the Vietnam Fatherland Front",
            ),
        ],
        figures=figures,
        situation=Situation(
            text=[
                Passage(
                    "Thời gian qua, tình hình tội phạm, tệ nạn xã hội trên địa bàn thành phố được kiềm chế, kéo "
                    "giảm. Tuy nhiên, các loại tội phạm và tệ nạn xã hội, đặc biệt là tội phạm cờ bạc, cố ý gây "
                    "thương tích, tín dụng đen, ma túy còn diễn biến phức tạp, với thủ đoạn ngày càng tinh vi.",
                    en="Over the past period, crime and social evils in the city have been contained and reduced. "
                    "However, crime and social evils, in particular gambling, intentional injury, loan-sharking and "
                    "drug crime, remain complex, with ever more sophisticated methods.",
                ),
                Passage(
                    "Trước tình hình đó, Công an thành phố cùng các ngành chức năng tham mưu cấp ủy, chính quyền "
                    "và Ban Chỉ đạo 138 thành phố thực hiện có hiệu quả các văn bản của cấp trên về công tác "
                    "phòng, chống tội phạm, tệ nạn xã hội nhằm giữ vững an ninh chính trị, bảo đảm trật tự, an "
                    "toàn xã hội trên địa bàn.",
                    en="In response, the City Police, with the competent departments, advised the Party committee, "
                    "the city authorities and the city's Steering Committee 138 on implementing effectively the "
                    "higher levels' documents on preventing and combating crime and social evils, so as to "
                    "maintain political security and ensure public order and social safety in the city.",
                ),
            ],
            crime_types=[
                CrimeType.GAMBLING,
                CrimeType.INTENTIONAL_INJURY,
                CrimeType.LOAN_SHARKING,
                CrimeType.DRUGS,
            ],
        ),
        results=[
            Passage(
                "Công an thành phố cùng Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên "
                "phối hợp tổ chức 72 buổi tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật "
                "của Nhà nước cho hơn 13.000 lượt quần chúng Nhân dân; phát hành hơn 250 bản in ấn; phát thanh "
                "2.700 lượt trên hệ thống loa truyền thanh về an ninh, trật tự; thực hiện hàng trăm bài viết "
                "tuyên truyền về công tác phòng, chống tội phạm, tệ nạn xã hội đăng trên các trang Zalo, "
                "Facebook của Công an thành phố và các tổ chức thành viên.",
                en="The City Police, with the City Committee of the Vietnam Fatherland Front and its member "
                "organisations, held 72 outreach sessions on the Party's guidelines and policies and the State's "
                "policies and laws, with more than 13,000 attendances; issued more than 250 printed copies; made "
                "2,700 loudspeaker broadcasts on security and public order; and published hundreds of posts on "
                "the prevention and combating of crime and social evils on the Zalo and Facebook pages of the "
                "City Police and the member organisations.",
                about=outreach,
            ),
            Passage(
                "Công an thành phố cùng Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên "
                "phối hợp xây dựng 3 mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự, nâng tổng số lên "
                "19 mô hình trên toàn địa bàn; đồng thời, thanh loại 8 mô hình hoạt động cầm chừng, kém hiệu quả.",
                en="Together they set up 3 community models for crime prevention and public order, bringing the "
                "total to 19 models across the city, and dissolved 8 models that worked only for form or "
                "ineffectively.",
                about=models,
            ),
            Passage(
                "Từ kết quả hoạt động của các mô hình, Công an thành phố đã tiếp nhận 274 tin liên quan đến an "
                "ninh, trật tự do quần chúng Nhân dân cung cấp; trong đó có 100 tin có giá trị, giúp làm rõ 44 "
                "vụ việc, góp phần bảo đảm an ninh, trật tự trên địa bàn.",
                en="Thanks to the work of the models, the City Police received 274 pieces of information on "
                "security and public order from the public, 100 of them valuable, which helped to clarify 44 "
                "cases and contributed to security and public order in the city.",
                about=tips,
            ),
            Passage(
                "Nhiều mô hình hay trong công tác phòng, chống dịch COVID-19 được xây dựng và phát huy hiệu quả, "
                "thu hút đông đảo quần chúng Nhân dân tham gia bảo vệ “vùng xanh”, bảo vệ an toàn phòng, chống "
                "dịch tại các khu dân cư trên địa bàn.",
                en="Many good models for COVID-19 prevention were set up and worked well, drawing large numbers "
                "of people into protecting the “green zones” and keeping residential areas safe from the "
                "epidemic.",
            ),
            Passage(
                "Công an thành phố và các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam thành phố phối hợp "
                "kêu gọi cán bộ, chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo 437 triệu đồng; hỗ trợ "
                "xây mới 3 nhà và sửa chữa 2 nhà đại đoàn kết với tổng kinh phí 190 triệu đồng; hỗ trợ sản xuất, "
                "tặng học bổng và hàng trăm phần quà cho học sinh khó khăn, người nghèo, trị giá hàng trăm triệu "
                "đồng.",
                en="The City Police and the member organisations of the City Front called on officers, soldiers, "
                "civil servants and public employees, who gave VND 437 million to the Fund for the Poor; supported "
                "the building of 3 new great-solidarity houses and the repair of 2, at a total cost of VND 190 "
                "million; and gave production support, scholarships and hundreds of gifts to disadvantaged pupils "
                "and poor people, worth hundreds of millions of đồng together.",
                about=charity,
            ),
            Passage(
                "Các hoạt động an sinh xã hội góp phần xây dựng thế trận lòng dân, bảo đảm an ninh chính trị, "
                "trật tự, an toàn xã hội trên toàn địa bàn thành phố.",
                en="This social support helped to build the “people's hearts” posture and to ensure political "
                "security, public order and social safety throughout the city.",
            ),
        ],
        strengths=[
            Passage(
                "Công tác phối hợp giữa Công an thành phố với Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các "
                "tổ chức thành viên đạt nhiều kết quả nổi bật trong xây dựng phong trào toàn dân bảo vệ an ninh "
                "Tổ quốc.",
                en="Coordination between the City Police, the City Committee of the Vietnam Fatherland Front and "
                "its member organisations achieved notable results in building the all-people movement to protect "
                "national security.",
            ),
        ],
        shortcomings=[
            Passage(
                "Công tác dân vận chính quyền và dân vận trong lực lượng Công an còn nhiều khó khăn.",
                en="Mass mobilisation by the authorities and within the police force still faces many difficulties.",
            ),
            Passage(
                "Công tác tuyên dương các điển hình tiên tiến trong phòng, chống tội phạm, tệ nạn xã hội chưa "
                "thật sự kịp thời.",
                en="Exemplary people in preventing and combating crime and social evils are not yet commended "
                "in good time.",
            ),
            Passage(
                "Việc xây dựng các mô hình mới về an ninh, trật tự trên địa bàn còn khiêm tốn.",
                en="Few new security and public-order models have been set up in the city.",
            ),
            Passage(
                "Công tác giáo dục, giúp đỡ người lầm lỗi và thanh niên chậm tiến còn nhiều hạn chế, kết quả chưa cao.",
                en="Education of and help for offenders and at-risk youths still has many limitations, with "
                "modest results.",
            ),
        ],
        objective_causes=[
            Passage(
                "Tình hình dịch COVID-19 diễn biến phức tạp, ảnh hưởng đến công tác dân vận chính quyền và dân "
                "vận trong lực lượng Công an.",
                en="The complex course of the COVID-19 epidemic hampered mass mobilisation by the authorities and "
                "within the police force.",
            ),
        ],
        directions=[
            Passage(
                "Tiếp tục xây dựng các kế hoạch phối hợp thực hiện nhiệm vụ đúng trọng tâm, trọng điểm, sát "
                "thực tế địa phương.",
                en="Continue to draw up plans for coordinated tasks that are focused and close to local realities.",
            ),
            Passage(
                "Tiếp tục đẩy mạnh công tác tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật "
                "của Nhà nước đến các tầng lớp Nhân dân.",
                en="Step up outreach on the Party's guidelines and policies and the State's policies and laws "
                "to all sections of the people.",
            ),
            Passage(
                "Thường xuyên đánh giá các mô hình để có hướng khắc phục và phát huy hiệu quả.",
                en="Assess the models regularly, to remedy their weaknesses and build on what works.",
            ),
            Passage(
                "Kịp thời tuyên dương, khen thưởng các điển hình tiên tiến để làm tốt công tác nêu gương.",
                en="Commend and reward exemplary people in good time, so that they set an example.",
            ),
            Passage(
                "Điều chỉnh, thay đổi công tác giáo dục, giúp đỡ người lầm lỗi và thanh niên chậm tiến cho phù "
                "hợp với thực tế.",
                en="Adjust the education of and help for offenders and at-risk youths to local realities.",
            ),
            Passage(
                "Đặc biệt, tăng cường các biện pháp cảm hóa, giúp đỡ người lầm lỗi và thanh niên chậm tiến sớm "
                "hòa nhập với cộng đồng.",
                en="Above all, strengthen the measures that help offenders and at-risk youths to reform and "
                "return to the community soon.",
            ),
        ],
        remarks=[
            Passage(
                "Lãnh đạo Công an thành phố và Ủy ban Mặt trận Tổ quốc Việt Nam thành phố ghi nhận, biểu dương "
                "những kết quả đạt được trong công tác phối hợp đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ "
                "quốc trong tình hình mới trên địa bàn thành phố; đồng thời, chỉ ra những khó khăn, hạn chế cần "
                "khắc phục trong thời gian tới.",
                en="The leaders of the City Police and of the City Committee of the Vietnam Fatherland Front "
                "acknowledged and commended the results of the coordination in promoting the all-people "
                "movement to protect national security in the new situation in the city, and pointed out the "
                "difficulties and shortcomings to be overcome.",
            ),
        ],
        activities=activities,
        dissolved_models=[dissolved],
        funds=[fund],
        support=support,
        shared_amounts=shared,
        source="Báo Lâm Đồng điện tử (LĐ online), 12/7/2022, KHÁNH PHÚC",
    )
