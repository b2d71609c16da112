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
        let path = path.trim_matches('/');
        match path.to_ascii_lowercase().as_str() {
            "" | "dashboard" => Route::Dashboard,
            "applications" => Route::Applications,
            "portfolio" => Route::Portfolio,
            "skills" => Route::Skills,
            "contacts" => Route::Contacts,
            "profile" => Route::Profile,
            "data" => Route::Data,
            _ => Route::NotFound(hash.trim_start_matches('#').to_owned()),
        }
    }

    /// The link to this view (a relative fragment, so it works at any path).
    pub fn href(&self) -> &'static str {
        match self {
            Route::Dashboard => "#/",
            Route::Applications => "#/applications",
            Route::Portfolio => "#/portfolio",
            Route::Skills => "#/skills",
            Route::Contacts => "#/contacts",
            Route::Profile => "#/profile",
            Route::Data => "#/data",
            Route::NotFound(_) => "#/",
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
            assert_eq!(Route::from_hash(route.href()), route);
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
    fn unknown_fragments_are_not_found_not_dashboard() {
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound("/nope".into()));
    }
}
