//! Bytes → the text every later stage reads: UTF-8 only (a BOM is dropped),
//! CRLF and CR → LF, NFC. Files saved by Windows tools in UTF-16 or in a legacy
//! Vietnamese code page (Windows-1258, TCVN3, VNI) are refused with a way out.

use crate::text::nfc;
use std::io::Read;
use std::path::Path;

/// No procedure, notice or site.yaml needs more; anything larger is a mistake
/// (a scan pasted in, a wrong file) and is not read into memory.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge {
        bytes: u64,
    },
    Utf16,
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Binary,
    /// A FIFO, a device or a socket: never opened.
    NotAFile(super::walk::Special),
}

/// Reads at most [`MAX_TEXT_BYTES`] (+1 to notice a larger file) of a
/// regular file. Anything else is refused from its metadata, before it is
/// opened: opening a FIFO waits for a writer forever, a device has no end.
pub fn read_limited(path: &Path) -> std::io::Result<Result<Vec<u8>, DecodeError>> {
    let special = |m: &std::fs::Metadata| super::walk::special_kind(m.file_type());
    // `metadata` follows a link to its target, and opens nothing.
    if let Some(what) = special(&std::fs::metadata(path)?) {
        return Ok(Err(DecodeError::NotAFile(what)));
    }
    let file = open_nonblocking(path)?;
    // Swapped between the two calls: refused all the same (and the open
    // did not wait for a writer: O_NONBLOCK).
    let meta = file.metadata()?;
    if let Some(what) = special(&meta) {
        return Ok(Err(DecodeError::NotAFile(what)));
    }
    let mut buf = Vec::new();
    file.take(MAX_TEXT_BYTES + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_TEXT_BYTES {
        return Ok(Err(DecodeError::TooLarge {
            bytes: meta.len().max(buf.len() as u64),
        }));
    }
    Ok(Ok(buf))
}

/// Opens for reading without blocking: a FIFO swapped in after the type
/// check opens at once instead of waiting for a writer (no effect on a
/// regular file's reads).
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes) {
        return Err(DecodeError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(DecodeError::NotUtf8 { line, column });
        }
    };
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    let unix = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Ok(nfc(&unix))
}

/// UTF-16 without a BOM: every other byte of ASCII text is zero.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    head.len() >= 4 && head.iter().filter(|b| **b == 0).count() * 3 >= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_bom_crlf_and_nfd() {
        let nfd = "Hộ tịch".chars().collect::<String>();
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(b"---\r\nname: ");
        bytes.extend_from_slice(
            unicode_normalization::UnicodeNormalization::nfd(nfd.as_str())
                .collect::<String>()
                .as_bytes(),
        );
        bytes.extend_from_slice(b"\r\n---\r\n");
        assert_eq!(decode(&bytes).unwrap(), "---\nname: Hộ tịch\n---\n");
    }

    #[test]
    fn refuses_utf16_and_legacy_code_pages() {
        let utf16: Vec<u8> = "---\ntitle: x\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&utf16), Err(DecodeError::Utf16));
        let mut bom16 = vec![0xFF, 0xFE];
        bom16.extend(&utf16);
        assert_eq!(decode(&bom16), Err(DecodeError::Utf16));
        // "Hộ" in Windows-1258 is 'H', 0xF4, 0xF2 (o-circumflex + combining dot below).
        let cp1258 = b"---\ntitle: H\xf4\xf2 t\xect\xf2ch\n";
        assert_eq!(
            decode(cp1258),
            Err(DecodeError::NotUtf8 { line: 2, column: 9 })
        );
    }
}
