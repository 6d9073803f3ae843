"""Finding figures in running Vietnamese text, and drafting a review from them.

Much of what offices hold is prose: ward reports, meeting minutes, news
articles. :func:`scan` finds every number in such a text and says what it is:
a count ("hơn 13.000 lượt"), an amount of money ("437 triệu đồng"), a share
("644/707 vụ"), a pair ("13 vụ/24 bị can"), a percentage, a date, a period, or
a number inside a name ("Ban Chỉ đạo 138", "Covid-19"), which is not a figure.
Quantities without a number ("nhiều vụ") are found too, and malformed numbers
("56.0000 người") are reported as suspicious, never guessed.

:func:`draft_figures` then proposes, from the words around each figure, which
indicator of the catalogue it reports, so that a user reviews a draft instead
of typing figures in.

>>> items = scan("Tổ chức 72 buổi tuyên truyền cho hơn 13.000 lượt người; ủng hộ 437 triệu đồng.")
>>> [(i.kind.value, i.text) for i in items]
[('count', '72 buổi'), ('count', 'hơn 13.000 lượt người'), ('money', '437 triệu đồng')]
>>> items[1].quantity
Quantity.more_than(13000, 'lượt người')
>>> [(i.kind.value, i.text) for i in scan("Ban Chỉ đạo 138 phòng chống Covid-19")]
[('name', '138'), ('name', 'Covid-19')]

Positions are indices into the text as given, even when it arrives in NFD or
with no-break spaces; every item's :attr:`Found.text` is ``text[start:end]``.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pendulum
from attrs import evolve, frozen

from anninh_toandan import _vocabulary as vocab
from anninh_toandan._checks import check_int, check_str
from anninh_toandan._reader import DATES_IN_BRACKETS as _DATES_IN_BRACKETS
from anninh_toandan._reader import NUMBER_WORD, read_number_words
from anninh_toandan._reader import PERIOD_FORMS as _PERIOD_FORMS
from anninh_toandan._reader import Text as _Text
from anninh_toandan._reader import read_amount as _amount
from anninh_toandan._reader import read_number as _number
from anninh_toandan.errors import AnninhError, ParseError, QuantityError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.formatting import format_date, format_number, format_period, format_quantity
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator, IndicatorCatalogue
from anninh_toandan.parsing import parse_date, parse_period
from anninh_toandan.period import Period
from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity

__all__ = [
    "Draft",
    "DraftFigure",
    "Found",
    "Kind",
    "ScanError",
    "Unplaced",
    "as_dicts",
    "draft_figures",
    "format_draft",
    "format_table",
    "scan",
    "to_json",
]


class ScanError(AnninhError, ValueError):
    """A draft cannot be made as asked (no period given and none found in the text, ...).

    :attr:`reason_vi` says the same in Vietnamese.
    """

    def __init__(self, message: str, reason_vi: str | None = None) -> None:
        super().__init__(message)
        self.reason_vi = reason_vi


class Kind(enum.Enum):
    """What a found item is."""

    COUNT = "count"
    """A number with a unit noun: "72 buổi", "hơn 13.000 lượt"."""
    MONEY = "money"
    """An amount of money: "437 triệu đồng", "437.000.000đ"."""
    SHARE = "share"
    """A part of a whole: "644/707 vụ"; :attr:`Found.second` is the whole."""
    PAIR = "pair"
    """Two counts of different units: "13 vụ/24 bị can"; :attr:`Found.second` is the second."""
    PERCENT = "percent"
    """A percentage: "91,09%"; :attr:`Found.number` holds it."""
    NUMBER = "number"
    """A number with no unit the scanner recognises; :attr:`Found.number` holds it."""
    UNQUANTIFIED = "unquantified"
    """A quantity without a number: "nhiều vụ", "một số mô hình"."""
    DATE = "date"
    """A date: "ngày 6/3/2014", "Chiều 12/7". Not a figure."""
    PERIOD = "period"
    """A period: "6 tháng đầu năm 2022", "quý I/2022", "6 tháng qua". Not a figure."""
    NAME = "name"
    """A number inside a name or an address: "số 06", "Ban Chỉ đạo 138", "Covid-19", "km 12+500". Not a figure."""
    DURATION = "duration"
    """A length of time: "Sau 10 năm thực hiện", "trong ba tháng". Not a figure."""


_NOT_FIGURES = (Kind.DATE, Kind.PERIOD, Kind.NAME, Kind.DURATION)


@frozen(kw_only=True)
class Found:
    """One item found by :func:`scan`.

    ``span`` is ``(start, end)`` in the text as given; ``text`` is that slice.
    Fields that do not apply to the item's kind are ``None``.
    """

    kind: Kind
    """What the item is."""
    span: tuple[int, int]
    """Start and end (exclusive) in the text as given."""
    text: str
    """The item's text, as given."""
    sentence: tuple[int, int]
    """Start and end of the sentence holding the item, in the text as given."""
    quantity: Quantity | None = None
    """The count or amount (the part, for a share; the first count, for a pair)."""
    second: Quantity | None = None
    """The whole of a share, or the second count of a pair."""
    unit: str | None = None
    """The unit noun as written (NFC): "lượt", "bài viết", "đ", ...; for money as written, not "đồng"."""
    number: Decimal | None = None
    """The number of a percentage, of a share's percentage, or of a number without a unit."""
    date: pendulum.Date | None = None
    """The date of a ``DATE`` item, when complete (or completed by ``year=``)."""
    period: Period | None = None
    """The period of a ``PERIOD`` item, when complete (or completed by ``year=``)."""
    tied_to: tuple[int, int] | None = None
    """For an amount or percentage in brackets right after a figure: that figure's span."""
    suspicious_reason: str | None = None
    """Why the item cannot be read (a malformed number, an impossible date, ...); nothing is guessed."""
    note: str | None = None
    """Why a name is a name, what a period or date lacks, how a unit was read."""

    @property
    def is_figure(self) -> bool:
        """Whether the item states (or hints at) a figure: not a date, a period or a name."""
        return self.kind not in _NOT_FIGURES

    @property
    def is_suspicious(self) -> bool:
        """Whether the item could not be read as written."""
        return self.suspicious_reason is not None

    @property
    def start(self) -> int:
        """The start of :attr:`span`."""
        return self.span[0]

    @property
    def end(self) -> int:
        """The end of :attr:`span`."""
        return self.span[1]


# -- the words the scanner knows ----------------------------------------------

_I = re.IGNORECASE


_words = vocab.alternation


#: Unit nouns of counts; the longest one that follows a number is the unit.
UNIT_NOUNS = (
    "buổi", "đợt", "cuộc", "lớp", "hội nghị", "phiên", "lượt", "lượt người", "người",
    "bản", "bản tin", "tờ rơi", "tờ", "cuốn", "tài liệu", "áp phích", "pa-nô", "pa nô", "băng rôn",
    "khẩu hiệu", "bài", "bài viết", "tin bài", "tin", "tin báo", "nguồn tin", "tin tố giác", "đơn", "vụ",
    "vụ việc", "vụ án", "đối tượng", "bị can", "bị cáo", "trường hợp", "mô hình", "loại mô hình", "tổ",
    "tổ tự quản", "đội", "câu lạc bộ", "nhà", "căn", "căn nhà", "ngôi nhà", "suất quà", "phần quà", "phần",
    "suất học bổng", "học bổng", "suất", "tập thể", "cá nhân", "hộ", "hộ gia đình", "gia đình", "học sinh",
    "sinh viên", "cán bộ", "chiến sĩ", "hội viên", "đoàn viên", "xe", "chiếc", "phương tiện", "camera",
    "cụm loa", "loa", "video", "clip", "lần", "trang", "hồ sơ", "khu dân cư", "điểm", "con", "cây", "kg",
    "văn bản", "kế hoạch", "xã", "phường", "thôn", "ấp", "tổ dân phố", "khu phố", "địa bàn", "cơ sở", "doanh nghiệp",
    "km", "ha", "tấn", "lít", "ngày", "tháng", "năm", "tuần", "giờ", "tuổi",
)  # fmt: skip

