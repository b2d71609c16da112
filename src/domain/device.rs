//! Where the student's data is at risk in this browser, from facts the UI
//! reads (`ui/pages/data/at_risk.rs`): whether it has the File System
//! Access API (a synced copy in a file: Chrome and Edge on a computer),
//! whether it is WebKit with its 7-day cap on script-written storage
//! (Safari, and every browser on iPhone and iPad), and whether the app runs
//! installed from the home screen (which the cap spares).

/// What the UI learned about the browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Browser {
    /// `showSaveFilePicker` exists.
    pub file_api: bool,
    /// WebKit's storage rules apply (see [`webkit_caps_storage`]).
    pub seven_day_cap: bool,
    /// Running as an installed home-screen (standalone) app.
    pub installed: bool,
}

/// A risk the Data view explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Risk {
    /// No synced file here: what works instead is the transfer link and backups.
    NoSyncedFile,
    /// Safari may delete the site's data after 7 days without a visit.
    SevenDayRemoval,
}

/// Whether `user_agent` is Safari (on a Mac) or any browser on iOS or
/// iPadOS: those remove a site's script-written storage after 7 days of
/// use without a visit. Chrome, Edge, Firefox and Opera on other systems
/// name themselves besides "Safari/".
pub fn webkit_caps_storage(user_agent: &str) -> bool {
    let ios = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|d| user_agent.contains(d));
    let other = [
        "Chrome/",
        "Chromium/",
        "Edg/",
        "OPR/",
        "Firefox/",
        "Android",
    ]
    .iter()
    .any(|b| user_agent.contains(b));
    ios || (user_agent.contains("Safari/") && !other)
}

/// The risks to explain, most pressing first.
pub fn risks(browser: Browser) -> Vec<Risk> {
    let mut out = Vec::new();
    if browser.seven_day_cap && !browser.installed {
        out.push(Risk::SevenDayRemoval);
    }
    if !browser.file_api {
        out.push(Risk::NoSyncedFile);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0";
    const FIREFOX: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0";
    const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    #[test]
    fn safari_and_every_ios_browser_cap_storage_the_others_do_not() {
        for ua in [SAFARI_MAC, SAFARI_IPHONE, CHROME_IPHONE] {
            assert!(webkit_caps_storage(ua), "{ua}");
        }
        for ua in [CHROME, EDGE, FIREFOX, CHROME_ANDROID] {
            assert!(!webkit_caps_storage(ua), "{ua}");
        }
    }

    #[test]
    fn an_installed_home_screen_app_is_spared_the_seven_days() {
        let safari = Browser {
            file_api: false,
            seven_day_cap: true,
            installed: false,
        };
        assert_eq!(risks(safari), [Risk::SevenDayRemoval, Risk::NoSyncedFile]);
        let installed = Browser {
            installed: true,
            ..safari
        };
        assert_eq!(risks(installed), [Risk::NoSyncedFile]);
    }

    #[test]
    fn chrome_on_a_computer_has_nothing_to_warn_about() {
        let chrome = Browser {
            file_api: true,
            ..Browser::default()
        };
        assert_eq!(risks(chrome), []);
        assert_eq!(risks(Browser::default()), [Risk::NoSyncedFile]);
    }
}
