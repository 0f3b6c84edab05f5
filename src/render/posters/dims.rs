//! Every number the estimate of a printed page uses, in one place: paper,
//! type scales, and the boxes of `themes/default/static/poster.css`, each
//! beside the rule it mirrors. The browser prints by the CSS and the build
//! plans by these numbers, so a change to one is a change to both (one
//! source for both would need the build to set the pages itself: issue
//! 19's PDF engine). The estimates from character counts (field catalogue,
//! staff board, notices) also use allowances of their own, said as such.
//!
//! Sums are spelled out term by term, in the order the estimate adds them:
//! in `f32`, `a + 3.0 + 1.6` is not always `a + 4.6`, and the plans must
//! not move by a rounding.

pub const MM_PER_PT: f32 = 25.4 / 72.0;

// ---------------------------------------------------------------------------
// Paper

/// The printable box of a sheet in mm (paper minus the sheet margins of
/// `poster.css`), and the printed width of its QR code (`.qrbox`,
/// `svg.qr`).
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub w: f32,
    pub h: f32,
    pub qr: f32,
}

/// A4 with 10 mm margins (`.sheet{padding:10mm}`, `@page{margin:0}`).
pub const A4: Geometry = Geometry {
    w: 190.0,
    h: 277.0,
    qr: 32.0,
};
/// A5 with 8 mm margins (`.sheet.a5{padding:8mm}`, `.a5 svg.qr{width:28mm}`).
pub const A5: Geometry = Geometry {
    w: 132.0,
    h: 194.0,
    qr: 28.0,
};
/// A3 landscape with 10 mm margins (`.sheet{padding:10mm}`, `@page a3l`).
pub const A3L: Geometry = Geometry {
    w: 400.0,
    h: 277.0,
    qr: 32.0,
};

/// Share of the page a procedure poster or handout may fill: the rest
/// absorbs what the estimate cannot see (see the module doc of
/// `posters`: it has erred upwards only, by 3.2 mm at most).
pub const FILL: f32 = 0.98;
/// The same for the posters estimated from character counts (field
/// catalogue, staff board, notices), whose estimate errs more.
pub const SAFETY: f32 = 0.96;

// ---------------------------------------------------------------------------
// Type scales

/// One type scale: sizes in pt; `cols` is the number of columns the body
/// (documents, where to submit, steps) flows in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub title: f32,
    pub body: f32,
    pub note: f32,
    pub h2: f32,
    pub cols: u8,
}

impl Scale {
    /// The CSS custom properties the poster stylesheet reads (`.sheet`'s
    /// `--t`, `--b`, `--n`, `--h2`, `--cols`).
    pub fn style(&self) -> String {
        format!(
            "--t:{}pt;--b:{}pt;--n:{}pt;--h2:{}pt;--cols:{}",
            self.title, self.body, self.note, self.h2, self.cols
        )
    }
}

/// A4 procedure poster, roomiest first. Short procedures print large enough
/// to read from two metres; long ones go to two columns, then smaller type,
/// never under 11 pt.
pub const POSTER_SCALES: [Scale; 5] = [
    sc(36.0, 16.0, 13.5, 16.0, 1),
    sc(32.0, 14.0, 12.5, 15.0, 1),
    // Two columns pack a checklist of short lines better than smaller type.
    sc(32.0, 14.0, 12.5, 14.0, 2),
    sc(30.0, 12.5, 11.5, 13.0, 2),
    sc(28.0, 11.0, 11.0, 12.0, 2),
];

/// A5 handout, read in the hand; two narrow columns (about 30 characters a
/// line) before anything is abridged.
pub const HANDOUT_SCALES: [Scale; 4] = [
    sc(20.0, 13.0, 12.0, 13.0, 1),
    sc(18.0, 12.0, 11.0, 12.0, 1),
    sc(16.0, 11.0, 11.0, 11.5, 1),
    sc(16.0, 11.0, 11.0, 11.5, 2),
];