_UNIT = re.compile(rf"(?:{_words(UNIT_NOUNS)})(?![\w-])", _I)
_MONEY = re.compile(rf"(?:{_words(vocab.MONEY_UNIT_ALIASES)})(?!\w)", _I)
_LETTER_UNITS = {"đ", "vnđ", "vnd", "km", "kg", "ha", "m", "m2", "cm", "g", "l"}
_QUALIFIER_BEFORE = re.compile(rf"(?<!\w)(?:{_words(vocab.QUALIFIERS)})\s+\Z", _I)
_SCALE_WORDS = _words(vocab.SCALES)
_ORDER_OF = re.compile(rf"(?<!\w){vocab.ORDER_OF}\s+(?:{_words([*vocab.ORDER_SMALL, *vocab.SCALES])})(?!\w)", _I)
_UNQUANTIFIED = re.compile(rf"(?<!\w)(?:{_words(vocab.UNQUANTIFIED)})\s+(?P<u>{_UNIT.pattern})", _I)
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_SCALE_AFTER = re.compile(rf"\s*({_SCALE_WORDS})(?!\w)", _I)
_SCALE_BEFORE = re.compile(rf"(?<!\w)(?:{_SCALE_WORDS})\Z", _I)
_SCALES = {word: len(str(value)) - 1 for word, value in vocab.SCALES.items()}
_MORE_AMOUNT = re.compile(rf"\s+(\d+(?:,\d+)?)\s+({_words(w for w, v in vocab.SCALES.items() if v < 10**9)})(?!\w)", _I)
_PERCENT = re.compile(r"\s?%")
_SLASH = re.compile(r"\s*/\s*(?=\d)")
_STOPWORDS = frozenset(
    {
        "và", "với", "so", "trên", "trong", "tại", "của", "là", "được", "đã", "đến", "từ", "cho", "theo", "thì",
        "nhưng", "hoặc", "hay", "các", "những", "này", "đó", "ở", "lên", "xuống", "khi", "để", "vào", "ra", "có",
        "không", "bị", "nên", "mà", "đạt", "tăng", "giảm", "bằng", "chiếm", "gồm", "như", "sau", "trước", "về",
        "do", "qua", "tới",
    }
)  # fmt: skip

#: Words that, right before a number, make it part of a name ("phường 10", "Ban Chỉ đạo 138").
NAME_WORDS = (
    "phường", "xã", "thị trấn", "quận", "huyện", "thôn", "ấp", "khóm", "buôn", "bon", "tổ dân phố", "tổ",
    "khu phố", "khu vực", "khu", "đội", "tiểu đội", "trung đội", "đại đội", "tiểu đoàn", "trung đoàn",
    "sư đoàn", "lữ đoàn", "quân khu", "đường", "quốc lộ", "ql", "tỉnh lộ", "đường tỉnh", "hương lộ", "lớp",
    "trường", "cấp", "ban chỉ đạo", "chương trình", "kế hoạch", "quyết định", "nghị định", "nghị quyết",
    "chỉ thị", "thông tư", "công văn", "luật", "điều", "khoản", "điểm", "mục", "phụ lục", "đề án", "dự án",
    "tờ trình", "báo cáo", "hướng dẫn", "kết luận", "thông báo", "tuyến", "chốt", "trạm", "cụm", "lô",
    "căn hộ", "thứ", "lần thứ", "khóa", "lần", "tầng", "km",
)  # fmt: skip

_NAME_BEFORE = re.compile(rf"(?<!\w)(?P<w>(?<!tổng\s)số|{_words(NAME_WORDS)})(?:\s+số)?\s*:?\s*\Z", _I)
_DAY_BEFORE = re.compile(r"(?<!\w)ngày\s+\Z", _I)
_ADDRESS = re.compile(
    r"(?<!\w)(?:số\s+nhà|nhà\s+số|km|lý\s+trình|hẻm|ngõ|ngách|kiệt|kios|ki-ốt)\s*(?:số\s*)?"
    r"(?P<n>\d+(?:\s*[/+]\s*\d+)+[a-z]?|\d+[a-z]?(?![\d.,]))",
    _I,
)
_NUMBER_WORDS = re.compile(rf"(?<!\w){NUMBER_WORD}(?:\s+{NUMBER_WORD})*", _I)
_DURATION_UNITS = frozenset(vocab.DURATION_UNITS)
#: Number words that alone are words of the sentence more often than numbers: "một" (a, one), "không" (not).
_LONE_WORDS = frozenset({"một", "không"})
_QUOTES = re.compile(r"“[^”\n]{0,120}”|\"[^\"\n]{0,120}\"|«[^»\n]{0,120}»")
_ALNUM = re.compile(r"(?<![\w.,-])\w+(?:-\w+)*")
_DOC_CODE = re.compile(r"(?<![\w/])\d+(?:/\d+)*[/-][A-ZĐ][\w-]*(?:/[\w-]+)*")
_HEADING = re.compile(r"^[ \t]*(\d+(?:\.\d+)*)[.)](?=[ \t])", re.MULTILINE)
_DAY_MONTH_NAME = re.compile(r"(?<![\w/])\d{1,2}\s+tháng\s+\d{1,2}(?![\w/])(?!\s*,?\s*năm\s+\d)", _I)

_TIME_WORDS = r"ngày|sáng|trưa|chiều|tối|đêm|hôm|rạng\s+sáng"
_FULL_DATES = (
    re.compile(r"(?<![\w/.,])(?:ngày\s+)?\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4}(?![\w/])", _I),
    re.compile(r"(?<!\w)(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s*(?:,\s*)?năm\s+\d{4}(?!\d)", _I),
    re.compile(r"(?<![\w/.,])\d{4}-\d{2}-\d{2}(?![\w/])"),
)
_PARTIAL_DATES = (
    re.compile(rf"(?<!\w)(?:{_TIME_WORDS})\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})(?![\w/.-])", _I),
    re.compile(r"(?<!\w)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?![\w/])(?!\s*,?\s*năm\s+\d)", _I),
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEARLESS_PERIODS = (
    ("half", re.compile(r"(?<!\w)(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?!\s+\d)(?:\s+nay)?(?!\w)", _I)),
    ("nine", re.compile(r"(?<!\w)(?:9|chín)\s+tháng\s+(?:đầu\s+)?năm(?!\s+\d)(?:\s+nay)?(?!\w)", _I)),
    ("quarter", re.compile(r"(?<!\w)(?:quý|qúy|quí)\s+(?P<i>iv|iii|ii|i|[1-4])(?![\w/])(?!\s+năm\s+\d)", _I)),
    ("month", re.compile(r"(?<!\w)tháng\s+(?P<i>\d{1,2})(?![\w/])(?!\s+năm\s+\d)", _I)),
    ("relative", re.compile(r"(?<![\w/])\d{1,2}\s+(?:tháng|năm|quý)\s+(?:vừa\s+qua|qua|gần\s+đây)(?!\w)", _I)),
)
_PERIOD_PATTERNS = tuple(re.compile(r"(?<![\w/])" + form.pattern, _I) for _kind, form in _PERIOD_FORMS)

_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "ths", "ts", "gs", "pgs", "bs", "q", "p", "h", "x", "ks", "th", "nxb"})
_SENTENCE_END = re.compile(r"[.!?…]+[”\"')\]]*(?=\s)|\n")


# -- scanning -------------------------------------------------------------------


