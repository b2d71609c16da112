//! Small components shared by several pages, one per file.

pub mod empty_state;
pub mod nav;
pub mod recovery;
pub mod save_banner;
pub mod text_field;

pub use empty_state::EmptyState;
pub use nav::Nav;
pub use recovery::Recovery;
pub use save_banner::SaveBanner;
pub use text_field::TextField;