const fn sc(title: f32, body: f32, note: f32, h2: f32, cols: u8) -> Scale {
    Scale {
        title,
        body,
        note,
        h2,
        cols,
    }
}

/// The body sizes tried for the posters estimated from character counts,
/// largest first; the smallest is taken when none fits.
pub const COUNTED_SIZES: [f32; 5] = [16.0, 14.0, 13.0, 12.0, 11.0];

// ---------------------------------------------------------------------------
// A procedure poster or handout (`posters/_head.html`, `_facts.html`, …)

/// `body{line-height:1.3}`.
pub const BODY_LH: f32 = 1.3;
/// `.note{line-height:1.25}` (`.qty` and `.foot` too).
pub const NOTE_LH: f32 = 1.25;
/// `.body{column-gap:6mm}`.
pub const COLUMN_GAP: f32 = 6.0;
/// `.big{font-size:calc(var(--b) * 1.15)}`: the deadline.
pub const BIG: f32 = 1.15;
/// `.cols2{gap:8mm}`: two blocks side by side (a footer's office and
/// feedback address, the staff board's contact and feedback).
pub const COLS2_GAP: f32 = 8.0;

/// The header (`.head`, `.head-row`).
pub mod head {
    /// `.head-row{gap:5mm}`: between the text and the QR code.
    pub const GAP: f32 = 5.0;
    /// `.head{padding-bottom:2mm;border-bottom:.8mm solid;margin-bottom:3mm}`:
    /// the rule under the header.
    pub const RULE: f32 = 2.0 + 0.8 + 3.0;
    /// `.office{font-size:11pt;line-height:1.25;margin-bottom:1mm}`.
    pub const OFFICE_PT: f32 = 11.0;
    pub const OFFICE_LH: f32 = 1.25;
    pub const OFFICE_BELOW: f32 = 1.0;
    /// `.kind{line-height:1.2;margin-bottom:1mm}`, at `--h2`.
    pub const KIND_LH: f32 = 1.2;
    pub const KIND_BELOW: f32 = 1.0;
    /// `.kind{letter-spacing:.03em}`.
    pub const KIND_SPACING: f32 = 0.03;
    /// `.title{line-height:1.15;margin:1mm 0 2mm}` (the 1 mm above
    /// collapses into the office's margin).
    pub const TITLE_LH: f32 = 1.15;
    pub const TITLE_BELOW: f32 = 2.0;
    /// `.cont .title{font-size:calc(var(--h2) * 1.3);margin:0 0 1mm}`: a
    /// later sheet's title.
    pub const CONT_TITLE: f32 = 1.3;
    pub const CONT_TITLE_BELOW: f32 = 1.0;
    /// `.ids{margin-bottom:1mm}`.
    pub const IDS_BELOW: f32 = 1.0;
    /// `.scan{line-height:1.3}`, at `--n`.
    pub const SCAN_LH: f32 = 1.3;
    /// `.alert{border:.8mm solid;padding:1.5mm 3mm;margin:0 0 3mm}`: its
    /// text is narrower by padding and border on both sides (2 × 3 mm +
    /// 2 × 0.8 mm), and it adds its padding, its border and its margin.
    pub const ALERT_INSET: f32 = 7.6;
    pub const ALERT_PADDING: f32 = 3.0;
    pub const ALERT_BORDER: f32 = 1.6;
    pub const ALERT_BELOW: f32 = 3.0;
    /// A title longer than this many lines is set smaller.
    pub const TITLE_MAX_LINES: f32 = 4.0;
    /// … 2 pt at a time, down to this times the body size.
    pub const TITLE_STEP: f32 = 2.0;
    pub const TITLE_MIN: f32 = 1.25;
}

