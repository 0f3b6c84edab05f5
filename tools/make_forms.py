#!/usr/bin/env python3
"""Dựng lại các tờ khai PDF đi kèm nội dung mẫu (content/) của niemyet.

Tạo bốn tệp, mỗi tệp nằm cạnh thủ tục dùng nó:

  content/ho-tich/dang-ky-khai-sinh/to-khai-dang-ky-khai-sinh.pdf      (tờ khai trống)
  content/ho-tich/dang-ky-khai-sinh/to-khai-dang-ky-khai-sinh-mau.pdf  (mẫu đã điền sẵn)
  content/ho-tich/dang-ky-ket-hon/to-khai-dang-ky-ket-hon.pdf          (tờ khai trống)
  content/ho-tich/dang-ky-ket-hon/to-khai-dang-ky-ket-hon-mau.pdf      (mẫu đã điền sẵn)

Bố cục dựng lại theo các tờ khai hộ tịch ban hành kèm Thông tư số 04/2024/TT-BTP
(sửa đổi Thông tư số 04/2020/TT-BTP) để minh họa; đây không phải bản chính thức.
Dữ liệu trong các bản "MẪU THAM KHẢO" là hư cấu (phường Hồng Lam là phường giả định).

Cách chạy (từ thư mục gốc của dự án):

    pip install fpdf2
    apt-get install -y fonts-noto-core      # phông có đủ dấu tiếng Việt
    python3 tools/make_forms.py

Kết quả tất định: cùng phiên bản fpdf2 và cùng phông chữ thì hai lần chạy cho ra
các tệp giống hệt nhau từng byte (ngày tạo và mã tệp được cố định).
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

try:
    from fpdf import FPDF
except ImportError:  # pragma: no cover - thông báo cho người chạy
    sys.exit("Thiếu thư viện fpdf2: chạy `pip install fpdf2` rồi thử lại.")

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

# Ngày tạo cố định để PDF tất định (không lấy theo đồng hồ máy).
FIXED_DATE = _dt.datetime(2026, 11, 20, 8, 0, 0, tzinfo=_dt.timezone.utc)

FONT_CANDIDATES = {
    "": [
        "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    ],
    "B": [
        "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ],
    "I": [
        "/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    ],
}

INK = (20, 40, 140)  # màu mực xanh cho phần điền mẫu
# Phần "viết tay" trong bản mẫu dùng chữ nghiêng, mực xanh (không nhúng thêm phông
# thứ tư để tệp PDF nhỏ).
HAND = ("Serif", "I")


def _find(paths: list[str]) -> str:
    for p in paths:
        if Path(p).is_file():
            return p
    sys.exit(
        "Không tìm thấy phông chữ có dấu tiếng Việt ("
        + ", ".join(paths)
        + "). Cài bằng: apt-get install -y fonts-noto-core"
    )


class Form(FPDF):
    """Trang A4 dọc với vài tiện ích vẽ dòng kẻ chấm như tờ khai giấy."""

    LEFT = 22.0
    RIGHT = 16.0
    LH = 7.4  # khoảng cách dòng (mm)

    def __init__(self, title: str, sample: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.sample = sample
        self.set_margins(self.LEFT, 14, self.RIGHT)
        self.set_auto_page_break(False)
        for style, paths in FONT_CANDIDATES.items():
            self.add_font("Serif", style, _find(paths))
        self.set_creation_date(FIXED_DATE)
        self.set_title(title)
        self.set_author("UBND phường Hồng Lam (phường giả định) - niemyet")
        self.set_subject("Mẫu tham khảo" if sample else "Tờ khai (bản dựng lại để tham khảo)")
        self.set_creator("niemyet tools/make_forms.py")
        self.set_producer("fpdf2")
        # Mã tệp (/ID) mặc định của fpdf2 là băm nội dung + ngày tạo: với ngày
        # tạo cố định ở trên, hai lần chạy cho ra cùng một tệp.
        self.add_page()
        if sample:
            self._watermark()

    # ---- khung trang ---------------------------------------------------
    @property
    def right_x(self) -> float:
        return self.w - self.RIGHT

    def _watermark(self) -> None:
        self.set_font("Serif", "B", 54)
        self.set_text_color(225, 225, 225)
        with self.rotation(35, x=self.w / 2, y=self.h / 2):
            text = "MẪU THAM KHẢO"
            tw = self.get_string_width(text)
            self.text(self.w / 2 - tw / 2, self.h / 2 + 8, text)
        self.set_text_color(0, 0, 0)

    def corner_note(self, text: str) -> None:
        self.set_font("Serif", "I", 8.5)
        self.set_xy(self.LEFT, 8)
        self.cell(self.right_x - self.LEFT, 4, text, align="R")
        if self.sample:
            self.set_font("Serif", "B", 9)
            self.set_text_color(180, 0, 0)
            self.set_xy(self.LEFT, 8)
            self.cell(60, 4, "MẪU THAM KHẢO - dữ liệu hư cấu", align="L")
            self.set_text_color(0, 0, 0)

    def national_header(self, y: float = 16) -> float:
        self.set_xy(self.LEFT, y)
        self.set_font("Serif", "B", 12.5)
        self.cell(self.right_x - self.LEFT, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
        self.set_xy(self.LEFT, y + 6)
        self.set_font("Serif", "B", 12.5)
        motto = "Độc lập - Tự do - Hạnh phúc"
        self.cell(self.right_x - self.LEFT, 6, motto, align="C")
        mw = self.get_string_width(motto)
        cx = (self.LEFT + self.right_x) / 2
        self.set_line_width(0.3)
        self.line(cx - mw / 2, y + 12.6, cx + mw / 2, y + 12.6)
        return y + 14

    def form_title(self, text: str, y: float) -> float:
        self.set_xy(self.LEFT, y)
        self.set_font("Serif", "B", 14)
        self.cell(self.right_x - self.LEFT, 8, text, align="C")
        return y + 11

    # ---- dòng có chấm --------------------------------------------------
    def dots(self, x0: float, x1: float, y: float) -> None:
        """Dòng chấm từ x0 đến x1 ở đường chân chữ y."""
        if x1 - x0 < 2:
            return
        self.set_font("Serif", "", 10)
        n = int((x1 - x0 - 0.6) / self.get_string_width("."))
        if n > 0:
            self.text(x0 + 0.6, y, "." * n)

    def fill(self, x: float, y: float, value: str, size: float = 11.5) -> None:
        """Viết giá trị điền tay (chỉ ở bản mẫu)."""
        if not value:
            return
        self.set_font(*HAND, size)
        self.set_text_color(*INK)
        self.text(x + 1.5, y - 0.9, value)
        self.set_text_color(0, 0, 0)

    def row(self, y: float, parts: list[tuple], size: float = 12) -> float:
        """Một dòng gồm nhiều ô "Nhãn: ......".

        parts = [(nhãn, giá trị, tỉ lệ bề rộng[, cỡ chữ giá trị điền])]."""
        total = self.right_x - self.LEFT
        x = self.LEFT
        base = y + 5.2
        for part in parts:
            label, value, frac = part[:3]
            vsize = part[3] if len(part) > 3 else 11.5
            w = total * frac
            self.set_font("Serif", "", size)
            self.text(x, base, label)
            lw = self.get_string_width(label) + 0.8
            self.dots(x + lw, x + w - 1.5, base)
            if self.sample:
                self.fill(x + lw, base, value, size=vsize)
            x += w
        return y + self.LH

    def inline(self, x: float, y: float, segments: list, size: float = 11.5, style: str = "I") -> float:
        """Một dòng chữ xen kẽ đoạn chấm: segments gồm chuỗi, hoặc (bề rộng mm, giá trị)."""
        for seg in segments:
            self.set_font("Serif", style, size)
            if isinstance(seg, str):
                self.text(x, y, seg)
                x += self.get_string_width(seg)
            else:
                width, value = seg
                self.dots(x - 0.6, x + width, y)
                if self.sample and value:
                    self.fill(x - 1.0, y, value, size=size - 1.5)
                x += width
        return x

    def inline_width(self, segments: list, size: float = 11.5, style: str = "I") -> float:
        self.set_font("Serif", style, size)
        return sum(self.get_string_width(s) if isinstance(s, str) else s[0] for s in segments)

    def para(self, y: float, text: str, size: float = 12, style: str = "", lh: float = 6.0) -> float:
        self.set_xy(self.LEFT, y)
        self.set_font("Serif", style, size)
        self.c_margin = 0
        self.multi_cell(self.right_x - self.LEFT, lh, text, align="J")
        return self.get_y()

    def checkbox(self, x: float, y: float, checked: bool) -> None:
        self.set_line_width(0.25)
        self.rect(x, y - 3.4, 3.6, 3.6)
        if checked and self.sample:
            self.set_font(*HAND, 11)
            self.set_text_color(*INK)
            self.text(x + 0.6, y - 0.2, "X")
            self.set_text_color(0, 0, 0)

    def notes(self, y: float, items: list[str]) -> float:
        self.set_xy(self.LEFT, y)
        self.set_font("Serif", "B", 9.5)
        self.cell(0, 5, "Chú thích:")
        y += 5
        self.set_font("Serif", "I", 9)
        for item in items:
            self.set_xy(self.LEFT, y)
            self.multi_cell(self.right_x - self.LEFT, 4.2, item, align="J")
            y = self.get_y()
        return y

    def signature_block(self, x: float, y: float, w: float, who: str, sign: str, name: str) -> None:
        self.set_xy(x, y)
        self.set_font("Serif", "B", 12)
        self.cell(w, 6, who, align="C")
        self.set_xy(x, y + 5.5)
        self.set_font("Serif", "I", 10.5)
        self.cell(w, 5, "(Ký, ghi rõ họ, chữ đệm, tên)", align="C")
        if self.sample:
            self.set_text_color(*INK)
            self.set_font(*HAND, 15)
            self.set_xy(x, y + 13)
            self.cell(w, 7, sign, align="C")
            self.set_font(*HAND, 11.5)
            self.set_xy(x, y + 22)
            self.cell(w, 6, name, align="C")
            self.set_text_color(0, 0, 0)


# ----------------------------------------------------------------------------
# Tờ khai đăng ký khai sinh
# ----------------------------------------------------------------------------

KHAI_SINH_MAU = {
    "kinh_gui": "Ủy ban nhân dân phường Hồng Lam",
    "nyc_ten": "TRẦN VĂN MINH",
    "nyc_cu_tru": "Số 12, ngõ 3, đường Hồng Lam, tổ dân phố 5, phường Hồng Lam",
    "nyc_gttt": "Thẻ căn cước số 012345678901, Bộ Công an cấp ngày 15/3/2024",
    "quan_he": "Cha",
    "ks_ten": "TRẦN MINH AN",
    "ks_ngay": "05/10/2026",
    "ks_chu": "ngày năm, tháng mười, năm hai nghìn không trăm hai mươi sáu",
    "ks_gioi": "Nam",
    "ks_dan_toc": "Kinh",
    "ks_quoc_tich": "Việt Nam",
    "ks_noi_sinh": "Trạm Y tế phường Hồng Lam, phường Hồng Lam",
    "ks_que": "phường Hồng Lam",
    "me_ten": "LÊ THỊ HOA",
    "me_nam": "12/8/1995",
    "me_cu_tru": "Số 12, ngõ 3, đường Hồng Lam, tổ dân phố 5, phường Hồng Lam",
    "me_dd": "012345678902",
    "cha_ten": "TRẦN VĂN MINH",
    "cha_nam": "20/4/1993",
    "cha_cu_tru": "Số 12, ngõ 3, đường Hồng Lam, tổ dân phố 5, phường Hồng Lam",
    "cha_dd": "012345678901",
    "lam_tai": "phường Hồng Lam",
    "ngay": "12",
    "thang": "10",
    "nam": "2026",
    "ky": "Minh",
    "ban_sao": "02",
}


def to_khai_khai_sinh(path: Path, sample: bool) -> None:
    d = KHAI_SINH_MAU if sample else {k: "" for k in KHAI_SINH_MAU}
    pdf = Form("Tờ khai đăng ký khai sinh" + (" - mẫu tham khảo" if sample else ""), sample)
    pdf.corner_note("Bản dựng lại theo mẫu Tờ khai đăng ký khai sinh (Thông tư số 04/2024/TT-BTP)")
    y = pdf.national_header()
    y = pdf.form_title("TỜ KHAI ĐĂNG KÝ KHAI SINH", y + 2)
    y = pdf.row(y, [("Kính gửi: (1)", d["kinh_gui"], 1.0)])
    y = pdf.row(y, [("Họ, chữ đệm, tên người yêu cầu:", d["nyc_ten"], 1.0)])
    y = pdf.row(y, [("Nơi cư trú: (2)", d["nyc_cu_tru"], 1.0)])
    y = pdf.row(y, [("Giấy tờ tùy thân: (3)", d["nyc_gttt"], 1.0)])
    y = pdf.row(y, [("Quan hệ với người được khai sinh:", d["quan_he"], 1.0)])
    pdf.set_font("Serif", "B", 12)
    pdf.text(pdf.LEFT, y + 5.2, "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:")
    y += pdf.LH
    y = pdf.row(y, [("Họ, chữ đệm, tên:", d["ks_ten"], 1.0)])
    y = pdf.row(y, [("Ngày, tháng, năm sinh:", d["ks_ngay"], 0.41, 10.5), ("ghi bằng chữ:", d["ks_chu"], 0.59, 7.8)])
    y = pdf.row(
        y,
        [("Giới tính:", d["ks_gioi"], 0.3), ("Dân tộc:", d["ks_dan_toc"], 0.3), ("Quốc tịch:", d["ks_quoc_tich"], 0.4)],
    )
    y = pdf.row(y, [("Nơi sinh: (4)", d["ks_noi_sinh"], 1.0)])
    y = pdf.row(y, [("Quê quán:", d["ks_que"], 1.0)])
    y = pdf.row(y, [("Họ, chữ đệm, tên người mẹ:", d["me_ten"], 1.0)])
    y = pdf.row(
        y,
        [("Năm sinh: (5)", d["me_nam"], 0.4), ("Dân tộc:", "Kinh" if sample else "", 0.27),
         ("Quốc tịch:", "Việt Nam" if sample else "", 0.33)],
    )
    y = pdf.row(y, [("Nơi cư trú: (2)", d["me_cu_tru"], 1.0)])
    y = pdf.row(y, [("Số định danh cá nhân:", d["me_dd"], 1.0)])
    y = pdf.row(y, [("Họ, chữ đệm, tên người cha:", d["cha_ten"], 1.0)])
    y = pdf.row(
        y,
        [("Năm sinh: (5)", d["cha_nam"], 0.4), ("Dân tộc:", "Kinh" if sample else "", 0.27),
         ("Quốc tịch:", "Việt Nam" if sample else "", 0.33)],
    )
    y = pdf.row(y, [("Nơi cư trú: (2)", d["cha_cu_tru"], 1.0)])
    y = pdf.row(y, [("Số định danh cá nhân:", d["cha_dd"], 1.0)])
    y = pdf.para(
        y + 0.5,
        "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận "
        "nhất trí của các bên liên quan theo quy định pháp luật.",
        size=11.5,
        lh=5.6,
    )
    y = pdf.para(y, "Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.", size=11.5, lh=5.6)
    y += 1.5
    # Ngày tháng và chữ ký (nửa phải), đề nghị cấp bản sao (nửa trái)
    half = (pdf.right_x - pdf.LEFT) / 2
    xr = pdf.LEFT + half - 4
    segs = ["Làm tại: ", (34, d["lam_tai"]), ", ngày ", (8, d["ngay"]), " tháng ", (8, d["thang"]),
            " năm ", (12, d["nam"])]
    pdf.inline(pdf.right_x - pdf.inline_width(segs), y + 4.5, segs)
    pdf.signature_block(xr, y + 7, half + 4, "Người yêu cầu", d["ky"], d["nyc_ten"].title())
    pdf.set_font("Serif", "", 11.5)
    pdf.text(pdf.LEFT, y + 14, "Đề nghị cấp bản sao: (6)")
    pdf.text(pdf.LEFT, y + 21, "Có")
    pdf.checkbox(pdf.LEFT + 8, y + 21, bool(sample))
    pdf.text(pdf.LEFT + 17, y + 21, "Không")
    pdf.checkbox(pdf.LEFT + 31, y + 21, False)
    pdf.text(pdf.LEFT, y + 28, "Số lượng: ........ bản")
    if sample:
        pdf.fill(pdf.LEFT + 18, y + 28, d["ban_sao"], size=11)
    y += 36
    pdf.notes(
        y,
        [
            "(1) Ghi rõ tên cơ quan đăng ký khai sinh.",
            "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi đăng ký thường trú thì ghi theo nơi đăng ký "
            "tạm trú; nếu không có cả hai thì ghi theo nơi đang sinh sống.",
            "(3) Ghi thông tin về giấy tờ tùy thân của người đi đăng ký: loại giấy tờ, số, cơ quan cấp, ngày cấp.",
            "(4) Trẻ em sinh tại cơ sở y tế thì ghi tên cơ sở y tế và địa danh hành chính nơi có cơ sở y tế; "
            "sinh ngoài cơ sở y tế thì ghi địa danh hành chính nơi sinh.",
            "(5) Ghi đầy đủ ngày, tháng, năm sinh nếu có.",
            "(6) Đánh dấu X vào ô tương ứng nếu có yêu cầu cấp bản sao Giấy khai sinh và ghi rõ số lượng.",
        ],
    )
    pdf.output(str(path))


# ----------------------------------------------------------------------------
# Tờ khai đăng ký kết hôn
# ----------------------------------------------------------------------------

KET_HON_MAU = {
    "kinh_gui": "Ủy ban nhân dân phường Hồng Lam",
    "rows": [
        ("Họ, chữ đệm, tên", "NGUYỄN THỊ THU TRANG", "PHẠM ĐỨC LONG"),
        ("Ngày, tháng, năm sinh", "02/3/1998", "15/7/1996"),
        ("Dân tộc", "Kinh", "Kinh"),
        ("Quốc tịch", "Việt Nam", "Việt Nam"),
        ("Nơi cư trú (1)", "Số 8, đường Hồng Lam, tổ dân phố 2, phường Hồng Lam",
         "Số 45, phố Lam Sơn, tổ dân phố 7, phường Hồng Lam"),
        ("Giấy tờ tùy thân (2)", "Thẻ căn cước số 012345678903, Bộ Công an cấp ngày 10/01/2024",
         "Thẻ căn cước số 012345678904, Bộ Công an cấp ngày 22/5/2024"),
        ("Kết hôn lần thứ mấy", "Lần thứ nhất", "Lần thứ nhất"),
    ],
}


def to_khai_ket_hon(path: Path, sample: bool) -> None:
    pdf = Form("Tờ khai đăng ký kết hôn" + (" - mẫu tham khảo" if sample else ""), sample)
    pdf.corner_note("Bản dựng lại theo mẫu Tờ khai đăng ký kết hôn (Thông tư số 04/2024/TT-BTP)")
    y = pdf.national_header()
    y = pdf.form_title("TỜ KHAI ĐĂNG KÝ KẾT HÔN", y + 2)
    y = pdf.row(y, [("Kính gửi: (*)", KET_HON_MAU["kinh_gui"] if sample else "", 1.0)])
    y += 2
    # Bảng ba cột: Thông tin | Bên nữ | Bên nam
    total = pdf.right_x - pdf.LEFT
    c0, c1 = total * 0.30, total * 0.35
    c2 = total - c0 - c1
    pdf.set_line_width(0.3)
    pdf.set_font("Serif", "B", 12)
    pdf.set_xy(pdf.LEFT, y)
    pdf.cell(c0, 9, "Thông tin", border=1, align="C")
    pdf.cell(c1, 9, "Bên nữ", border=1, align="C")
    pdf.cell(c2, 9, "Bên nam", border=1, align="C")
    y += 9
    for label, nu, nam in KET_HON_MAU["rows"]:
        long = label.startswith(("Nơi cư trú", "Giấy tờ"))
        h = 19 if long else 10
        pdf.set_font("Serif", "B", 11.5)
        pdf.set_xy(pdf.LEFT, y)
        pdf.cell(c0, h, "", border=1)
        pdf.set_xy(pdf.LEFT + 1.5, y + 1.5)
        pdf.multi_cell(c0 - 3, 5.5, label, align="L")
        for i, (value, cx, cw) in enumerate(((nu, pdf.LEFT + c0, c1), (nam, pdf.LEFT + c0 + c1, c2))):
            pdf.set_xy(cx, y)
            pdf.cell(cw, h, "", border=1)
            # dòng chấm trong ô
            lines = 3 if long else 1
            for k in range(lines):
                base = y + 6.8 + k * 5.6
                pdf.dots(cx + 1.5, cx + cw - 1.5, base)
            if sample and value:
                pdf.set_font(*HAND, 10.2)
                pdf.set_text_color(*INK)
                pdf.set_xy(cx + 2, y + 1.8)
                pdf.multi_cell(cw - 4, 5.6, value, align="L")
                pdf.set_text_color(0, 0, 0)
        y += h
    y += 3
    y = pdf.para(
        y,
        "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, "
        "không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam.",
        size=11.5,
        lh=5.6,
    )
    y = pdf.para(y, "Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.", size=11.5, lh=5.6)
    y += 2
    segs = ["Làm tại: ", (34, "phường Hồng Lam"), ", ngày ", (8, "09"), " tháng ", (8, "11"),
            " năm ", (12, "2026")]
    pdf.inline(pdf.right_x - pdf.inline_width(segs), y + 4.5, segs)
    y += 8
    half = total / 2
    pdf.signature_block(pdf.LEFT, y, half, "Bên nữ", "Trang", "Nguyễn Thị Thu Trang")
    pdf.signature_block(pdf.LEFT + half, y, half, "Bên nam", "Long", "Phạm Đức Long")
    y += 38
    pdf.set_font("Serif", "", 11.5)
    pdf.text(pdf.LEFT, y, "Đề nghị cấp bản sao (3):  Có")
    bx = pdf.LEFT + pdf.get_string_width("Đề nghị cấp bản sao (3):  Có") + 2
    pdf.checkbox(bx, y, bool(sample))
    pdf.text(bx + 8, y, "Không")
    pdf.checkbox(bx + 22, y, False)
    pdf.text(bx + 32, y, "Số lượng: ........ bản")
    if sample:
        pdf.fill(bx + 50, y, "01", size=11)
    y += 6
    pdf.notes(
        y,
        [
            "(*) Ghi rõ tên cơ quan đăng ký kết hôn.",
            "(1) Ghi theo nơi đăng ký thường trú; nếu không có nơi đăng ký thường trú thì ghi theo nơi đăng ký "
            "tạm trú; nếu không có cả hai thì ghi theo nơi đang sinh sống.",
            "(2) Ghi thông tin về giấy tờ tùy thân: loại giấy tờ, số, cơ quan cấp, ngày cấp.",
            "(3) Đánh dấu X vào ô tương ứng nếu có yêu cầu cấp bản sao Trích lục kết hôn và ghi rõ số lượng.",
            "Hai bên nam, nữ có thể khai chung vào một Tờ khai; khi nhận Giấy chứng nhận kết hôn, hai bên phải có mặt.",
        ],
    )
    pdf.output(str(path))


def main() -> int:
    jobs = [
        (CONTENT / "ho-tich" / "dang-ky-khai-sinh", "to-khai-dang-ky-khai-sinh", to_khai_khai_sinh),
        (CONTENT / "ho-tich" / "dang-ky-ket-hon", "to-khai-dang-ky-ket-hon", to_khai_ket_hon),
    ]
    for folder, stem, make in jobs:
        if not folder.is_dir():
            print(f"bỏ qua: chưa có thư mục {folder.relative_to(ROOT)}", file=sys.stderr)
            continue
        for sample, suffix in ((False, ""), (True, "-mau")):
            out = folder / f"{stem}{suffix}.pdf"
            make(out, sample)
            print(f"{out.relative_to(ROOT)}  {out.stat().st_size} byte")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
