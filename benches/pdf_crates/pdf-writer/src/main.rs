use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
include!("../../text.rs");

struct Face {
    data: Vec<u8>,
}
struct Used {
    glyphs: BTreeMap<u16, char>,
}

fn shape(face: &ttf_parser::Face, used: &mut Used, s: &str) -> (Vec<u16>, f32) {
    let upm = face.units_per_em() as f32;
    let mut gs = Vec::new();
    let mut w = 0.0;
    for c in s.chars() {
        let g = face.glyph_index(c).map(|g| g.0).unwrap_or(0);
        w += face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0) as f32 / upm;
        used.glyphs.entry(g).or_insert(c);
        gs.push(g);
    }
    (gs, w)
}

fn make(faces: &[Face; 2], pages: usize) -> Vec<u8> {
    let parsed: Vec<ttf_parser::Face> = faces
        .iter()
        .map(|f| ttf_parser::Face::parse(&f.data, 0).unwrap())
        .collect();
    let mut used = [
        Used {
            glyphs: BTreeMap::new(),
        },
        Used {
            glyphs: BTreeMap::new(),
        },
    ];
    // layout: collect runs (font, size, x, y, glyphs)
    let mut runs = Vec::new();
    for p in 0..pages {
        let mut y = 800.0;
        for (i, l) in LINES.iter().cycle().take(40).enumerate() {
            let f = if i % 8 == 0 { 1 } else { 0 };
            let (g, _w) = shape(&parsed[f], &mut used[f], l);
            runs.push((p, f, 12.0f32, 40.0f32, y, g));
            y -= 18.0;
        }
    }
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let cat = alloc();
    let tree = alloc();
    let mut remap = Vec::new();
    let mut font_ids = Vec::new();
    for f in 0..2 {
        let mut rm = subsetter::GlyphRemapper::new();
        for g in used[f].glyphs.keys() {
            rm.remap(*g);
        }
        let sub = subsetter::subset(&faces[f].data, 0, &rm).unwrap();
        let (t0, cid, fd, file, tu) = (alloc(), alloc(), alloc(), alloc(), alloc());
        let face = &parsed[f];
        let upm = face.units_per_em() as f32;
        let k = 1000.0 / upm;
        let name = Name(if f == 0 {
            b"AAAAAA+NotoSans-Regular"
        } else {
            b"AAAAAB+NotoSans-Bold"
        });
        pdf.type0_font(t0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(tu);
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(fd)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut ws: Vec<f32> = vec![0.0; rm.num_gids() as usize];
        for g in used[f].glyphs.keys() {
            let n = rm.get(*g).unwrap();
            ws[n as usize] =
                face.glyph_hor_advance(ttf_parser::GlyphId(*g)).unwrap_or(0) as f32 * k;
        }
        c.widths().consecutive(0, ws);
        c.finish();
        let bb = face.global_bounding_box();
        pdf.font_descriptor(fd)
            .name(name)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                bb.x_min as f32 * k,
                bb.y_min as f32 * k,
                bb.x_max as f32 * k,
                bb.y_max as f32 * k,
            ))
            .italic_angle(0.0)
            .ascent(face.ascender() as f32 * k)
            .descent(face.descender() as f32 * k)
            .cap_height(face.capital_height().unwrap_or(700) as f32 * k)
            .stem_v(80.0)
            .font_file2(file);
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&sub, 6);
        pdf.stream(file, &z).filter(Filter::FlateDecode);
        let mut cm = UnicodeCmap::new(
            Name(b"Custom"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (g, ch) in &used[f].glyphs {
            cm.pair(rm.get(*g).unwrap(), *ch);
        }
        pdf.cmap(tu, &cm.finish());
        remap.push(rm);
        font_ids.push(t0);
    }
    let mut page_ids = Vec::new();
    for p in 0..pages {
        let (pid, cid) = (alloc(), alloc());
        page_ids.push(pid);
        let mut c = Content::new();
        for (rp, f, size, x, y, g) in &runs {
            if *rp != p {
                continue;
            }
            c.begin_text();
            c.set_font(Name(if *f == 0 { b"F0" } else { b"F1" }), *size);
            c.next_line(*x, *y);
            let mut b = Vec::new();
            for gg in g {
                b.extend_from_slice(&remap[*f].get(*gg).unwrap().to_be_bytes());
            }
            c.show(Str(&b));
            c.end_text();
        }
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&c.finish(), 6);
        pdf.stream(cid, &z).filter(Filter::FlateDecode);
        let mut pg = pdf.page(pid);
        pg.media_box(Rect::new(0.0, 0.0, 595.276, 841.89))
            .parent(tree)
            .contents(cid);
        pg.resources()
            .fonts()
            .pair(Name(b"F0"), font_ids[0])
            .pair(Name(b"F1"), font_ids[1]);
    }
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages as i32);
    pdf.catalog(cat).pages(tree);
    pdf.finish()
}

fn main() {
    let d = "/usr/share/fonts/truetype/noto/";
    let faces = [
        Face {
            data: std::fs::read(format!("{d}NotoSans-Regular.ttf")).unwrap(),
        },
        Face {
            data: std::fs::read(format!("{d}NotoSans-Bold.ttf")).unwrap(),
        },
    ];
    let a = make(&faces, 1);
    let b = make(&faces, 1);
    println!("deterministic: {}", a == b);
    std::fs::write("pdf-writer.pdf", &a).unwrap();
    println!("1-sheet size: {} bytes", a.len());
    let t = std::time::Instant::now();
    let n = 200;
    for _ in 0..n {
        std::hint::black_box(make(&faces, 1));
    }
    println!(
        "ms per 1-sheet pdf: {:.3}",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
