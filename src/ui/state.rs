//! App-wide state, provided as context newtypes. The persisted model
//! ([`Document`]) holds plain data only; signals wrap it from outside.

use crate::domain::profile::{ProfileField, ProfileForm};
use crate::domain::query::{Filter, Sort};
use crate::domain::Document;
use leptos::prelude::*;
use std::collections::HashSet;

/// The student's document. Every change to it is saved by
/// [`crate::ui::saving`].
#[derive(Clone, Copy)]
pub struct Doc(pub RwSignal<Document>);

pub fn use_doc() -> RwSignal<Document> {
    expect_context::<Doc>().0
}

/// How the student last looked at their applications (kept while they
/// open an application and come back).
#[derive(Clone, Copy)]
pub struct TrackerView {
    pub filter: RwSignal<Filter>,
    pub sort: RwSignal<Sort>,
    /// Board (true) or table (false).
    pub board: RwSignal<bool>,
}

impl TrackerView {
    pub fn new() -> Self {
        Self {
            filter: RwSignal::new(Filter::default()),
            sort: RwSignal::new(Sort::default()),
            board: RwSignal::new(true),
        }
    }
}

impl Default for TrackerView {
    fn default() -> Self {
        Self::new()
    }
}

/// Profile text typed in this tab that could not be saved (a field with
/// a problem), and which fields those are. Held in the tab while the
/// student visits other views, so leaving the Profile discards nothing:
/// back on it, the text is in its field with its error.
#[derive(Clone, Copy)]
pub struct ProfileDraft(pub RwSignal<Option<(ProfileForm, HashSet<ProfileField>)>>);

/// A portfolio someone shared, opened from a file (or the student's own
/// share, previewed), with where it came from. Held in the tab only: it is
/// never part of the [`Document`], so viewing it cannot change stored data.
#[derive(Clone, Copy)]
pub struct OpenedShare(pub RwSignal<Option<(crate::domain::share::SharedPortfolio, ShareOrigin)>>);

/// Where an opened share came from, for the viewer's banner.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareOrigin {
    File(String),
    Link,
    /// The student's own share, as a recipient will see it.
    Preview,
}

/// Whether the page shows a shared portfolio to its recipient (the viewer
/// while a share is showing, or the student's own Preview): the workspace
/// then leaves out the student app's shell (header, navigation, banners,
/// footer, shortcuts), so the page is the portfolio alone. Set by the
/// viewer, read by [`crate::ui::app`].
#[derive(Clone, Copy)]
pub struct RecipientView(pub RwSignal<bool>);
