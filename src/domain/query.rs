//! Search, filter and sort over applications, and the "due soon" list of
//! deadlines and follow-ups. `today` is always passed in.

use super::application::{Application, Stage, DUE_SOON_DAYS};
use super::record::RecordId;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// Which due dates to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DueFilter {
    #[default]
    Any,
    /// A deadline or follow-up within the next [`DUE_SOON_DAYS`] days, or overdue.
    DueSoon,
    Overdue,
}

/// What the student narrowed the list to. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched, case-insensitively, against organization, role, notes and tags.
    pub text: String,
    pub stage: Option<Stage>,
    pub source: Option<String>,
    pub tag: Option<String>,
    pub due: DueFilter,
}

/// A sortable table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Organization,
    Role,
    Stage,
    Source,
    Deadline,
    FollowUp,
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Organization,
        SortKey::Role,
        SortKey::Stage,
        SortKey::Source,
        SortKey::Deadline,
        SortKey::FollowUp,
        SortKey::Updated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Organization => "Organization",
            SortKey::Role => "Role",
            SortKey::Stage => "Stage",
            SortKey::Source => "Source",
            SortKey::Deadline => "Deadline",
            SortKey::FollowUp => "Follow-up",
            SortKey::Updated => "Updated",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Updated,
            descending: true,
        }
    }
}

impl Sort {
    /// Clicking a column: the same column flips direction, another starts
    /// ascending (newest first for Updated).
    pub fn toggled(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key == SortKey::Updated,
            }
        }
    }
}

/// Whether `app` has a deadline or follow-up in the due window.
fn due_dates(app: &Application) -> impl Iterator<Item = (DueKind, NaiveDate)> + '_ {
    let stage = app.stage();
    let deadline = app
        .deadline
        .filter(|_| stage == Stage::Saved)
        .map(|d| (DueKind::Deadline, d));
    let follow_up = app
        .next_follow_up
        .filter(|_| stage.is_active())
        .map(|d| (DueKind::FollowUp, d));
    deadline.into_iter().chain(follow_up)
}

impl Filter {
    pub fn matches(&self, app: &Application, today: NaiveDate) -> bool {
        let needle = self.text.trim().to_lowercase();
        text_matches(&Searchable::of(app), &needle) && self.matches_fields(app, today)
    }

    /// Everything but the text search.
    fn matches_fields(&self, app: &Application, today: NaiveDate) -> bool {
        let stage_ok = self.stage.is_none_or(|s| app.stage() == s);
        let source_ok = self
            .source
            .as_ref()
            .is_none_or(|s| app.source.eq_ignore_ascii_case(s));
        let tag_ok = self
            .tag
            .as_ref()
            .is_none_or(|t| app.tags.iter().any(|x| x.eq_ignore_ascii_case(t)));
        let due_ok = match self.due {
            DueFilter::Any => true,
            DueFilter::DueSoon => {
                due_dates(app).any(|(_, d)| (d - today).num_days() <= DUE_SOON_DAYS)
            }
            DueFilter::Overdue => due_dates(app).any(|(_, d)| d < today),
        };
        stage_ok && source_ok && tag_ok && due_ok
    }
}

/// One application's text, lower-cased once.
#[derive(Clone, Debug)]
struct Searchable {
    organization: String,
    role: String,
    source: String,
    /// Notes and tags: searched, never sorted on.
    rest: Vec<String>,
}

impl Searchable {
    fn of(app: &Application) -> Self {
        Searchable {
            organization: app.organization.to_lowercase(),
            role: app.role.to_lowercase(),
            source: app.source.to_lowercase(),
            rest: std::iter::once(&app.notes)
                .chain(app.tags.iter())
                .map(|s| s.to_lowercase())
                .collect(),
        }
    }
}

/// Whether `needle` (already lower-cased and trimmed) is in the
/// organization, role, notes or a tag.
fn text_matches(s: &Searchable, needle: &str) -> bool {
    needle.is_empty()
        || s.organization.contains(needle)
        || s.role.contains(needle)
        || s.rest.iter().any(|t| t.contains(needle))
}

/// The lower-cased text of every application, built once when the list
/// changes, so that a keystroke in the search box or a click on a column
/// allocates nothing per application. Positions match the slice it was
/// built from.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    items: Vec<Searchable>,
}