/// The facts (result, deadline, fees): a table under the header in one
/// column (`.facts`), a box in the flow in two (`.facts-box`).
pub mod facts {
    /// `.facts th{width:42mm}`, `.a5 .facts th{width:32%}`.
    pub const LABEL_W: f32 = 42.0;
    pub const LABEL_W_A5: f32 = 0.32;
    /// `.facts th,.facts td{padding:1.5mm 2.5mm}`: across, and down.
    pub const CELL_PAD_X: f32 = 5.0;
    pub const CELL_PAD_Y: f32 = 3.0;
    /// `.facts td{border:.3mm solid}` under each row.
    pub const CELL_RULE: f32 = 0.3;
    /// The rules beside the label column and beside the value column
    /// (`.facts{border:.6mm}`, cells' `.3mm`), as they narrow the text.
    pub const LABEL_RULES: f32 = 0.6;
    pub const VALUE_RULES: f32 = 0.9;
    /// `.facts{border:.6mm solid}`, as it adds to the table's height.
    pub const FRAME: f32 = 0.6;
    /// `.facts{margin:0 0 3mm}`.
    pub const BELOW: f32 = 3.0;
    /// `.fees li+li{margin-top:1mm}`.
    pub const FEE_GAP: f32 = 1.0;
    /// `.facts-box{padding:2mm 3mm}`: across, and down.
    pub const BOX_PAD_X: f32 = 6.0;
    pub const BOX_PAD_Y: f32 = 4.0;
    /// `.facts-box{border:.6mm solid}`, both sides.
    pub const BOX_BORDERS: f32 = 1.2;
    /// `.facts-box p{margin:0 0 1mm}`.
    pub const BOX_P_BELOW: f32 = 1.0;
    /// `.facts-box{margin:0 0 3mm}`.
    pub const BOX_BELOW: f32 = 3.0;
}

/// The body: documents, where and when, steps (`.body`, `.check`, …).
pub mod body {
    /// `.check li{padding-left:8mm}`, `.steps{padding-left:8mm}`.
    pub const INDENT: f32 = 8.0;
    /// `h2{margin:3mm 0 1.5mm}`: above a section (dropped for the first,
    /// `.body>section:first-child h2`), and under its rule.
    pub const SECTION_ABOVE: f32 = 3.0;
    pub const H2_BELOW: f32 = 1.5;
    /// `h2{line-height:1.2;padding-bottom:.8mm;border-bottom:.6mm solid}`.
    pub const H2_LH: f32 = 1.2;
    pub const H2_PAD: f32 = 0.8;
    pub const H2_RULE: f32 = 0.6;
    /// `.check li{margin:0 0 2mm}`: a document.
    pub const DOC_BELOW: f32 = 2.0;
    /// `.place p{margin:0 0 1mm}`.
    pub const PLACE_P_BELOW: f32 = 1.0;
    /// `.steps li{margin:0 0 1.2mm}`.
    pub const STEP_BELOW: f32 = 1.2;
    /// `.more{margin-top:2mm}`: "continued on the next sheet".
    pub const MORE_ABOVE: f32 = 2.0;
}

/// The footer (`.foot`, `_contact.html`, the handout's line).
pub mod foot {
    /// `.foot{margin-top:4mm;border-top:.8mm solid;padding-top:3mm}`.
    pub const ABOVE: f32 = 4.0;
    pub const RULE: f32 = 0.8;
    pub const PAD: f32 = 3.0;
    /// `.abridged{margin-top:2mm}`: the note on abridged text.
    pub const ABRIDGED_ABOVE: f32 = 2.0;
    /// `.foot p{margin:0 0 .5mm}`.
    pub const P_BELOW: f32 = 0.5;
}

// ---------------------------------------------------------------------------
// Estimated from character counts

/// The tables of the field catalogue and the staff board (`.list`).
pub mod list {
    /// `.list td{padding:1.5mm 2.5mm;line-height:1.25}`: across, down.
    pub const CELL_PAD_X: f32 = 5.0;
    pub const CELL_PAD_Y: f32 = 3.0;
    pub const LH: f32 = 1.25;
    /// A row's rule (`.3mm`), rounded up.
    pub const ROW_RULE: f32 = 0.5;
}

