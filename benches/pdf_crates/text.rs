pub const LINES: &[&str] = &[
"Thay đổi, cải chính, bổ sung thông tin hộ tịch",
"Thời hạn giải quyết: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
"Lệ phí: 15.000 đồng; miễn lệ phí cho người thuộc gia đình có công với cách mạng,",
"người thuộc hộ nghèo, người khuyết tật. Trường hợp cần xác minh thì kéo dài",
"không quá 03 ngày làm việc. Ủy ban nhân dân phường Ngọc Hà, quận Ba Đình.",
"Giấy tờ phải nộp: Tờ khai theo mẫu; giấy tờ làm căn cứ thay đổi, cải chính hộ tịch.",
"Nơi nộp: Bộ phận Một cửa, Trụ sở UBND phường, số 25 phố Hoàng Hoa Thám.",
"Thứ Hai đến Thứ Sáu: sáng 7 giờ 30 – 11 giờ 30; chiều 13 giờ 30 – 17 giờ.",
];
