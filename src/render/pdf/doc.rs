//! PDF assembly: pages of text, rectangles and rules (positions in pt from
//! the top left) written as a PDF 1.7 file with pdf-writer. Each face used
//! is embedded as a subset (subsetter) with only the glyphs the document
//! shows, as a CID font with a ToUnicode map, so the text copies and
//! searches as the NFC text it was set from. The bytes depend only on the
//! pages: no date, no random id, objects in a fixed order.

use super::font::{face, fonts, Font};
use pdf_writer::types::UnicodeCmap;
use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

/// What a page draws, in pt from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// Text on one line; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// A filled rectangle (`y` its top).
    Fill { x: f32, y: f32, w: f32, h: f32 },
    /// A rectangle's outline, `width` pt thick.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
    },
    /// Squares `m` pt wide on a grid whose top left is at (`x`, `y`):
    /// each run `[row, column, length]` a row of `length` dark squares
    /// (a QR code). Drawn in grid units, so each square is a few bytes.
    Grid {
        x: f32,
        y: f32,
        m: f32,
        runs: Vec<[u16; 3]>,
    },
    /// A link to `url` over a rectangle (`y` its top).
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
}

/// One page: its size in pt and what it draws.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub(crate) w: f32,
    pub(crate) h: f32,
    pub(crate) ops: Vec<Op>,
}

/// The document's title and language (its information and catalogue).
pub(crate) struct Info<'a> {
    pub(crate) title: &'a str,
    pub(crate) lang: &'a str,
}

/// The glyphs of one face the document uses, each with the character it
/// shows (for ToUnicode), in glyph order.
type Used = BTreeMap<u16, char>;

/// The PDF of `pages`.
pub(crate) fn write(pages: &[Page], info: &Info) -> Vec<u8> {
    let mut used: [Used; 2] = Default::default();
    for op in pages.iter().flat_map(|p| &p.ops) {
        if let Op::Text { bold, text, .. } = op {
            let f = face(*bold);
            for c in text.chars() {
                used[usize::from(*bold)].entry(f.glyph(c).0).or_insert(c);
            }
        }
    }
    let mut pdf = Pdf::new();
    let mut next = 0;
    let mut alloc = || {
        next += 1;
        Ref::new(next)
    };
    let (catalog, tree, info_id) = (alloc(), alloc(), alloc());
    // Each face: new glyph ids (0 = .notdef, then the used ones in order).
    let mut remaps: Vec<BTreeMap<u16, u16>> = Vec::new();
    let mut font_refs = Vec::new();
    for (font, used) in fonts().iter().zip(&used) {
        let remap: BTreeMap<u16, u16> = used
            .keys()
            .filter(|&&g| g != 0)
            .enumerate()
            .map(|(i, &g)| (g, i as u16 + 1))
            .chain([(0, 0)])
            .collect();
        if used.is_empty() {
            remaps.push(remap);
            font_refs.push(None);
            continue;
        }
        let refs = [alloc(), alloc(), alloc(), alloc(), alloc()];
        embed(&mut pdf, font, used, &remap, refs);
        remaps.push(remap);
        font_refs.push(Some(refs[0]));
    }
    let page_refs: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
    for (page, &id) in pages.iter().zip(&page_refs) {
        let content = alloc();
        let mut links = Vec::new();
        let stream = draw(page, &remaps);
        let z = deflate(&stream);
        pdf.stream(content, &z).filter(Filter::FlateDecode);
        for op in &page.ops {
            if let Op::Link { x, y, w, h, url } = op {
                let a = alloc();
                let r = Rect::new(*x, page.h - y - h, x + w, page.h - y);
                let mut annot = pdf.annotation(a);
                annot
                    .subtype(AnnotationType::Link)
                    .rect(r)
                    .border(0.0, 0.0, 0.0, None);
                annot
                    .action()
                    .action_type(ActionType::Uri)
                    .uri(Str(url.as_bytes()));
                annot.finish();
                links.push(a);
            }
        }
        let mut p = pdf.page(id);
        p.media_box(Rect::new(0.0, 0.0, page.w, page.h))
            .parent(tree)
            .contents(content);
        if !links.is_empty() {
            p.annotations(links);
        }
        let mut res = p.resources();
        let mut fonts_dict = res.fonts();
        for (i, r) in font_refs.iter().enumerate() {
            if let Some(r) = r {
                fonts_dict.pair(Name(FONT_NAMES[i]), *r);
            }
        }
    }
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(pages.len() as i32);
    pdf.catalog(catalog).pages(tree).lang(TextStr(info.lang));
    pdf.document_info(info_id)
        .title(TextStr(info.title))
        .producer(TextStr("niemyet"));
    pdf.finish()
}

/// The deflate level of the content streams: 1, the fastest (the font
/// subsets are stored; BENCHMARKS.md "PDF").
const DEFLATE: u8 = 1;

