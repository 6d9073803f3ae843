"""The problems of a file, and the store's errors, in Vietnamese for the command (shell layer; private).

The readers (:mod:`anninh_toandan.io`) describe each problem in English: a
place (``line 3, column 'value'``, ``sheet 'Số liệu', row 5, column D``,
``$.figures[0].value``, ``byte 0``) and a message (``must be a whole number
>= 0, got '1.5'``). The command speaks Vietnamese by default, so it renders
them here, by a table of regular expressions over the English messages:

>>> problem_vi("line 3, column 'value'", "must be a whole number >= 0, got '1.5'")
("dòng 3, cột 'value'", "phải là số nguyên không âm, trong tệp là '1.5'")
>>> problem_vi("sheet 'Số liệu', row 5, column D", "must hold a unit code: a row was added to the form")
("trang tính 'Số liệu', ô D5", 'phải có mã đơn vị: có dòng đã được thêm vào biểu mẫu')

Values are quoted as the English quotes them and never translated; JSON
paths, column names and codes stay as they are; a tip's content is still
never shown. A message the table does not know stays English, whole: a
partly translated message would say something the reader cannot check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anninh_toandan.io.errors import FileFormatError

__all__ = ["error_vi", "file_error_vi", "message_vi", "place_vi", "problem_vi"]

# -- pieces ---------------------------------------------------------------------------------------

#: A Python ``repr`` of a string: ``'x'`` or ``"it's"``.
_STR = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
#: The ``, got X`` that ends most messages; optional where a tip's content was cut off at it.
_GOT = r"(?:, got (?P<got>.+))?"


def _group(n: str) -> str:
    """A whole number with ``.`` between thousands, as CONVENTIONS.md writes numbers: ``67.108.864``."""
    return f"{int(n):,}".replace(",", ".")


_GOT_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"list (?P<v>\[.*\])", re.DOTALL), "một danh sách {v}"),
    (re.compile(r"dict (?P<v>\{.*\})", re.DOTALL), "một đối tượng {v}"),
    (re.compile(r"<an integer of more than (?P<n>\d+) digits>"), "<một số nguyên có hơn {n} chữ số>"),
    (
        re.compile(r"<a (?P<t>\w+) too large or too deep to show>"),
        "<một giá trị kiểu {t} quá lớn hoặc quá sâu để hiển thị>",
    ),
    (re.compile(r"an integer of (?P<n>\d+) digits"), "một số nguyên có {n} chữ số"),
    (re.compile(r"a number of thousands of digits"), "một số có hàng nghìn chữ số"),
    (re.compile(r"an? (?P<t>[a-z]\w*)"), "một giá trị kiểu {t}"),  # a tip's content, named by its type alone
)


def _got_vi(text: str) -> str:
    """What was found (the part after ``got``): a value as it is, or its description in Vietnamese."""
    for pattern, vi in _GOT_SHAPES:
        m = pattern.fullmatch(text)
        if m is not None:
            return vi.format(**m.groupdict())
    return text


# -- places ---------------------------------------------------------------------------------------

_PLACES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\$.*", re.DOTALL), lambda m: m[0]),
    (re.compile(r"(?:line|row) (?P<n>\d+)"), lambda m: f"dòng {m['n']}"),
    (re.compile(rf"(?:line|row) (?P<n>\d+), column (?P<c>{_STR})"), lambda m: f"dòng {m['n']}, cột {m['c']}"),
    (re.compile(rf"column (?P<c>{_STR})"), lambda m: f"cột {m['c']}"),
    (re.compile(r"byte (?P<n>\d+)"), lambda m: f"byte {m['n']}"),
    (re.compile(rf"sheet (?P<s>{_STR})"), lambda m: f"trang tính {m['s']}"),
    (re.compile(rf"sheet (?P<s>{_STR}), row (?P<r>\d+)"), lambda m: f"trang tính {m['s']}, dòng {m['r']}"),
    (re.compile(rf"sheet (?P<s>{_STR}), column (?P<c>[A-Z]+)"), lambda m: f"trang tính {m['s']}, cột {m['c']}"),
    (
        re.compile(rf"sheet (?P<s>{_STR}), row (?P<r>\d+), column (?P<c>[A-Z]+)"),
        lambda m: f"trang tính {m['s']}, ô {m['c']}{m['r']}",
    ),
)


def place_vi(path: str) -> str | None:
    """The place of a problem in Vietnamese, or ``None`` for a place of an unknown shape.

    >>> place_vi("line 1, column 'unit'"), place_vi("$.figures[0].value"), place_vi("sheet '_meta', row 2")
    ("dòng 1, cột 'unit'", '$.figures[0].value', "trang tính '_meta', dòng 2")
    """
    for pattern, vi in _PLACES:
        m = pattern.fullmatch(path)
        if m is not None:
            return vi(m)
    return None


# -- the words of other libraries' messages -------------------------------------------------------

_JSON_ERRORS = {
    "Expecting value": "thiếu một giá trị",
    "Expecting property name enclosed in double quotes": "thiếu tên trường đặt trong dấu ngoặc kép",
    "Expecting ':' delimiter": "thiếu dấu ':'",
    "Expecting ',' delimiter": "thiếu dấu ','",
    "Unterminated string starting at": "chuỗi chưa có dấu ngoặc kép đóng, bắt đầu",
    "Invalid control character at": "có ký tự điều khiển không hợp lệ",
    "Invalid \\escape": "có chuỗi thoát (\\) không hợp lệ",
    "Invalid \\uXXXX escape": "có chuỗi thoát \\uXXXX không hợp lệ",
    "Extra data": "có dữ liệu thừa sau phần JSON",
    "Illegal trailing comma before end of object": "có dấu ',' thừa trước khi đóng đối tượng",
    "Illegal trailing comma before end of array": "có dấu ',' thừa trước khi đóng danh sách",
}

_TOML_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(en), vi)
    for en, vi in (
        (r"Invalid value", "giá trị không hợp lệ"),
        (r"Invalid statement", "câu lệnh không hợp lệ"),
        (r"Expected newline or end of document after a statement", "sau một câu lệnh phải xuống dòng hoặc hết tệp"),
        (r"Expected (?P<x>'.+'|\".+\")", "thiếu {x}"),
        (r"Found invalid character (?P<x>.+)", "có ký tự không hợp lệ {x}"),
        (r"Cannot declare (?P<x>.+) twice", "không được khai báo {x} hai lần"),
        (r"Cannot overwrite a value", "không được ghi đè một giá trị đã có"),
        (r"Expected '\]' at the end of a table declaration", "thiếu ']' ở cuối phần khai báo bảng"),
        (r"Expected '\]\]' at the end of an array declaration", "thiếu ']]' ở cuối phần khai báo mảng"),
        (r"Cannot mutate immutable namespace (?P<x>.+)", "không được sửa {x}, vì đã khai báo trọn vẹn"),
        (r"Cannot redefine namespace (?P<x>.+)", "không được định nghĩa lại {x}"),
        (r"Expected '=' after a key in a key/value pair", "thiếu '=' sau tên khóa"),
        (r"Invalid initial character for a key part", "tên khóa bắt đầu bằng ký tự không hợp lệ"),
        (r"Unclosed array", "mảng chưa được đóng"),
        (r"Duplicate inline table key (?P<x>.+)", "khóa {x} bị lặp lại trong bảng"),
        (r"Unclosed inline table", "bảng chưa được đóng"),
        (r"Unescaped '\\' in a string", "có dấu '\\' chưa được thoát trong chuỗi"),
        (r"Invalid hex value", "giá trị thập lục phân không hợp lệ"),
        (r"Escaped character is not a Unicode scalar value", "ký tự thoát không phải là ký tự Unicode hợp lệ"),
        (r"Unterminated string", "chuỗi chưa được đóng"),
        (r"Illegal character (?P<x>.+)", "có ký tự không được phép {x}"),
        (r"Invalid date or datetime", "ngày hoặc thời điểm không hợp lệ"),
    )
)
_TOML_AT = re.compile(r"(?P<msg>.+) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|(?P<end>end of document))\)")


def _toml_vi(text: str) -> str | None:
    m = _TOML_AT.fullmatch(text)
    if m is None:
        return None
    where = "ở cuối tệp" if m["end"] else f"ở dòng {m['line']}, cột {m['col']}"
    for pattern, vi in _TOML_ERRORS:
        found = pattern.fullmatch(m["msg"])
        if found is not None:
            return f"{vi.format(**found.groupdict())} ({where})"
    return None


_DECODE_REASONS = {
    "invalid start byte": "byte mở đầu không hợp lệ",
    "invalid continuation byte": "byte tiếp nối không hợp lệ",
    "unexpected end of data": "dữ liệu bị cắt giữa chừng",
    "illegal UTF-16 surrogate": "cặp thay thế UTF-16 không hợp lệ",
    "illegal encoding": "mã không hợp lệ",
    "truncated data": "dữ liệu bị cắt giữa chừng",
}
_DECODE = re.compile(
    r"'(?P<codec>[\w-]+)' codec can't decode bytes? (?:0x(?P<b>[0-9a-f]{2}) )?"
    r"in position (?P<p>\d+(?:-\d+)?): (?P<r>.+)"
)


def _decode_vi(text: str) -> str | None:
    """A :class:`UnicodeDecodeError` (or only its reason) in Vietnamese."""
    if text in _DECODE_REASONS:
        return _DECODE_REASONS[text]
    m = _DECODE.fullmatch(text)
    if m is None or m["r"] not in _DECODE_REASONS:
        return None
    byte = f"byte 0x{m['b']}" if m["b"] else "các byte"
    return f"không đọc được theo mã {m['codec']} ({byte} ở vị trí {m['p']}: {_DECODE_REASONS[m['r']]})"


_CSV_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"',' expected after '\"'"), "sau dấu '\"' đóng phải là dấu ','"),
    (re.compile(r"unexpected end of data"), "tệp kết thúc khi một ô trong ngoặc kép chưa được đóng"),
    (re.compile(r"field larger than field limit \((?P<n>\d+)\)"), "có ô dài quá giới hạn ({n} ký tự)"),
    (re.compile(r"line contains NUL"), "dòng có ký tự NUL"),
    (
        re.compile(r"new-line character seen in unquoted field.*"),
        "có ký tự xuống dòng trong một ô không đặt trong ngoặc kép",
    ),
)


def _csv_vi(text: str) -> str | None:
    for pattern, vi in _CSV_ERRORS:
        m = pattern.fullmatch(text)
        if m is not None:
            return vi.format(**{k: _group(v) for k, v in m.groupdict().items()})
    return None


_PERIOD_FIELDS = {"month": "tháng", "quarter": "quý", "half": "kỳ 6 tháng (S)", "year": "năm"}
_DATE_ERRORS = {
    "day is out of range for month": "ngày vượt quá số ngày của tháng",
    "month must be in 1..12": "tháng phải từ 1 đến 12",
}
_PERIOD_ERRORS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]], ...] = (
    (
        re.compile(rf"'id' must be a period id such as (?P<ex>.+), optionally prefixed by 'R' \(got (?P<v>{_STR})\)"),
        lambda m: f"mã kỳ phải có dạng như {m['ex']}, có thể thêm chữ 'R' ở đầu (đã nhập {m['v']})",
    ),
    (
        re.compile(r"'(?P<f>month|quarter|half|year)' must be between (?P<a>\d+) and (?P<b>\d+) \(got (?P<v>.+)\)"),
        lambda m: f"{_PERIOD_FIELDS[m['f']]} phải từ {m['a']} đến {m['b']} (đã nhập {m['v']})",
    ),
    (
        re.compile(rf"'id' holds an impossible date \(got (?P<v>{_STR})\): (?P<why>.+)"),
        lambda m: (
            f"mã kỳ có ngày không có thật (đã nhập {m['v']}): {_DATE_ERRORS[m['why']]}"
            if m["why"] in _DATE_ERRORS
            else None
        ),
    ),
    (
        re.compile(rf"'id' must be canonical: (?P<v>{_STR}) is the period (?P<p>{_STR})"),
        lambda m: f"mã kỳ phải viết theo dạng chuẩn: {m['v']} chính là kỳ {m['p']}",
    ),
    (
        re.compile(r"'start' must not be after 'end' \(got (?P<v>.+)\)"),
        lambda m: f"ngày bắt đầu không được sau ngày kết thúc (đã nhập {m['v']})",
    ),
)


def _period_vi(text: str) -> str | None:
    """Why :meth:`Period.parse` refused an id (what the command adds to a period's problem, or says of
    ``--period``), in Vietnamese; "got" is "đã nhập" here, as the command says of a year it was given."""
    for pattern, vi in _PERIOD_ERRORS:
        m = pattern.fullmatch(text)
        if m is not None:
            return vi(m)
    return None


# -- the messages ---------------------------------------------------------------------------------

_QUALIFIERS = {
    "EXACT": "chính xác (exact)",
    "MORE_THAN": "hơn (more_than)",
    "NEARLY": "gần (nearly)",
    "ABOUT": "khoảng (about)",
    "ORDER_OF": "hàng (order_of)",
}
#: The rules a quantity's bounds follow (:class:`~anninh_toandan.quantity.Quantity`), as its errors state them.
_BOUND_RULES = {
    "low == high == value": "low = high = value",
    "low == value and (high is None or high > value)": "low = value và (không có high hoặc high > value)",
    "value > 0, high == value and (low is None or 0 < low < value)": (
        "value > 0, high = value và (không có low hoặc 0 < low < value)"
    ),
    "low == value and high == 10 * value - 1": "low = value và high = 10 × value − 1",
    "low and high are None": "không có low và high",
}
_PURPOSES = {
    "Reading workbooks": "Đọc tệp Excel",
    "Reading workbooks safely": "Đọc an toàn tệp Excel",
    "Writing workbooks": "Tạo tệp Excel",
    "Converting figures to and from DataFrames": "Chuyển số liệu sang và từ DataFrame",
    "Converting figures to and from Arrow": "Chuyển số liệu sang và từ Arrow",
    "Reading and writing Parquet": "Đọc và ghi tệp Parquet",
}
_BOMB = "bị từ chối vì có thể là bom nén (zip bomb)"

#: The readers' messages (English regular expression, Vietnamese template), most specific first. In a
#: template, ``{got}`` is ``, trong tệp là X`` when the message says what it got (nothing otherwise); a group
#: named ``place``, ``json``, ``toml``, ``csv``, ``decode``, ``why``, ``purpose``, ``quantity`` or ``rule``
#: is translated by its table (:data:`_CONVERT`), ``n``-groups get their thousands separated (sizes, counts),
#: and every other group is a value copied as it is.
_MESSAGES: tuple[tuple[str, str], ...] = (
    # the converter (JSON and TOML): leaves
    (rf"must be a string{_GOT}", "phải là một chuỗi văn bản{got}"),
    (rf"must not be empty{_GOT}", "không được để trống{got}"),
    (rf"must be true or false{_GOT}", "phải là true hoặc false{got}"),
    (rf"must be an integer{_GOT}", "phải là số nguyên{got}"),
    (rf"must be >= 0{_GOT}", "không được là số âm{got}"),
    (rf"must have at most (?P<d>\d+) digits{_GOT}", "không được có quá {d} chữ số{got}"),
    (rf"must be a date written YYYY-MM-DD{_GOT}", "phải là ngày viết theo dạng YYYY-MM-DD (năm-tháng-ngày){got}"),
    (rf"must be a real date{_GOT}", "phải là một ngày có thật{got}"),
    (
        rf"must be a period id such as (?P<ex>{_STR}(?:, {_STR})*), got (?P<v>{_STR}) \((?P<why>.+)\)",
        "phải là mã kỳ báo cáo, ví dụ {ex}, trong tệp là {v} ({why})",
    ),
    (rf"must be a period id such as (?P<ex>{_STR}(?:, {_STR})*){_GOT}", "phải là mã kỳ báo cáo, ví dụ {ex}{got}"),
    (rf"must be an indicator code \(a string\){_GOT}", "phải là mã chỉ tiêu (một chuỗi văn bản){got}"),
    (
        rf"must be a standard indicator code or one defined under \$\.indicators{_GOT}",
        "phải là mã một chỉ tiêu chuẩn hoặc một chỉ tiêu được định nghĩa trong $.indicators{got}",
    ),
    (rf"must be an object{_GOT}", "phải là một đối tượng (các trường trong ngoặc {{ }}){got}"),
    (rf"must be a list{_GOT}", "phải là một danh sách{got}"),
    (rf"must be a list of (?P<k>\d+) items{_GOT}", "phải là một danh sách gồm {k} phần tử{got}"),
    (rf"must be one of (?P<allowed>{_STR}(?:, {_STR})*){_GOT}", "phải là một trong các giá trị {allowed}{got}"),
    (r"is not a field of a (?P<t>quantity|passage)", "không phải là trường của kiểu '{t}'"),
    (
        r"is not a field of tip \(its value is not shown: tips are sensitive\)",
        "không phải là trường của kiểu 'tip' (không hiển thị giá trị: tin báo là thông tin nhạy cảm)",
    ),
    (r"is not a field of (?P<t>\w+)", "không phải là trường của kiểu '{t}'"),
    (
        rf"must be non-blank text{_GOT} \(not shown: tip content is sensitive\)",
        "phải là văn bản không để trống{got} (không hiển thị: nội dung tin báo là thông tin nhạy cảm)",
    ),
    (
        r"must not conflict with \[(?P<j>\d+)\], which has the same indicator, unit and period and another figure",
        "không được mâu thuẫn với [{j}]: cùng chỉ tiêu, đơn vị và kỳ nhưng số liệu khác",
    ),
    (r"is required", "bắt buộc phải có"),
    (r"is required \(the file format version, (?P<v>\d+)\)", "bắt buộc phải có (phiên bản định dạng tệp, {v})"),
    (
        rf"must be one of the format versions this library reads \((?P<vs>[\d, ]+)\){_GOT}",
        "phải là một trong các phiên bản định dạng mà thư viện đọc được ({vs}){got}",
    ),
    (rf"is required \(here (?P<t>{_STR})\)", "bắt buộc phải có (ở đây là {t})"),
    (rf"must be (?P<t>{_STR}) to load a (?P<c>\w+){_GOT}", "phải là {t} để đọc dữ liệu kiểu {c}{got}"),
    (rf"must not define (?P<c>{_STR}) twice", "không được định nghĩa {c} hai lần"),
    # JSON and TOML text
    (
        r"must be valid JSON: (?P<json>.+) at line (?P<l>\d+), column (?P<c>\d+)",
        "phải là JSON hợp lệ: {json} ở dòng {l}, cột {c}",
    ),
    (rf"must be valid JSON: an object has the key (?P<k>{_STR}) twice", "phải là JSON hợp lệ: có khóa {k} hai lần"),
    (
        r"must be valid JSON: (?P<k>-?Infinity|NaN) is not a JSON number",
        "phải là JSON hợp lệ: {k} không phải là một số trong JSON",
    ),
    (r"must be valid JSON: (?P<decode>'.+)", "phải là JSON hợp lệ: {decode}"),
    (
        r"must be valid JSON nested less deeply: arrays and objects are too deep",
        "phải là JSON hợp lệ với ít tầng lồng nhau hơn: các danh sách và đối tượng lồng nhau quá sâu",
    ),
    (
        rf"must be valid JSON with numbers of at most (?P<d>\d+) digits{_GOT}",
        "phải là JSON hợp lệ với các số có không quá {d} chữ số{got}",
    ),
    (r"must be valid TOML: (?P<toml>.+)", "phải là TOML hợp lệ: {toml}"),
    (
        r"must be valid TOML nested less deeply: arrays and tables are too deep",
        "phải là TOML hợp lệ với ít tầng lồng nhau hơn: các mảng và bảng lồng nhau quá sâu",
    ),
    (
        rf"must be valid TOML with numbers of at most (?P<d>\d+) digits{_GOT}",
        "phải là TOML hợp lệ với các số có không quá {d} chữ số{got}",
    ),
    (r"must be UTF-8 text: (?P<decode>.+)", "phải là văn bản mã UTF-8: {decode}"),
    # tables: CSV, DataFrames, Arrow
    (
        rf"must be one of the columns (?P<cols>\w+(?:, \w+)*?){_GOT}",
        "phải là một trong các cột {cols}{got}",
    ),
    (r"must not appear twice", "không được xuất hiện hai lần"),
    (r"is required but missing", "bắt buộc phải có nhưng còn thiếu"),
    (r"is required for a reported figure", "bắt buộc phải có với số liệu đã báo cáo (reported)"),
    (rf"must be text{_GOT}", "phải là văn bản{got}"),
    (rf"must not be blank{_GOT}", "không được để trống{got}"),
    (
        r"must be a whole number >= 0, got (?P<v>.+) \(a float: use a whole-number column such as pandas 'Int64'\)",
        "phải là số nguyên không âm, trong tệp là {v} (một số thực: hãy dùng cột số nguyên, ví dụ pandas 'Int64')",
    ),
    (rf"must be a whole number >= 0{_GOT}", "phải là số nguyên không âm{got}"),
    (
        r"must be empty for a (?P<s>mentioned|not_reported) figure" + _GOT,
        "phải để trống với số liệu có trạng thái '{s}'{got}",
    ),
    (
        r"must not conflict with (?P<place>.+), which has the same unit, period and indicator",
        "không được mâu thuẫn với {place}: cùng đơn vị, kỳ và chỉ tiêu nhưng số liệu khác",
    ),
    (
        rf"must be the code of a unit in the hierarchy{_GOT}",
        "phải là mã của một đơn vị có trong danh mục đơn vị{got}",
    ),
    (
        rf"must be a known indicator code \(pass indicators= for custom ones\){_GOT}",
        "phải là mã một chỉ tiêu đã biết (chỉ tiêu riêng thì truyền vào indicators=){got}",
    ),
    (r"must be valid CSV: (?P<csv>.+)", "phải là CSV hợp lệ: {csv}"),
    (
        r"must have (?P<a>\d+) fields like the header, got (?P<b>\d+)",
        "phải có {a} cột như dòng tiêu đề, dòng này có {b} cột",
    ),
    (r"must be a pandas DataFrame, got (?P<t>\w+)", "phải là một pandas DataFrame, trong tệp là kiểu {t}"),
    (r"must be a pyarrow Table, got (?P<t>\w+)", "phải là một pyarrow Table, trong tệp là kiểu {t}"),
    (r"must be a Parquet file: (?P<detail>.+)", "phải là tệp Parquet ({detail})"),
    # workbooks: the file
    (
        r"must be an Excel workbook \(\.xlsx, a zip archive\); this file is not one "
        r"\(an old \.xls, a CSV, damaged\?\)",
        "phải là tệp Excel (.xlsx, một tệp nén zip); tệp này không phải (có thể là tệp .xls cũ, tệp CSV "
        "hoặc tệp bị hỏng)",
    ),
    (
        r"must be a zip archive Excel writes; this one uses a feature that cannot be read \((?P<detail>.+)\)",
        "phải là tệp nén zip do Excel ghi; tệp này dùng một tính năng không đọc được ({detail})",
    ),
    (
        r"must have at most (?P<n1>\d+) parts, got (?P<n2>\d+): refused as a possible zip bomb",
        f"phải có không quá {{n1}} phần, tệp này có {{n2}} phần: {_BOMB}",
    ),
    (
        r"must unpack to at most (?P<n1>\d+) bytes \(max_size\), got (?P<n2>\d+) bytes from a (?P<n3>\d+)-byte file: "
        r"refused as a possible zip bomb",
        f"khi giải nén phải không quá {{n1}} byte (max_size), nhưng tệp {{n3}} byte này giải nén ra {{n2}} byte: "
        f"{_BOMB}",
    ),
    (
        rf"must not hold a part compressed more than (?P<k>\d+) to 1, got (?P<part>{_STR}) "
        r"\((?P<n1>\d+) bytes unpacking to (?P<n2>\d+)\): refused as a possible zip bomb",
        f"không được có phần nào nén hơn {{k}} lần, tệp này có phần {{part}} ({{n1}} byte, giải nén ra {{n2}} "
        f"byte): {_BOMB}",
    ),
    (
        r"must be an Excel workbook \(\.xlsx\): the zip archive has no xl/workbook\.xml",
        "phải là tệp Excel (.xlsx): tệp nén zip này không có xl/workbook.xml",
    ),
    (r"must be a readable \.xlsx workbook \((?P<detail>.+)\)", "phải là tệp Excel (.xlsx) đọc được ({detail})"),
    (
        r"must be present in a workbook made by make_workbook, got the sheets (?P<v>\[.*\]) "
        r"\(sheets must not be renamed or the form copied into another workbook\)",
        "phải có trong tệp Excel tạo bằng make_workbook, nhưng tệp chỉ có các trang tính {v} (không được đổi tên "
        "trang tính hay chép biểu mẫu sang tệp Excel khác)",
    ),
    # workbooks: the form's description (sheet _meta)
    (
        rf"must be the form (?P<f>{_STR}) version (?P<v>\d+){_GOT}",
        "phải là biểu mẫu {f} phiên bản {v}{got}",
    ),
    (rf"must hold a period id such as (?P<ex>{_STR}){_GOT}", "phải ghi mã kỳ báo cáo, ví dụ {ex}{got}"),
    (rf"must describe column (?P<c>[A-Z]+){_GOT}", "phải mô tả cột {c}{got}"),
    (
        rf"must name a known indicator \(pass indicators= for custom ones\){_GOT}",
        "phải ghi mã một chỉ tiêu đã biết (chỉ tiêu riêng thì truyền vào indicators=){got}",
    ),
    (rf"must hold a unit code and name{_GOT}", "phải ghi mã và tên đơn vị{got}"),
    (rf"must be a line of the form's description{_GOT}", "phải là một dòng mô tả biểu mẫu{got}"),
    (
        r"must describe a form made by make_workbook, got no format line",
        "phải mô tả một biểu mẫu tạo bằng make_workbook, nhưng không có dòng format",
    ),
    (
        r"must describe the form's period, columns and units, got an incomplete description",
        "phải mô tả kỳ báo cáo, các cột và các đơn vị của biểu mẫu, nhưng phần mô tả chưa đầy đủ",
    ),
    # workbooks: the layout of the data sheet
    (
        rf"must be the header (?P<h>{_STR}): columns were moved, inserted or deleted{_GOT}",
        "phải là tiêu đề {h}: có cột đã bị di chuyển, chèn thêm hoặc xóa{got}",
    ),
    (
        r"must have no merged cells in the form, got (?P<r>[A-Z]+\d+:[A-Z]+\d+)",
        "không được có ô gộp trong biểu mẫu, tệp này có ô gộp {r}",
    ),
    (
        rf"must be empty: the form has no such column \(a column was inserted or typed into\){_GOT}",
        "phải để trống: biểu mẫu không có cột này (có cột đã được chèn thêm hoặc có người gõ vào){got}",
    ),
    (
        r"must hold a unit code: a row was added to the form",
        "phải có mã đơn vị: có dòng đã được thêm vào biểu mẫu",
    ),
    (
        rf"must be one of the form's unit codes \(rows cannot be added or renamed\){_GOT}",
        "phải là một trong các mã đơn vị của biểu mẫu (không được thêm dòng hay đổi mã đơn vị){got}",
    ),
    (
        rf"must not repeat unit (?P<u>{_STR}), already on row (?P<r>\d+)",
        "không được lặp lại đơn vị {u}, đơn vị này đã có ở dòng {r}",
    ),
    (
        rf"must be the name of unit (?P<u>{_STR}), (?P<nm>{_STR}){_GOT}",
        "phải ghi đúng tên của đơn vị {u} là {nm}{got}",
    ),
    (
        rf"must have a row for unit (?P<u>{_STR}) \((?P<nm>.+)\): rows were deleted or changed",
        "phải có một dòng cho đơn vị {u} ({nm}): có dòng đã bị xóa hoặc bị sửa",
    ),
    (
        rf"must name units of the hierarchy, got the unknown unit (?P<u>{_STR}) \((?P<nm>.+)\)",
        "phải ghi các đơn vị có trong danh mục đơn vị, tệp này có đơn vị không rõ {u} ({nm})",
    ),
    # the model's own rules, as the readers pass them on
    (
        r"'(?P<f>value|low|high)' must be >= 0 \(got (?P<v>.+)\)",
        "'{f}' không được là số âm (trong tệp là {v})",
    ),
    (
        r"'high' must be >= low \((?P<lo>\d+)\) \(got (?P<v>.+)\)",
        "'high' không được nhỏ hơn low ({lo}) (trong tệp là {v})",
    ),
    (
        r"'value' of an ORDER_OF quantity must be a power of ten >= 10 \(got (?P<v>.+)\)",
        "với mức độ hàng (order_of), số phải là 10, 100, 1.000... (trong tệp là {v})",
    ),
    (
        r"bounds of a (?P<quantity>[A-Z_]+) quantity must satisfy (?P<rule>.+) \(got (?P<v>value=.+)\)",
        "các cận low, high của một số có mức độ {quantity} phải thỏa mãn: {rule} (trong tệp là {v})",
    ),
    (
        r"'value' must be None for a (?P<s>mentioned|not_reported) figure \(got (?P<v>.+)\)",
        "số liệu có trạng thái '{s}' không được có 'value' (trong tệp là {v})",
    ),
    (
        rf"'value' must be in (?P<u>{_STR}) for indicator (?P<i>{_STR}) \(got (?P<v>.+)\)",
        "'value' của chỉ tiêu {i} phải tính bằng {u} (trong tệp là {v})",
    ),
    (
        rf"'value' must not be money for indicator (?P<i>{_STR}) \(got (?P<v>.+)\)",
        "'value' của chỉ tiêu {i} không được là số tiền (trong tệp là {v})",
    ),
    (
        r"'value' must be a Quantity for a reported figure \(got (?P<v>.+) of type (?P<t>\w+)\)",
        "số liệu đã báo cáo (reported) phải có 'value' (trong tệp là {v})",
    ),
)

_MODEL_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        r"a record needs 'on' \(a date\) or 'period' \(got neither\)",
        "mỗi bản ghi phải có 'on' (một ngày) hoặc 'period' (một kỳ), trong tệp không có cả hai",
    ),
    (
        r"a record needs 'on' \(a date\) or 'period' \(got on=(?P<on>.+) and period=(?P<p>.+)\)",
        "mỗi bản ghi chỉ được có một trong hai: 'on' (một ngày) hoặc 'period' (một kỳ), trong tệp có cả hai "
        "(on={on}, period={p})",
    ),
    (
        r"'(?P<f>\w+)' must be an amount in đồng \(got (?P<v>.+)\)",
        "'{f}' phải là số tiền tính bằng đồng (trong tệp là {v})",
    ),
    (
        rf"'code' must be lower-case letters, digits and '_', in dot-separated parts starting with a letter, "
        rf"such as (?P<a>{_STR}) or (?P<b>{_STR}) \(got (?P<v>.+)\)",
        "'code' chỉ được gồm chữ thường không dấu, chữ số và '_', chia thành các phần cách nhau bởi dấu chấm, "
        "bắt đầu bằng một chữ cái, ví dụ {a} hoặc {b} (trong tệp là {v})",
    ),
    (
        r"'(?P<f>channels\[\d+\]|channel)' must be (?:a channel code of )?lower-case letters, digits and '_' "
        r"\(got (?P<v>.+)\)",
        "'{f}' phải là mã kênh chỉ gồm chữ thường không dấu, chữ số và '_' (trong tệp là {v})",
    ),
)

#: The store's errors (as :func:`error_vi` meets them, perhaps after the file's name and ``: ``).
_STORE: tuple[tuple[str, str], ...] = (
    (
        rf"(?P<p>{_STR}) is not a figure store: the file is not a DuckDB database "
        r"\(a CSV, a workbook, another file\?\)",
        "{p} không phải kho số liệu: tệp không phải cơ sở dữ liệu DuckDB (có thể là tệp CSV, tệp Excel hoặc tệp khác)",
    ),
    (
        rf"cannot open the figure store (?P<p>{_STR}): the folder (?P<f>{_STR}) does not exist",
        "không mở được kho số liệu {p}: chưa có thư mục {f}",
    ),
    (rf"cannot open the figure store (?P<p>{_STR}): (?P<detail>.+)", "không mở được kho số liệu {p} ({detail})"),
    (
        rf"cannot connect to the figure store (?P<p>{_STR}): (?P<detail>.+)",
        "không kết nối được kho số liệu {p} ({detail})",
    ),
    (
        rf"the figure store (?P<p>{_STR}) is in use by another process and was not released within (?P<s>[\d.]+) s "
        r"\(a DuckDB file has one writer at a time; close the other program or share the figures through "
        r"PostgreSQL\): (?P<detail>.+)",
        "kho số liệu {p} đang được một chương trình khác dùng và không được nhả ra trong {s} giây (mỗi lúc chỉ một "
        "chương trình được ghi vào tệp DuckDB; hãy đóng chương trình kia hoặc dùng chung số liệu qua PostgreSQL) "
        "({detail})",
    ),
    (
        rf"(?P<p>{_STR}) holds tables but is not a figure store \(no table 'store_meta'\)",
        "{p} có các bảng dữ liệu nhưng không phải kho số liệu (không có bảng 'store_meta')",
    ),
    (
        rf"(?P<p>{_STR}) is not a figure store: 'store_meta' has no schema version",
        "{p} không phải kho số liệu: bảng 'store_meta' không ghi phiên bản lược đồ",
    ),
    (
        rf"the figure store (?P<p>{_STR}) has schema version (?P<a>\d+), newer than this library's \((?P<b>\d+)\): "
        r"upgrade anninh-toandan to open it",
        "kho số liệu {p} có lược đồ phiên bản {a}, mới hơn phiên bản của thư viện ({b}): hãy nâng cấp anninh-toandan "
        "để mở kho này",
    ),
    (
        r"a figure store on (?P<db>DuckDB|PostgreSQL) needs the optional package (?P<k>'\w+'), which is not "
        r"installed: (?P<cmd>pip install .+)",
        "kho số liệu trên {db} cần gói tùy chọn {k}, gói này chưa được cài đặt: {cmd}",
    ),
    (
        r"(?P<purpose>[A-Z][\w ]+) needs the optional package (?P<k>'\w+'), which is not installed: "
        r"(?P<cmd>pip install .+)",
        "{purpose} cần gói tùy chọn {k}, gói này chưa được cài đặt: {cmd}",
    ),
    (
        rf"(?P<w>figures\[\d+\]) \(indicator (?P<i>{_STR}), unit (?P<u>{_STR}), period (?P<q>{_STR})\): "
        rf"unknown indicator (?P<i2>{_STR}); define it first with FigureStore\.define "
        r"\(nothing of this batch was stored\)",
        "{w} (chỉ tiêu {i}, đơn vị {u}, kỳ {q}): kho chưa có chỉ tiêu {i2}; hãy định nghĩa trước bằng "
        "FigureStore.define (chưa lưu số liệu nào của lô này)",
    ),
    (
        rf"(?P<w>figures\[\d+\]) \(indicator (?P<i>{_STR}), unit (?P<u>{_STR}), period (?P<q>{_STR})\): "
        rf"indicator (?P<i2>{_STR}) differs from the store's definition (?P<d>.+) \(nothing of this batch was stored\)",
        "{w} (chỉ tiêu {i}, đơn vị {u}, kỳ {q}): chỉ tiêu {i2} khác với định nghĩa trong kho {d} (chưa lưu số liệu "
        "nào của lô này)",
    ),
    (
        rf"(?P<w>figures\[\d+\]) \(indicator (?P<i>{_STR}), unit (?P<u>{_STR}), period (?P<q>{_STR})\): "
        r"a second figure for the same indicator, unit and period as (?P<f>figures\[\d+\]) "
        r"\(nothing of this batch was stored\)",
        "{w} (chỉ tiêu {i}, đơn vị {u}, kỳ {q}): số liệu thứ hai cùng chỉ tiêu, đơn vị và kỳ với {f} (chưa lưu số "
        "liệu nào của lô này)",
    ),
    (
        rf"(?P<w>figures\[\d+\]) \(indicator (?P<i>{_STR}), unit (?P<u>{_STR}), period (?P<q>{_STR})\): "
        r"the value (?P<v>.+) is too large for the store \(at most (?P<n>\d+)\)",
        "{w} (chỉ tiêu {i}, đơn vị {u}, kỳ {q}): giá trị {v} quá lớn đối với kho (tối đa {n})",
    ),
    (
        rf"indicator (?P<i>{_STR}) is already defined differently: (?P<d>.+) \(got (?P<v>.+)\)",
        "chỉ tiêu {i} đã được định nghĩa khác trong kho: {d} (trong tệp là {v})",
    ),
)


def _compile(table: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(en, re.DOTALL), vi) for en, vi in table)


_MESSAGE_TABLE = _compile(_MESSAGES + _MODEL_MESSAGES)
_STORE_TABLE = _compile(_STORE)

#: How a group of a match becomes Vietnamese, by the group's name (``None``: the message is not known).
_CONVERT: Mapping[str, Callable[[str], str | None]] = {
    "got": lambda v: ", trong tệp là " + _got_vi(v),
    "place": place_vi,
    "json": _JSON_ERRORS.get,
    "toml": _toml_vi,
    "csv": _csv_vi,
    "decode": _decode_vi,
    "why": _period_vi,
    "purpose": _PURPOSES.get,
    "quantity": _QUALIFIERS.get,
    "rule": _BOUND_RULES.get,
}


def _render(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, vi in table:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        values: dict[str, str] = {}
        for name, value in m.groupdict().items():
            if value is None:
                values[name] = ""
                continue
            convert = _CONVERT.get(name)
            if convert is None and re.fullmatch(r"n\d?", name):
                convert = _group
            found = value if convert is None else convert(value)
            if found is None:
                return None
            values[name] = found
        return vi.format(**values)
    return None


def message_vi(message: str) -> str | None:
    """The Vietnamese of a reader's English *message*, or ``None`` when the table does not know it.

    >>> message_vi("is required but missing")
    'bắt buộc phải có nhưng còn thiếu'
    >>> message_vi("must be a string, got list [1, 2]")
    'phải là một chuỗi văn bản, trong tệp là một danh sách [1, 2]'
    >>> message_vi("something new") is None
    True
    """
    return _render(_MESSAGE_TABLE, message)


def problem_vi(path: str, message: str) -> tuple[str, str]:
    """The place and the message of a problem in Vietnamese; either stays English where it is not known."""
    place = place_vi(path)
    text = message_vi(message)
    return (path if place is None else place, message if text is None else text)


def file_error_vi(exc: FileFormatError) -> str:
    """The paragraph of a file that cannot be read, in Vietnamese: a head line, then one line per problem.

    Rejected cells of a workbook (:class:`~anninh_toandan.io.excel.RejectedCellsError`) are described as
    :meth:`ImportSummary.describe` describes them, with the indicator and the unit of each.
    """
    where = exc.source or "tệp"
    cells = getattr(getattr(getattr(exc, "result", None), "summary", None), "rejected", None)
    if cells:
        return "\n".join([f"{where}: {len(cells)} ô bị từ chối:", *(f"  {c.describe(locale='vi')}" for c in cells)])
    lines = [f"{where}: tệp có {len(exc.problems)} lỗi:"]
    for p in exc.problems:
        place, text = problem_vi(p.path, p.message)
        lines.append(f"  {place}: {text}")
    return "\n".join(lines)


def error_vi(exc: BaseException) -> str:
    """A library error in Vietnamese: its ``reason_vi``, else its message by the store's table (or a period id's
    error), else English.

    The store command passes a store's error on after the file's name (``wards.csv: <error>``), so a known
    message after such a prefix is translated too.
    """
    reason = getattr(exc, "reason_vi", None)
    text = reason if isinstance(reason, str) and reason else str(exc) or type(exc).__name__
    start = 0
    while True:
        found = _render(_STORE_TABLE, text[start:]) or _period_vi(text[start:])
        if found is not None:
            return text[:start] + found
        cut = text.find(": ", start)
        if cut < 0:
            return text
        start = cut + 2
