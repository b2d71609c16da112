//! The app's URLs. Routes live in the URL fragment (`#/applications`), so
//! one build works at `/` and under any sub-path of a plain static file
//! server: reloading a bookmarked view always asks the server for the same
//! `index.html`, and no server rewrite is needed. Pure: tested natively.
//!
//! Routes are typed: a record's page carries its [`RecordId`], read once
//! here, so a fragment whose id segment is not an id is [`Route::NotFound`]
//! and no page parses the URL again. Every link to a view is built with
//! [`Route::href`], never written by hand.

use crate::domain::RecordId;

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Applications,
    Portfolio,
    Skills,
    Contacts,
    Profile,
    Data,
    /// On a phone, the tab bar's last tab: the views that do not fit in it
    /// (contacts, profile, data) and the settings.
    More,
    NewApplication,
    /// One application, by id.
    Application(RecordId),
    NewContact,
    /// One contact, by id.
    Contact(RecordId),
    NewSkill,
    /// One skill, by id.
    Skill(RecordId),
    NewEntry,
    /// One portfolio entry, by id.
    Entry(RecordId),
    /// The form editing one portfolio entry.
    EditEntry(RecordId),
    /// The printable portfolio.
    PrintPortfolio,
    /// Choosing what to share and making the file or link.
    SharePortfolio,
    /// Someone else's shared portfolio, read-only: opened from a file
    /// (`None` until one is chosen) or carried in the link itself.
    Shared(Option<String>),
    /// Asking a supervisor for feedback on one portfolio entry.
    FeedbackRequest(RecordId),
    /// A feedback request, as the supervisor opens it (the link's data).
    Supervisor(String),
    /// A supervisor's answer, as the student opens it (the link's data).
    FeedbackAnswer(String),
    /// The student's own data from another device: a transfer link's
    /// encrypted data, as written (opened on the Data view).
    Transfer(String),
    /// A fragment that names no view (a stale bookmark, a typo, a record
    /// link whose id is not an id), as written.
    NotFound(String),
}

impl Route {
    /// The views in navigation order.
    pub const NAV: [Route; 7] = [
        Route::Dashboard,
        Route::Applications,
        Route::Portfolio,
        Route::Skills,
        Route::Contacts,
        Route::Profile,
        Route::Data,
    ];

    /// The views a phone's tab bar shows; the rest of [`Route::NAV`] is
    /// under [`Route::More`].
    pub fn in_tab_bar(&self) -> bool {
        matches!(
            self,
            Route::Dashboard | Route::Applications | Route::Portfolio | Route::Skills
        )
    }

    /// The tab a phone's tab bar marks as current for this view.
    pub fn tab(&self) -> Route {
        let section = self.section();
        if section.in_tab_bar() {
            section
        } else {
            Route::More
        }
    }