/// `data` deflated as a zlib stream at [`DEFLATE`], the same bytes as
/// `miniz_oxide::deflate::compress_to_vec_zlib`, with one compressor per
/// thread reset between streams: making a compressor allocates and clears
/// its ~300 KB of tables, which cost as much as deflating a page.
fn deflate(mut data: &[u8]) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    use std::cell::RefCell;
    thread_local! {
        static COMPRESSOR: RefCell<Box<CompressorOxide>> = RefCell::new(Box::new(
            CompressorOxide::new(create_comp_flags_from_zip_params(DEFLATE.into(), 1, 0)),
        ));
    }
    COMPRESSOR.with_borrow_mut(|c| {
        c.reset();
        let mut out = vec![0; (data.len() / 2).max(64)];
        let mut at = 0;
        loop {
            let (status, read, written) = compress(c, data, &mut out[at..], TDEFLFlush::Finish);
            at += written;
            match status {
                TDEFLStatus::Done => break,
                TDEFLStatus::Okay if read <= data.len() => {
                    data = &data[read..];
                    if out.len() - at < 30 {
                        out.resize(out.len() * 2, 0);
                    }
                }
                // miniz_oxide fails only on a bug of its own.
                _ => panic!("deflate failed: {status:?}"),
            }
        }
        out.truncate(at);
        out
    })
}

/// The resource names of the faces, regular and bold.
const FONT_NAMES: [&[u8]; 2] = [b"R", b"B"];

/// Embeds the subset of `font` with glyphs `used` (renumbered as `remap`
/// says) as a Type 0 font, its CID font, descriptor, program and
/// ToUnicode map, at `refs` in that order.
fn embed(pdf: &mut Pdf, font: &Font, used: &Used, remap: &BTreeMap<u16, u16>, refs: [Ref; 5]) {
    let [type0, cid, descriptor, file, to_unicode] = refs;
    let mut remapper = subsetter::GlyphRemapper::new();
    for &g in remap.keys() {
        remapper.remap(g);
    }
    // The subset's ids are the remapper's; ours were made in the same
    // (sorted) order, so they agree.
    let program = subsetter::subset(font.data, 0, &remapper).unwrap_or_else(|_| font.data.to_vec());
    let name = format!("{}+{}", tag(used), font.name);
    let name = Name(name.as_bytes());
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(to_unicode);
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut c = pdf.cid_font(cid);
    c.subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let widths: Vec<f32> = remap.keys().map(|&g| font.advance(g) * 1000.0).collect();
    c.widths().consecutive(0, widths);
    c.finish();
    let em = |v: f32| v * 1000.0;
    let [x0, y0, x1, y1] = font.bbox;
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(em(x0), em(y0), em(x1), em(y1)))
        .italic_angle(0.0)
        .ascent(em(font.ascent))
        .descent(em(font.descent))
        .cap_height(em(font.cap_height))
        .stem_v(if font.name.ends_with("Bold") {
            140.0
        } else {
            80.0
        })
        .font_file2(file);
    // Stored, not deflated: a subset deflates only to ~60 % and deflating
    // it was the largest single cost of a PDF (BENCHMARKS.md "PDF").
    pdf.stream(file, &program);
    let mut cmap = UnicodeCmap::new(
        Name(b"Custom"),
        SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for (g, c) in used {
        if let Some(&new) = remap.get(g).filter(|&&n| n != 0) {
            cmap.pair(new, *c);
        }
    }
    pdf.cmap(to_unicode, &cmap.finish());
}

/// The six capitals that name a subset, from the glyphs in it (the same
/// glyphs, the same tag).
fn tag(used: &Used) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &g in used.keys() {
        for b in g.to_be_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

/// The content stream of `page`.
fn draw(page: &Page, remaps: &[BTreeMap<u16, u16>]) -> Vec<u8> {
    let mut c = Content::new();
    let h = page.h;
    let mut filled = false;
    for op in &page.ops {
        match op {
            Op::Fill { x, y, w, h: rh } => {
                c.rect(*x, h - y - rh, *w, *rh);
                filled = true;
            }
            _ if filled => {
                c.fill_nonzero();
                filled = false;
            }
            _ => {}
        }
        match op {
            Op::Text {
                x,
                y,
                size,
                bold,
                text,
            } => {
                let f = face(*bold);
                let remap = &remaps[usize::from(*bold)];
                let mut bytes = Vec::with_capacity(text.len() * 2);
                for ch in text.chars() {
                    let g = remap.get(&f.glyph(ch).0).copied().unwrap_or(0);
                    bytes.extend_from_slice(&g.to_be_bytes());
                }
                c.begin_text();
                c.set_font(Name(FONT_NAMES[usize::from(*bold)]), *size);
                c.next_line(*x, h - y);
                c.show(Str(&bytes));
                c.end_text();
            }
            Op::Frame {
                x,
                y,
                w,
                h: rh,
                width,
            } => {
                c.set_line_width(*width);
                c.rect(*x, h - y - rh, *w, *rh);
                c.stroke();
            }
            Op::Grid { x, y, m, runs } => {
                // Rows go down the page: the grid's y axis flipped.
                c.save_state();
                c.transform([*m, 0.0, 0.0, -*m, *x, h - y]);
                for &[row, col, len] in runs {
                    c.rect(f32::from(col), f32::from(row), f32::from(len), 1.0);
                }
                c.fill_nonzero();
                c.restore_state();
            }
            Op::Fill { .. } | Op::Link { .. } => {}
        }
    }
    if filled {
        c.fill_nonzero();
    }
    c.finish().to_vec()
}
