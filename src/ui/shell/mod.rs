//! The shell around every page: header, navigation, banners (saving,
//! sample data, the career center's config, backups), toasts, the
//! shortcuts dialog, and the recovery screen for unreadable data. Used
//! only by [`crate::ui::app`].

pub mod app_header;
pub mod backup_reminder;
pub mod config_notice;
pub mod nav;
pub mod recovery;
pub mod sample_banner;
pub mod save_banner;
pub mod shortcuts_dialog;
pub mod toast;

pub use app_header::AppHeader;
pub use backup_reminder::BackupReminder;
pub use config_notice::ConfigNotice;
pub use nav::Nav;
pub use recovery::Recovery;
pub use sample_banner::SampleBanner;
pub use save_banner::SaveBanner;
pub use shortcuts_dialog::ShortcutsDialog;
pub use toast::{ToastRegion, Toaster, UndoAction};
