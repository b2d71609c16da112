//! Small widgets used by several pages, one per file. None of them
//! imports from a page.

pub mod bar_chart;
pub mod due_soon;
pub mod empty_state;
pub mod external_link;
pub mod feedback_answer;
pub mod level_bar;
pub mod link_output;
pub mod page_heading;
pub mod portfolio_view;
pub mod rating_scale;
pub mod show_more;

pub use bar_chart::{Bar, BarChart};
pub use due_soon::DueSoon;
pub use empty_state::EmptyState;
pub use external_link::ExternalLink;
pub use feedback_answer::{AnswerView, SelfVersusSupervisor};
pub use level_bar::LevelBar;
pub use link_output::LinkOutput;
pub use page_heading::PageHeading;
pub use portfolio_view::{stars, PortfolioView};
pub use rating_scale::RatingScale;
pub use show_more::ShowMore;
