"""English names of the common Vietnamese counter words (private)."""

from __future__ import annotations

__all__ = ["UNIT_NAMES", "english_unit"]

#: Vietnamese unit noun -> (English singular, English plural).
UNIT_NAMES: dict[str, tuple[str, str]] = {
    "buổi": ("session", "sessions"),
    "buổi tuyên truyền": ("outreach session", "outreach sessions"),
    "đợt": ("campaign", "campaigns"),
    "cuộc": ("meeting", "meetings"),
    "lớp": ("class", "classes"),
    "lượt": ("attendance", "attendances"),
    "lượt người": ("attendance", "attendances"),
    "lượt quần chúng nhân dân": ("attendance", "attendances"),
    "lượt phát thanh": ("broadcast", "broadcasts"),
    "bản": ("copy", "copies"),
    "bản in ấn": ("printed copy", "printed copies"),
    "tờ rơi": ("leaflet", "leaflets"),
    "bản tin": ("newsletter", "newsletters"),
    "bài": ("post", "posts"),
    "bài viết": ("post", "posts"),
    "tin": ("tip", "tips"),
    "tin có giá trị": ("valuable tip", "valuable tips"),
    "nguồn tin": ("source", "sources"),
    "vụ": ("case", "cases"),
    "vụ việc": ("case", "cases"),
    "đối tượng": ("suspect", "suspects"),
    "bị can": ("defendant", "defendants"),
    "mô hình": ("model", "models"),
    "loại mô hình": ("type of model", "types of model"),
    "tổ": ("team", "teams"),
    "nhà": ("house", "houses"),
    "nhà đại đoàn kết": ("great-solidarity house", "great-solidarity houses"),
    "suất quà": ("gift", "gifts"),
    "phần quà": ("gift", "gifts"),
    "suất học bổng": ("scholarship", "scholarships"),
    "suất": ("allotment", "allotments"),
    "học bổng": ("scholarship", "scholarships"),
    "tập thể": ("collective", "collectives"),
    "cá nhân": ("individual", "individuals"),
    "người": ("person", "people"),
    "hộ": ("household", "households"),
    "đồng": ("VND", "VND"),
}


def english_unit(unit: str, *, plural: bool) -> str:
    """The English name of *unit*, or *unit* as written when it has none.

    >>> english_unit("buổi", plural=True), english_unit("người", plural=False)
    ('sessions', 'person')
    >>> english_unit("chốt", plural=True)
    'chốt'
    """
    names = UNIT_NAMES.get(unit)
    if names is None:
        return unit
    return names[1] if plural else names[0]