class _Scanner:
    """One scan of one text: normalised text, taken positions, items in normalised coordinates."""

    def __init__(self, text: str, year: int | None) -> None:
        self.t = _Text(text, "a text")
        self.n = self.t.norm
        self.year = year
        self.taken = bytearray(len(self.n))
        self.items: list[dict[str, Any]] = []
        self.quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(self.n)]

    # -- bookkeeping -------------------------------------------------------

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def add(self, kind: Kind, start: int, end: int, **fields: Any) -> None:
        self.taken[start:end] = b"\x01" * (end - start)
        self.items.append({"kind": kind, "start": start, "end": end, **fields})

    def skip(self, i: int) -> int:
        while i < len(self.n) and self.n[i].isspace():
            i += 1
        return i

    # -- structures first: periods, dates, names ---------------------------

    def structures(self) -> None:
        candidates: list[tuple[int, int, Kind, dict[str, Any]]] = []
        for pattern in _PERIOD_PATTERNS:
            for m in pattern.finditer(self.n):
                end = m.end()
                b = _DATES_IN_BRACKETS.match(self.n, end)
                if b is not None:
                    end = b.end()
                candidates.append((m.start(), end, Kind.PERIOD, self.full_period(m.start(), end)))
        for kind_name, pattern in _YEARLESS_PERIODS:
            for m in pattern.finditer(self.n):
                candidates.append((m.start(), m.end(), Kind.PERIOD, self.yearless_period(kind_name, m)))
        for pattern in _FULL_DATES:
            for m in pattern.finditer(self.n):
                candidates.append((m.start(), m.end(), Kind.DATE, self.full_date(m.start(), m.end())))
        for pattern in _PARTIAL_DATES:
            for m in pattern.finditer(self.n):
                candidates.append((m.start(), m.end(), Kind.DATE, self.partial_date(m)))
        for m in _DAY_MONTH_NAME.finditer(self.n):
            candidates.append((m.start(), m.end(), Kind.NAME, {"note": "a day and month without a year: a name"}))
        for m in _DOC_CODE.finditer(self.n):
            candidates.append((m.start(), m.end(), Kind.NAME, {"note": "a document number"}))
        for m in _ADDRESS.finditer(self.n):
            candidates.append((m.start("n"), m.end("n"), Kind.NAME, {"note": "an address"}))
        for m in _ALNUM.finditer(self.n):
            token = m.group()
            if any(c.isdigit() for c in token) and any(c.isalpha() for c in token) and not self.unit_suffix(token):
                candidates.append((m.start(), m.end(), Kind.NAME, {"note": "letters and digits in one word"}))
        for m in _HEADING.finditer(self.n):
            candidates.append((m.start(1), m.end(1), Kind.NAME, {"note": "a heading number"}))
        # The longest wins; at equal length the earliest.
        for start, end, kind, fields in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if self.free(start, end):
                self.add(kind, start, end, **fields)

    @staticmethod
    def unit_suffix(token: str) -> bool:
        m = re.fullmatch(r"\d+([^\W\d_]+\d?)", token)
        return m is not None and (m.group(1) in _LETTER_UNITS or m.group(1).lower() in ("vnđ", "vnd", "đ"))

    def full_period(self, start: int, end: int) -> dict[str, Any]:
        try:
            return {"period": parse_period(self.n[start:end])}
        except ParseError as exc:
            return {"suspicious_reason": exc.reason}

    def yearless_period(self, kind: str, m: re.Match[str]) -> dict[str, Any]:
        if kind == "relative":
            return {"note": "a period counted back from the text's date"}
        if self.year is None:
            return {"note": "no year: pass year= to complete it"}
        if kind == "half":
            return {"period": Period.half_year(self.year, 1 if m["h"].lower() == "đầu" else 2)}
        if kind == "nine":
            return {"period": Period.nine_months(self.year)}
        token = m["i"].lower()
        index = int(token) if token.isdigit() else _ROMAN[token]
        if kind == "quarter":
            return {"period": Period.quarter(self.year, index)}
        if not 1 <= index <= 12:
            return {"suspicious_reason": f"there is no month {index}"}
        return {"period": Period.month(self.year, index)}

    def full_date(self, start: int, end: int) -> dict[str, Any]:
        try:
            return {"date": parse_date(self.n[start:end])}
        except ParseError as exc:
            return {"suspicious_reason": exc.reason}

    def partial_date(self, m: re.Match[str]) -> dict[str, Any]:
        day, month = int(m["d"]), int(m["m"])
        if not 1 <= month <= 12:
            return {"suspicious_reason": f"there is no month {month}"}
        if self.year is None:
            return {"note": "no year: pass year= to complete it"}
        try:
            return {"date": pendulum.Date(self.year, month, day)}
        except ValueError:
            return {"suspicious_reason": f"there is no day {day} in month {month} of {self.year}"}

    # -- quantities without a number ---------------------------------------

    def unquantified(self) -> None:
        for m in _UNQUANTIFIED.finditer(self.n):
            if self.free(m.start(), m.end()):
                unit = " ".join(m["u"].split())
                self.add(Kind.UNQUANTIFIED, m.start(), m.end(), unit=unit, note="no number is stated")

    # -- numbers -----------------------------------------------------------

    def numbers(self) -> None:
        starts = [(m.start(), m.end(), True) for m in _NUMBER_TOKEN.finditer(self.n)]
        starts += [(m.start(), m.end(), False) for m in _ORDER_OF.finditer(self.n)]
        for start, end, is_digits in sorted(starts):
            if not self.free(start, end):
                continue
            if is_digits and self.name_number(start, end):
                continue
            self.figure(start, end, is_digits)
        for m in _NUMBER_WORDS.finditer(self.n):
            if self.free(m.start(), m.end()):
                self.words_figure(m.start())

    def words_figure(self, start: int) -> None:
        """Read a count or an amount whose number is written in words ("hai mươi tư tin báo").

        Only a number followed by a known unit noun or by the money unit is a
        figure; "một" and "không" alone are not read (they are mostly "a" and
        "not"), nor is a number after a name word ("tổ dân phố ba").
        """
        reason: str | None = None
        try:
            read = read_number_words(self.t, start, len(self.n))
        except ParseError as exc:
            read, reason = None, exc.reason
        if read is None and reason is None:
            return
        end = read[1] if read is not None else _NUMBER_WORDS.match(self.n, start).end()  # type: ignore[union-attr]
        words = " ".join(self.n[start:end].lower().split())
        if words in _LONE_WORDS or _NAME_BEFORE.search(self.n, max(0, start - 40), start):
            return
        q = _QUALIFIER_BEFORE.search(self.n, max(0, start - 25), start)
        begin = start if q is None else q.start()
        if not self.free(begin, end):
            begin = start
        money = _MONEY.match(self.n, self.skip(end))
        unit_m = _UNIT.match(self.n, self.skip(end)) if money is None else None
        if (money is None and unit_m is None) or self.skip(end) == end:
            return
        stop = money.end() if money is not None else unit_m.end()  # type: ignore[union-attr]
        if not self.free(begin, stop):
            return
        if reason is not None:
            kind = Kind.MONEY if money is not None else Kind.COUNT
            self.add(kind, begin, stop, suspicious_reason=reason)
            return
        assert read is not None
        qualifier = (
            Qualifier.EXACT if q is None or begin == start else vocab.QUALIFIERS[" ".join(q.group().lower().split())]
        )
        if money is not None:
            self.quantity(Kind.MONEY, begin, money.end(), read[0], MONEY_UNIT, qualifier, unit=money.group())
            return
        assert unit_m is not None
        unit = " ".join(unit_m.group().split())
        kind = Kind.DURATION if unit.lower() in _DURATION_UNITS else Kind.COUNT
        self.quantity(kind, begin, unit_m.end(), read[0], unit, qualifier, unit=unit, note="the number is in words")

    def name_number(self, start: int, end: int) -> bool:
        if any(a < start < b for a, b in self.quotes):
            self.add(Kind.NAME, start, end, note="inside quotation marks")
            return True
        lo = max(0, start - 40)
        if _DAY_BEFORE.search(self.n, lo, start):
            self.add(Kind.DATE, start, end, note="a day without a month")
            return True
        m = _NAME_BEFORE.search(self.n, lo, start)
        if m is not None:
            self.add(Kind.NAME, start, end, note=f"after {' '.join(m['w'].split())!r}")
            return True
        return False

    def figure(self, start: int, end: int, is_digits: bool) -> None:
        """Read the figure whose number (or "hàng ...") is at ``[start, end)``."""
        q = _QUALIFIER_BEFORE.search(self.n, max(0, start - 25), start) if is_digits else None
        begin = start if q is None else q.start()
        if is_digits:
            try:
                number, number_end = _number(self.t, start)
            except ParseError as exc:
                self.suspicious(begin, end, exc.reason)
                return
            p = _PERCENT.match(self.n, number_end)
            if p is not None:
                negative = start > 0 and self.n[start - 1] == "-"
                note = None if q is None else f"qualifier {' '.join(q.group().split())!r}"
                begin = start - negative if q is None else begin
                self.add(Kind.PERCENT, begin, p.end(), number=-number if negative else number, note=note)
                return
        try:
            qualifier, value, i = _amount(self.t, begin, len(self.n))
        except ParseError as exc:
            self.suspicious(begin, end, exc.reason)
            return
        value, i = self.more_amount(value, i)
        if is_digits:
            s = _SLASH.match(self.n, i)
            if s is not None and self.share_or_pair(begin, qualifier, value, i, s.end()):
                return
        money = _MONEY.match(self.n, self.skip(i))
        if money is not None:
            self.quantity(Kind.MONEY, begin, money.end(), value, MONEY_UNIT, qualifier, unit=money.group())
            return
        unit, unit_end, note = self.unit(i)
        if unit is None:
            if qualifier is not Qualifier.EXACT:
                note = f"the qualifier is {qualifier.name}"
            self.add(Kind.NUMBER, begin, i, number=Decimal(value), note=note)
            return
        if unit.lower() in _DURATION_UNITS:
            self.quantity(Kind.DURATION, begin, unit_end, value, unit, qualifier, unit=unit, note="a length of time")
            return
        self.quantity(Kind.COUNT, begin, unit_end, value, unit, qualifier, unit=unit, note=note)

    def more_amount(self, value: int, i: int) -> tuple[int, int]:
        """Add the smaller parts of "1 tỷ 200 triệu": (value, end)."""
        while True:
            scale = _SCALE_BEFORE.search(self.n, max(0, i - 6), i)
            m = _MORE_AMOUNT.match(self.n, i)
            if scale is None or m is None or _SCALES[m.group(2).lower()] >= _SCALES[scale.group().lower()]:
                return value, i
            try:
                _q, more, j = _amount(self.t, m.start(1), len(self.n))
            except ParseError:
                return value, i
            value, i = value + more, j

    def unit(self, i: int) -> tuple[str | None, int, str | None]:
        j = self.skip(i)
        m = _UNIT.match(self.n, j)
        if m is not None:
            return " ".join(m.group().split()), m.end(), None
        w = re.match(r"[^\W\d_]+(?![\w-])", self.n[j:])
        if w is not None and j > i and w.group()[0].islower() and w.group() not in _STOPWORDS:
            return w.group(), j + w.end(), "the unit is not a known unit noun"
        return None, i, None

    def quantity(
        self, kind: Kind, start: int, end: int, value: int, noun: str, qualifier: Qualifier, **fields: Any
    ) -> None:
        try:
            q = Quantity(value=value, unit=noun, qualifier=qualifier)
        except QuantityError as exc:
            self.add(kind, start, end, suspicious_reason=str(exc), **fields)
            return
        self.add(kind, start, end, quantity=q, **fields)

    def share_or_pair(self, begin: int, qualifier: Qualifier, value: int, i: int, j: int) -> bool:
        """Read "644/707 vụ" (a share) or "13 vụ/24 bị can" (a pair) if *i* is before the slash."""
        try:
            q2, value2, k = _amount(self.t, j, len(self.n))
        except ParseError:
            return False
        unit2, end, _note = self.unit(k)
        if unit2 is None:
            return False
        if qualifier is not Qualifier.EXACT or q2 is not Qualifier.EXACT or value > value2:
            reason = "a part larger than its whole" if value > value2 else "a share of approximate numbers"
            self.add(Kind.SHARE, begin, end, unit=unit2, suspicious_reason=reason)
            return True
        self.add(
            Kind.SHARE,
            begin,
            end,
            quantity=Quantity.exact(value, unit2),
            second=Quantity.exact(value2, unit2),
            unit=unit2,
        )
        return True

    def suspicious(self, begin: int, end: int, reason: str) -> None:
        """A malformed number at ``[begin, end)``: say why, and read what follows it, but no value."""
        i = end
        while (scale := _SCALE_AFTER.match(self.n, i)) is not None:
            i = scale.end()
        money = _MONEY.match(self.n, self.skip(i))
        if money is not None:
            self.add(Kind.MONEY, begin, money.end(), unit=money.group(), suspicious_reason=reason)
            return
        unit, unit_end, _note = self.unit(i)
        if unit is None:
            self.add(Kind.NUMBER, begin, i, suspicious_reason=reason)
        else:
            self.add(Kind.COUNT, begin, unit_end, unit=unit, suspicious_reason=reason)


