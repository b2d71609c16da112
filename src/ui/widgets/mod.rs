//! Small widgets used by several pages, one per file. None of them
//! imports from a page.

pub mod bar_chart;
pub mod drop_zone;
pub mod due_soon;
pub mod empty_state;
pub mod external_link;
pub mod feedback_answer;
pub mod filter_fold;
pub mod level_bar;
pub mod link_output;
pub mod page_heading;
pub mod passphrase_field;
pub mod portfolio_view;
pub mod rating_scale;
pub mod show_more;
pub mod theme_choice;

pub use bar_chart::{Bar, BarChart};
pub use drop_zone::DropZone;
pub use due_soon::DueSoon;
pub use empty_state::EmptyState;
pub use external_link::ExternalLink;
pub use feedback_answer::{AnswerView, SelfVersusSupervisor};
pub use filter_fold::FilterFold;
pub use level_bar::LevelBar;
pub use link_output::LinkOutput;
pub use page_heading::PageHeading;
pub use passphrase_field::PassphraseField;
pub use portfolio_view::{stars, PortfolioView};
pub use rating_scale::RatingScale;
pub use show_more::ShowMore;
pub use theme_choice::ThemeChoice;
