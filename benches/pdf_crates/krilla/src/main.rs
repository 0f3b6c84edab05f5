use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::Document;
include!("../../text.rs");
fn make(reg: &Font, bold: &Font, pages: usize) -> Vec<u8> {
    let mut doc = Document::new();
    for _ in 0..pages {
        let mut page = doc.start_page_with(PageSettings::from_wh(595.276, 841.89).unwrap());
        let mut s = page.surface();
        let mut y = 42.0;
        for (i, l) in LINES.iter().cycle().take(40).enumerate() {
            let f = if i % 8 == 0 { bold } else { reg };
            s.draw_text(
                Point::from_xy(40.0, y),
                f.clone(),
                12.0,
                l,
                false,
                TextDirection::Auto,
            );
            y += 18.0;
        }
        s.finish();
        page.finish();
    }
    doc.finish().unwrap()
}
fn main() {
    let d = "/usr/share/fonts/truetype/noto/";
    let reg = Font::new(
        std::fs::read(format!("{d}NotoSans-Regular.ttf"))
            .unwrap()
            .into(),
        0,
    )
    .unwrap();
    let bold = Font::new(
        std::fs::read(format!("{d}NotoSans-Bold.ttf"))
            .unwrap()
            .into(),
        0,
    )
    .unwrap();
    let a = make(&reg, &bold, 1);
    let b = make(&reg, &bold, 1);
    println!("deterministic: {}", a == b);
    std::fs::write("krilla.pdf", &a).unwrap();
    println!("1-sheet size: {} bytes", a.len());
    let t = std::time::Instant::now();
    let n = 200;
    for _ in 0..n {
        std::hint::black_box(make(&reg, &bold, 1));
    }
    println!(
        "ms per 1-sheet pdf: {:.3}",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
