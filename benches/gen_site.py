#!/usr/bin/env python3
"""Generate a large, realistic niemyet site for benchmarks.

Usage:

    python3 benches/gen_site.py --procedures N --out DIR [--seed S] [--fields F] [--force]

Writes DIR/content/ following /work/shared/format.md ("The content format of
niemyet"):

  DIR/content/site.yaml            a fictional ward (base_url https://tthc.bench.example/)
  DIR/content/<field>/_index.md    F fields (default: N/100 clamped to 6..60)
  DIR/content/<field>/<slug>.md    N procedures spread over the fields, ~10% of them
  DIR/content/<field>/<slug>/      as bundles (index.md + a small to-khai.pdf form)
  DIR/content/notices/*.md         a few notices

Options:
  --procedures N   number of procedures (required, >= 0)
  --out DIR        output directory; the site goes to DIR/content
  --seed S         random seed (default 1); the output is byte-for-byte identical
                   for the same N, F and S
  --fields F       number of field folders (default: round(N/100) clamped to 6..60);
                   beyond the built-in Vietnamese field names, numbered variants are
                   used ("Hộ tịch 2", slug ho-tich-2)
  --force          remove an existing non-empty DIR/content first (otherwise refuse)

Every YAML string value is double-quoted and escaped, integers are bare, dates
are bare YYYY-MM-DD. All text is NFC Vietnamese. Standard library only; writes
files directly (100,000 procedures take well under a minute).

At the end one summary line is printed: procedures, fields, bundles, bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
import unicodedata

# ---------------------------------------------------------------------------
# helpers


_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    return _ESCAPES.get(ch) or "\\u%04x" % ord(ch)


_Q_CACHE: dict = {}


def q(s: str) -> str:
    """A YAML double-quoted scalar (every string value goes through this)."""
    r = _Q_CACHE.get(s)
    if r is None:
        r = '"' + _NEEDS_ESCAPE.sub(_escape, s) + '"'
        if len(_Q_CACHE) < 100_000:
            _Q_CACHE[s] = r
    return r


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 80) -> str:
    """Fold Vietnamese text to an ASCII slug: lowercase, đ->d, no tones, [a-z0-9-]."""
    t = text.replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = _NON_SLUG.sub("-", t.lower()).strip("-")
    if len(t) > max_len:
        cut = t.rfind("-", 0, max_len + 1)
        t = t[: cut if cut > 20 else max_len].strip("-")
    return t or "thu-tuc"


def unique_slug(base: str, taken: dict) -> str:
    """base, base-2, base-3 ... (taken maps a base to its next counter)."""
    n = taken.get(base)
    if n is None:
        taken[base] = 2
        return base
    while True:
        cand = f"{base}-{n}"
        n += 1
        if cand not in taken:
            taken[base] = n
            taken[cand] = 2
            return cand


def d(date: dt.date) -> str:
    return date.isoformat()


def make_pdf(title: str) -> bytes:
    """A tiny but well-formed one-page PDF (correct xref offsets)."""
    stream = f"BT /F1 18 Tf 72 760 Td ({title}) Tj ET".encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF_FORM = make_pdf("To khai (mau) - niemyet benchmark")
PDF_SAMPLE = make_pdf("To khai mau da dien san - niemyet benchmark")

# ---------------------------------------------------------------------------
# vocabulary

LB_COMMON = [
    ("63/2010/NĐ-CP", "Nghị định về kiểm soát thủ tục hành chính", "2010-06-08"),
    ("92/2017/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính", "2017-08-07"),
    ("118/2025/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia", "2025-06-09"),
    ("42/2022/NĐ-CP", "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng", "2022-06-24"),
    ("45/2020/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử", "2020-04-08"),
]

# Each field: name, description, stems (curated titles), verbs x objects
# (combinatorial titles), qualifiers, results, documents, legal basis, officer.
FIELDS = [
    dict(
        name="Hộ tịch",
        desc="Đăng ký khai sinh, kết hôn, khai tử, nhận cha, mẹ, con, giám hộ và các việc hộ tịch khác của công dân cư trú trên địa bàn phường.",
        stems=["Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Đăng ký nhận cha, mẹ, con",
               "Đăng ký giám hộ", "Đăng ký chấm dứt giám hộ", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
               "Thay đổi, cải chính, bổ sung, xác định lại dân tộc", "Cấp bản sao trích lục hộ tịch",
               "Cấp Giấy xác nhận tình trạng hôn nhân", "Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài",
               "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
               "Đăng ký lại kết hôn", "Đăng ký lại khai tử", "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân"],
        verbs=["Đăng ký", "Đăng ký lại", "Thay đổi, cải chính", "Bổ sung thông tin", "Cấp bản sao trích lục", "Xác nhận"],
        objects=["khai sinh", "kết hôn", "khai tử", "giám hộ", "nhận cha, mẹ, con", "thông tin hộ tịch", "việc nuôi con nuôi", "tình trạng hôn nhân"],
        quals=["có yếu tố nước ngoài", "lưu động", "cho người dưới 14 tuổi", "tại khu vực biên giới", "cho trẻ em bị bỏ rơi", "quá hạn", "đúng hạn"],
        results=["Giấy khai sinh (bản chính)", "Giấy chứng nhận kết hôn", "Trích lục khai tử (bản chính)", "Trích lục đăng ký giám hộ",
                 "Trích lục thay đổi, cải chính hộ tịch", "Giấy xác nhận tình trạng hôn nhân", "Bản sao trích lục hộ tịch"],
        docs=["Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh", "Tờ khai đăng ký kết hôn", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử",
              "Văn bản thỏa thuận cử người giám hộ", "Chứng cứ chứng minh quan hệ cha, mẹ, con", "Bản chính Giấy khai sinh",
              "Văn bản ủy quyền được chứng thực (trường hợp ủy quyền)", "Trích lục hộ tịch đã cấp trước đây"],
        lb=[("60/2014/QH13", "Luật Hộ tịch", "2014-11-20"),
            ("123/2015/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", "2015-11-15"),
            ("04/2020/TT-BTP", "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP", "2020-05-28"),
            ("281/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch", "2016-11-14"),
            ("87/2020/NĐ-CP", "Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến", "2020-07-28")],
        officer="Công chức tư pháp - hộ tịch",
    ),
    dict(
        name="Chứng thực",
        desc="Chứng thực bản sao từ bản chính, chứng thực chữ ký, chứng thực hợp đồng, giao dịch và việc sửa lỗi sai sót trong hợp đồng đã chứng thực.",
        stems=["Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực chữ ký trong các giấy tờ, văn bản",
               "Chứng thực chữ ký người dịch", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
               "Chứng thực văn bản thỏa thuận phân chia di sản", "Chứng thực văn bản khai nhận di sản",
               "Chứng thực di chúc", "Chứng thực văn bản từ chối nhận di sản", "Sửa lỗi sai sót trong hợp đồng, giao dịch",
               "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
               "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"],
        verbs=["Chứng thực", "Chứng thực việc sửa đổi", "Chứng thực việc hủy bỏ", "Cấp bản sao có chứng thực"],
        objects=["hợp đồng thế chấp quyền sử dụng đất", "hợp đồng tặng cho nhà ở", "hợp đồng ủy quyền", "giấy tờ, văn bản",
                 "chữ ký", "văn bản thỏa thuận phân chia di sản", "di chúc", "hợp đồng mua bán tài sản"],
        quals=["do cơ quan có thẩm quyền của nước ngoài cấp", "trường hợp người yêu cầu không ký được", "tại nhà", "bằng tiếng nước ngoài",
               "song ngữ", "liên quan đến tài sản là động sản"],
        results=["Bản sao được chứng thực từ bản chính", "Giấy tờ, văn bản được chứng thực chữ ký", "Hợp đồng, giao dịch được chứng thực",
                 "Văn bản thỏa thuận phân chia di sản được chứng thực", "Di chúc được chứng thực"],
        docs=["Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Bản sao cần chứng thực", "Dự thảo hợp đồng, giao dịch",
              "Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản", "Giấy tờ, văn bản cần chứng thực chữ ký",
              "Bản sao giấy tờ tùy thân của người yêu cầu chứng thực"],
        lb=[("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", "2015-02-16"),
            ("01/2020/TT-BTP", "Thông tư quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP", "2020-03-03"),
            ("226/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực", "2016-11-11"),
            ("91/2015/QH13", "Bộ luật Dân sự", "2015-11-24")],
        officer="Công chức tư pháp - hộ tịch",
    ),
    dict(
        name="Bảo trợ xã hội",
        desc="Trợ cấp xã hội hằng tháng, hỗ trợ chi phí mai táng, nhận chăm sóc, nuôi dưỡng đối tượng cần bảo vệ khẩn cấp và xác định mức độ khuyết tật.",
        stems=["Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
               "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "Đổi, cấp lại Giấy xác nhận khuyết tật",
               "Đăng ký nhận chăm sóc, nuôi dưỡng đối tượng cần bảo vệ khẩn cấp", "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở",
               "Chi trả trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú", "Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội"],
        verbs=["Thực hiện", "Điều chỉnh", "Thôi hưởng", "Hỗ trợ", "Xác nhận"],
        objects=["trợ cấp xã hội hằng tháng", "kinh phí chăm sóc, nuôi dưỡng hằng tháng", "chi phí mai táng", "trợ giúp xã hội khẩn cấp",
                 "chế độ đối với người cao tuổi", "chế độ đối với người khuyết tật"],
        quals=["cho người từ đủ 80 tuổi trở lên", "cho trẻ em dưới 3 tuổi", "khi đối tượng thay đổi nơi cư trú", "trong cùng tỉnh",
               "đối với hộ nghèo", "do thiên tai, hỏa hoạn"],
        results=["Quyết định trợ cấp xã hội hằng tháng", "Quyết định hỗ trợ chi phí mai táng", "Giấy xác nhận khuyết tật",
                 "Quyết định thôi hưởng trợ cấp xã hội", "Quyết định hỗ trợ khẩn cấp"],
        docs=["Tờ khai đề nghị trợ giúp xã hội", "Giấy xác nhận khuyết tật", "Giấy chứng tử hoặc Trích lục khai tử",
              "Bản sao sổ hộ khẩu hoặc giấy tờ chứng minh nơi cư trú", "Đơn đề nghị của cá nhân, gia đình",
              "Biên bản họp Hội đồng xác định mức độ khuyết tật"],
        lb=[("20/2021/NĐ-CP", "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", "2021-03-15"),
            ("76/2024/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP", "2024-07-01"),
            ("51/2010/QH12", "Luật Người khuyết tật", "2010-06-17"),
            ("39/2009/QH12", "Luật Người cao tuổi", "2009-11-23")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Người có công",
        desc="Chế độ ưu đãi người có công với cách mạng và thân nhân: trợ cấp, điều dưỡng, hỗ trợ nhà ở, mai táng phí, cấp giấy giới thiệu thăm viếng mộ liệt sĩ.",
        stems=["Giải quyết chế độ mai táng phí đối với người có công", "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ",
               "Hỗ trợ người có công đi làm phương tiện, dụng cụ trợ giúp chỉnh hình", "Giải quyết chế độ ưu đãi trong giáo dục đào tạo",
               "Thăm viếng mộ liệt sĩ", "Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú"],
        verbs=["Giải quyết chế độ", "Hỗ trợ", "Xác nhận", "Đề nghị", "Cấp lại"],
        objects=["trợ cấp ưu đãi", "điều dưỡng phục hồi sức khỏe", "mai táng phí", "cải thiện nhà ở", "bảo hiểm y tế", "trợ cấp một lần"],
        quals=["đối với thân nhân liệt sĩ", "đối với thương binh", "đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học",
               "đối với người có công giúp đỡ cách mạng", "đối với Bà mẹ Việt Nam anh hùng", "khi người có công từ trần"],
        results=["Quyết định trợ cấp", "Giấy giới thiệu thăm viếng mộ liệt sĩ", "Quyết định hỗ trợ", "Quyết định điều dưỡng",
                 "Giấy xác nhận"],
        docs=["Đơn đề nghị theo mẫu", "Giấy báo tử hoặc trích lục khai tử", "Bản sao giấy chứng nhận gia đình liệt sĩ",
              "Bản sao quyết định hưởng trợ cấp", "Giấy xác nhận của Ủy ban nhân dân phường"],
        lb=[("02/2020/UBTVQH14", "Pháp lệnh Ưu đãi người có công với cách mạng", "2020-12-09"),
            ("131/2021/NĐ-CP", "Nghị định quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng", "2021-12-30"),
            ("55/2023/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 75/2021/NĐ-CP", "2023-07-21")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Giảm nghèo",
        desc="Xác định hộ nghèo, hộ cận nghèo, hộ thoát nghèo và hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình.",
        stems=["Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm",
               "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình"],
        verbs=["Công nhận", "Xác nhận", "Rà soát", "Điều chỉnh"],
        objects=["hộ nghèo", "hộ cận nghèo", "hộ thoát nghèo", "hộ có mức sống trung bình"],
        quals=["phát sinh trong năm", "định kỳ hằng năm", "giai đoạn 2026 - 2030"],
        results=["Giấy chứng nhận hộ nghèo, hộ cận nghèo", "Quyết định công nhận hộ thoát nghèo", "Danh sách hộ được công nhận"],
        docs=["Giấy đề nghị xét duyệt bổ sung hộ nghèo, hộ cận nghèo", "Phiếu khảo sát thông tin hộ gia đình", "Biên bản họp dân cư"],
        lb=[("07/2021/NĐ-CP", "Nghị định quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025", "2021-01-27"),
            ("07/2021/TT-BLĐTBXH", "Thông tư hướng dẫn phương pháp rà soát, phân loại hộ nghèo, hộ cận nghèo", "2021-07-18")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Văn hóa",
        desc="Thư viện, lễ hội, câu lạc bộ, công nhận danh hiệu gia đình văn hóa và tổ dân phố văn hóa.",
        stems=["Xét tặng danh hiệu Gia đình văn hóa hằng năm", "Xét tặng Giấy khen Gia đình văn hóa", "Công nhận câu lạc bộ thể thao cơ sở",
               "Thông báo tổ chức lễ hội cấp xã", "Đăng ký hoạt động thư viện tư nhân có phục vụ cộng đồng",
               "Xét tặng danh hiệu Tổ dân phố văn hóa"],
        verbs=["Thông báo", "Đăng ký", "Công nhận", "Xét tặng", "Thông báo thành lập"],
        objects=["lễ hội", "thư viện cộng đồng", "câu lạc bộ", "danh hiệu Gia đình văn hóa", "hoạt động karaoke", "danh hiệu Khu dân cư văn hóa"],
        quals=["hằng năm", "ba năm một lần", "có quy mô trên địa bàn phường", "đối với cơ sở ngoài công lập"],
        results=["Giấy khen", "Văn bản chấp thuận", "Quyết định công nhận", "Thông báo tiếp nhận"],
        docs=["Văn bản thông báo theo mẫu", "Bản đăng ký danh hiệu", "Báo cáo thành tích", "Danh sách thành viên", "Nội quy hoạt động"],
        lb=[("86/2023/NĐ-CP", "Nghị định quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu Gia đình văn hóa", "2023-12-07"),
            ("110/2018/NĐ-CP", "Nghị định quy định về quản lý và tổ chức lễ hội", "2018-08-29"),
            ("46/2019/QH14", "Luật Thư viện", "2019-11-21")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Giáo dục",
        desc="Thành lập, cho phép hoạt động, sáp nhập, chia, tách, giải thể nhóm trẻ, lớp mẫu giáo độc lập và trường tiểu học, trung học cơ sở.",
        stems=["Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập",
               "Giải thể nhóm trẻ, lớp mẫu giáo độc lập", "Thành lập trường mầm non", "Chuyển trường đối với học sinh trung học cơ sở",
               "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú", "Hỗ trợ ăn trưa đối với trẻ em mẫu giáo"],
        verbs=["Thành lập", "Cho phép hoạt động", "Sáp nhập, chia, tách", "Giải thể", "Cho phép hoạt động trở lại"],
        objects=["trường mầm non", "nhóm trẻ, lớp mẫu giáo độc lập", "trường tiểu học", "trường trung học cơ sở", "trung tâm học tập cộng đồng"],
        quals=["công lập", "dân lập, tư thục", "theo đề nghị của tổ chức, cá nhân", "có vốn đầu tư nước ngoài"],
        results=["Quyết định thành lập", "Quyết định cho phép hoạt động giáo dục", "Quyết định giải thể", "Quyết định sáp nhập, chia, tách"],
        docs=["Tờ trình đề nghị", "Đề án thành lập", "Danh sách trích ngang giáo viên", "Văn bản xác nhận khả năng tài chính",
              "Bản sao giấy tờ chứng minh quyền sử dụng đất", "Dự thảo quy chế tổ chức và hoạt động"],
        lb=[("43/2019/QH14", "Luật Giáo dục", "2019-06-14"),
            ("125/2024/NĐ-CP", "Nghị định quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục", "2024-10-05"),
            ("81/2021/NĐ-CP", "Nghị định quy định về cơ chế thu, quản lý học phí", "2021-08-27")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Đăng ký hộ kinh doanh",
        desc="Đăng ký thành lập, thay đổi nội dung đăng ký, tạm ngừng, chấm dứt hoạt động hộ kinh doanh.",
        stems=["Đăng ký thành lập hộ kinh doanh", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Tạm ngừng hoạt động hộ kinh doanh",
               "Chấm dứt hoạt động hộ kinh doanh", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", "Tiếp tục kinh doanh trước thời hạn đã thông báo"],
        verbs=["Đăng ký", "Thay đổi", "Cấp lại", "Tạm ngừng", "Chấm dứt"],
        objects=["hộ kinh doanh", "địa điểm kinh doanh", "ngành, nghề kinh doanh", "chủ hộ kinh doanh", "vốn kinh doanh"],
        quals=["do bị mất, cháy, rách, nát", "chuyển địa chỉ sang phường khác", "khi thay đổi chủ hộ", "theo yêu cầu"],
        results=["Giấy chứng nhận đăng ký hộ kinh doanh", "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh",
                 "Thông báo về việc chấm dứt hoạt động hộ kinh doanh"],
        docs=["Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao biên bản họp thành viên hộ gia đình", "Bản sao văn bản ủy quyền",
              "Thông báo tạm ngừng kinh doanh", "Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh"],
        lb=[("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", "2025-06-30"),
            ("59/2020/QH14", "Luật Doanh nghiệp", "2020-06-17"),
            ("85/2019/TT-BTC", "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh", "2019-11-29")],
        officer="Công chức tài chính - kế toán",
    ),
    dict(
        name="Đất đai",
        desc="Hòa giải tranh chấp đất đai, xác nhận nguồn gốc sử dụng đất, đăng ký đất đai lần đầu và các việc đất đai thuộc thẩm quyền của phường.",
        stems=["Hòa giải tranh chấp đất đai", "Xác nhận nguồn gốc, thời điểm sử dụng đất", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
               "Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất", "Chuyển mục đích sử dụng đất",
               "Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân", "Đính chính Giấy chứng nhận đã cấp"],
        verbs=["Đăng ký", "Xác nhận", "Cấp đổi", "Cấp lại", "Đính chính", "Gia hạn"],
        objects=["quyền sử dụng đất", "Giấy chứng nhận quyền sử dụng đất", "tài sản gắn liền với đất", "biến động đất đai", "hiện trạng sử dụng đất"],
        quals=["lần đầu", "do bị mất", "đối với hộ gia đình, cá nhân", "khi tách thửa, hợp thửa", "do thay đổi thông tin"],
        results=["Biên bản hòa giải thành hoặc không thành", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                 "Văn bản xác nhận", "Quyết định giao đất, cho thuê đất"],
        docs=["Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu", "Đơn yêu cầu hòa giải tranh chấp đất đai", "Bản gốc Giấy chứng nhận đã cấp",
              "Mảnh trích đo bản đồ địa chính thửa đất", "Chứng từ thực hiện nghĩa vụ tài chính", "Giấy tờ về quyền sử dụng đất"],
        lb=[("31/2024/QH15", "Luật Đất đai", "2024-01-18"),
            ("101/2024/NĐ-CP", "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất", "2024-07-29"),
            ("102/2024/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai", "2024-07-30"),
            ("151/2025/NĐ-CP", "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực đất đai", "2025-06-12")],
        officer="Công chức địa chính - xây dựng",
    ),
    dict(
        name="Đăng ký biện pháp bảo đảm",
        desc="Đăng ký, thay đổi, xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất.",
        stems=["Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất",
               "Đăng ký thay đổi nội dung biện pháp bảo đảm đã đăng ký", "Sửa chữa sai sót nội dung biện pháp bảo đảm đã đăng ký do lỗi của cơ quan đăng ký"],
        verbs=["Đăng ký", "Xóa đăng ký", "Đăng ký thay đổi", "Sửa chữa sai sót"],
        objects=["thế chấp quyền sử dụng đất", "thế chấp tài sản gắn liền với đất", "thế chấp nhà ở hình thành trong tương lai", "biện pháp bảo đảm"],
        quals=["đã đăng ký", "do lỗi của cơ quan đăng ký", "theo yêu cầu của bên nhận bảo đảm"],
        results=["Văn bản chứng nhận đăng ký biện pháp bảo đảm", "Giấy chứng nhận có ghi nội dung đăng ký", "Văn bản xác nhận xóa đăng ký"],
        docs=["Phiếu yêu cầu đăng ký theo mẫu", "Hợp đồng bảo đảm", "Bản gốc Giấy chứng nhận", "Văn bản đồng ý xóa đăng ký của bên nhận bảo đảm"],
        lb=[("99/2022/NĐ-CP", "Nghị định về đăng ký biện pháp bảo đảm", "2022-11-30"),
            ("91/2015/QH13", "Bộ luật Dân sự", "2015-11-24")],
        officer="Công chức địa chính - xây dựng",
    ),
    dict(
        name="Nuôi con nuôi",
        desc="Đăng ký nuôi con nuôi trong nước, đăng ký lại việc nuôi con nuôi và giải quyết việc người nước ngoài thường trú ở Việt Nam nhận con nuôi.",
        stems=["Đăng ký nuôi con nuôi trong nước", "Đăng ký lại việc nuôi con nuôi trong nước",
               "Giải quyết việc người nước ngoài cư trú ở khu vực biên giới nhận trẻ em Việt Nam làm con nuôi"],
        verbs=["Đăng ký", "Đăng ký lại", "Giải quyết", "Chấm dứt"],
        objects=["việc nuôi con nuôi", "nuôi con nuôi trong nước", "việc nhận con nuôi"],
        quals=["thực tế", "có yếu tố nước ngoài", "ở khu vực biên giới", "đối với trẻ em bị bỏ rơi"],
        results=["Giấy chứng nhận nuôi con nuôi", "Trích lục đăng ký nuôi con nuôi"],
        docs=["Đơn xin nhận con nuôi", "Phiếu lý lịch tư pháp của người nhận con nuôi", "Văn bản về tình trạng hôn nhân",
              "Giấy khám sức khỏe", "Giấy khai sinh của người được giới thiệu làm con nuôi", "Hai ảnh toàn thân, nhìn thẳng"],
        lb=[("52/2010/QH12", "Luật Nuôi con nuôi", "2010-06-17"),
            ("19/2011/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi", "2011-03-21"),
            ("24/2019/NĐ-CP", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 19/2011/NĐ-CP", "2019-03-05")],
        officer="Công chức tư pháp - hộ tịch",
    ),
    dict(
        name="Hòa giải ở cơ sở",
        desc="Công nhận, cho thôi hòa giải viên, công nhận tổ trưởng tổ hòa giải và thanh toán thù lao cho hòa giải viên.",
        stems=["Công nhận hòa giải viên", "Công nhận tổ trưởng tổ hòa giải", "Thôi làm hòa giải viên", "Thanh toán thù lao cho hòa giải viên",
               "Hỗ trợ cho hòa giải viên gặp tai nạn hoặc rủi ro ảnh hưởng đến sức khỏe, tính mạng trong khi thực hiện hoạt động hòa giải"],
        verbs=["Công nhận", "Cho thôi", "Thanh toán", "Hỗ trợ"],
        objects=["hòa giải viên", "tổ trưởng tổ hòa giải", "thù lao cho hòa giải viên", "tổ hòa giải"],
        quals=["ở cơ sở", "theo vụ, việc", "gặp tai nạn hoặc rủi ro"],
        results=["Quyết định công nhận", "Quyết định cho thôi làm hòa giải viên", "Quyết định hỗ trợ"],
        docs=["Văn bản đề nghị của Trưởng ban công tác Mặt trận", "Biên bản bầu hòa giải viên", "Giấy tờ chứng minh chi phí",
              "Văn bản xác nhận của tổ trưởng tổ hòa giải"],
        lb=[("35/2013/QH13", "Luật Hòa giải ở cơ sở", "2013-06-20"),
            ("15/2014/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở", "2014-02-27")],
        officer="Công chức tư pháp - hộ tịch",
    ),
    dict(
        name="Tín ngưỡng, tôn giáo",
        desc="Đăng ký hoạt động tín ngưỡng, sinh hoạt tôn giáo tập trung và thông báo tổ chức lễ hội tín ngưỡng.",
        stems=["Đăng ký hoạt động tín ngưỡng", "Đăng ký sinh hoạt tôn giáo tập trung", "Thông báo tổ chức lễ hội tín ngưỡng",
               "Đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung", "Thông báo danh mục hoạt động tôn giáo bổ sung"],
        verbs=["Đăng ký", "Thông báo", "Đề nghị", "Thay đổi"],
        objects=["hoạt động tín ngưỡng", "sinh hoạt tôn giáo tập trung", "lễ hội tín ngưỡng", "người đại diện nhóm sinh hoạt tôn giáo"],
        quals=["bổ sung", "hằng năm", "trong địa bàn một phường", "của người nước ngoài cư trú hợp pháp tại Việt Nam"],
        results=["Văn bản chấp thuận", "Văn bản trả lời", "Thông báo tiếp nhận"],
        docs=["Văn bản đăng ký theo mẫu", "Danh mục hoạt động tín ngưỡng", "Bản tóm tắt lý lịch người đại diện", "Văn bản hợp pháp về địa điểm"],
        lb=[("02/2016/QH14", "Luật Tín ngưỡng, tôn giáo", "2016-11-18"),
            ("95/2023/NĐ-CP", "Nghị định quy định chi tiết Luật Tín ngưỡng, tôn giáo", "2023-12-29")],
        officer="Công chức văn phòng - thống kê",
    ),
    dict(
        name="Thi đua, khen thưởng",
        desc="Khen thưởng của Chủ tịch Ủy ban nhân dân phường theo công trạng, chuyên đề, đột xuất và cho gia đình.",
        stems=["Tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường về thành tích thi đua theo đợt hoặc chuyên đề",
               "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường về thành tích đột xuất",
               "Tặng danh hiệu Lao động tiên tiến", "Tặng Giấy khen cho gia đình"],
        verbs=["Tặng", "Xét tặng", "Đề nghị khen thưởng"],
        objects=["Giấy khen", "danh hiệu Lao động tiên tiến", "danh hiệu Chiến sĩ thi đua cơ sở", "danh hiệu Tập thể lao động tiên tiến"],
        quals=["về thành tích đột xuất", "theo đợt hoặc chuyên đề", "cho gia đình", "hằng năm", "theo công trạng"],
        results=["Quyết định khen thưởng kèm Giấy khen", "Quyết định tặng danh hiệu"],
        docs=["Tờ trình đề nghị khen thưởng", "Báo cáo thành tích", "Biên bản họp Hội đồng Thi đua - Khen thưởng"],
        lb=[("06/2022/QH15", "Luật Thi đua, khen thưởng", "2022-06-15"),
            ("98/2023/NĐ-CP", "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", "2023-12-31")],
        officer="Công chức văn phòng - thống kê",
    ),
    dict(
        name="Nông nghiệp",
        desc="Hỗ trợ sản xuất nông nghiệp, khắc phục thiệt hại do thiên tai, dịch bệnh và xác nhận nguồn gốc nông sản.",
        stems=["Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh",
               "Xác nhận bảng kê lâm sản", "Phê duyệt kế hoạch khuyến nông địa phương"],
        verbs=["Hỗ trợ", "Xác nhận", "Phê duyệt", "Thẩm định"],
        objects=["khôi phục sản xuất", "giống cây trồng", "giống vật nuôi", "bảng kê lâm sản", "kế hoạch khuyến nông"],
        quals=["do thiên tai", "do dịch bệnh", "đối với hộ gia đình, cá nhân", "vùng bị thiệt hại"],
        results=["Quyết định hỗ trợ", "Bảng kê lâm sản được xác nhận", "Quyết định phê duyệt"],
        docs=["Đơn đề nghị hỗ trợ", "Bản kê khai thiệt hại", "Biên bản kiểm tra hiện trường", "Bảng kê lâm sản"],
        lb=[("02/2017/NĐ-CP", "Nghị định về cơ chế, chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh", "2017-01-09"),
            ("31/2018/QH14", "Luật Trồng trọt", "2018-11-19")],
        officer="Công chức kinh tế",
    ),
    dict(
        name="Môi trường",
        desc="Đăng ký môi trường, tham vấn cộng đồng dân cư và xác nhận các nội dung về bảo vệ môi trường trên địa bàn.",
        stems=["Đăng ký môi trường", "Tham vấn trong đánh giá tác động môi trường", "Xác nhận kế hoạch bảo vệ môi trường"],
        verbs=["Đăng ký", "Tham vấn", "Xác nhận", "Thông báo"],
        objects=["môi trường", "kế hoạch bảo vệ môi trường", "phương án cải tạo, phục hồi môi trường", "điểm tập kết chất thải rắn sinh hoạt"],
        quals=["đối với cơ sở sản xuất, kinh doanh, dịch vụ", "đối với dự án đầu tư", "có phát sinh chất thải"],
        results=["Thông báo tiếp nhận hồ sơ đăng ký môi trường", "Văn bản trả lời tham vấn", "Văn bản xác nhận"],
        docs=["Văn bản đăng ký môi trường theo mẫu", "Báo cáo đánh giá tác động môi trường", "Văn bản đề nghị tham vấn"],
        lb=[("72/2020/QH14", "Luật Bảo vệ môi trường", "2020-11-17"),
            ("08/2022/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Bảo vệ môi trường", "2022-01-10")],
        officer="Công chức địa chính - xây dựng",
    ),
    dict(
        name="Y tế",
        desc="Cấp giấy chứng sinh, hỗ trợ chi phí khám chữa bệnh và các việc về dân số, bảo hiểm y tế tại phường.",
        stems=["Cấp lại Giấy chứng sinh đối với trường hợp bị nhầm lẫn khi ghi chép", "Xét hưởng chính sách hỗ trợ cho đối tượng sinh con đúng chính sách dân số",
               "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Hỗ trợ chi phí khám bệnh, chữa bệnh cho người nghèo"],
        verbs=["Cấp", "Cấp lại", "Hỗ trợ", "Xét hưởng"],
        objects=["Giấy chứng sinh", "thẻ bảo hiểm y tế", "chi phí khám bệnh, chữa bệnh", "chính sách dân số"],
        quals=["cho trẻ em dưới 6 tuổi", "cho người nghèo", "bị nhầm lẫn khi ghi chép", "đối với người cao tuổi"],
        results=["Giấy chứng sinh", "Thẻ bảo hiểm y tế", "Quyết định hỗ trợ"],
        docs=["Đơn đề nghị theo mẫu", "Bản chính Giấy chứng sinh đã cấp", "Danh sách đề nghị cấp thẻ", "Hóa đơn chi phí khám, chữa bệnh"],
        lb=[("25/2008/QH12", "Luật Bảo hiểm y tế", "2008-11-14"),
            ("146/2018/NĐ-CP", "Nghị định quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế", "2018-10-17")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Việc làm",
        desc="Hỗ trợ tạo việc làm, đăng ký nhu cầu tìm việc và xác nhận cho người lao động.",
        stems=["Hỗ trợ vay vốn tạo việc làm", "Đăng ký nhu cầu tìm việc làm", "Xác nhận người lao động làm việc tự do",
               "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng"],
        verbs=["Hỗ trợ", "Đăng ký", "Xác nhận", "Đề nghị"],
        objects=["vay vốn tạo việc làm", "nhu cầu tìm việc làm", "người lao động tự do", "đào tạo nghề"],
        quals=["cho người khuyết tật", "cho thanh niên hoàn thành nghĩa vụ quân sự", "theo hợp đồng", "ở nước ngoài"],
        results=["Văn bản xác nhận", "Quyết định hỗ trợ", "Phiếu đăng ký đã xác nhận"],
        docs=["Giấy đề nghị vay vốn", "Phương án sử dụng vốn vay", "Phiếu đăng ký tìm việc làm", "Hợp đồng lao động"],
        lb=[("74/2025/QH15", "Luật Việc làm", "2025-06-16"),
            ("61/2015/NĐ-CP", "Nghị định quy định về chính sách hỗ trợ tạo việc làm và Quỹ quốc gia về việc làm", "2015-07-09")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Xây dựng",
        desc="Cấp giấy phép xây dựng nhà ở riêng lẻ, giấy phép sửa chữa, cải tạo và các việc xây dựng thuộc thẩm quyền của phường.",
        stems=["Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Cấp giấy phép sửa chữa, cải tạo công trình",
               "Điều chỉnh giấy phép xây dựng", "Gia hạn giấy phép xây dựng", "Cấp giấy phép di dời công trình"],
        verbs=["Cấp", "Điều chỉnh", "Gia hạn", "Cấp lại"],
        objects=["giấy phép xây dựng", "giấy phép sửa chữa, cải tạo", "giấy phép di dời công trình", "giấy phép xây dựng có thời hạn"],
        quals=["đối với nhà ở riêng lẻ", "trong đô thị", "theo giai đoạn", "do bị rách, nát", "do bị mất"],
        results=["Giấy phép xây dựng", "Giấy phép xây dựng đã điều chỉnh", "Văn bản gia hạn"],
        docs=["Đơn đề nghị cấp giấy phép xây dựng theo mẫu", "Bản sao giấy tờ về quyền sử dụng đất", "Hai bộ bản vẽ thiết kế xây dựng",
              "Bản cam kết bảo đảm an toàn công trình liền kề", "Bản chính giấy phép xây dựng đã cấp"],
        lb=[("50/2014/QH13", "Luật Xây dựng", "2014-06-18"),
            ("175/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng", "2024-12-30")],
        officer="Công chức địa chính - xây dựng",
    ),
    dict(
        name="Phòng, chống thiên tai",
        desc="Hỗ trợ khắc phục hậu quả thiên tai, xác nhận thiệt hại và huy động nguồn lực phòng, chống thiên tai.",
        stems=["Hỗ trợ khắc phục hậu quả thiên tai", "Xác nhận thiệt hại do thiên tai", "Đăng ký đóng góp Quỹ phòng, chống thiên tai",
               "Miễn, giảm, tạm hoãn đóng góp Quỹ phòng, chống thiên tai"],
        verbs=["Hỗ trợ", "Xác nhận", "Miễn, giảm", "Tạm hoãn"],
        objects=["thiệt hại do thiên tai", "đóng góp Quỹ phòng, chống thiên tai", "khắc phục hậu quả thiên tai"],
        quals=["đối với hộ gia đình", "đối với tổ chức kinh tế", "do bão, lũ", "do sạt lở đất"],
        results=["Quyết định hỗ trợ", "Văn bản xác nhận thiệt hại", "Quyết định miễn, giảm"],
        docs=["Đơn đề nghị", "Biên bản kiểm tra thiệt hại", "Danh sách hộ bị thiệt hại"],
        lb=[("33/2013/QH13", "Luật Phòng, chống thiên tai", "2013-06-19"),
            ("78/2021/NĐ-CP", "Nghị định về thành lập và quản lý Quỹ phòng, chống thiên tai", "2021-08-01")],
        officer="Công chức kinh tế",
    ),
    dict(
        name="Gia đình",
        desc="Đăng ký, thay đổi nội dung hoạt động của cơ sở trợ giúp nạn nhân bạo lực gia đình và các việc về gia đình.",
        stems=["Đăng ký hoạt động đối với cơ sở tư vấn về phòng, chống bạo lực gia đình",
               "Đăng ký lại hoạt động đối với cơ sở hỗ trợ nạn nhân bạo lực gia đình",
               "Cấp Giấy chứng nhận nghiệp vụ chăm sóc nạn nhân bạo lực gia đình"],
        verbs=["Đăng ký", "Đăng ký lại", "Đăng ký thay đổi", "Cấp"],
        objects=["hoạt động cơ sở hỗ trợ nạn nhân bạo lực gia đình", "cơ sở tư vấn về phòng, chống bạo lực gia đình", "nội dung hoạt động"],
        quals=["do bị mất", "khi thay đổi địa điểm", "có thời hạn"],
        results=["Giấy chứng nhận đăng ký hoạt động", "Giấy chứng nhận đăng ký thay đổi"],
        docs=["Đơn đề nghị đăng ký hoạt động", "Danh sách nhân viên", "Giấy tờ chứng minh địa điểm hoạt động"],
        lb=[("13/2022/QH15", "Luật Phòng, chống bạo lực gia đình", "2022-11-14"),
            ("76/2023/NĐ-CP", "Nghị định quy định chi tiết Luật Phòng, chống bạo lực gia đình", "2023-11-01")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Thể dục, thể thao",
        desc="Công nhận câu lạc bộ thể thao cơ sở và đăng ký tổ chức giải thi đấu thể thao phong trào.",
        stems=["Công nhận câu lạc bộ thể thao cơ sở", "Đăng ký tổ chức giải thi đấu thể thao quần chúng cấp phường"],
        verbs=["Công nhận", "Đăng ký", "Thông báo"],
        objects=["câu lạc bộ thể thao cơ sở", "giải thi đấu thể thao", "hoạt động thể thao cộng đồng"],
        quals=["cấp phường", "quần chúng", "cho người cao tuổi"],
        results=["Quyết định công nhận", "Văn bản chấp thuận"],
        docs=["Đơn đề nghị", "Danh sách hội viên", "Điều lệ giải", "Quy chế hoạt động"],
        lb=[("77/2006/QH11", "Luật Thể dục, thể thao", "2006-11-29"),
            ("26/2018/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao", "2018-06-14")],
        officer="Công chức văn hóa - xã hội",
    ),
    dict(
        name="Thủy lợi",
        desc="Cấp phép các hoạt động trong phạm vi bảo vệ công trình thủy lợi và hỗ trợ sử dụng sản phẩm, dịch vụ công ích thủy lợi.",
        stems=["Cấp giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi", "Hỗ trợ sử dụng sản phẩm, dịch vụ công ích thủy lợi"],
        verbs=["Cấp", "Gia hạn", "Điều chỉnh", "Hỗ trợ"],
        objects=["giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", "sản phẩm, dịch vụ công ích thủy lợi"],
        quals=["do địa phương quản lý", "cho hộ gia đình", "đối với công trình nhỏ"],
        results=["Giấy phép", "Quyết định hỗ trợ"],
        docs=["Đơn đề nghị cấp giấy phép", "Sơ đồ vị trí khu vực hoạt động", "Bản cam kết"],
        lb=[("08/2017/QH14", "Luật Thủy lợi", "2017-06-19"),
            ("67/2018/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Thủy lợi", "2018-05-14")],
        officer="Công chức kinh tế",
    ),
    dict(
        name="Tiếp công dân, khiếu nại, tố cáo",
        desc="Giải quyết khiếu nại lần đầu, tố cáo và tiếp công dân tại Ủy ban nhân dân phường.",
        stems=["Giải quyết khiếu nại lần đầu", "Giải quyết tố cáo", "Tiếp công dân", "Xử lý đơn"],
        verbs=["Giải quyết", "Tiếp nhận", "Xử lý"],
        objects=["khiếu nại lần đầu", "tố cáo", "đơn kiến nghị, phản ánh"],
        quals=["tại cấp phường", "liên quan đến đất đai", "của nhiều người"],
        results=["Quyết định giải quyết khiếu nại", "Kết luận nội dung tố cáo", "Văn bản trả lời"],
        docs=["Đơn khiếu nại hoặc văn bản ghi lại nội dung khiếu nại", "Tài liệu, chứng cứ kèm theo", "Giấy ủy quyền khiếu nại (nếu có)"],
        lb=[("02/2011/QH13", "Luật Khiếu nại", "2011-11-11"),
            ("25/2018/QH14", "Luật Tố cáo", "2018-06-12"),
            ("124/2020/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại", "2020-10-19")],
        officer="Công chức văn phòng - thống kê",
    ),
    dict(
        name="Cư trú",
        desc="Xác nhận thông tin về cư trú và các việc phối hợp với Công an phường.",
        stems=["Xác nhận thông tin về cư trú", "Xác nhận nơi cư trú để làm thủ tục đăng ký thường trú", "Khai báo tạm vắng"],
        verbs=["Xác nhận", "Khai báo", "Đăng ký"],
        objects=["thông tin về cư trú", "tạm vắng", "lưu trú", "tạm trú"],
        quals=["cho người chưa thành niên", "tại chỗ ở hợp pháp", "có thời hạn"],
        results=["Văn bản xác nhận thông tin về cư trú", "Phiếu khai báo tạm vắng"],
        docs=["Tờ khai thay đổi thông tin cư trú", "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "Văn bản đồng ý của chủ hộ"],
        lb=[("68/2020/QH14", "Luật Cư trú", "2020-11-13"),
            ("154/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Cư trú", "2024-11-26")],
        officer="Công chức văn phòng - thống kê",
    ),
]

COMMON_DOCS = [
    "Căn cước của người yêu cầu", "Giấy tờ chứng minh nơi cư trú", "Văn bản ủy quyền theo quy định của pháp luật",
    "Giấy tờ chứng minh nhân thân", "Hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu", "Ảnh chân dung 4 x 6 cm",
    "Sổ hộ khẩu hoặc Giấy xác nhận thông tin về cư trú",
]
DOC_NOTES = [
    "Nếu không có, thay bằng văn bản của người làm chứng",
    "Trường hợp nộp hồ sơ trực tuyến thì gửi bản chụp hoặc bản sao điện tử",
    "Không yêu cầu nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư",
    "Bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu",
    "Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt",
    "Chỉ áp dụng khi người yêu cầu ủy quyền cho người khác nộp hồ sơ",
]
AUDIENCES = ["Công dân Việt Nam", "Cá nhân", "Tổ chức", "Cá nhân, tổ chức", "Hộ gia đình, cá nhân",
             "Công dân Việt Nam, người nước ngoài", "Người có công và thân nhân", "Đối tượng bảo trợ xã hội",
             "Hộ kinh doanh", "Cơ sở giáo dục"]
ALIAS_PREFIX = ["làm", "xin", "thủ tục", "đăng ký", "hồ sơ", "giấy"]
STEPS = [
    "Tổ chức, cá nhân chuẩn bị hồ sơ đầy đủ theo quy định.",
    "Người yêu cầu nộp hồ sơ tại {unit} hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; nếu hồ sơ chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện một lần bằng văn bản.",
    "{officer} thẩm định hồ sơ, trình Chủ tịch Ủy ban nhân dân phường xem xét, quyết định.",
    "Trường hợp cần xác minh, thời hạn giải quyết được kéo dài theo quy định và người yêu cầu được thông báo bằng văn bản.",
    "Chủ tịch Ủy ban nhân dân phường ký kết quả; {officer} ghi vào sổ theo dõi.",
    "Trả kết quả cho người yêu cầu tại {unit} hoặc qua dịch vụ bưu chính công ích.",
    "Người nhận kết quả kiểm tra thông tin; nếu có sai sót thì đề nghị sửa ngay khi nhận.",
    "Trường hợp từ chối giải quyết, cơ quan có thẩm quyền trả lời bằng văn bản và nêu rõ lý do.",
]
CONDITIONS = [
    "Người yêu cầu phải cư trú trên địa bàn phường.",
    "Hồ sơ được lập thành 01 bộ.",
    "Các bên có mặt khi đăng ký, trừ trường hợp pháp luật có quy định khác.",
    "Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn.",
    "Không thuộc trường hợp đang bị truy cứu trách nhiệm hình sự.",
    "Người được ủy quyền phải có văn bản ủy quyền được chứng thực.",
    "Đối tượng chưa hưởng chế độ tương tự theo quy định khác.",
]
DEADLINE_NOTES = [
    "Nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
    "Trường hợp cần xác minh thì không quá 05 ngày làm việc",
    "Kể từ ngày nhận đủ hồ sơ hợp lệ",
    "Không kể thời gian niêm yết công khai",
    "Trường hợp phải lấy ý kiến cơ quan khác thì kéo dài thêm không quá 03 ngày làm việc",
]
FEE_NOTES = [
    "Miễn lệ phí khi đăng ký đúng hạn",
    "Miễn lệ phí đối với người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật",
    "Miễn lệ phí khi nộp hồ sơ trực tuyến",
    "Theo Nghị quyết của Hội đồng nhân dân tỉnh",
    "Không thu phí nếu có yêu cầu",
]
FEE_TABLE = [
    ("Phí cấp bản sao trích lục", 8000, "bản"),
    ("Phí chứng thực bản sao", 2000, "trang"),
    ("Phí chứng thực chữ ký", 10000, "trường hợp"),
    ("Phí chứng thực hợp đồng, giao dịch", 50000, "hợp đồng"),
    ("Lệ phí cấp giấy chứng nhận", 100000, "giấy"),
    ("Lệ phí đăng ký", 30000, None),
    ("Lệ phí đăng ký", 15000, None),
    ("Phí thẩm định hồ sơ", 500000, "hồ sơ"),
    ("Lệ phí cấp giấy phép xây dựng", 75000, "giấy phép"),
    ("Lệ phí đăng ký hộ kinh doanh", 100000, "lần"),
]
WARD_NAMES = ["Tân Hòa Lộc", "An Phú Đông", "Bình Minh Thượng", "Thanh Xuân Hạ", "Hòa Lạc Tây", "Đông Sơn Mới", "Phước Long Hưng"]
PEOPLE_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
PEOPLE_MIDDLE = ["Thị", "Văn", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Hữu", "Thanh"]
PEOPLE_GIVEN = ["Lan", "Hùng", "Hương", "Tuấn", "Mai", "Dũng", "Hà", "Phương", "Sơn", "Thảo", "Quyên", "Khánh", "Nga", "Việt"]
PROVINCE_SUFFIX = ["H61", "H26", "H40", "H56", "H29", "H01"]

# body text
SENTENCES = [
    "Người yêu cầu nên mang theo bản chính các giấy tờ để công chức đối chiếu, tránh phải đi lại nhiều lần.",
    "Khi nộp hồ sơ trực tuyến, người yêu cầu đăng nhập bằng tài khoản định danh điện tử mức độ 2.",
    "Kết quả được trả trực tiếp, qua dịch vụ bưu chính công ích hoặc bản điện tử, theo lựa chọn của người yêu cầu.",
    "Trường hợp hồ sơ chưa đầy đủ, công chức tiếp nhận hướng dẫn bổ sung một lần, bằng văn bản.",
    "Người cao tuổi, người khuyết tật được ưu tiên tiếp nhận và có thể được hỗ trợ nộp hồ sơ ngay tại quầy.",
    "Thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư thì không yêu cầu nộp lại giấy tờ chứng minh.",
    "Mọi khoản thu đều có biên lai; người nộp hồ sơ không phải nộp bất kỳ khoản nào khác ngoài các khoản đã niêm yết.",
    "Ngoài giờ hành chính, hồ sơ trực tuyến vẫn được tiếp nhận và xử lý vào ngày làm việc tiếp theo.",
    "Giấy tờ bằng tiếng nước ngoài phải được dịch sang tiếng Việt và chứng thực chữ ký người dịch.",
    "Trường hợp ủy quyền, người được ủy quyền xuất trình giấy tờ tùy thân và văn bản ủy quyền.",
    "Người yêu cầu có thể tra cứu tình trạng hồ sơ bằng mã số in trên giấy tiếp nhận.",
    "Nếu quá hạn mà chưa nhận được kết quả, người yêu cầu có quyền phản ánh theo địa chỉ niêm yết tại trụ sở.",
    "Mẫu tờ khai được phát miễn phí tại quầy và có thể tải về từ Cổng Dịch vụ công quốc gia.",
    "Trẻ em, người chưa thành niên do cha, mẹ hoặc người giám hộ thực hiện thủ tục thay.",
]
LIST_ITEMS = [
    "bản chính để đối chiếu", "bản sao có chứng thực", "bản chụp kèm bản chính",
    "giấy tờ tùy thân còn giá trị sử dụng", "văn bản ủy quyền (nếu có)", "**bản chính** giấy tờ được cấp trước đây",
    "biên lai nộp phí, lệ phí (nếu có)", "số điện thoại liên hệ",
]
STOP = {"đăng", "ký", "cấp", "giấy", "của", "cho", "và", "có", "đối", "với", "việc", "lại", "theo", "thủ", "tục", "quyết", "định", "văn", "bản", "(bản", "chính)"}
FORM_WORDS = ("Tờ khai", "Đơn", "Giấy đề nghị", "Phiếu", "Văn bản đăng ký", "Văn bản thông báo", "Bản đăng ký")
LINKS = [
    "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn)",
    "[Cơ sở dữ liệu quốc gia về thủ tục hành chính](https://csdl.dichvucong.gov.vn)",
    "[văn bản pháp luật](https://vbpl.vn)",
]


# ---------------------------------------------------------------------------
# generation


class Gen:
    def __init__(self, n: int, nfields: int, seed: int):
        self.r = random.Random(seed)
        self.n = n
        self.nfields = nfields
        self.bytes = 0
        self.files = 0
        self.bundles = 0
        self.codes_taken: set = set()
        self.start = dt.date(2025, 12, 1)
        self.span = (dt.date(2026, 11, 1) - self.start).days
        ward = self.r.choice(WARD_NAMES)
        self.ward = ward
        self.office_name = f"UBND phường {ward}"
        self.unit = "Bộ phận tiếp nhận và trả kết quả"
        self.unit_long = f"Trung tâm Phục vụ hành chính công phường {ward}"

    # -- output --------------------------------------------------------------

    def write(self, path: str, text: str) -> None:
        data = unicodedata.normalize("NFC", text).encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.bytes += len(data)
        self.files += 1

    def write_bytes(self, path: str, data: bytes) -> None:
        with open(path, "wb") as f:
            f.write(data)
        self.bytes += len(data)
        self.files += 1

    # -- small pieces --------------------------------------------------------

    def person(self) -> str:
        r = self.r
        return f"{r.choice(PEOPLE_FAMILY)} {r.choice(PEOPLE_MIDDLE)} {r.choice(PEOPLE_GIVEN)}"

    def phone(self, mobile: bool) -> str:
        r = self.r
        if mobile:
            return f"09{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}"
        return f"024 38{r.randint(10, 99)} {r.randint(1000, 9999)}"

    def date_between(self) -> dt.date:
        return self.start + dt.timedelta(days=self.r.randint(0, self.span))

    def new_code(self) -> str | None:
        r = self.r
        x = r.random()
        if x < 0.05:
            return None
        while True:
            base = f"{r.choice((1, 1, 2, 2, 3))}.{r.randint(0, 999999):06d}"
            if base not in self.codes_taken:
                break
        self.codes_taken.add(base)
        if x < 0.15:
            return f"{base}.000.00.00.{r.choice(PROVINCE_SUFFIX)}"
        return base

    # -- site.yaml -----------------------------------------------------------

    def site_yaml(self, field_slugs: list) -> str:
        r = self.r
        ward = self.ward
        mail = slugify(ward).replace("-", "")
        L = [
            f"title: {q('Thủ tục hành chính phường ' + ward)}",
            "base_url: \"https://tthc.bench.example/\"",
            "language: \"vi\"",
            "theme: \"default\"",
            "office:",
            f"  name: {q(self.office_name)}",
            f"  unit: {q(self.unit)}",
            f"  address: {q(f'Tầng 1, nhà B, trụ sở UBND phường {ward}, số {r.randint(1, 200)} đường Lê Lợi')}",
            f"  phone: {q(self.phone(False))}",
            f"  email: {q(f'motcua.{mail}@bench.example')}",
            "  hours:",
            f"    - days: {q('Thứ Hai - Thứ Sáu')}",
            f"      time: {q('Sáng 7:30 - 11:30, chiều 13:30 - 17:00')}",
            f"    - days: {q('Sáng thứ Bảy')}",
            f"      time: {q('7:30 - 11:30')}",
            "  staff:",
        ]
        titles = ["Trưởng bộ phận một cửa", "Phó Trưởng bộ phận một cửa", "Công chức tư pháp - hộ tịch",
                  "Công chức văn hóa - xã hội", "Công chức địa chính - xây dựng", "Công chức tài chính - kế toán",
                  "Công chức văn phòng - thống kê", "Công chức kinh tế", "Viên chức hỗ trợ nộp hồ sơ trực tuyến"]
        nstaff = min(len(titles), max(4, min(9, len(field_slugs) // 3 + 3)))
        for i in range(nstaff):
            L.append(f"    - name: {q(self.person())}")
            L.append(f"      title: {q(titles[i])}")
            L.append(f"      phone: {q(self.phone(True))}")
            if i > 0 and field_slugs:
                k = min(len(field_slugs), r.randint(1, 3))
                fs = sorted(r.sample(field_slugs, k))
                L.append("      fields: [" + ", ".join(q(s) for s in fs) + "]")
        L += [
            "  feedback:",
            f"    address: {q(f'UBND phường {ward}, số 1 đường Lê Lợi')}",
            f"    phone: {q(self.phone(False))}",
            f"    email: {q(f'phananh.{mail}@bench.example')}",
            f"    hotline: {q('1022')}",
            "online_portal: \"https://dichvucong.gov.vn\"",
            "holidays: [2026-01-01, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, "
            "2026-04-27, 2026-04-30, 2026-05-01, 2026-09-01, 2026-09-02]",
        ]
        return "\n".join(L) + "\n"

    # -- fields --------------------------------------------------------------

    def make_fields(self) -> list:
        out = []
        taken: dict = {}
        nb = len(FIELDS)
        for i in range(self.nfields):
            base = FIELDS[i % nb]
            rnd = i // nb
            name = base["name"] if rnd == 0 else f"{base['name']} {rnd + 1}"
            slug = unique_slug(slugify(name), taken)
            out.append(dict(base=base, name=name, slug=slug, order=i + 1, titles={}))
        return out

    def field_index(self, f: dict) -> str:
        desc = f["base"]["desc"]
        body = desc
        if self.r.random() < 0.5:
            body += (f"\n\nHồ sơ thuộc lĩnh vực **{f['name']}** được tiếp nhận tại {self.unit} "
                     f"của {self.office_name} trong giờ hành chính và trực tuyến trên "
                     "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn).")
        return f"---\nname: {q(f['name'])}\norder: {f['order']}\n---\n{body}\n"

    # -- procedures ----------------------------------------------------------

    def title(self, b: dict) -> str:
        r = self.r
        if r.random() < 0.45:
            t = r.choice(b["stems"])
        else:
            for _ in range(4):
                v, o = r.choice(b["verbs"]), r.choice(b["objects"])
                if v.split()[-1] not in o.split():
                    break
            t = f"{v} {o}"
        x = r.random()
        if x < 0.35:
            t += " " + r.choice(b["quals"])
        elif x < 0.45 and len(b["quals"]) > 1:
            a, c = r.sample(b["quals"], 2)
            t += f" {a}, {c}"
        if r.random() < 0.04:
            t += " (liên thông)"
        return t

    def aliases(self, title: str, b: dict) -> list:
        r = self.r
        k = r.choice((0, 0, 1, 1, 2, 2, 3, 4))
        low = title[0].lower() + title[1:]
        objs = [o for o in b["objects"] if o in low]
        if not objs or r.random() < 0.15:
            objs.append(r.choice(b["objects"]))
        cands = []
        for o in objs:
            for pre in r.sample(ALIAS_PREFIX, 2):
                if not o.startswith(pre):
                    cands.append(f"{pre} {o}")
        cands.append(f"thủ tục {low}")
        cands.append(f"thủ tục {b['name'].lower()}")
        cands.append(low.split(" có ")[0].split(" cho ")[0].replace(", ", " "))
        out = []
        for _ in range(k):
            a = r.choice(cands)
            if a not in out and a != low:
                out.append(a)
        return out

    def result(self, title: str, b: dict) -> str:
        """A result that shares words with the title when there is one (80%)."""
        r = self.r
        words = set(title.lower().split()) - STOP
        best, score = [], 0
        for res in b["results"]:
            sc = len(words & set(res.lower().split()))
            if sc > score:
                best, score = [res], sc
            elif sc == score and sc > 0:
                best.append(res)
        if best and r.random() < 0.8:
            return r.choice(best)
        return r.choice(b["results"])

    def procedure(self, b: dict, title: str, code: str | None, bundle: bool, sample: bool) -> str:
        r = self.r
        L = ["---"]
        if code is not None:
            L.append(f"code: {q(code)}")
        L.append(f"title: {q(title)}")
        al = self.aliases(title, b)
        if al:
            L.append("aliases:")
            L += [f"  - {q(a)}" for a in al]
        x = r.random()
        if x < 0.8:
            L.append("level: \"xa\"")
        elif x < 0.9:
            L.append("level: \"huyen\"")
        elif x < 0.95:
            L.append("level: \"tinh\"")
        L.append(f"audience: {q(r.choice(AUDIENCES))}")
        if r.random() < 0.15:
            L.append(f"agency: {q(r.choice([self.office_name, 'Chủ tịch UBND phường ' + self.ward, 'Công an phường ' + self.ward]))}")
        L.append(f"result: {q(self.result(title, b))}")

        # deadline
        L.append("deadline:")
        x = r.random()
        if x < 0.25:
            L.append("  working_days: 0")
            L.append(f"  note: {q(DEADLINE_NOTES[0] if r.random() < 0.7 else r.choice(DEADLINE_NOTES))}")
        elif x < 0.70:
            L.append(f"  working_days: {r.choice((1, 2, 3, 3, 5, 5, 7, 10, 15, 20, 30))}")
            if r.random() < 0.3:
                L.append(f"  note: {q(r.choice(DEADLINE_NOTES[1:]))}")
        elif x < 0.90:
            L.append(f"  calendar_days: {r.choice((5, 10, 15, 20, 30, 45, 60))}")
            if r.random() < 0.2:
                L.append(f"  note: {q(r.choice(DEADLINE_NOTES[2:]))}")
        else:
            L.append(f"  hours: {r.choice((4, 8, 12, 24, 48))}")

        # fees
        x = r.random()
        if x < 0.35:
            L.append("fees: []")
        else:
            L.append("fees:")
            if x < 0.55:
                L.append(f"  - name: {q('Lệ phí ' + title[0].lower() + title[1:])}")
                L.append("    amount: 0")
                L.append(f"    note: {q(r.choice(FEE_NOTES))}")
            else:
                for _ in range(r.choice((1, 1, 1, 2, 3))):
                    name, amount, per = r.choice(FEE_TABLE)
                    y = r.random()
                    if y < 0.2:
                        # differs by channel
                        L.append(f"  - name: {q(name)}")
                        L.append(f"    amount: {amount}")
                        if per:
                            L.append(f"    per: {q(per)}")
                        L.append(f"    channel: {q(r.choice(('in_person', 'in_person', 'all', 'postal')))}")
                        L.append(f"  - name: {q(name + ' (nộp trực tuyến)')}")
                        L.append(f"    amount: {r.choice((0, 0, amount // 2))}")
                        if per:
                            L.append(f"    per: {q(per)}")
                        L.append("    channel: \"online\"")
                        if r.random() < 0.5:
                            L.append(f"    note: {q('Theo Nghị quyết của Hội đồng nhân dân tỉnh về mức thu khi nộp hồ sơ trực tuyến')}")
                    else:
                        L.append(f"  - name: {q(name)}")
                        L.append(f"    amount: {amount}")
                        if per:
                            L.append(f"    per: {q(per)}")
                        if y < 0.3:
                            L.append(f"    note: {q(r.choice(FEE_NOTES[1:]))}")

        # documents
        ndocs = r.randint(2, 8)
        pool = b["docs"] + COMMON_DOCS
        if bundle:
            forms = [x for x in b["docs"] if x.startswith(FORM_WORDS)]
            first = r.choice(forms) if forms else "Tờ khai theo mẫu"
            names = [first] + r.sample([x for x in pool if x != first], min(ndocs, len(pool)) - 1)
        else:
            names = r.sample(pool, min(ndocs, len(pool)))
        L.append("documents:")
        for i, name in enumerate(names):
            L.append(f"  - name: {q(name)}")
            y = r.random()
            if y < 0.3:
                L.append(f"    originals: {r.choice((0, 1, 1, 2))}")
                L.append(f"    copies: {r.choice((0, 1, 1, 2))}")
            elif y < 0.45:
                L.append(f"    copies: {r.choice((1, 2))}")
            if bundle and i == 0:
                L.append("    form: \"to-khai.pdf\"")
                if sample:
                    L.append("    sample: \"to-khai-mau-da-dien.pdf\"")
            if name.startswith(("Căn cước", "Hộ chiếu", "Giấy tờ chứng minh nhân thân")) or r.random() < 0.08:
                L.append("    present: true")
            if r.random() < 0.12:
                L.append("    optional: true")
            if r.random() < 0.2:
                L.append(f"    note: {q(r.choice(DOC_NOTES))}")

        # channels
        x = r.random()
        if x < 0.15:
            pass  # default: in person only
        else:
            online = code is not None and r.random() < 0.75
            full = online and r.random() < 0.45
            L.append("channels:")
            # only a fully online procedure may skip the counter
            L.append("  in_person: false" if full and r.random() < 0.1 else "  in_person: true")
            L.append("  postal: true" if r.random() < 0.5 else "  postal: false")
            if online:
                L.append("  online:")
                L.append(f"    url: {q('https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc.html?ma_thu_tuc=' + code)}")
                L.append(f"    level: {q('full' if full else 'partial')}")

        # steps
        nsteps = r.randint(3, 6)
        idx = sorted(r.sample(range(1, len(STEPS)), nsteps - 1))
        L.append("steps:")
        for i in [0] + idx:
            L.append(f"  - {q(STEPS[i].format(unit=self.unit, officer=b['officer']))}")

        # conditions
        x = r.random()
        if x < 0.15:
            L.append("conditions: []")
        elif x < 0.45:
            L.append("conditions:")
            for c in r.sample(CONDITIONS, r.randint(1, 3)):
                L.append(f"  - {q(c)}")

        # legal basis
        lbpool = b["lb"] + LB_COMMON
        nlb = r.randint(1, min(5, len(lbpool)))
        chosen = b["lb"][:1] + r.sample(lbpool[1:], nlb - 1)
        L.append("legal_basis:")
        for number, t, date in chosen:
            L.append(f"  - number: {q(number)}")
            L.append(f"    title: {q(t)}")
            if r.random() < 0.85:
                L.append(f"    date: {date}")

        updated = self.date_between()
        L.append(f"updated: {d(updated)}")
        if r.random() < 0.2:
            dec = updated - dt.timedelta(days=r.randint(10, 200))
            L.append("announced_by:")
            L.append(f"  number: {q(f'{r.randint(100, 5999)}/QĐ-UBND')}")
            L.append(f"  date: {d(dec)}")
        x = r.random()
        if x < 0.01:
            L.append(f"effective: {d(dt.date(2027, r.randint(1, 6), r.randint(1, 28)))}")
        elif x < 0.02:
            L.append(f"repealed: {d(updated + dt.timedelta(days=r.randint(1, 240)))}")
        if r.random() < 0.15:
            L.append("non_territorial: true")
        if r.random() < 0.08:
            L.append(f"submit_at: {q(self.unit_long)}")
        L.append("---")
        L.append(self.body(title, b))
        return "\n".join(L) + "\n"

    def body(self, title: str, b: dict) -> str:
        r = self.r
        long = r.random() < 0.05
        npara = r.randint(1, 4)
        paras = []
        for p in range(npara):
            kind = r.random()
            if p > 0 and kind < 0.25:
                items = r.sample(LIST_ITEMS, r.randint(2, 5 if not long else len(LIST_ITEMS)))
                paras.append("Khi đến nộp hồ sơ, người yêu cầu mang theo:\n\n" + "\n".join(f"- {it}" for it in items))
                continue
            n = r.randint(1, 4) if not long else r.randint(8, len(SENTENCES))
            s = r.sample(SENTENCES, n)
            if p == 0:
                s.insert(0, f"Thủ tục **{title}** thuộc lĩnh vực {b['name'].lower()}, "
                            f"do {self.office_name} giải quyết.")
            if r.random() < 0.2:
                s.append(f"Xem thêm trên {r.choice(LINKS)}.")
            paras.append(" ".join(s))
        if long:
            for k in range(r.randint(3, 8)):
                paras.append(f"## Trường hợp {k + 1}\n\n" + " ".join(r.sample(SENTENCES, r.randint(4, 10))))
        return "\n\n".join(paras)

    # -- notices -------------------------------------------------------------

    def notices(self, d0: str) -> None:
        os.makedirs(d0)
        ward = self.ward
        items = [
            ("2026-11-lich-tiep-dan-tet.md", "Lịch tiếp công dân dịp Tết Nguyên đán Đinh Mùi", "2026-11-20", "2027-02-28",
             f"{self.office_name} thông báo lịch tiếp công dân và tiếp nhận hồ sơ dịp Tết:\n\n"
             "- Nghỉ Tết từ ngày **04/02/2027** đến hết ngày **10/02/2027**.\n"
             "- Hồ sơ trực tuyến vẫn được tiếp nhận và xử lý từ ngày làm việc đầu tiên sau Tết.\n\n"
             "Mọi phản ánh, kiến nghị xin gửi về đường dây nóng 1022."),
            ("2026-10-ho-tro-nop-truc-tuyen.md", "Hỗ trợ người cao tuổi nộp hồ sơ trực tuyến", "2026-10-05", None,
             f"Từ tháng 10/2026, {self.unit_long} bố trí viên chức hỗ trợ người cao tuổi, người khuyết tật "
             "nộp hồ sơ trực tuyến ngay tại quầy, không thu phí.\n\n"
             "Xem hướng dẫn trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn)."),
            ("2026-09-bao-tri-cong-dich-vu-cong.md", "Tạm dừng tiếp nhận hồ sơ trực tuyến để bảo trì hệ thống", "2026-09-10", "2026-09-15",
             f"Cổng dịch vụ công tạm dừng từ 18 giờ ngày 12/9/2026 đến 6 giờ ngày 14/9/2026. "
             f"Trong thời gian này, người dân nộp hồ sơ trực tiếp tại trụ sở UBND phường {ward}."),
        ]
        for name, title, date, expires, body in items:
            L = ["---", f"title: {q(title)}", f"date: {date}"]
            if expires:
                L.append(f"expires: {expires}")
            L += ["---", body, ""]
            self.write(os.path.join(d0, name), "\n".join(L))

    # -- whole site ----------------------------------------------------------

    def run(self, content: str) -> None:
        r = self.r
        fields = self.make_fields()
        os.makedirs(content)
        self.write(os.path.join(content, "site.yaml"), self.site_yaml([f["slug"] for f in fields]))
        for f in fields:
            os.makedirs(os.path.join(content, f["slug"]))
            self.write(os.path.join(content, f["slug"], "_index.md"), self.field_index(f))
        # weights: Hộ tịch, Chứng thực etc. larger, numbered variants smaller
        weights = [max(1.0, 6.0 - 0.25 * (i % len(FIELDS))) / (1 + i // len(FIELDS)) for i in range(len(fields))]
        nf = len(fields)
        assign = [i for i in range(min(self.n, nf))]
        if self.n > nf:
            assign += r.choices(range(nf), weights=weights, k=self.n - nf)
        for fi in assign:
            f = fields[fi]
            title = self.title(f["base"])
            slug = unique_slug(slugify(title), f["titles"])
            code = self.new_code()
            bundle = r.random() < 0.10
            sample = bundle and r.random() < 0.3
            text = self.procedure(f["base"], title, code, bundle, sample)
            fdir = os.path.join(content, f["slug"])
            if bundle:
                bdir = os.path.join(fdir, slug)
                os.mkdir(bdir)
                self.write(os.path.join(bdir, "index.md"), text)
                self.write_bytes(os.path.join(bdir, "to-khai.pdf"), PDF_FORM)
                if sample:
                    self.write_bytes(os.path.join(bdir, "to-khai-mau-da-dien.pdf"), PDF_SAMPLE)
                self.bundles += 1
            else:
                self.write(os.path.join(fdir, slug + ".md"), text)
        self.notices(os.path.join(content, "notices"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="gen_site.py",
        description="Generate a large, realistic niemyet benchmark site under DIR/content.",
        epilog="Example: python3 benches/gen_site.py --procedures 10000 --out /tmp/bench --seed 1")
    ap.add_argument("--procedures", type=int, required=True, metavar="N", help="number of procedures")
    ap.add_argument("--out", required=True, metavar="DIR", help="output directory (the site goes to DIR/content)")
    ap.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    ap.add_argument("--fields", type=int, default=None, metavar="F",
                    help="number of fields (default: N/100 clamped to 6..60)")
    ap.add_argument("--force", action="store_true", help="replace a non-empty DIR/content")
    a = ap.parse_args(argv)
    if a.procedures < 0:
        ap.error("--procedures must be >= 0")
    nfields = a.fields if a.fields is not None else min(60, max(6, round(a.procedures / 100)))
    if nfields < 1:
        ap.error("--fields must be >= 1")
    content = os.path.join(a.out, "content")
    if os.path.lexists(content):
        if not os.path.isdir(content) or os.path.islink(content):
            print(f"gen_site: {content} exists and is not a plain directory", file=sys.stderr)
            return 2
        if os.listdir(content):
            if not a.force:
                print(f"gen_site: {content} is not empty; use --force to replace it", file=sys.stderr)
                return 2
            shutil.rmtree(content)
        else:
            os.rmdir(content)
    os.makedirs(a.out, exist_ok=True)
    g = Gen(a.procedures, nfields, a.seed)
    g.run(content)
    print(f"gen_site: {a.procedures} procedures, {nfields} fields, {g.bundles} bundles, "
          f"{g.files} files, {g.bytes} bytes written to {content}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
