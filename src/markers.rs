//! Words niemyet writes in one place and looks for in another, kept below
//! both: the command that writes one and the check that finds it do not
//! import each other.

/// The word every placeholder carries ("needs editing"), so a clerk finds
/// them with Ctrl+F in Notepad: `niemyet new` and `niemyet init` write it
/// where real text must go, `niemyet import` where a record gives none, and
/// `check` warns about each one left (`placeholder`).
pub const PLACEHOLDER: &str = "CẦN SỬA";