    /// Reads a `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or("");
        // A share link's data is case-sensitive: taken as written.
        let trimmed = path.trim_start_matches('/');
        if trimmed.len() > 7 && trimmed[..7].eq_ignore_ascii_case("shared/") {
            let data = trimmed[7..].trim_end_matches('/');
            return Route::Shared((!data.is_empty()).then(|| data.to_owned()));
        }
        // Feedback and transfer links' data too.
        for (prefix, route) in [
            ("feedback/", Route::Supervisor as fn(String) -> Route),
            ("answer/", Route::FeedbackAnswer),
            ("transfer/", Route::Transfer),
        ] {
            let data = trimmed
                .get(..prefix.len())
                .filter(|p| p.eq_ignore_ascii_case(prefix))
                .map(|_| trimmed[prefix.len()..].trim_end_matches('/'));
            if let Some(data) = data.filter(|d| !d.is_empty()) {
                return route(data.to_owned());
            }
        }
        let path = path.trim_matches('/').to_ascii_lowercase();
        let segments: Vec<&str> = path.split('/').collect();
        // A record's page only if its id segment is an id.
        let route = match segments.as_slice() {
            [""] | ["dashboard"] => Some(Route::Dashboard),
            ["applications"] => Some(Route::Applications),
            ["applications", "new"] => Some(Route::NewApplication),
            ["applications", id] => RecordId::parse(id).map(Route::Application),
            ["portfolio"] => Some(Route::Portfolio),
            ["portfolio", "new"] => Some(Route::NewEntry),
            ["portfolio", "print"] => Some(Route::PrintPortfolio),
            ["portfolio", "share"] => Some(Route::SharePortfolio),
            ["shared"] => Some(Route::Shared(None)),
            ["portfolio", id] => RecordId::parse(id).map(Route::Entry),
            ["portfolio", id, "edit"] => RecordId::parse(id).map(Route::EditEntry),
            ["portfolio", id, "feedback"] => RecordId::parse(id).map(Route::FeedbackRequest),
            ["skills"] => Some(Route::Skills),
            ["skills", "new"] => Some(Route::NewSkill),
            ["skills", id] => RecordId::parse(id).map(Route::Skill),
            ["contacts"] => Some(Route::Contacts),
            ["contacts", "new"] => Some(Route::NewContact),
            ["contacts", id] => RecordId::parse(id).map(Route::Contact),
            ["profile"] => Some(Route::Profile),
            ["data"] => Some(Route::Data),
            ["more"] => Some(Route::More),
            _ => None,
        };
        route.unwrap_or_else(|| Route::NotFound(hash.trim_start_matches('#').to_owned()))
    }

    /// The link to this view (a relative fragment, so it works at any path).
    /// Ids are written in their canonical form (lower-case, hyphenated).
    pub fn href(&self) -> String {
        match self {
            Route::Application(id) => format!("#/applications/{id}"),
            Route::Contact(id) => format!("#/contacts/{id}"),
            Route::Entry(id) => format!("#/portfolio/{id}"),
            Route::Skill(id) => format!("#/skills/{id}"),
            Route::EditEntry(id) => format!("#/portfolio/{id}/edit"),
            Route::Shared(Some(data)) => format!("#/shared/{data}"),
            Route::FeedbackRequest(id) => format!("#/portfolio/{id}/feedback"),
            Route::Supervisor(data) => format!("#/feedback/{data}"),
            Route::FeedbackAnswer(data) => format!("#/answer/{data}"),
            Route::Transfer(data) => format!("#/transfer/{data}"),
            other => other.section_href().to_owned(),
        }
    }

    /// The navigation entry this view belongs to.
    pub fn section(&self) -> Route {
        match self {
            Route::NewApplication | Route::Application(_) => Route::Applications,
            Route::NewContact | Route::Contact(_) => Route::Contacts,
            Route::NewSkill | Route::Skill(_) => Route::Skills,
            Route::NewEntry
            | Route::Entry(_)
            | Route::EditEntry(_)
            | Route::FeedbackRequest(_)
            | Route::FeedbackAnswer(_)
            | Route::PrintPortfolio
            | Route::SharePortfolio => Route::Portfolio,
            Route::Shared(_) => Route::Shared(None),
            Route::Transfer(_) => Route::Data,
            other => other.clone(),
        }
    }

    fn section_href(&self) -> &'static str {
        match self {
            Route::Dashboard => "#/",
            Route::Applications => "#/applications",
            Route::Portfolio => "#/portfolio",
            Route::Skills => "#/skills",
            Route::Contacts => "#/contacts",
            Route::Profile => "#/profile",
            Route::Data | Route::Transfer(_) => "#/data",
            Route::More => "#/more",
            Route::NewApplication => "#/applications/new",
            Route::NewContact => "#/contacts/new",
            Route::NewEntry => "#/portfolio/new",
            Route::NewSkill => "#/skills/new",
            Route::PrintPortfolio => "#/portfolio/print",
            Route::SharePortfolio => "#/portfolio/share",
            Route::Shared(_) => "#/shared",
            Route::Application(_)
            | Route::Contact(_)
            | Route::Entry(_)
            | Route::EditEntry(_)
            | Route::Skill(_)
            | Route::FeedbackRequest(_)
            | Route::Supervisor(_)
            | Route::FeedbackAnswer(_)
            | Route::NotFound(_) => "#/",
        }
    }

    /// The view's name, for navigation and the page title.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Dashboard => "Dashboard",
            Route::Applications => "Applications",
            Route::Portfolio => "Portfolio",
            Route::Skills => "Skills",
            Route::Contacts => "Contacts",
            Route::Profile => "Profile",
            Route::Data => "Data",
            Route::More => "More",
            Route::NewApplication => "New application",
            Route::Application(_) => "Application",
            Route::NewContact => "New contact",
            Route::Contact(_) => "Contact",
            Route::NewSkill => "New skill",
            Route::Skill(_) => "Skill",
            Route::NewEntry => "New portfolio entry",
            Route::Entry(_) => "Portfolio entry",
            Route::EditEntry(_) => "Edit portfolio entry",
            Route::PrintPortfolio => "Printable portfolio",
            Route::SharePortfolio => "Share your portfolio",
            Route::Shared(_) => "Shared portfolio",
            Route::FeedbackRequest(_) => "Ask for feedback",
            Route::Supervisor(_) => "Feedback request",
            Route::FeedbackAnswer(_) => "Feedback received",
            Route::Transfer(_) => "Data from another device",
            Route::NotFound(_) => "Page not found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nav_link_leads_back_to_its_view() {
        for route in Route::NAV {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn a_phone_tab_is_current_for_every_view_and_more_holds_the_rest() {
        assert_eq!(Route::Application(id()).tab(), Route::Applications);
        assert_eq!(Route::EditEntry(id()).tab(), Route::Portfolio);
        // Regression: a skill's page marked no tab (its section was itself).
        assert_eq!(Route::Skill(id()).tab(), Route::Skills);
        assert_eq!(Route::NewSkill.section(), Route::Skills);
        for route in [
            Route::Contact(id()),
            Route::Profile,
            Route::Data,
            Route::More,
        ] {
            assert_eq!(route.tab(), Route::More, "{route:?}");
        }
        let tabs: Vec<_> = Route::NAV.into_iter().filter(Route::in_tab_bar).collect();
        assert_eq!(tabs.len(), 4, "four tabs and More fit a 360 px phone");
    }

    #[test]
    fn empty_and_sloppy_fragments_still_find_their_view() {
        assert_eq!(Route::from_hash(""), Route::Dashboard);
        assert_eq!(Route::from_hash("#"), Route::Dashboard);
        assert_eq!(Route::from_hash("#/Profile/"), Route::Profile);
        assert_eq!(Route::from_hash("#profile"), Route::Profile);
        assert_eq!(Route::from_hash("#/data?tab=export"), Route::Data);
    }

    const ID: &str = "8f0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c80";

    fn id() -> RecordId {
        RecordId::parse(ID).unwrap()
    }

    /// One of every route.
    fn every_route() -> Vec<Route> {
        let mut all = Route::NAV.to_vec();
        all.extend([
            Route::More,
            Route::NewApplication,
            Route::Application(id()),
            Route::NewContact,
            Route::Contact(id()),
            Route::NewSkill,
            Route::Skill(id()),
            Route::NewEntry,
            Route::Entry(id()),
            Route::EditEntry(id()),
            Route::PrintPortfolio,
            Route::SharePortfolio,
            Route::Shared(None),
            Route::Shared(Some("q1ZKSy3KzM9TslIqzsgsSc1VqgUA-_aB".into())),
            Route::FeedbackRequest(id()),
            Route::Supervisor("q1ZKSy3K-_aB".into()),
            Route::FeedbackAnswer("Zm9v_-Yg".into()),
            Route::Transfer("AQcHBwcH-_x".into()),
        ]);
        all
    }

    #[test]
    fn every_route_round_trips_through_its_link() {
        for route in every_route() {
            let href = route.href();
            assert!(href.starts_with("#/"), "{href}");
            assert_eq!(Route::from_hash(&href), route, "{href}");
        }
    }

    #[test]
    fn record_links_are_the_urls_users_bookmark() {
        assert_eq!(
            Route::Application(id()).href(),
            format!("#/applications/{ID}")
        );
        assert_eq!(Route::Contact(id()).href(), format!("#/contacts/{ID}"));
        assert_eq!(Route::Skill(id()).href(), format!("#/skills/{ID}"));
        assert_eq!(Route::Entry(id()).href(), format!("#/portfolio/{ID}"));
        assert_eq!(
            Route::EditEntry(id()).href(),
            format!("#/portfolio/{ID}/edit")
        );
    }

    #[test]
    fn ids_are_read_in_any_case_and_written_canonically() {
        let upper = ID.to_ascii_uppercase();
        let route = Route::from_hash(&format!("#/Skills/{upper}/"));
        assert_eq!(route, Route::Skill(id()));
        assert_eq!(route.href(), format!("#/skills/{ID}"));
        let simple = ID.replace('-', "");
        assert_eq!(
            Route::from_hash(&format!("#/contacts/{simple}")).href(),
            format!("#/contacts/{ID}")
        );
        let route = Route::from_hash(&format!("#/portfolio/{ID}/edit?from=app"));
        assert_eq!(route, Route::EditEntry(id()));
    }

    #[test]
    fn a_malformed_id_is_not_found() {
        for hash in [
            "#/applications/8f0c6f0e",
            "#/contacts/nobody",
            "#/skills/new-skill",
            "#/portfolio/42",
            "#/portfolio/42/edit",
            "#/portfolio/new/edit",
            "#/applications/8f0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c8z",
        ] {
            assert_eq!(
                Route::from_hash(hash),
                Route::NotFound(hash[1..].to_owned()),
                "{hash}"
            );
        }
    }

    #[test]
    fn record_pages_have_their_own_urls_and_belong_to_their_section() {
        let id = id();
        let app = Route::from_hash(&format!("#/applications/{id}"));
        assert_eq!(app, Route::Application(id));
        assert_eq!(app.href(), format!("#/applications/{id}"));
        assert_eq!(app.section(), Route::Applications);
        assert_eq!(
            Route::from_hash("#/applications/new"),
            Route::NewApplication
        );
        assert_eq!(
            Route::from_hash("#/contacts/new").section(),
            Route::Contacts
        );
        assert_eq!(
            Route::from_hash(&Route::Contact(id).href()),
            Route::Contact(id)
        );
        assert!(matches!(
            Route::from_hash("#/applications/a/b"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn share_link_data_keeps_its_case() {
        let data = "q1ZKSy3KzM9TslIqzsgsSc1VqgUA-_aB";
        let route = Route::from_hash(&format!("#/shared/{data}"));
        assert_eq!(route, Route::Shared(Some(data.into())));
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(
            Route::from_hash("#/Shared/AbC/"),
            Route::Shared(Some("AbC".into()))
        );
        assert_eq!(Route::from_hash("#/shared"), Route::Shared(None));
        assert_eq!(Route::from_hash("#/shared/"), Route::Shared(None));
        assert_eq!(
            Route::from_hash("#/portfolio/share").section(),
            Route::Portfolio
        );
    }

    #[test]
    fn feedback_link_data_keeps_its_case_and_an_empty_one_is_not_found() {
        assert_eq!(
            Route::from_hash("#/Feedback/AbC_-/"),
            Route::Supervisor("AbC_-".into())
        );
        assert_eq!(
            Route::from_hash("#/answer/XyZ"),
            Route::FeedbackAnswer("XyZ".into())
        );
        assert!(matches!(
            Route::from_hash("#/feedback/"),
            Route::NotFound(_)
        ));
        assert!(matches!(Route::from_hash("#/answer"), Route::NotFound(_)));
        assert_eq!(
            Route::from_hash(&format!("#/portfolio/{ID}/feedback")).section(),
            Route::Portfolio
        );
    }

    #[test]
    fn transfer_link_data_keeps_its_case_and_belongs_to_data() {
        let route = Route::from_hash("#/Transfer/AbC-_x/");
        assert_eq!(route, Route::Transfer("AbC-_x".into()));
        assert_eq!(route.section(), Route::Data);
        // Without data there is nothing to open.
        assert_eq!(
            Route::from_hash("#/transfer/"),
            Route::NotFound("/transfer/".into())
        );
    }

    #[test]
    fn unknown_fragments_are_not_found_not_dashboard() {
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound("/nope".into()));
    }
}
