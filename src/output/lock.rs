//! One build at a time per output folder.
//!
//! Two builds into the same folder would each stage a site and swap it in;
//! worse, one's clean-up could delete the other's staging folder. A lock
//! file beside the output (`.public.niemyet-lock`) is held, with an
//! advisory lock, from before the staging folder is made until the old
//! output is gone: a second build waits for it. The file itself stays (it
//! is empty but for the holder's process id); deleting a lock file races
//! with the next build opening it.

use super::OutputError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

/// Held while a build owns the output folder; released when dropped (and
/// by the kernel when the process dies, however it dies).
pub struct OutputLock {
    _file: Option<File>,
}

/// Takes the lock of the output named `name` in `parent`, waiting for a
/// build that holds it; `waiting` is told (with that build's process id,
/// when known) before the wait starts.
pub fn acquire(
    parent: &Path,
    name: &str,
    waiting: &dyn Fn(Option<u32>),
) -> Result<OutputLock, OutputError> {
    let path = parent.join(format!(".{name}.niemyet-lock"));
    let io_err = |e| OutputError::Io(path.clone(), e);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io_err)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            waiting(holder(&mut file));
            file.lock().map_err(io_err)?;
        }
        // A file system without locks (some network shares): go on
        // unlocked rather than refuse to build; the docs say so.
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
            return Ok(OutputLock { _file: None });
        }
        Err(TryLockError::Error(e)) => return Err(io_err(e)),
    }
    // Who holds it, for the message of a build that has to wait.
    let _ = file
        .set_len(0)
        .and_then(|_| file.rewind())
        .and_then(|_| write!(file, "{}", std::process::id()));
    Ok(OutputLock { _file: Some(file) })
}

fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_for_the_first_and_learns_its_pid() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), "public", &|_| panic!("no wait")).unwrap();
        let released = Arc::new(AtomicBool::new(false));
        let (path, flag) = (dir.path().to_path_buf(), released.clone());
        let waiter = std::thread::spawn(move || {
            let told = std::sync::Mutex::new(None);
            let _second =
                acquire(&path, "public", &|pid| *told.lock().unwrap() = Some(pid)).unwrap();
            assert!(
                flag.load(Ordering::SeqCst),
                "got the lock while it was held"
            );
            told.into_inner().unwrap()
        });
        std::thread::sleep(Duration::from_millis(200));
        released.store(true, Ordering::SeqCst);
        drop(first);
        let told = waiter.join().unwrap();
        assert_eq!(told, Some(Some(std::process::id())));
    }
}