def _pair_units(scanner: _Scanner) -> None:
    """Turn "13 vụ/24 bị can" (two counts around a slash) into one pair."""
    items = sorted(scanner.items, key=lambda d: int(d["start"]))
    out: list[dict[str, Any]] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev["kind"] is Kind.COUNT
            and item["kind"] is Kind.COUNT
            and re.fullmatch(r"\s*/\s*", scanner.n[prev["end"] : item["start"]])
            and prev.get("quantity") is not None
            and item.get("quantity") is not None
        ):
            if prev["unit"].lower() == item["unit"].lower():
                whole: Quantity = item["quantity"]
                part: Quantity = prev["quantity"]
                suspicious = part.value > whole.value or not (part.is_exact and whole.is_exact)
                prev.update(kind=Kind.SHARE, end=item["end"], second=whole)
                if suspicious:
                    prev.update(quantity=None, second=None, suspicious_reason="a part larger than its whole")
            else:
                prev.update(kind=Kind.PAIR, end=item["end"], second=item["quantity"])
            continue
        out.append(item)
    scanner.items = out


def _tie(scanner: _Scanner) -> None:
    """Tie an amount or percentage in brackets to the figure right before the bracket."""
    items = scanner.items
    figures = (Kind.COUNT, Kind.SHARE, Kind.PAIR, Kind.UNQUANTIFIED, Kind.MONEY)
    for before, after in itertools.pairwise(items):
        if before["kind"] not in figures or after["kind"] not in (Kind.MONEY, Kind.PERCENT):
            continue
        if before["kind"] is Kind.MONEY and after["kind"] is Kind.MONEY:
            continue
        between = scanner.n[before["end"] : after["start"]]
        m = re.fullmatch(r"[^\S\n]*(?:\(|,[^\S\n]*đạt)[^()\n]{0,30}", between)
        if m is None or (between.strip().startswith(",") and after["kind"] is not Kind.PERCENT):
            continue
        after["tied_to"] = (before["start"], before["end"])
        if after["kind"] is Kind.PERCENT and before["kind"] is Kind.SHARE and before.get("quantity") is not None:
            before["number"] = after["number"]
            reason = _check_percent(before["quantity"].value, before["second"].value, after["number"])
            if reason is not None:
                after["suspicious_reason"] = reason


def _check_percent(part: int, whole: int, percent: Decimal) -> str | None:
    if whole == 0:
        return "a share of a whole of 0"
    exponent = min(0, int(percent.as_tuple().exponent))
    step = Decimal(1).scaleb(exponent)
    exact = Decimal(part) * 100 / Decimal(whole)
    if abs(exact - percent) < step:
        return None
    shown = exact.quantize(step, rounding=ROUND_HALF_UP)
    return f"the percentage {percent}% does not match {part}/{whole} ({shown}%)"


def _sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans of the normalised text (stripped of surrounding spaces)."""
    cuts = [0]
    for m in _SENTENCE_END.finditer(norm):
        if m.group() != "\n":
            word = re.search(r"(\w+)\W*\Z", norm[max(0, m.start() - 12) : m.start() + 1])
            if word is not None and word.group(1).lower() in _ABBREVIATIONS and norm[m.start()] == ".":
                continue
            nxt = norm[m.end() :].lstrip()
            if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"'(-–•"):
                continue
        cuts.append(m.end())
    cuts.append(len(norm))
    spans = []
    for a, b in itertools.pairwise(cuts):
        seg = norm[a:b]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            spans.append((a + lead, a + len(seg.rstrip())))
    return spans


def _check_year(year: object) -> int | None:
    if year is not None:
        check_int("year", year)
        assert isinstance(year, int)
        if not 1001 <= year <= 9998:
            msg = f"'year' must be between 1001 and 9998 (got {year!r})"
            raise ScanError(msg, f"năm phải từ 1001 đến 9998 (đã nhập {year})")
    return year


def scan(text: str, *, year: int | None = None) -> list[Found]:
    """Find every figure, date, period and number-in-a-name in *text*, in order.

    *year* completes dates and periods that name no year ("Chiều 12/7",
    "6 tháng đầu năm"); without it they are found with ``date``/``period``
    ``None`` and a note. The text may be NFC or NFD, with no-break spaces and
    ``’``; spans refer to the text as given.

    >>> [(i.kind.value, i.text) for i in scan("Chiều 12/7, sơ kết Chương trình số 06 ngày 6/3/2014")]
    [('date', 'Chiều 12/7'), ('name', '06'), ('date', 'ngày 6/3/2014')]
    >>> scan("Chiều 12/7", year=2022)[0].date
    Date(2022, 7, 12)
    >>> share, percent, pair = scan("khám phá 644/707 vụ (đạt 91,09%), khởi tố 13 vụ/24 bị can")
    >>> share.kind.value, share.quantity, share.second, share.number
    ('share', Quantity.exact(644, 'vụ'), Quantity.exact(707, 'vụ'), Decimal('91.09'))
    >>> percent.tied_to == share.span, pair.kind.value, pair.second
    (True, 'pair', Quantity.exact(24, 'bị can'))
    >>> bad = scan("vận động 56.0000 người")[0]
    >>> bad.kind.value, bad.quantity, bad.suspicious_reason
    ('count', None, "malformed digit group '0000' (groups of thousands have 3 digits)")
    """
    check_str("text", text, allow_empty=True)
    scanner = _Scanner(text, _check_year(year))
    scanner.structures()
    scanner.unquantified()
    scanner.numbers()
    _pair_units(scanner)
    _tie(scanner)
    sentences = _sentences(scanner.n)
    sentence_starts = [a for a, _b in sentences]
    pos = scanner.t.positions
    out: list[Found] = []
    for item in sorted(scanner.items, key=lambda d: int(d["start"])):
        start, end = int(item.pop("start")), int(item.pop("end"))
        k = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        s_start, s_end = sentences[k] if sentences else (0, len(scanner.n))
        tied = item.pop("tied_to", None)
        out.append(
            Found(
                span=(pos[start], pos[end]),
                text=text[pos[start] : pos[end]],
                sentence=(pos[s_start], pos[s_end]),
                tied_to=None if tied is None else (pos[tied[0]], pos[tied[1]]),
                **item,
            )
        )
    return out


# -- drafting -------------------------------------------------------------------


@frozen(kw_only=True)
class DraftFigure:
    """A figure :func:`draft_figures` proposes: an indicator, a quantity and how sure it is.

    ``confidence`` is between 0 and 1: 0.8 and above means a keyword of the
    indicator stands right next to the figure and no other indicator comes
    close; below 0.6 a reviewer should look at it (:meth:`Draft.needs_review`).
    It ranks proposals; it is not a probability.
    """

    indicator: Indicator
    """The proposed indicator."""
    quantity: Quantity | None
    """The figure's quantity; ``None`` for a fact named without a number."""
    confidence: float
    """How sure the proposal is, from 0 to 1."""
    sentence: str
    """The sentence the figure came from, as given."""
    found: Found | None = None
    """The item :func:`scan` found; ``None`` for a fact named without a number."""
    evidence: tuple[str, ...] = ()
    """The words that led to the indicator ("xây mới", "unit 'phần quà'", ...)."""
    span: tuple[int, int] | None = None
    """Where the figure (or the words naming the fact) stand in the text as given."""

    @property
    def status(self) -> FigureStatus:
        """``REPORTED`` with a quantity, ``MENTIONED`` without."""
        return FigureStatus.REPORTED if self.quantity is not None else FigureStatus.MENTIONED


