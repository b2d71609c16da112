//! Small components shared by several pages, one per file.

pub mod application_table;
pub mod backup_reminder;
pub mod due_soon;
pub mod empty_state;
pub mod error_summary;
pub mod external_link;
pub mod gap_check;
pub mod level_bar;
pub mod nav;
pub mod recovery;
pub mod restore;
pub mod save_banner;
pub mod select_field;
pub mod stage_board;
pub mod stage_history;
pub mod stale_guard;
pub mod text_field;
pub mod toast;

pub use application_table::ApplicationTable;
pub use backup_reminder::BackupReminder;
pub use due_soon::DueSoon;
pub use empty_state::EmptyState;
pub use error_summary::ErrorSummary;
pub use external_link::ExternalLink;
pub use gap_check::GapCheck;
pub use level_bar::LevelBar;
pub use nav::Nav;
pub use recovery::Recovery;
pub use restore::Restore;
pub use save_banner::SaveBanner;
pub use select_field::SelectField;
pub use stage_board::StageBoard;
pub use stage_history::StageHistory;
pub use stale_guard::{StaleGuard, StaleWarning};
pub use text_field::TextField;
pub use toast::{ToastRegion, Toaster};
