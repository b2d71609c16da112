//! Where a deployment keeps its data in `localStorage`.
//!
//! Many GitHub Pages sites share one origin (`user.github.io/a/`,
//! `user.github.io/b/`), and so one `localStorage`. Every key therefore
//! carries the app's name and the deployment's path, so two copies hosted
//! side by side never read or overwrite each other's data.

/// The app's key prefix.
pub const NAMESPACE: &str = "microfolio";

/// The deployment's scope: the directory part of the page's path,
/// so `/cc/microfolio/` and `/cc/microfolio/index.html` share one scope.
pub fn scope_from_path(pathname: &str) -> String {
    let dir = match pathname.rfind('/') {
        Some(i) => &pathname[..=i],
        None => "/",
    };
    if dir.starts_with('/') {
        dir.to_owned()
    } else {
        format!("/{dir}")
    }
}

/// The key of the stored document for the page at `pathname`.
pub fn document_key(pathname: &str) -> String {
    format!("{NAMESPACE}:{}:document", scope_from_path(pathname))
}

/// The key of a small device preference (`theme`) beside the document.
pub fn preference_key(pathname: &str, name: &str) -> String {
    format!("{NAMESPACE}:{}:{name}", scope_from_path(pathname))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_sit_beside_the_document_of_their_deployment() {
        assert_eq!(preference_key("/a/", "theme"), "microfolio:/a/:theme");
        assert_ne!(
            preference_key("/a/", "theme"),
            preference_key("/b/", "theme")
        );
    }

    #[test]
    fn the_directory_and_its_index_page_share_a_key() {
        assert_eq!(document_key("/"), "microfolio:/:document");
        assert_eq!(document_key("/index.html"), "microfolio:/:document");
        assert_eq!(
            document_key("/cc/microfolio/"),
            "microfolio:/cc/microfolio/:document"
        );
        assert_eq!(
            document_key("/cc/microfolio/index.html"),
            "microfolio:/cc/microfolio/:document"
        );
        assert_eq!(document_key(""), "microfolio:/:document");
    }

    #[test]
    fn deployments_side_by_side_get_different_keys() {
        assert_ne!(document_key("/a/"), document_key("/b/"));
        assert_ne!(document_key("/a/"), document_key("/"));
    }
}
