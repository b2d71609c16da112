//! Every released stored-format version, kept as a fixture in
//! `tests/fixtures/vN.json`, must still decode (migrating to the current
//! version) and survive a round trip. Add a fixture whenever
//! `SCHEMA_VERSION` is bumped.

use microfolio::domain::{decode, encode, SCHEMA_VERSION};
use std::path::Path;

fn fixture(version: u32) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_released_version_has_a_fixture_that_migrates_to_the_current_one() {
    for version in 1..=SCHEMA_VERSION {
        let doc = decode(&fixture(version)).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(doc.schema_version, SCHEMA_VERSION, "v{version}");
        assert_eq!(doc.profile.name, "Ada Student", "v{version}");
        assert_eq!(decode(&encode(&doc)).unwrap(), doc, "v{version} round trip");
    }
}

#[test]
fn the_v1_fixture_keeps_every_field() {
    let doc = decode(&fixture(1)).unwrap();
    let p = &doc.profile;
    assert_eq!(
        p.meta.id.to_string(),
        "8f0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c80"
    );
    assert_eq!(
        p.graduation.map(|g| g.to_string()).as_deref(),
        Some("2027-05")
    );
    assert_eq!(p.github_url, None);
    assert_eq!(p.links().len(), 2);
    assert_eq!(doc.updated.timestamp_subsec_millis(), 345);
}

#[test]
fn the_v2_fixture_keeps_the_tracker_and_its_links() {
    use microfolio::domain::Stage;
    let doc = decode(&fixture(2)).unwrap();
    assert_eq!((doc.applications.len(), doc.contacts.len()), (2, 1));
    let acme = &doc.applications[0];
    assert_eq!(acme.stage(), Stage::InProgress);
    assert_eq!(acme.history.len(), 4);
    assert_eq!(
        acme.fee.as_ref().map(ToString::to_string).as_deref(),
        Some("500 USD")
    );
    assert_eq!(doc.applications_of(doc.contacts[0].meta.id).len(), 1);
}

#[test]
fn the_v3_fixture_keeps_the_portfolio_skills_and_settings() {
    use microfolio::domain::economics::{effective_rate, yearly_totals};
    use microfolio::domain::portfolio::Visibility;
    let doc = decode(&fixture(3)).unwrap();
    assert_eq!((doc.entries.len(), doc.skills.len()), (2, 2));
    let deck = &doc.entries[0];
    assert_eq!(deck.visibility, Visibility::Public);
    assert_eq!(deck.deliverables.len(), 2);
    assert_eq!(deck.supervisor, Some(doc.contacts[0].meta.id));
    assert_eq!(effective_rate(deck).unwrap().per_hour.cents, 2000);
    assert_eq!(
        doc.skill(deck.skills[1]).map(|s| s.name.as_str()),
        Some("Market research")
    );
    assert_eq!(yearly_totals(&doc.entries)[0].entries, 2);
}

#[test]
fn older_fixtures_gain_empty_collections_and_default_settings() {
    let doc = decode(&fixture(2)).unwrap();
    assert!(doc.entries.is_empty() && doc.skills.is_empty());
    assert_eq!(doc.settings.pay_floor.cents, 2000);
}

#[test]
fn the_v4_fixture_keeps_feedback_requests_and_their_answers() {
    let doc = decode(&fixture(4)).unwrap();
    let deck = &doc.entries[0];
    assert_eq!(deck.feedback_requests.len(), 2);
    let answer = deck.feedback_requests[0].answer.as_ref().unwrap();
    assert_eq!(
        (answer.name.as_str(), answer.overall),
        ("Grace Okafor", Some(5))
    );
    assert_eq!(answer.competencies[0].rating, Some(5));
    assert_eq!(deck.feedback_requests[0].self_before[0].rating, Some(3));
    assert!(deck.feedback_requests[1].answer.is_none());
    // Older documents gain empty lists.
    let v3 = decode(&fixture(3)).unwrap();
    assert!(v3.entries.iter().all(|e| e.feedback_requests.is_empty()));
}