@frozen(kw_only=True)
class Unplaced:
    """A found item that :func:`draft_figures` did not place on an indicator, and why."""

    found: Found
    """The item."""
    reason: str
    """Why it was not placed."""
    sentence: str
    """Its sentence, as given."""


@frozen(kw_only=True)
class Draft:
    """The draft of a review's figures: what was placed, and what was not.

    Review it (:meth:`needs_review`, :func:`format_draft`), correct it with
    :meth:`without` and :meth:`with_figure`, then build the figures with
    :meth:`to_figure_set`.
    """

    unit: str
    """The code of the organisational unit the figures are for."""
    period: Period
    """The period the figures cover."""
    figures: tuple[DraftFigure, ...]
    """The proposed figures, in text order, at most one per indicator."""
    unplaced: tuple[Unplaced, ...]
    """Every found figure that was not placed, with the reason."""

    def get(self, code: str) -> DraftFigure | None:
        """The proposed figure for the indicator *code*, or ``None``."""
        return next((f for f in self.figures if f.indicator.code == code), None)

    def needs_review(self, threshold: float = 0.6) -> tuple[DraftFigure, ...]:
        """The proposals whose confidence is below *threshold*."""
        return tuple(f for f in self.figures if f.confidence < threshold)

    def without(self, *codes: str) -> Draft:
        """A copy without the proposals for the indicators *codes*."""
        return evolve(self, figures=tuple(f for f in self.figures if f.indicator.code not in codes))

    def with_figure(self, figure: DraftFigure) -> Draft:
        """A copy in which *figure* replaces any proposal for its indicator."""
        if not isinstance(figure, DraftFigure):
            msg = f"'figure' must be a DraftFigure (got {figure!r} of type {type(figure).__name__})"
            raise ValidationTypeError(msg)
        kept = [f for f in self.figures if f.indicator.code != figure.indicator.code]
        return evolve(self, figures=tuple(sorted([*kept, figure], key=_position)))

    def to_figure_set(self, *, reported_by: Reporter | None = None, min_confidence: float = 0.0) -> FigureSet:
        """The figures for :attr:`unit` and :attr:`period`: reported, or mentioned without a number.

        Each figure's note is the clause it came from. Proposals below
        *min_confidence* are left out.
        """
        figures = []
        for f in self.figures:
            if f.confidence < min_confidence:
                continue
            note = _clause(f)
            if f.quantity is None:
                figures.append(
                    Figure.mentioned(f.indicator, self.unit, self.period, reported_by=reported_by, note=note)
                )
            else:
                figures.append(
                    Figure.reported(f.indicator, self.unit, self.period, f.quantity, reported_by=reported_by, note=note)
                )
        return FigureSet(figures)


def _position(f: DraftFigure) -> tuple[int, int]:
    return f.span or (0, 0)


def _clause(f: DraftFigure) -> str:
    """The clause of the sentence around the figure (between semicolons)."""
    if f.found is None:
        return f.sentence.strip()
    offset = f.found.start - f.found.sentence[0]
    before = f.sentence[:offset].rsplit(";", 1)[-1]
    after = f.sentence[offset:].split(";", 1)[0]
    return " ".join((before + after).split()).strip(" .,")


@frozen
class _Rule:
    code: str
    units: Mapping[str, float]
    keywords: Mapping[str, float]
    requires: tuple[str, ...] = ()


_COUNT_BASE = 0.1
_SPECIFIC = 0.6
_MONEY_UNITS = {MONEY_UNIT: 0.05}

#: How each indicator of the standard catalogue is recognised.
_RULES = (
    _Rule(
        "outreach_sessions",
        {"buổi": _COUNT_BASE, "đợt": _COUNT_BASE, "cuộc": _COUNT_BASE,
         "lớp": _COUNT_BASE, "hội nghị": _COUNT_BASE},
        {"tuyên truyền": 1.0, "phổ biến": 0.8, "tập huấn": 0.6, "nói chuyện": 0.6, "giáo dục pháp luật": 0.6},
    ),
    _Rule(
        "outreach_reach",
        {"lượt": _COUNT_BASE, "lượt người": 0.2, "người": _COUNT_BASE},
        {"quần chúng": 1.0, "nhân dân": 0.8, "người dân": 0.8, "tham dự": 0.8, "tham gia": 0.5,
         "tuyên truyền": 0.5, "cán bộ": 0.4},
        ("tuyên truyền", "phổ biến", "tham dự", "quần chúng", "nói chuyện", "tập huấn"),
    ),
    _Rule(
        "printed_copies",
        {"bản": _SPECIFIC, "tờ rơi": _SPECIFIC, "tờ": 0.2, "cuốn": 0.2, "tài liệu": 0.2, "áp phích": _SPECIFIC,
         "pa-nô": _SPECIFIC, "pa nô": _SPECIFIC, "băng rôn": _SPECIFIC, "khẩu hiệu": 0.2},
        {"in ấn": 1.0, "phát hành": 0.8, "cấp phát": 0.8, "tờ rơi": 0.8, "tài liệu": 0.5, "treo": 0.5},
    ),
    _Rule(
        "loudspeaker_broadcasts",
        {"lượt": _COUNT_BASE, "buổi": _COUNT_BASE, "lần": _COUNT_BASE, "tin": _COUNT_BASE, "bài": _COUNT_BASE,
         "bản tin": _COUNT_BASE, "giờ": _COUNT_BASE, "tin bài": _COUNT_BASE},
        {"phát thanh": 1.2, "loa": 1.0, "truyền thanh": 1.0, "xe loa": 1.2, "phát sóng": 0.8},
    ),
    _Rule(
        "online_posts",
        {"bài": _COUNT_BASE, "bài viết": 0.5, "tin bài": 0.2, "tin": _COUNT_BASE, "video": 0.2, "clip": 0.2},
        {"zalo": 1.0, "facebook": 1.0, "fanpage": 1.0, "mạng xã hội": 1.0, "youtube": 1.0, "tiktok": 1.0,
         "đăng tải": 0.8, "trang": 0.4, "cổng thông tin": 0.8, "bài viết": 0.5},
    ),
    _Rule(
        "security_models_established",
        {"mô hình": _COUNT_BASE},
        {"xây dựng": 1.0, "thành lập": 1.0, "ra mắt": 1.0, "xây dựng mới": 1.2, "mới": 0.4},
    ),
    _Rule(
        "security_models_active",
        {"mô hình": _COUNT_BASE},
        {"tổng số": 1.0, "nâng": 0.8, "lên": 0.6, "hiện có": 1.0, "duy trì": 0.8, "đang hoạt động": 1.0,
         "toàn địa bàn": 0.4},
    ),
    _Rule(
        "security_models_dissolved",
        {"mô hình": _COUNT_BASE},
        {"thanh loại": 1.2, "giải thể": 1.2, "loại bỏ": 1.0, "dừng hoạt động": 1.0, "kém hiệu quả": 0.4,
         "cầm chừng": 0.4},
    ),
    _Rule(
        "tips_received",
        {"tin": _COUNT_BASE, "tin báo": 0.3, "nguồn tin": 0.3, "tin tố giác": 0.3},
        {"tiếp nhận": 1.0, "nhận được": 1.0, "cung cấp": 0.6, "tố giác": 0.6, "tin báo": 0.6, "quần chúng": 0.4},
    ),
    _Rule(
        "tips_valuable",
        {"tin": _COUNT_BASE, "tin báo": _COUNT_BASE, "nguồn tin": _COUNT_BASE},
        {"có giá trị": 1.5},
    ),
    _Rule(
        "cases_clarified",
        {"vụ": _COUNT_BASE, "vụ việc": _COUNT_BASE, "vụ án": _COUNT_BASE},
        {"làm rõ": 1.0, "giúp": 0.8, "khám phá": 0.6, "phục vụ điều tra": 0.8},
        ("tin",),
    ),
    _Rule(
        "fund_contributions",
        _MONEY_UNITS,
        {"quỹ vì người nghèo": 1.5, "ủng hộ": 1.0, "vận động": 0.8, "đóng góp": 0.8},
    ),
    _Rule(
        "houses_new",
        {"nhà": _COUNT_BASE, "căn": _COUNT_BASE, "căn nhà": _COUNT_BASE, "ngôi nhà": _COUNT_BASE},
        {"xây mới": 1.2, "xây dựng": 0.8, "làm mới": 1.0, "khởi công": 0.8, "bàn giao": 0.6, "đại đoàn kết": 0.3,
         "tình nghĩa": 0.3},
    ),
    _Rule(
        "houses_repaired",
        {"nhà": _COUNT_BASE, "căn": _COUNT_BASE, "căn nhà": _COUNT_BASE, "ngôi nhà": _COUNT_BASE},
        {"sửa chữa": 1.2, "chỉnh trang": 0.8, "đại đoàn kết": 0.3, "tình nghĩa": 0.3},
    ),
    _Rule(
        "houses_cost",
        _MONEY_UNITS,
        {"kinh phí": 0.8, "nhà đại đoàn kết": 1.0, "nhà tình nghĩa": 1.0, "xây mới": 0.5, "sửa chữa": 0.5},
    ),
    _Rule(
        "gifts",
        {"phần quà": _SPECIFIC, "suất quà": _SPECIFIC, "phần": _COUNT_BASE, "suất": _COUNT_BASE},
        {"quà": 1.0, "tặng": 0.5, "trao": 0.5},
    ),
    _Rule("gifts_value", _MONEY_UNITS, {"quà": 1.0, "trị giá": 0.5}, ("quà",)),
    _Rule(
        "scholarships",
        {"suất học bổng": _SPECIFIC, "học bổng": _SPECIFIC, "suất": _COUNT_BASE},
        {"học bổng": 1.0, "tặng": 0.3, "trao": 0.3},
    ),
    _Rule("scholarships_value", _MONEY_UNITS, {"học bổng": 1.0, "trị giá": 0.5}, ("học bổng",)),
    _Rule(
        "production_support",
        {"suất": _COUNT_BASE, "con": _COUNT_BASE, "hộ": _COUNT_BASE},
        {"hỗ trợ sản xuất": 1.2, "sinh kế": 1.0, "con giống": 1.0, "cây giống": 1.0},
    ),
    _Rule(
        "production_support_value",
        _MONEY_UNITS,
        {"hỗ trợ sản xuất": 1.0, "sinh kế": 1.0, "trị giá": 0.5},
        ("hỗ trợ sản xuất", "sinh kế", "con giống", "cây giống"),
    ),
)  # fmt: skip

