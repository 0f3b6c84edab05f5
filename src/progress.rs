//! A build's progress on a terminal: the stage, how many files so far and
//! the time since the start, on one line of stderr redrawn in place
//! (indicatif), cleared before the report is printed. Made only when
//! stderr is a terminal: a pipe, a file or a CI log gets nothing extra.

use crate::build::{Progress, Stage};
use crate::lang::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// The progress line of one build.
pub struct Line {
    bar: ProgressBar,
    lang: Lang,
}

impl Line {
    /// A progress line, when stderr is a terminal; none otherwise.
    pub fn on_terminal(lang: Lang) -> Option<Line> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        // The time moves on while a stage writes nothing (the check).
        bar.enable_steady_tick(Duration::from_millis(200));
        Some(Line { bar, lang })
    }

    /// Prints `text` on stderr above the progress line.
    pub fn say(&self, text: &str) {
        self.bar.suspend(|| eprintln!("{text}"));
    }

    fn words(&self, stage: Stage) -> (&'static str, &'static str) {
        match (stage, self.lang) {
            (Stage::Check, Lang::Vi) => ("Kiểm tra nội dung", "tệp"),
            (Stage::Keep, Lang::Vi) => ("Giữ tệp không đổi", "tệp"),
            (Stage::Render, Lang::Vi) => ("Dựng trang", "tệp"),
            (Stage::Swap, Lang::Vi) => ("Thay bản cũ", "tệp"),
            (Stage::Check, Lang::En) => ("Checking content", "files"),
            (Stage::Keep, Lang::En) => ("Keeping unchanged files", "files"),
            (Stage::Render, Lang::En) => ("Rendering", "files"),
            (Stage::Swap, Lang::En) => ("Replacing the old output", "files"),
        }
    }
}

impl Progress for Line {
    fn stage(&self, stage: Stage, total: Option<u64>) {
        let (name, unit) = self.words(stage);
        let template = match (stage, total) {
            (Stage::Check | Stage::Swap, _) => "{spinner} {prefix} · {elapsed}".to_string(),
            (_, Some(_)) => format!("{{spinner}} {{prefix}}: {{pos}}/{{len}} {unit} · {{elapsed}}"),
            (_, None) => format!("{{spinner}} {{prefix}}: {{pos}} {unit} · {{elapsed}}"),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            self.bar.set_style(style);
        }
        self.bar.set_prefix(name);
        self.bar.set_position(0);
        match total {
            Some(n) => self.bar.set_length(n),
            None => self.bar.unset_length(),
        }
    }

    fn files(&self, n: u64) {
        self.bar.inc(n);
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}
