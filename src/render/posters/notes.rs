//! How much text a sheet prints: the levels of abridging ([`Notes`]), and
//! what the two kinds of sheet ([`Kind`]) keep whole.

use crate::render::format;

/// How much of the steps and of the documents' notes a sheet prints: the
/// poster shows the steps in short, and when space runs out the notes too
/// (first sentence, or cut at a word, with "…"), at last none. The full
/// text is one QR scan away, and the sheet says so. The notes of fees and
/// of the deadline carry who is exempt and when the deadline stretches: a
/// poster prints them whole, a handout never shorter than [`Notes::Short`]
/// ([`Kind::facts_notes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Notes {
    /// Steps up to 150 characters, notes in full.
    Full,
    /// Steps and notes up to 110 characters: long text loses its tail first.
    Long,
    /// Steps up to 80 characters, notes up to 70.
    Short,
    /// Steps up to 60 characters, notes up to 45.
    Brief,
    /// Steps up to 60 characters, no notes.
    Bare,
}

pub(super) const LEVELS: usize = 5;

impl Notes {
    pub(super) const ALL: [Notes; LEVELS] = [
        Notes::Full,
        Notes::Long,
        Notes::Short,
        Notes::Brief,
        Notes::Bare,
    ];

    /// The longest step and note printed, in characters (0: none).
    pub(super) fn limits(self) -> (usize, usize) {
        match self {
            Notes::Full => (150, usize::MAX),
            Notes::Long => (110, 110),
            Notes::Short => (80, 70),
            Notes::Brief => (60, 45),
            Notes::Bare => (60, 0),
        }
    }

    pub(super) fn step(self, text: &str) -> std::borrow::Cow<'_, str> {
        format::abridge(text, self.limits().0)
    }

    pub(super) fn note(self, text: &str) -> Option<std::borrow::Cow<'_, str>> {
        let max = self.limits().1;
        (max > 0).then(|| format::abridge(text, max))
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Poster,
    Handout,
}

impl Kind {
    /// How a sheet at `notes` prints the fees' and the deadline's notes: a
    /// poster, the posting itself, whole (it takes a second sheet rather
    /// than cut who is exempt); a handout, whose facts table cannot break
    /// across A5 sheets, cut no shorter than [`Notes::Short`], never left
    /// out, and marked as cut.
    pub(super) fn facts_notes(self, notes: Notes) -> Notes {
        match self {
            Kind::Poster => Notes::Full,
            Kind::Handout if notes as usize > Notes::Short as usize => Notes::Short,
            Kind::Handout => notes,
        }
    }
}
