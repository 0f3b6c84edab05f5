//! Watching `content/` and `themes/` (notify, debounced by
//! notify-debouncer-full, which pairs the halves of a rename and drops
//! events of files that came and went). Native events first; polling when
//! asked (`--poll`) or when native watching cannot start (no inotify
//! watches left, a network file system).
//!
//! [`classify`] turns a batch of events into [`Changes`]: an edit, in place
//! or by an editor's save-to-temp-then-rename, of a file the last walk
//! found to be a procedure is a procedure edit; anything else under
//! `content/` or `themes/` (a file or folder added, deleted or renamed,
//! site.yaml, `_index.md`, a notice, an attachment, a template) reads the
//! whole site again. Names the loader ignores (editor backups and swap
//! files, hidden files) are ignored here too.

use super::live::Changes;
use crate::load::walk::is_ignored;
use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, DebouncedEvent, Debouncer, FileIdMap,
    RecommendedCache,
};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long the debouncer waits for a burst of events to end.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// How often the debouncer looks whether a burst has ended (its default,
/// a quarter of [`DEBOUNCE`], adds 6 ms on average to every reload).
const TICK: Duration = Duration::from_millis(10);
/// How often the polling watcher looks at every file. It compares
/// contents too: notify's polling sees modification times in whole
/// seconds, so two saves within a second would otherwise look like one.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Keeps the watcher alive; dropping it stops watching.
pub enum Watcher {
    Native(Debouncer<notify::RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<notify::PollWatcher, FileIdMap>),
}

impl Watcher {
    pub fn is_polling(&self) -> bool {
        matches!(self, Watcher::Poll(_))
    }
}

/// The folders to watch: `content/`, and `themes/` when there is one.
fn roots(root: &Path) -> Vec<PathBuf> {
    let mut roots = vec![root.join("content")];
    let themes = root.join("themes");
    if themes.is_dir() {
        roots.push(themes);
    }
    roots
}

/// Starts watching; native first unless `poll`, polling if native fails
/// (the native error is returned beside the watcher, to be shown).
pub fn start(
    root: &Path,
    poll: bool,
    tx: Sender<DebounceEventResult>,
) -> Result<(Watcher, Option<notify::Error>), notify::Error> {
    let mut native_error = None;
    if !poll {
        match start_native(root, tx.clone()) {
            Ok(w) => return Ok((w, None)),
            Err(e) => native_error = Some(e),
        }
    }
    let config = notify::Config::default()
        .with_poll_interval(POLL_INTERVAL)
        .with_compare_contents(true);
    let mut d = new_debouncer_opt::<_, notify::PollWatcher, FileIdMap>(
        DEBOUNCE,
        Some(TICK),
        tx,
        FileIdMap::new(),
        config,
    )?;
    for dir in roots(root) {
        d.watch(&dir, RecursiveMode::Recursive)?;
    }
    Ok((Watcher::Poll(d), native_error))
}

fn start_native(root: &Path, tx: Sender<DebounceEventResult>) -> Result<Watcher, notify::Error> {
    let mut d = new_debouncer(DEBOUNCE, Some(TICK), tx)?;
    for dir in roots(root) {
        d.watch(&dir, RecursiveMode::Recursive)?;
    }
    Ok(Watcher::Native(d))
}

