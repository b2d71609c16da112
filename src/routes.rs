//! The app's URLs. Routes live in the URL fragment (`#/applications`), so
//! one build works at `/` and under any sub-path of a plain static file
//! server: reloading a bookmarked view always asks the server for the same
//! `index.html`, and no server rewrite is needed. Pure: tested natively.

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
    NewApplication,
    /// One application, by id (as written in the URL).
    Application(String),
    NewContact,
    /// One contact, by id.
    Contact(String),
    NewSkill,
    /// One skill, by id.
    Skill(String),
    NewEntry,
    /// One portfolio entry, by id.
    Entry(String),
    EditEntry(String),
    /// The printable portfolio.
    PrintPortfolio,
    /// Choosing what to share and making the file or link.
    SharePortfolio,
    /// Someone else's shared portfolio, read-only: opened from a file
    /// (`None` until one is chosen) or carried in the link itself.
    Shared(Option<String>),
    /// A fragment that names no view (a stale bookmark, a typo).
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
        let path = path.trim_matches('/').to_ascii_lowercase();
        let segments: Vec<&str> = path.split('/').collect();
        match segments.as_slice() {
            [""] | ["dashboard"] => Route::Dashboard,
            ["applications"] => Route::Applications,
            ["applications", "new"] => Route::NewApplication,
            ["applications", id] => Route::Application((*id).to_owned()),
            ["portfolio"] => Route::Portfolio,
            ["portfolio", "new"] => Route::NewEntry,
            ["portfolio", "print"] => Route::PrintPortfolio,
            ["portfolio", "share"] => Route::SharePortfolio,
            ["shared"] => Route::Shared(None),
            ["portfolio", id] => Route::Entry((*id).to_owned()),
            ["portfolio", id, "edit"] => Route::EditEntry((*id).to_owned()),
            ["skills"] => Route::Skills,
            ["skills", "new"] => Route::NewSkill,
            ["skills", id] => Route::Skill((*id).to_owned()),
            ["contacts"] => Route::Contacts,
            ["contacts", "new"] => Route::NewContact,
            ["contacts", id] => Route::Contact((*id).to_owned()),
            ["profile"] => Route::Profile,
            ["data"] => Route::Data,
            _ => Route::NotFound(hash.trim_start_matches('#').to_owned()),
        }
    }

    /// The link to this view (a relative fragment, so it works at any path).
    pub fn href(&self) -> String {
        match self {
            Route::Application(id) => format!("#/applications/{id}"),
            Route::Contact(id) => format!("#/contacts/{id}"),
            Route::Entry(id) => format!("#/portfolio/{id}"),
            Route::Skill(id) => format!("#/skills/{id}"),
            Route::EditEntry(id) => format!("#/portfolio/{id}/edit"),
            Route::Shared(Some(data)) => format!("#/shared/{data}"),
            other => other.section_href().to_owned(),
        }
    }

    /// The navigation entry this view belongs to.
    pub fn section(&self) -> Route {
        match self {
            Route::NewApplication | Route::Application(_) => Route::Applications,
            Route::NewContact | Route::Contact(_) => Route::Contacts,
            Route::NewEntry
            | Route::Entry(_)
            | Route::EditEntry(_)
            | Route::PrintPortfolio
            | Route::SharePortfolio => Route::Portfolio,
            Route::Shared(_) => Route::Shared(None),
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
            Route::Data => "#/data",
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
    fn empty_and_sloppy_fragments_still_find_their_view() {
        assert_eq!(Route::from_hash(""), Route::Dashboard);
        assert_eq!(Route::from_hash("#"), Route::Dashboard);
        assert_eq!(Route::from_hash("#/Profile/"), Route::Profile);
        assert_eq!(Route::from_hash("#profile"), Route::Profile);
        assert_eq!(Route::from_hash("#/data?tab=export"), Route::Data);
    }

    #[test]
    fn record_pages_have_their_own_urls_and_belong_to_their_section() {
        let id = "8f0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c80";
        let app = Route::from_hash(&format!("#/applications/{id}"));
        assert_eq!(app, Route::Application(id.into()));
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
            Route::from_hash(&Route::Contact(id.into()).href()),
            Route::Contact(id.into())
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
    fn unknown_fragments_are_not_found_not_dashboard() {
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound("/nope".into()));
    }
}