#: The indicator whose value a money figure after "trị giá" / "kinh phí" gives, by the count before it.
_VALUE_OF = {
    "gifts": "gifts_value",
    "scholarships": "scholarships_value",
    "production_support": "production_support_value",
    "houses_new": "houses_cost",
    "houses_repaired": "houses_cost",
}
_VALUE_WORDS = re.compile(r"(?<!\w)(?:tổng\s+)?(?:trị\s+giá|giá\s+trị|kinh\s+phí|số\s+tiền)(?!\w)", re.IGNORECASE)
#: Words naming a fact without a number: "hỗ trợ sản xuất, tặng học bổng".
_MENTIONS = (
    ("production_support", re.compile(r"(?<!\w)hỗ\s+trợ\s+sản\s+xuất(?!\w)", re.IGNORECASE)),
    ("scholarships", re.compile(r"(?<!\w)học\s+bổng(?!\w)", re.IGNORECASE)),
    ("gifts", re.compile(r"(?<!\w)(?:tặng|trao)\s+quà(?!\w)", re.IGNORECASE)),
)
_CHANNELS = ("zalo", "facebook", "youtube", "tiktok")
_MENTION_CONFIDENCE = 0.5
#: How much a keyword of the sentence before weighs, for a sentence that continues it ("Trong đó, ...").
_SUBJECT_WEIGHT = 0.4
_CONTINUES = re.compile(rf"(?:{_words(vocab.CONTINUATIONS)})(?!\w)", re.IGNORECASE)
_PLAN = re.compile(
    r"(?<!\w)(?:"
    + _words(w for w in vocab.PLAN_WORDS if w not in ("kế hoạch", "chỉ tiêu"))
    + r"|(?<=theo )kế\s+hoạch|(?<=trong )kế\s+hoạch|(?<![\w%] )(?<!\w)kế\s+hoạch(?=\s*(?:năm|đến|đề\s+ra|:|,))"
    + r"|(?<!đạt )(?<!vượt )(?<!hoàn thành )(?<!% )chỉ\s+tiêu)(?!\w)",
    re.IGNORECASE,
)
_PER_ITEM_BEFORE = re.compile(
    rf"(?<!\w)(?:{_words(vocab.PER_ITEM)})\s+(?P<u>{_UNIT.pattern})(?:\s+[^\W\d_]+){{0,3}}\s*:?\s*\Z",
    re.IGNORECASE,
)
_PER_ITEM_AFTER = re.compile(rf"\s*(?:/\s*|(?:{_words(vocab.PER_ITEM)})\s+)(?P<u>{_UNIT.pattern})", re.IGNORECASE)
_PLACE_AT = 0.35
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(phrase: str) -> re.Pattern[str]:
    found = _PATTERNS.get(phrase)
    if found is None:
        found = re.compile(rf"(?<!\w)(?:{_words([phrase])})(?!\w)")
        _PATTERNS[phrase] = found
    return found


class _Context:
    """The text lower-cased (same length), its word starts and the figures' spans, for scoring."""

    def __init__(self, text: str, items: Sequence[Found]) -> None:
        norm = _Text(text, "a text")
        self.norm = norm.norm
        self.positions = norm.positions
        self.low = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm.norm)
        # Normalised index of each original index.
        self.at = [0] * (len(text) + 1)
        for k in range(len(norm.positions) - 1, -1, -1):
            self.at[norm.positions[k]] = k
        self.word_starts = [m.start() for m in re.finditer(r"\w+", self.low)]
        self.figures = sorted((self.at[f.start], self.at[f.end]) for f in items if f.is_figure)

    def span(self, found: Found) -> tuple[int, int]:
        return self.at[found.start], self.at[found.end]

    def words_between(self, a: int, b: int) -> int:
        return bisect.bisect_left(self.word_starts, b) - bisect.bisect_left(self.word_starts, a)

    def figures_between(self, a: int, b: int) -> int:
        return sum(1 for s, e in self.figures if s >= a and e <= b)

    def proximity(self, phrase: str, fig: tuple[int, int], sentence: tuple[int, int]) -> float:
        """How close *phrase* stands to the figure in its sentence: 0 when absent."""
        best = 0.0
        for m in _pattern(phrase).finditer(self.low, sentence[0], sentence[1]):
            if fig[0] <= m.start() < fig[1]:
                continue  # the figure's own words count through its unit
            if m.end() <= fig[0]:
                a, b, factor = m.end(), fig[0], 1.0
            elif m.start() >= fig[1]:
                a, b, factor = fig[1], m.start(), 0.5
                nxt = next((s for s, _e in self.figures if s >= m.end()), None)
                if nxt is not None and self.words_between(m.end(), nxt) < self.words_between(a, b):
                    factor *= 0.3  # the words belong to the next figure
            else:
                continue
            words = self.words_between(a, b)
            if words == 0 and factor == 0.5:
                factor = 0.9  # the words right after the unit complete it: "72 buổi tuyên truyền"
            score = factor / (1 + words / 2)
            score *= 0.3 ** self.figures_between(a, b)
            if ";" in self.low[a:b]:
                score *= 0.3
            best = max(best, score)
        return best

    def has(self, phrase: str, sentence: tuple[int, int]) -> bool:
        return _pattern(phrase).search(self.low, sentence[0], sentence[1]) is not None


def _score(
    rule: _Rule,
    found: Found,
    unit: str,
    ctx: _Context,
    fig: tuple[int, int],
    sent: tuple[int, int],
    subject: tuple[int, int] | None = None,
) -> tuple[float, list[str]]:
    """The score of *rule* for the figure; *subject* is the sentence before, when this one continues it."""
    base = rule.units.get(unit.lower())
    places = [sent] if subject is None else [sent, subject]
    if base is None or (rule.requires and not any(ctx.has(w, s) for w in rule.requires for s in places)):
        return 0.0, []
    score, evidence = base, [f"unit {unit!r}"]
    for phrase, weight in rule.keywords.items():
        p = ctx.proximity(phrase, fig, sent)
        if p >= 0.05:
            score += weight * p
            evidence.append(phrase)
        elif subject is not None and ctx.has(phrase, subject):
            score += weight * _SUBJECT_WEIGHT
            evidence.append(f"{phrase} (the sentence before)")
    return score, evidence


def _confidence(best: float, second: float) -> float:
    return round(min(1.0, best) * best / (best + second), 2)


