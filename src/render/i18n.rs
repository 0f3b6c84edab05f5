//! Every interface string of the default theme, in vi and en. Templates
//! read them as `t.KEY` (the struct is serialised with its field names); Rust
//! code reads the same fields, so a key that does not exist is a compile
//! error, not a panic while a page renders. A theme may use its own words
//! instead.

use crate::lang::Lang;
use serde::Serialize;

/// Declares [`Strings`] and its two values from one table, so that a key
/// has both its languages on one line.
macro_rules! strings {
    ($($key:ident: $vi:literal, $en:literal;)*) => {
        /// The interface strings of one language.
        #[derive(Serialize)]
        pub struct Strings {
            $(pub $key: &'static str,)*
        }

        static VI: Strings = Strings { $($key: $vi,)* };
        static EN: Strings = Strings { $($key: $en,)* };
    };
}

strings! {
    skip: "Bỏ qua, đến nội dung chính", "Skip to main content";
    nav_main: "Điều hướng chính", "Main navigation";
    home: "Trang chủ", "Home";
    catalogue: "Danh mục thủ tục", "All procedures";
    catalogue_az: "Danh mục thủ tục A–Z", "All procedures A–Z";
    search: "Tìm kiếm", "Search";
    search_label: "Tìm thủ tục", "Find a procedure";
    search_button: "Tìm", "Search";
    search_placeholder: "Ví dụ: khai sinh, chứng thực, kết hôn", "For example: birth, certification";
    search_empty: "Gõ tên thủ tục vào ô trên; dưới đây là danh mục đầy đủ.", "Type a procedure's name above; the full list is below.";
    search_nojs: "Bật JavaScript để tìm; dưới đây là danh mục đầy đủ.", "Turn on JavaScript to search; the full list is below.";
    notices: "Thông báo", "Notices";
    contact: "Liên hệ", "Contact";
    posters: "Bản in niêm yết", "Printable posters";
    text_size: "Cỡ chữ", "Text size";
    smaller: "Chữ nhỏ hơn", "Smaller text";
    normal: "Cỡ chữ thường", "Normal text";
    larger: "Chữ lớn hơn", "Larger text";
    contrast: "Tương phản cao", "High contrast";
    fields: "Lĩnh vực", "Fields";
    field: "Lĩnh vực", "Field";
    procedures_count: "thủ tục", "procedures";
    code: "Mã thủ tục", "Code";
    code_short: "Mã", "Code";
    procedure: "Thủ tục", "Procedure";
    result: "Kết quả nhận được", "What you receive";
    deadline: "Thời hạn giải quyết", "Processing time";
    due: "Ngày trả kết quả dự kiến", "Expected result date";
    due_handout: "Ngày hẹn trả dự kiến", "Expected return date";
    due_blank: "……/……/………… (nộp ngày ……/……/…………)", "……/……/………… (handed in on ……/……/…………)";
    fees: "Phí, lệ phí", "Fees";
    fee: "Phí, lệ phí", "Fee";
    documents: "Giấy tờ cần mang theo", "Documents to bring";
    optional: "nếu có", "if any";
    download_form: "Tải mẫu đơn, tờ khai", "Download the form";
    download_sample: "Xem mẫu đã điền", "See a filled-in sample";
    where_submit: "Nộp hồ sơ ở đâu, bằng cách nào", "Where and how to apply";
    in_person: "Nộp trực tiếp", "In person";
    postal: "Gửi qua dịch vụ bưu chính", "By post";
    postal_text: "Có thể gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.", "You may send the application and receive the result by post.";
    online: "Nộp trực tuyến", "Online";
    online_link: "Nộp hồ sơ trực tuyến", "Apply online";
    non_territorial: "Thủ tục phi địa giới: có thể nộp tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào trong tỉnh.", "Non-territorial: you may apply at any commune service centre in the province.";
    hours: "Giờ tiếp nhận", "Opening hours";
    address: "Địa chỉ", "Address";
    phone: "Điện thoại", "Phone";
    email: "Thư điện tử", "Email";
    hotline: "Đường dây nóng", "Hotline";
    steps: "Trình tự thực hiện", "Steps";
    conditions: "Yêu cầu, điều kiện", "Requirements";
    legal_basis: "Căn cứ pháp lý", "Legal basis";
    updated: "Cập nhật ngày", "Updated";
    announced_by: "Quyết định công bố", "Announced by decision";
    issued: "ngày", "of";
    level: "Cấp thực hiện", "Level";
    audience: "Đối tượng thực hiện", "Who may apply";
    agency: "Cơ quan thực hiện", "Responsible agency";
    more: "Hướng dẫn thêm", "More guidance";
    staff_in_charge: "Cán bộ phụ trách", "Staff in charge";
    staff: "Cán bộ tiếp nhận hồ sơ", "Staff";
    feedback: "Phản ánh, kiến nghị", "Feedback and complaints";
    feedback_text: "Phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục xin gửi về:", "Send feedback on administrative rules and their handling to:";
    poster: "Bản in niêm yết (khổ A4)", "Printable poster (A4)";
    handout: "Giấy hướng dẫn (khổ A5)", "Citizen handout (A5)";
    print: "In trang này", "Print this page";
    poster_pdf: "Tải bản PDF (A4, in đúng khổ trên mọi máy in)", "Download the PDF (A4, prints true to size on any printer)";
    status_upcoming: "Sắp có hiệu lực từ ngày", "Takes effect on";
    status_repealed: "Thủ tục này đã bị bãi bỏ từ ngày", "This procedure was repealed on";
    status_repealed_hint: "Thông tin dưới đây chỉ để tham khảo. Xem danh mục để tìm thủ tục đang áp dụng.", "The information below is for reference only. See the list for current procedures.";
    current_notices: "Thông báo mới", "Latest notices";
    no_notices: "Hiện chưa có thông báo.", "There are no notices at the moment.";
    posted: "Ngày đăng", "Posted";
    expires: "Hết hạn", "Until";
    notice_expired: "Thông báo này đã hết hạn từ ngày", "This notice expired on";
    all_procedures: "Xem tất cả thủ tục", "See all procedures";
    not_found: "Không tìm thấy trang", "Page not found";
    not_found_text: "Trang bạn tìm không có hoặc đã được chuyển. Hãy tìm thủ tục hoặc về trang chủ.", "The page does not exist or has moved. Search for the procedure or go home.";
    how_to_use: "Chọn lĩnh vực, hoặc gõ tên thủ tục vào ô tìm kiếm (gõ không dấu cũng được).", "Choose a field, or type the name of a procedure (accents are optional).";
    office: "Bộ phận một cửa", "One-stop office";
    contact_title: "Liên hệ và phản ánh, kiến nghị", "Contact and feedback";
    count_suffix: "thủ tục", "procedures";
    breadcrumb: "Vị trí trang", "Breadcrumb";
    open_data: "Dữ liệu mở (JSON)", "Open data (JSON)";
    made_with: "Trang được tạo bằng niemyet", "Made with niemyet";
    quantity: "Số lượng", "Quantity";
    name: "Tên giấy tờ", "Document";
    // Posters (src/render/posters/, templates/posters/)
    back: "Quay lại", "Back";
    print_hint: "Khi in: chọn khổ giấy theo trang (A4, A3 ngang hoặc A5), tỉ lệ 100% (không thu nhỏ).", "When printing: paper size as the page says (A4, A3 landscape or A5), scale 100%.";
    posters_intro: "Các trang dưới đây được làm để in và niêm yết: mỗi áp phích vừa một tờ giấy, đọc rõ khi in đen trắng.", "These pages are made to be printed and posted: each poster fits one sheet and reads well in black and white.";
    posters_general: "Bảng liên hệ và thông báo", "Contact board and notices";
    poster_short: "Áp phích A4", "A4 poster";
    handout_short: "Giấy hướng dẫn A5", "A5 handout";
    landscape: "khổ ngang", "landscape";
    handout_title: "Giấy hướng dẫn", "Guidance sheet";
    field_catalogue: "Danh mục thủ tục hành chính lĩnh vực", "Administrative procedures of the field";
    print_all_field: "In tất cả áp phích của lĩnh vực (danh mục A3 và từng thủ tục A4)", "Print every poster of the field (A3 list and each procedure on A4)";
    staff_board: "Bảng công khai cán bộ và thông tin liên hệ", "Staff and contact board";
    staff_name: "Họ và tên", "Name";
    staff_title: "Chức vụ", "Position";
    staff_fields: "Lĩnh vực phụ trách", "Fields handled";
    mailbox: "Hộp thư điện tử", "Official mailbox";
    notice_kind: "Thông báo", "Notice";
    number: "STT", "No.";
    continued: "(tiếp theo)", "(continued)";
    continued_next: "Xem tiếp ở trang sau.", "Continued on the next page.";
    where_when: "Nơi nộp hồ sơ, thời gian tiếp nhận", "Where and when to apply";
    scan_qr: "Quét mã QR bên cạnh để xem đầy đủ thủ tục, tải tờ khai", "Scan the QR code beside for the full procedure and the forms";
    scan_qr_field: "Quét mã QR để xem các thủ tục của lĩnh vực", "Scan the QR code for the field's procedures";
    scan_qr_site: "Quét mã QR để tra cứu thủ tục hành chính", "Scan the QR code to look up procedures";
    abridged: "Một số nội dung được rút gọn (…); bản đầy đủ: quét mã QR hoặc hỏi cán bộ tiếp nhận.", "Some text is shortened (…); for the full text scan the QR code or ask at the counter.";
    qr_label: "Mã QR dẫn đến trang thủ tục", "QR code linking to the procedure page";
    qr_board: "Bảng mã QR thủ tục hành chính", "QR codes of administrative procedures";
    qr_board_scan: "Quét mã QR bên cạnh tên thủ tục để xem hướng dẫn đầy đủ, tải tờ khai", "Scan the code beside a procedure's name for the full guidance and the forms";
    qr_board_pdf: "Bảng mã QR (PDF)", "QR code board (PDF)";
    all_fields: "Tất cả lĩnh vực", "All fields";
    sheet: "Tờ", "Sheet";
    website: "Trang thông tin", "Website";
    house_pack: "Thông tin thủ tục hành chính", "Administrative procedures: information";
    house_pack_pdf: "Bộ niêm yết tại nhà văn hóa tổ dân phố (PDF)", "Set for the neighbourhood cultural house (PDF)";
    house_qr: "Thủ tục người dân thường làm", "Procedures residents use most";
    catalogue_pdf: "Danh mục (PDF, A3 ngang)", "List (PDF, A3 landscape)";
    // The kiosk (src/render/kiosk.rs, templates/kiosk/)
    kiosk_title: "Tra cứu thủ tục hành chính", "Look up administrative procedures";
    kiosk_touch: "Chạm vào một lĩnh vực để xem các thủ tục, hoặc chạm “Tìm thủ tục”.", "Touch a field to see its procedures, or touch “Find a procedure”.";
    kiosk_find: "Tìm thủ tục", "Find a procedure";
    kiosk_home: "Trang đầu", "Start";
    kiosk_nav: "Điều hướng", "Navigation";
    kiosk_more: "Xem thêm", "More details";
    kiosk_less: "Thu gọn", "Show less";
    kiosk_form_counter: "Xin mẫu tại quầy", "Ask for the form at the counter:";
    kiosk_form_qr: "Mã QR để tải mẫu đơn, tờ khai", "QR code to download the form";
    kiosk_sample_qr: "Mã QR để tải mẫu đã điền", "QR code to download the filled-in sample";
    kiosk_show_form_qr: "Mã QR tải mẫu", "QR code of the form";
    kiosk_show_sample_qr: "Mã QR mẫu đã điền", "QR code of the sample";
    kiosk_take_home: "Mang thông tin về", "Take it with you";
    kiosk_scan: "Quét mã này bằng điện thoại để xem thủ tục và tải mẫu đơn.", "Scan this code with a phone to open the procedure and its forms.";
    kiosk_print: "In giấy hướng dẫn", "Print the guidance sheet";
    kiosk_printing: "Đang in. Xin nhận giấy ở máy in.", "Printing. Please take the sheet from the printer.";
    kiosk_idle_question: "Bạn còn sử dụng không?", "Are you still using the screen?";
    kiosk_idle_before: "Màn hình sẽ trở về trang đầu sau", "The screen goes back to the start in";
    kiosk_idle_after: "giây.", "seconds.";
    kiosk_continue: "Còn, tiếp tục", "Yes, continue";
    kiosk_type: "Chạm vào các chữ bên dưới để gõ tên thủ tục. Không cần gõ dấu.", "Tap the letters below to type the procedure's name. No accents needed.";
    kiosk_query: "Tên thủ tục cần tìm", "Procedure to find";
    kiosk_keyboard: "Bàn phím", "Keyboard";
    kiosk_space: "Dấu cách", "Space";
    kiosk_delete: "Xóa", "Delete";
    kiosk_delete_long: "Xóa chữ cuối", "Delete the last letter";
    kiosk_clear: "Xóa hết", "Clear";
    kiosk_results: "kết quả", "results";
    kiosk_none: "Không tìm thấy thủ tục nào. Hãy xóa bớt chữ hoặc thử từ khác.", "No procedure found. Delete some letters or try other words.";
    kiosk_partial: "Không thủ tục nào có đủ các từ đã gõ. Các thủ tục gần đúng:", "No procedure has all the words typed. Close matches:";
    kiosk_more_results: "Xem thêm kết quả", "More results";
    kiosk_submit_at: "Nộp hồ sơ tại", "Where to apply";
    kiosk_no_documents: "Không phải nộp giấy tờ.", "No documents to hand in.";
    kiosk_weekdays: "Chủ nhật|Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy", "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
    kiosk_date_word: "ngày", "date";
    kiosk_error: "Không mở được dữ liệu. Xin hỏi cán bộ tại quầy.", "The data could not be opened. Please ask at the counter.";
    kiosk_online_at: "tại", "at";
    kiosk_in_person_at: "Nộp trực tiếp tại", "In person at";
}

/// The strings of one language, as templates see them (the global `t`).
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_filled() {
        for lang in [Lang::Vi, Lang::En] {
            let value = serde_json::to_value(strings(lang)).unwrap();
            let map = value.as_object().unwrap();
            assert!(map.len() > 100);
            assert!(map
                .values()
                .all(|v| v.as_str().is_some_and(|s| !s.is_empty())));
        }
    }
}