/// The field catalogue (`posters/field.html`, A3 landscape): its table's
/// columns and allowances for its header and footer.
pub mod catalogue {
    /// `.list .no{width:14mm}`, `.code{width:38mm}`, `.deadline{width:55mm}`,
    /// `.fee{width:120mm}`; the name takes the rest.
    pub const NO_W: f32 = 14.0;
    pub const CODE_W: f32 = 38.0;
    pub const DEADLINE_W: f32 = 55.0;
    pub const FEE_W: f32 = 120.0;
    /// "(Sắp có hiệu lực từ ngày …)" after an upcoming procedure's name,
    /// in characters.
    pub const UPCOMING_CHARS: usize = 26;
    /// The title is set at twice the body size (`--t`).
    pub const TITLE: f32 = 2.0;
    /// Allowances for the header: the office line (characters, pt), the
    /// title (characters), its rule and margins, the table's head row
    /// (characters in a column this wide), and its rule.
    pub const OFFICE_CHARS: usize = 30;
    pub const OFFICE_PT: f32 = 12.0;
    pub const TITLE_CHARS: usize = 60;
    pub const HEAD_RULE: f32 = 10.0;
    pub const HEAD_ROW_CHARS: usize = 20;
    pub const HEAD_ROW_W: f32 = 60.0;
    pub const HEAD_ROW_RULE: f32 = 4.0;
    /// The footer: its rule and margin, the QR code with its caption, and
    /// beside it lines of about this many characters in a column this wide,
    /// three of them and one per opening-hours line, at the body's line
    /// height (`.foot` sets 1.25: the taller is the safe side).
    pub const FOOT_ABOVE: f32 = 8.0;
    pub const QR_CAPTION: f32 = 8.0;
    pub const FOOT_CHARS: usize = 80;
    pub const FOOT_W: f32 = 150.0;
    pub const FOOT_LINES: usize = 3;
}

/// The staff and contact board (`posters/staff.html`, A4).
pub mod staff {
    /// `--t` on the board, and `--h2` this much over the body size.
    pub const TITLE_PT: f32 = 30.0;
    pub const H2_OVER: f32 = 1.0;
    /// `.staff-list .c-name{width:48mm}`, `.c-title{width:62mm}`,
    /// `.c-phone{width:36mm}`; the fields take the rest.
    pub const NAME_W: f32 = 48.0;
    pub const TITLE_W: f32 = 62.0;
    pub const PHONE_W: f32 = 36.0;
    pub const FIELDS_W: f32 = 44.0;
    /// A row's padding (`.list td`) and rule, down.
    pub const ROW_PAD: f32 = 3.5;
    /// ", " between a person's fields, in characters.
    pub const FIELD_SEP: usize = 2;
    /// The table's head row: characters (in the fields' column), and its
    /// rule.
    pub const HEAD_ROW_CHARS: usize = 20;
    pub const HEAD_ROW_RULE: f32 = 4.0;
    /// A heading (`h2`, `.board h2{margin-top:5mm}`): characters, and
    /// margins with its rule.
    pub const H2_CHARS: usize = 20;
    pub const H2_MARGINS: f32 = 10.0;
    /// Allowances in characters: the office's two lines, a label before an
    /// address, the feedback's three short lines, and the hours' ": ".
    pub const OFFICE_CHARS: usize = 40;
    pub const LABEL_CHARS: usize = 10;
    pub const SHORT_CHARS: usize = 30;
    pub const HOURS_SEP: usize = 2;
    /// The header: above the title, and below it.
    pub const HEAD_ABOVE: f32 = 6.0;
    pub const HEAD_BELOW: f32 = 12.0;
    /// Above the footer with the QR code.
    pub const FOOT_ABOVE: f32 = 8.0;
}

/// A notice poster (`posters/notice.html`, A4).
pub mod notice {
    /// `--t` on a notice.
    pub const TITLE_PT: f32 = 28.0;
    /// `.notice-body{line-height:1.35}`, and 15 % more for its paragraphs'
    /// margins and tables.
    pub const BODY_LH: f32 = 1.35;
    pub const BODY_EXTRA: f32 = 1.15;
    /// The header, the signature and the footer.
    pub const FIXED: f32 = 60.0;
}
