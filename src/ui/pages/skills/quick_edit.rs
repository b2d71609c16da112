//! Changing level, target and category of many skills at once, from the
//! Skills list, without opening each skill. The changes are a copy until
//! "Save changes" stores them together (one change, checked first).

use crate::domain::skill::{Rating, SkillCategory, LEVELS};
use crate::ui::form::SelectField;
use crate::ui::platform::{focus_later, now};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use leptos::prelude::*;

/// A select's options: "" (not set) then the levels.
fn levels(none: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), none.to_owned()))
        .chain(
            LEVELS
                .iter()
                .map(|(l, name, _)| (l.to_string(), format!("{l} – {name}"))),
        )
        .collect()
}

#[component]
pub fn QuickEdit() -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    // (name, rating) of every skill, while the quick edit is open.
    let rows = RwSignal::new(None::<Vec<(String, Rating)>>);
    let error = RwSignal::new(None::<String>);
    let open = move |_| {
        let all = doc.with_untracked(|d| {
            let mut all: Vec<(String, Rating)> = d
                .skills
                .iter()
                .map(|s| (s.name.clone(), Rating::of(s)))
                .collect();
            all.sort_by_key(|(n, _)| n.to_lowercase());
            all
        });
        rows.set(Some(all));
        focus_later("quick-edit-heading");
    };
    let close = move || {
        rows.set(None);
        error.set(None);
        focus_later("quick-edit-open");
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ratings: Vec<Rating> =
            rows.with_untracked(|r| r.iter().flatten().map(|(_, r)| *r).collect());
        match doc.try_update(|d| d.rate_skills(&ratings, now())) {
            Some(Ok(n)) => {
                close();
                let what = if n == 1 {
                    "1 skill"
                } else {
                    &format!("{n} skills")
                };
                toaster.show(
                    if n == 0 {
                        "Nothing changed.".to_owned()
                    } else {
                        format!("Updated {what}.")
                    },
                    None,
                );
            }
            Some(Err(e)) => error.set(Some(e.to_owned())),
            None => {}
        }
    };
    let is_open = Memo::new(move |_| rows.with(Option::is_some));
    move || match is_open.get() {
        false => view! {
            <p>
                <button type="button" class="button" id="quick-edit-open" on:click=open>
                    "Change levels, targets and categories"
                </button>
            </p>
        }
        .into_any(),
        // Built once when opened (`is_open` changes only on open and
        // close): a choice changes the copy, not the list.
        true => {
            let list = rows.get_untracked().unwrap_or_default();
            view! {
                <section class="panel" aria-labelledby="quick-edit-heading">
                    <h2 id="quick-edit-heading" tabindex="-1">"Change levels, targets and categories"</h2>
                    <form class="form" novalidate on:submit=save>
                        {list.into_iter().enumerate().map(|(i, (name, rating))| view! { <QuickRow i=i name=name rating=rating rows=rows /> }).collect_view()}
                        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        <div class="actions">
                            <button type="submit" class="button primary">"Save changes"</button>
                            <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                        </div>
                    </form>
                </section>
            }
            .into_any()
        }
    }
}

/// One skill's three choices; they change the open copy only.
#[component]
fn QuickRow(
    i: usize,
    name: String,
    rating: Rating,
    rows: RwSignal<Option<Vec<(String, Rating)>>>,
) -> impl IntoView {
    let set = move |change: Box<dyn FnOnce(&mut Rating)>| {
        rows.update(|r| {
            if let Some((_, rating)) = r.as_mut().and_then(|r| r.get_mut(i)) {
                change(rating);
            }
        })
    };
    let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
    let categories = SkillCategory::ALL
        .iter()
        .map(|c| (c.slug().to_owned(), c.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <fieldset class="row-group quick-row">
            <legend>{name.clone()}</legend>
            <div class="field-row">
                <SelectField
                    id=format!("quick-{i}-level")
                    label=format!("Level of {name}")
                    options=levels("Not rated")
                    value=level(rating.level)
                    on_change=Callback::new(move |v: String| set(Box::new(move |r| r.level = v.parse().ok())))
                />
                <SelectField
                    id=format!("quick-{i}-target")
                    label=format!("Target for {name}")
                    options=levels("No target")
                    value=level(rating.target)
                    on_change=Callback::new(move |v: String| set(Box::new(move |r| r.target = v.parse().ok())))
                />
                <SelectField
                    id=format!("quick-{i}-category")
                    label=format!("Category of {name}")
                    options=categories
                    value=rating.category.slug().to_owned()
                    on_change=Callback::new(move |v: String| {
                        if let Some(c) = SkillCategory::from_slug(&v) {
                            set(Box::new(move |r| r.category = c));
                        }
                    })
                />
            </div>
        </fieldset>
    }
}