def _check_period(period: object) -> Period | None:
    if period is not None and not isinstance(period, Period):
        msg = f"'period' must be a Period or None (got {period!r} of type {type(period).__name__})"
        raise ValidationTypeError(msg)
    return period


def draft_figures(
    text: str,
    *,
    unit: str,
    period: Period | None = None,
    catalogue: IndicatorCatalogue = STANDARD_INDICATORS,
    year: int | None = None,
) -> Draft:
    """Place the figures :func:`scan` finds in *text* on indicators of *catalogue*.

    Each figure is scored against each indicator from its unit noun and the
    words around it (nearer words weigh more, words before the number more
    than words after it, words past another figure or a ";" much less). The
    best indicator takes the figure if its score is high enough; an indicator
    takes at most one figure (the most confident; the others are unplaced).
    An amount after "trị giá" or "kinh phí", or in brackets after a count,
    gives the value of that count's indicator ("hàng trăm phần quà ... trị giá
    hàng trăm triệu đồng" → ``gifts_value``). Facts named without a number
    ("hỗ trợ sản xuất, tặng học bổng") are proposed as mentioned.

    *period* defaults to the first complete period the text names; *year*
    is passed to :func:`scan`.

    >>> d = draft_figures("Năm 2022, tiếp nhận 274 tin, trong đó 100 tin có giá trị.", unit="672")
    >>> [(f.indicator.code, f.quantity.value) for f in d.figures]
    [('tips_received', 274), ('tips_valuable', 100)]
    >>> d.period.id
    '2022'
    """
    check_str("unit", unit)
    wanted = _check_period(period)
    if not isinstance(catalogue, IndicatorCatalogue):
        msg = f"'catalogue' must be an IndicatorCatalogue (got {catalogue!r} of type {type(catalogue).__name__})"
        raise ValidationTypeError(msg)
    items = scan(text, year=year)
    if wanted is None:
        wanted = next((i.period for i in items if i.period is not None), None)
        if wanted is None:
            msg = f"'period' must be given: the text names no complete period (got {text[:60]!r})"
            raise ScanError(
                msg, "cần cho biết kỳ báo cáo: văn bản không nêu kỳ nào đầy đủ (ví dụ 6 tháng đầu năm 2022)"
            )
    ctx = _Context(text, items)
    rules = [r for r in _RULES if r.code in catalogue]
    placed: list[DraftFigure] = []
    unplaced: list[Unplaced] = []
    by_span: dict[tuple[int, int], DraftFigure] = {}
    previous: Found | None = None
    counts: list[Found] = []
    subjects = _subjects(text, items, ctx)
    for found in items:
        if not found.is_figure:
            continue
        sentence = text[found.sentence[0] : found.sentence[1]]
        plan = _plan_word(found, ctx)
        per_item = _per_item(found, ctx) if found.kind is Kind.MONEY and plan is None else None
        result: str | tuple[Indicator, float, tuple[str, ...]]
        quantity = found.quantity
        if plan is not None:
            result = f"a plan or target ({plan!r}), not a result"
        elif per_item is not None:
            result, quantity = _multiply(found, per_item, counts, by_span, catalogue)
        else:
            result = _place(found, rules, catalogue, ctx, by_span, previous, subjects.get(found.sentence))
        if isinstance(result, str):
            unplaced.append(Unplaced(found=found, reason=result, sentence=sentence))
        else:
            indicator, confidence, evidence = result
            draft = DraftFigure(
                indicator=indicator,
                quantity=quantity,
                confidence=confidence,
                sentence=sentence,
                found=found,
                evidence=evidence,
                span=found.span,
            )
            placed.append(draft)
            by_span[found.span] = draft
        if found.kind is not Kind.PERCENT:
            previous = found
        if found.kind is Kind.COUNT and found.quantity is not None:
            counts.append(found)
    kept, dropped = _one_per_indicator(placed)
    unplaced.extend(dropped)
    kept.extend(_mentions(text, items, ctx, catalogue, {f.indicator.code for f in kept}))
    kept.sort(key=_position)
    unplaced.sort(key=lambda u: u.found.span)
    return Draft(unit=unit, period=wanted, figures=tuple(kept), unplaced=tuple(unplaced))


def _subjects(text: str, items: Sequence[Found], ctx: _Context) -> dict[tuple[int, int], tuple[int, int]]:
    """For each sentence that continues the one before ("Trong đó, ..."), that sentence (normalised span).

    The sentence before must be in the same paragraph (no blank line between).
    """
    sentences = _sentences(ctx.norm)
    starts = [a for a, _b in sentences]
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for here in {i.sentence for i in items}:
        start = ctx.at[here[0]]
        k = bisect.bisect_right(starts, start) - 1
        if k < 1 or _CONTINUES.match(ctx.low, start) is None:
            continue
        before = sentences[k - 1]
        if ctx.norm.count("\n", before[1], start) < 2:
            out[here] = before
    return out


def _plan_word(found: Found, ctx: _Context) -> str | None:
    """The word that makes the figure's clause a plan or target ("dự kiến", "phấn đấu"...), if any."""
    start = ctx.at[found.sentence[0]]
    fig = ctx.span(found)[0]
    clause = max(start, ctx.low.rfind(";", start, fig) + 1)
    words = [m.group() for m in _PLAN.finditer(ctx.low, clause, fig)]
    return " ".join(words[-1].split()) if words else None


def _per_item(found: Found, ctx: _Context) -> str | None:
    """The item noun when the amount is the price of one item ("mỗi suất 2 triệu đồng", "2 triệu đồng/suất")."""
    fig = ctx.span(found)
    before = _PER_ITEM_BEFORE.search(ctx.low, max(ctx.at[found.sentence[0]], fig[0] - 40), fig[0])
    if before is not None:
        return " ".join(before["u"].split())
    after = _PER_ITEM_AFTER.match(ctx.low, fig[1])
    return None if after is None else " ".join(after["u"].split())


def _multiply(
    found: Found,
    item: str,
    counts: Sequence[Found],
    by_span: Mapping[tuple[int, int], DraftFigure],
    catalogue: IndicatorCatalogue,
) -> tuple[str | tuple[Indicator, float, tuple[str, ...]], Quantity | None]:
    """The total of a price per *item* times the count of items before it in the sentence, placed on the value
    indicator of that count's indicator; or why not."""
    same = [c for c in counts if c.sentence == found.sentence and c.start < found.start]
    count = next((c for c in reversed(same) if item in (c.unit or "").lower().split()), None)
    if count is None:
        return f"a price per item ('{item}') and the number of items is not stated", None
    price, number = found.quantity, count.quantity
    assert price is not None and number is not None
    kinds = {price.qualifier, number.qualifier} - {Qualifier.EXACT}
    if len(kinds) > 1 or Qualifier.ORDER_OF in kinds:
        return f"a price per item ('{item}') of {count.text!r}: both are approximate, the total is not known", None
    total = Quantity(
        value=price.value * number.value, unit=MONEY_UNIT, qualifier=kinds.pop() if kinds else Qualifier.EXACT
    )
    placed = by_span.get(count.span)
    target = None if placed is None else _VALUE_OF.get(placed.indicator.code)
    if target is None or target not in catalogue:
        return f"a price per item ('{item}') of {count.text!r}, which has no value indicator", None
    evidence = (f"per item ('{item}')", f"× {count.text}")
    return (catalogue[target], min(placed.confidence, 0.9) if placed else 0.5, evidence), total


def _place(
    found: Found,
    rules: Sequence[_Rule],
    catalogue: IndicatorCatalogue,
    ctx: _Context,
    by_span: Mapping[tuple[int, int], DraftFigure],
    previous: Found | None,
    subject: tuple[int, int] | None = None,
) -> str | tuple[Indicator, float, tuple[str, ...]]:
    """The indicator, confidence and evidence for *found*, or why it has none."""
    if found.suspicious_reason is not None:
        return f"suspicious: {found.suspicious_reason}"
    if found.kind is Kind.PERCENT:
        if found.tied_to is not None:
            return "a percentage of the figure before it; shares are kept as part and whole"
        return "a percentage: the library derives percentages from their part and whole"
    if found.kind is Kind.NUMBER:
        return "a number without a unit"
    unit = MONEY_UNIT if found.kind is Kind.MONEY else found.unit
    assert unit is not None
    fig, sent = ctx.span(found), (ctx.at[found.sentence[0]], ctx.at[found.sentence[1]])
    # The sentence's own words first; the paragraph's subject only when they place nothing.
    for context in (None, subject) if subject is not None else (None,):
        scores: dict[str, tuple[float, list[str]]] = {}
        for rule in rules:
            score, evidence = _score(rule, found, unit, ctx, fig, sent, context)
            if score > 0:
                scores[rule.code] = (score, evidence)
        if found.kind is Kind.MONEY:
            _value_of(found, previous, ctx, fig, by_span, scores, catalogue)
        if scores and max(v[0] for v in scores.values()) >= _PLACE_AT:
            break
    if not scores:
        if not any(unit.lower() in rule.units for rule in rules):
            return f"no indicator of the catalogue is counted in {unit!r}"
        return "no word around it names an indicator"
    ranked = sorted(scores.items(), key=lambda kv: -kv[1][0])
    code, (best, evidence) = ranked[0]
    second = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if best < _PLACE_AT:
        return f"no word around it names an indicator (best guess {code!r})"
    indicator = catalogue[code]
    if code == "online_posts":
        channels = [c for c in _CHANNELS if ctx.has(c, sent)]
        if len(channels) == 1 and f"online_posts.{channels[0]}" in catalogue:
            indicator = catalogue[f"online_posts.{channels[0]}"]
    return indicator, _confidence(best, second), tuple(evidence)


