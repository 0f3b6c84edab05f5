//! `fees:`: each fee or charge, its amount and the channel it applies to.

use crate::load::raw::{RawFee, Slot, Spanned};
use crate::model::value::{self, every, Checked, Ctx, Parent};
use crate::model::*;
use crate::t;

pub(super) fn fees(cx: &mut Ctx, slot: &Slot<Vec<Spanned<RawFee>>>) -> Checked<Vec<Fee>> {
    let hint = t!(
        "viết danh sách phí, lệ phí; thủ tục không có phí, lệ phí nào thì viết fees: [] (in \"Không thu phí\"); lệ phí được miễn thì vẫn viết nó, với amount: 0 (in \"Miễn lệ phí\")",
        "write the list of fees; write fees: [] when the procedure has no fee (printed \"No fee\"); a fee that is waived is still written, with amount: 0 (printed as exempt)"
    );
    let items = cx.required_list(slot, "fees", hint)?;
    let checked = items.iter().map(|f| fee(cx, f)).collect();
    every(checked)
}

fn fee(cx: &mut Ctx, f: &Spanned<RawFee>) -> Checked<Fee> {
    let at = Parent::At(f.referenced);
    let name = cx.text(
        &f.value.name,
        "name",
        at,
        t!(
            "viết tên khoản phí, ví dụ name: Lệ phí đăng ký khai sinh",
            "write the fee's name, e.g. name: Lệ phí đăng ký khai sinh"
        ),
    );
    // An amount may be left out only when the note says what it is (the
    // province decides it, a rate per page with a cap…): never "free".
    let note = cx.opt_text(&f.value.note);
    let amount = if value::given(&f.value.amount).is_none() && note.is_some() {
        Ok(None)
    } else {
        cx.amount(&f.value.amount, at).map(Some)
    };
    let channel = cx.choice(
        &f.value.channel,
        "channel",
        (&FeeChannel::ALL, FeeChannel::name),
        Some(FeeChannel::All),
        at,
    );
    Ok(Fee {
        name: name?,
        amount: amount?,
        note,
        per: cx.opt_text(&f.value.per),
        channel: channel?,
    })
}