/// What a batch of events changed, and the changed paths to show (relative
/// to `root`). `is_procedure` says whether a path is a procedure file of
/// the site as last read.
pub fn classify(
    root: &Path,
    events: &[DebouncedEvent],
    is_procedure: impl Fn(&Path) -> bool,
) -> (Changes, Vec<PathBuf>) {
    let mut changes = Changes::default();
    let mut shown: Vec<PathBuf> = Vec::new();
    let content = root.join("content");
    let themes = root.join("themes");
    for event in events {
        if event.need_rescan() {
            changes.everything = true;
            continue;
        }
        // Reads are not changes. A metadata change can be one: polling
        // reports every edit as a new modification time.
        match event.kind {
            EventKind::Access(_)
            | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => continue,
            _ => {}
        }
        for path in &event.paths {
            let Some(rel) = path
                .strip_prefix(&content)
                .or_else(|_| path.strip_prefix(&themes))
                .ok()
            else {
                continue;
            };
            if rel.components().any(|c| match c {
                Component::Normal(name) => ignored_name(&name.to_string_lossy()),
                _ => false,
            }) {
                continue;
            }
            if path.starts_with(&content) && is_procedure(path) && path.is_file() {
                changes.procedures.insert(path.clone());
            } else {
                changes.everything = true;
            }
            let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            if !shown.contains(&rel) {
                shown.push(rel);
            }
        }
    }
    (changes, shown)
}

/// A name the loader skips, or one an editor makes for a moment: Vim
/// checks that it may write in a folder with a file named `4913` (then
/// 5036, …), all digits.
fn ignored_name(name: &str) -> bool {
    is_ignored(name) || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};
    use notify::Event;
    use std::time::Instant;

    fn ev(kind: EventKind, paths: &[&Path]) -> DebouncedEvent {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(p.to_path_buf());
        }
        DebouncedEvent::new(e, Instant::now())
    }

    #[test]
    fn edits_renames_and_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let field = root.join("content/ho-tich");
        std::fs::create_dir_all(&field).unwrap();
        let proc_file = field.join("khai-sinh.md");
        std::fs::write(&proc_file, "x").unwrap();
        let is_proc = |p: &Path| p == proc_file;
        let modify = EventKind::Modify(ModifyKind::Data(DataChange::Content));

        // An edit in place.
        let (c, shown) = classify(root, &[ev(modify, &[&proc_file])], is_proc);
        assert_eq!(c.procedures.len(), 1);
        assert!(!c.everything);
        assert_eq!(shown, vec![PathBuf::from("content/ho-tich/khai-sinh.md")]);

        // Polling reports an edit as a new modification time; a read is nothing.
        let mtime = EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime));
        let (c, _) = classify(root, &[ev(mtime, &[&proc_file])], is_proc);
        assert_eq!(c.procedures.len(), 1);
        let atime = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        let (c, _) = classify(root, &[ev(atime, &[&proc_file])], is_proc);
        assert!(c.is_empty());

        // Saved by writing a temp file and renaming it over the procedure.
        let tmp = field.join(".khai-sinh.md.swp");
        let tilde = field.join("khai-sinh.md~");
        let events = [
            ev(EventKind::Create(CreateKind::File), &[&tmp]),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &[&tmp, &proc_file],
            ),
            ev(EventKind::Create(CreateKind::File), &[&tilde]),
            ev(EventKind::Create(CreateKind::File), &[&field.join("4913")]),
            ev(EventKind::Remove(RemoveKind::File), &[&field.join("4913")]),
        ];
        let (c, shown) = classify(root, &events, is_proc);
        assert_eq!(c.procedures.len(), 1);
        assert!(!c.everything, "{shown:?}");

        // A procedure deleted, a new file, a field index, a theme file.
        for p in [
            field.join("gone.md"),
            field.join("_index.md"),
            root.join("content/site.yaml"),
            root.join("themes/mine/templates/base.html"),
            field.join("new-folder"),
        ] {
            let (c, _) = classify(root, &[ev(modify, &[&p])], is_proc);
            assert!(c.everything, "{}", p.display());
        }
        std::fs::remove_file(&proc_file).unwrap();
        let (c, _) = classify(
            root,
            &[ev(EventKind::Remove(RemoveKind::File), &[&proc_file])],
            is_proc,
        );
        assert!(c.everything, "a deleted procedure reads the site again");

        // Outside content/ and themes/, and mere reads: nothing.
        let (c, _) = classify(
            root,
            &[ev(modify, &[&root.join("public/index.html")])],
            is_proc,
        );
        assert!(c.is_empty());
    }
}