def _value_of(
    found: Found,
    previous: Found | None,
    ctx: _Context,
    fig: tuple[int, int],
    by_span: Mapping[tuple[int, int], DraftFigure],
    scores: dict[str, tuple[float, list[str]]],
    catalogue: IndicatorCatalogue,
) -> None:
    """Score the value indicator of the count an amount belongs to ("trị giá", brackets)."""
    if previous is None or previous.sentence != found.sentence or previous.span not in by_span:
        return
    target = _VALUE_OF.get(by_span[previous.span].indicator.code)
    if target is None or target not in catalogue:
        return
    if found.tied_to == previous.span:
        bonus, why = 1.5, "in brackets after the count"
    else:
        start = ctx.span(previous)[1]
        words = _VALUE_WORDS.search(ctx.low, start, fig[0])
        if words is None:
            return
        bonus, why = 1.2, " ".join(words.group().split())
    score, evidence = scores.get(target, (0.0, []))
    scores[target] = (score + bonus, [*evidence, why] if why not in evidence else evidence)


def _one_per_indicator(placed: list[DraftFigure]) -> tuple[list[DraftFigure], list[Unplaced]]:
    best: dict[str, DraftFigure] = {}
    for f in placed:
        old = best.get(f.indicator.code)
        if old is None or f.confidence > old.confidence:
            best[f.indicator.code] = f
    kept = [f for f in placed if best[f.indicator.code] is f]
    dropped = []
    for f in placed:
        if best[f.indicator.code] is not f:
            assert f.found is not None
            winner = best[f.indicator.code]
            reason = (
                f"{f.indicator.code!r} is already placed from {winner.found.text if winner.found else ''!r}"
                f" (confidence {winner.confidence}); this one had {f.confidence}"
            )
            dropped.append(Unplaced(found=f.found, reason=reason, sentence=f.sentence))
    return kept, dropped


def _mentions(
    text: str, items: Sequence[Found], ctx: _Context, catalogue: IndicatorCatalogue, placed: set[str]
) -> list[DraftFigure]:
    """Facts named without a number, for indicators that have no figure."""
    out = []
    spans = [ctx.span(i) for i in items if i.is_figure]
    for code, pattern in _MENTIONS:
        if code in placed or code not in catalogue:
            continue
        for m in pattern.finditer(ctx.low):
            if any(a <= m.start() < b for a, b in spans):
                continue
            start, end = ctx.positions[m.start()], ctx.positions[m.end()]
            sentence = next((i.sentence for i in items if i.sentence[0] <= start < i.sentence[1]), None)
            s_start, s_end = sentence if sentence is not None else (start, end)
            out.append(
                DraftFigure(
                    indicator=catalogue[code],
                    quantity=None,
                    confidence=_MENTION_CONFIDENCE,
                    sentence=text[s_start:s_end],
                    evidence=(text[start:end],),
                    span=(start, end),
                )
            )
            break
    return out


# -- output -------------------------------------------------------------------------


def _value_text(item: Found) -> str:
    if item.quantity is not None:
        text = format_quantity(item.quantity)
        if item.second is not None:
            sep = " / " if item.kind is Kind.PAIR else " trên "
            text += sep + format_quantity(item.second)
        return text
    if item.date is not None:
        return format_date(item.date, style="short")
    if item.period is not None:
        return format_period(item.period)
    if item.number is not None:
        if item.kind is Kind.PERCENT:
            return _percent_text(item.number)
        return _decimal_text(item.number)
    if item.kind is Kind.UNQUANTIFIED:
        return f"(không rõ số) {item.unit}"
    return ""


def _decimal_text(number: Decimal) -> str:
    whole = int(number)
    if number == whole:
        return format_number(whole)
    return f"{number}".replace(".", ",")


def _percent_text(number: Decimal) -> str:
    return f"{number}".replace(".", ",") + "%"


def _remark(item: Found) -> str:
    if item.suspicious_reason is not None:
        return "SUSPICIOUS: " + item.suspicious_reason
    parts = [p for p in (item.note,) if p]
    if item.tied_to is not None:
        parts.append(f"tied to {item.tied_to[0]}-{item.tied_to[1]}")
    return "; ".join(parts)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(_Text(text, "a text").norm.split())


def format_table(items: Iterable[Found]) -> str:
    """A plain-text table of found items: position, kind, text, value read, remark.

    Text and values are written in NFC on one line each.

    >>> print(format_table(scan("Chiều 12/7, phòng chống Covid-19, phát hành hơn 250 bản in ấn.")))
    span   kind   text         value        remark
    -----  -----  -----------  -----------  ----------------------------------
    0-10   date   Chiều 12/7                no year: pass year= to complete it
    24-32  name   Covid-19                  letters and digits in one word
    44-55  count  hơn 250 bản  hơn 250 bản
    """
    rows = [
        (f"{i.start}-{i.end}", i.kind.value, _one_line(i.text), _value_text(i), _remark(i))
        for i in items
        if isinstance(i, Found) or _bad_item(i)
    ]
    return _table(("span", "kind", "text", "value", "remark"), rows)


def _bad_item(item: object) -> bool:
    msg = f"'items' must hold Found objects (got {item!r} of type {type(item).__name__})"
    raise ValidationTypeError(msg)


def as_dicts(items: Iterable[Found]) -> list[dict[str, Any]]:
    """The found items as JSON-ready dicts (values as numbers, ids and ISO dates).

    >>> as_dicts(scan("hơn 13.000 lượt"))[0]["quantity"]
    {'value': 13000, 'unit': 'lượt', 'qualifier': 'more_than', 'low': 13000, 'high': None}
    """
    out = []
    for i in items:
        if not isinstance(i, Found):
            _bad_item(i)
        out.append(
            {
                "kind": i.kind.value,
                "start": i.start,
                "end": i.end,
                "text": i.text,
                "quantity": _quantity_dict(i.quantity),
                "second": _quantity_dict(i.second),
                "unit": i.unit,
                "number": None if i.number is None else str(i.number),
                "date": None if i.date is None else i.date.isoformat(),
                "period": None if i.period is None else i.period.id,
                "tied_to": None if i.tied_to is None else list(i.tied_to),
                "sentence": list(i.sentence),
                "suspicious_reason": i.suspicious_reason,
                "note": i.note,
            }
        )
    return out


def _quantity_dict(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {"value": q.value, "unit": q.unit, "qualifier": q.qualifier.value, "low": q.low, "high": q.high}


def to_json(items: Iterable[Found]) -> str:
    """The found items as a JSON array (UTF-8 text, not escaped), from :func:`as_dicts`.

    >>> print(to_json(scan("ngày 6/3/2014"))[:60])
    [
      {
        "kind": "date",
        "start": 0,
        "end": 13,
    """
    return json.dumps(as_dicts(items), ensure_ascii=False, indent=2)


def format_draft(draft: Draft) -> str:
    """A plain-text table of a draft: the placed figures, then what was not placed.

    >>> print(format_draft(draft_figures("Năm 2022 tiếp nhận 274 tin, khởi tố 5 vụ.", unit="672")))
    indicator      value    confidence  evidence
    -------------  -------  ----------  ---------------------
    tips_received  274 tin  0.92        unit 'tin', tiếp nhận
    <BLANKLINE>
    not placed  reason
    ----------  -------------------------------------------------------------------
    5 vụ        no word around it names an indicator (best guess 'cases_clarified')
    """
    if not isinstance(draft, Draft):
        msg = f"'draft' must be a Draft (got {draft!r} of type {type(draft).__name__})"
        raise ValidationTypeError(msg)
    rows = [
        (
            f.indicator.code,
            "(nêu, không có số)" if f.quantity is None else format_quantity(f.quantity),
            f"{f.confidence:.2f}",
            ", ".join(f.evidence),
        )
        for f in draft.figures
    ]
    out = _table(("indicator", "value", "confidence", "evidence"), rows)
    if draft.unplaced:
        rest = [(_one_line(u.found.text), u.reason) for u in draft.unplaced]
        out += "\n\n" + _table(("not placed", "reason"), rest)
    return out