impl SearchIndex {
    pub fn new(apps: &[Application]) -> Self {
        SearchIndex {
            items: apps.iter().map(Searchable::of).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Orders optional dates with the missing ones last in either direction.
fn cmp_dates(a: Option<NaiveDate>, b: Option<NaiveDate>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The applications that pass `filter`, in `sort` order (ties by
/// organization, then id, so the order is stable).
pub fn query<'a>(
    apps: &'a [Application],
    filter: &Filter,
    sort: Sort,
    today: NaiveDate,
) -> Vec<&'a Application> {
    let index = SearchIndex::new(apps);
    query_indexed(apps, &index, filter, sort, today)
        .into_iter()
        .map(|i| &apps[i])
        .collect()
}

/// [`query`] over a prebuilt [`SearchIndex`] of `apps`: the positions in
/// `apps` of the applications that pass, in order. The same as
/// [`filter_ordered`] over [`order`].
///
/// # Panics
/// If `index` was not built from `apps` (their lengths differ).
pub fn query_indexed(
    apps: &[Application],
    index: &SearchIndex,
    filter: &Filter,
    sort: Sort,
    today: NaiveDate,
) -> Vec<usize> {
    filter_ordered(apps, index, &order(apps, index, sort), filter, today)
}

/// Every position in `apps`, in `sort` order (ties by organization, then
/// id, so the order is stable). The view keeps it while only the filter
/// changes: a keystroke filters it, and sorts nothing.
///
/// # Panics
/// If `index` was not built from `apps` (their lengths differ).
pub fn order(apps: &[Application], index: &SearchIndex, sort: Sort) -> Vec<usize> {
    assert_eq!(apps.len(), index.len(), "the index is of another list");
    let text = |i: usize| &index.items[i];
    let mut out: Vec<usize> = (0..apps.len()).collect();
    out.sort_by(|&i, &j| {
        let (a, b) = (&apps[i], &apps[j]);
        let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
        let primary = match sort.key {
            // Missing dates last in either direction: no reversing.
            SortKey::Deadline => cmp_dates(a.deadline, b.deadline, sort.descending),
            SortKey::FollowUp => cmp_dates(a.next_follow_up, b.next_follow_up, sort.descending),
            SortKey::Organization => directed(text(i).organization.cmp(&text(j).organization)),
            SortKey::Role => directed(text(i).role.cmp(&text(j).role)),
            SortKey::Stage => directed(a.stage().cmp(&b.stage())),
            SortKey::Source => directed(text(i).source.cmp(&text(j).source)),
            SortKey::Updated => directed(a.meta.updated.cmp(&b.meta.updated)),
        };
        // Regression: equal (or missing) dates were left in the order of
        // the document, not by organization and id as documented.
        primary
            .then_with(|| text(i).organization.cmp(&text(j).organization))
            .then_with(|| a.meta.id.cmp(&b.meta.id))
    });
    out
}

/// The positions of `ordered` (as [`order`] gives them) whose
/// applications pass `filter`, in the same order.
///
/// # Panics
/// If `index` was not built from `apps` (their lengths differ).
pub fn filter_ordered(
    apps: &[Application],
    index: &SearchIndex,
    ordered: &[usize],
    filter: &Filter,
    today: NaiveDate,
) -> Vec<usize> {
    assert_eq!(apps.len(), index.len(), "the index is of another list");
    let needle = filter.text.trim().to_lowercase();
    ordered
        .iter()
        .copied()
        .filter(|&i| {
            text_matches(&index.items[i], &needle) && filter.matches_fields(&apps[i], today)
        })
        .collect()
}

/// The first `n` of the applications at `positions` (as [`query_indexed`]
/// gives them), cloned for a view that shows one page of them.
pub fn page_of(apps: &[Application], positions: &[usize], n: usize) -> Vec<Application> {
    positions
        .iter()
        .take(n)
        .filter_map(|&i| apps.get(i).cloned())
        .collect()
}

/// Every tag and source in use, sorted, for the filter menus.
pub fn tags_and_sources(apps: &[Application]) -> (Vec<String>, Vec<String>) {
    let collect = |items: &mut dyn Iterator<Item = &String>| {
        let mut v: Vec<String> = Vec::new();
        for s in items.filter(|s| !s.is_empty()) {
            if !v.iter().any(|x| x.eq_ignore_ascii_case(s)) {
                v.push(s.clone());
            }
        }
        v.sort_by_key(|s| s.to_lowercase());
        v
    };
    (
        collect(&mut apps.iter().flat_map(|a| a.tags.iter())),
        collect(&mut apps.iter().map(|a| &a.source)),
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    Deadline,
    FollowUp,
}

impl DueKind {
    pub fn label(self) -> &'static str {
        match self {
            DueKind::Deadline => "Application deadline",
            DueKind::FollowUp => "Follow-up",
        }
    }
}

/// A deadline or follow-up coming up (or missed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub application: RecordId,
    pub title: String,
    pub kind: DueKind,
    pub date: NaiveDate,
    /// Negative when overdue.
    pub days_left: i64,
}

impl DueItem {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }

    /// "overdue by 2 days", "today", "tomorrow", "in 5 days".
    pub fn when(&self) -> String {
        match self.days_left {
            d if d < -1 => format!("overdue by {} days", -d),
            -1 => "overdue by 1 day".to_owned(),
            0 => "today".to_owned(),
            1 => "tomorrow".to_owned(),
            d => format!("in {d} days"),
        }
    }
}

/// Deadlines (while still Saved) and follow-ups (while active) that are
/// overdue or within the next [`DUE_SOON_DAYS`] days, soonest first.
pub fn due_soon(apps: &[Application], today: NaiveDate) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = apps
        .iter()
        .flat_map(|app| {
            due_dates(app).map(move |(kind, date)| DueItem {
                application: app.meta.id,
                title: app.title(),
                kind,
                date,
                days_left: (date - today).num_days(),
            })
        })
        .filter(|i| i.days_left <= DUE_SOON_DAYS)
        .collect();
    items.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};

    fn sample() -> Vec<Application> {
        let mut acme = app(1, "Acme Analytics", "Market sizing", day(10, 1));
        acme.source = "Parker Dewey".into();
        acme.tags = vec!["Research".into()];
        acme.deadline = Some(day(11, 25));
        let mut beta = app(2, "beta Library", "Donor database clean-up", day(10, 5));
        beta.source = "Career services".into();
        beta.notes = "Ask about SQL access".into();
        beta.move_to(Stage::Applied, day(10, 6), at(10, 6)).unwrap();
        beta.next_follow_up = Some(day(11, 20));
        let mut city = app(3, "City Council", "Survey research", day(10, 9));
        city.source = "LinkedIn".into();
        city.tags = vec!["research".into(), "remote".into()];
        city.move_to(Stage::Rejected, day(10, 30), at(10, 30))
            .unwrap();
        city.next_follow_up = Some(day(11, 21));
        vec![acme, beta, city]
    }

    fn orgs(list: &[&Application]) -> Vec<String> {
        list.iter().map(|a| a.organization.clone()).collect()
    }

    const TODAY: fn() -> NaiveDate = || day(11, 23);

    #[test]
    fn text_search_covers_organization_role_notes_and_tags() {
        let apps = sample();
        let find = |text: &str| {
            let f = Filter {
                text: text.into(),
                ..Default::default()
            };
            orgs(&query(&apps, &f, Sort::default(), TODAY()))
        };
        assert_eq!(find("ACME"), ["Acme Analytics"]);
        assert_eq!(find("donor"), ["beta Library"]);
        assert_eq!(find("sql"), ["beta Library"], "notes");
        assert_eq!(find("remote"), ["City Council"], "tags");
        assert_eq!(find("  "), find(""), "blank text does not filter");
        assert!(find("nothing like this").is_empty());
    }

    #[test]
    fn the_prebuilt_index_keeps_every_match_and_only_matches() {
        let mut apps = sample();
        let mut sigma = app(4, "ΟΔΟΣ Travel", "Tours", day(10, 2));
        sigma.tags = vec!["İstanbul".into()];
        apps.push(sigma);
        let index = SearchIndex::new(&apps);
        for text in [
            "",
            "a",
            "re",
            "SQL",
            "οδοσ",
            "ς",
            "i̇stanbul",
            "zzz",
            " research ",
        ] {
            for stage in [None, Some(Stage::Saved), Some(Stage::Applied)] {
                let f = Filter {
                    text: text.into(),
                    stage,
                    ..Default::default()
                };
                let mut by_index = query_indexed(&apps, &index, &f, Sort::default(), TODAY());
                by_index.sort_unstable();
                // Written out independently of the index.
                let needle = text.trim().to_lowercase();
                let one_by_one: Vec<usize> = (0..apps.len())
                    .filter(|&i| {
                        let a = &apps[i];
                        stage.is_none_or(|s| a.stage() == s)
                            && [&a.organization, &a.role, &a.notes]
                                .into_iter()
                                .chain(&a.tags)
                                .any(|s| s.to_lowercase().contains(&needle))
                    })
                    .collect();
                assert_eq!(by_index, one_by_one, "{text:?} {stage:?}");
            }
        }
    }

    /// The view sorts once and filters the kept order on each keystroke:
    /// that must give what sorting the matches afresh gives, for every
    /// column and direction (the order is total: ties fall to the id).
    /// Regression: sorted by deadline or follow-up, ties kept the order of
    /// the document instead of falling to organization and id.
    #[test]
    fn filtering_the_kept_order_equals_sorting_the_matches() {
        let mut apps = sample();
        for i in 10..40u8 {
            let mut a = app(
                i,
                &format!("Org {}", i % 4),
                "Same role",
                day(10, 1 + u32::from(i % 3)),
            );
            a.deadline = (i % 2 == 0).then(|| day(12, 1 + u32::from(i % 5)));
            a.notes = if i % 3 == 0 {
                "sql".into()
            } else {
                String::new()
            };
            apps.push(a);
        }
        let index = SearchIndex::new(&apps);
        for key in SortKey::ALL {
            for descending in [false, true] {
                let sort = Sort { key, descending };
                let kept = order(&apps, &index, sort);
                for text in ["", "org 1", "sql", "a"] {
                    let f = Filter {
                        text: text.into(),
                        ..Default::default()
                    };
                    let ids = |positions: &[usize], list: &[Application]| {
                        positions
                            .iter()
                            .map(|&i| list[i].meta.id)
                            .collect::<Vec<_>>()
                    };
                    let filtered = ids(&filter_ordered(&apps, &index, &kept, &f, TODAY()), &apps);
                    let matches: Vec<Application> = query(&apps, &f, sort, TODAY())
                        .into_iter()
                        .cloned()
                        .rev()
                        .collect();
                    let afresh = ids(
                        &order(&matches, &SearchIndex::new(&matches), sort),
                        &matches,
                    );
                    assert_eq!(filtered, afresh, "{key:?} {descending} {text:?}");
                }
            }
        }
    }

    #[test]
    fn a_page_is_the_first_rows_in_order_and_skips_stale_positions() {
        let apps = sample();
        let page = page_of(&apps, &[2, 0, 1], 2);
        assert_eq!(
            orgs(&page.iter().collect::<Vec<_>>()),
            ["City Council", "Acme Analytics"]
        );
        assert_eq!(
            page_of(&apps, &[9, 1], 5).len(),
            1,
            "a position past the end is skipped"
        );
    }

    #[test]
    #[should_panic(expected = "the index is of another list")]
    fn an_index_of_another_list_is_refused() {
        let apps = sample();
        let index = SearchIndex::new(&apps[..1]);
        query_indexed(&apps, &index, &Filter::default(), Sort::default(), TODAY());
    }

    #[test]
    fn filters_by_stage_source_tag_and_due_combine() {
        let apps = sample();
        let run = |f: Filter| {
            orgs(&query(
                &apps,
                &f,
                Sort {
                    key: SortKey::Organization,
                    descending: false,
                },
                TODAY(),
            ))
        };
        assert_eq!(
            run(Filter {
                stage: Some(Stage::Applied),
                ..Default::default()
            }),
            ["beta Library"]
        );
        assert_eq!(
            run(Filter {
                source: Some("linkedin".into()),
                ..Default::default()
            }),
            ["City Council"]
        );
        assert_eq!(
            run(Filter {
                tag: Some("research".into()),
                ..Default::default()
            }),
            ["Acme Analytics", "City Council"]
        );
        // Overdue: beta's follow-up (20th); city is rejected, so its follow-up does not count.
        assert_eq!(
            run(Filter {
                due: DueFilter::Overdue,
                ..Default::default()
            }),
            ["beta Library"]
        );
        assert_eq!(
            run(Filter {
                due: DueFilter::DueSoon,
                ..Default::default()
            }),
            ["Acme Analytics", "beta Library"]
        );
        assert_eq!(
            run(Filter {
                tag: Some("research".into()),
                due: DueFilter::DueSoon,
                ..Default::default()
            }),
            ["Acme Analytics"]
        );
    }

    #[test]
    fn every_column_sorts_both_ways_with_missing_dates_last() {
        let apps = sample();
        let sorted = |key, descending| {
            orgs(&query(
                &apps,
                &Filter::default(),
                Sort { key, descending },
                TODAY(),
            ))
        };
        assert_eq!(
            sorted(SortKey::Organization, false),
            ["Acme Analytics", "beta Library", "City Council"]
        );
        assert_eq!(
            sorted(SortKey::Organization, true),
            ["City Council", "beta Library", "Acme Analytics"]
        );
        assert_eq!(
            sorted(SortKey::Stage, false),
            ["Acme Analytics", "beta Library", "City Council"]
        );
        assert_eq!(
            sorted(SortKey::Role, false),
            ["beta Library", "Acme Analytics", "City Council"]
        );
        assert_eq!(
            sorted(SortKey::Source, false),
            ["beta Library", "City Council", "Acme Analytics"]
        );
        assert_eq!(
            sorted(SortKey::FollowUp, false),
            ["beta Library", "City Council", "Acme Analytics"]
        );
        assert_eq!(
            sorted(SortKey::FollowUp, true),
            ["City Council", "beta Library", "Acme Analytics"]
        );
        assert_eq!(
            sorted(SortKey::Deadline, true),
            ["Acme Analytics", "beta Library", "City Council"]
        );
        assert_eq!(sorted(SortKey::Updated, true)[0], "City Council");
    }

    #[test]
    fn clicking_a_column_toggles_its_direction() {
        let s = Sort::default().toggled(SortKey::Role);
        assert_eq!(
            s,
            Sort {
                key: SortKey::Role,
                descending: false
            }
        );
        assert_eq!(
            s.toggled(SortKey::Role),
            Sort {
                key: SortKey::Role,
                descending: true
            }
        );
    }

    #[test]
    fn due_soon_is_the_next_7_days_plus_overdue_soonest_first() {
        let apps = sample();
        let items = due_soon(&apps, TODAY());
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.title.as_str(), i.kind, i.days_left, i.when()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "beta Library — Donor database clean-up",
                    DueKind::FollowUp,
                    -3,
                    "overdue by 3 days".to_owned()
                ),
                (
                    "Acme Analytics — Market sizing",
                    DueKind::Deadline,
                    2,
                    "in 2 days".to_owned()
                ),
            ]
        );
        assert!(items[0].overdue() && !items[1].overdue());
        // The window's edge: 7 days out is in, 8 is not.
        assert_eq!(
            due_soon(&apps, day(11, 18)).len(),
            2,
            "the 25th is 7 days from the 18th"
        );
        assert_eq!(
            due_soon(&apps, day(11, 13)).len(),
            1,
            "the 20th is 7 days from the 13th"
        );
        assert_eq!(
            due_soon(&apps, day(11, 12)).len(),
            0,
            "the 20th is 8 days from the 12th"
        );
    }

    #[test]
    fn a_deadline_stops_counting_once_applied() {
        let mut apps = sample();
        apps[0]
            .move_to(Stage::Applied, day(11, 22), at(11, 22))
            .unwrap();
        assert!(due_soon(&apps, TODAY())
            .iter()
            .all(|i| i.kind != DueKind::Deadline));
    }

    #[test]
    fn filter_menus_list_each_tag_and_source_once() {
        let (tags, sources) = tags_and_sources(&sample());
        assert_eq!(
            tags,
            ["remote", "Research"],
            "case-insensitive order, first spelling kept"
        );
        assert_eq!(sources, ["Career services", "LinkedIn", "Parker Dewey"]);
    }
}
