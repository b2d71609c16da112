//! The skills an entry adds to the inventory (typed names the inventory
//! does not have yet), each with the category proposed for it
//! ([`propose_category`]: the career center's, else a common skill's),
//! which the student may change before saving.

use super::Form;
use crate::domain::application::split_list;
use crate::domain::portfolio::EntryField;
use crate::domain::skill::{find_by_name, propose_category, SkillCategory};
use crate::ui::form::SelectField;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn NewSkillCategories(form: Form) -> impl IntoView {
    let doc = use_doc();
    let config = crate::ui::branding::use_branding().config;
    let new_names = Memo::new(move |_| {
        let typed = form.form.with(|f| split_list(f.get(EntryField::Skills)));
        doc.with(|d| {
            let mut names: Vec<String> = Vec::new();
            for name in typed {
                let known = find_by_name(&d.skills, &name).is_some()
                    || names.iter().any(|n| n.eq_ignore_ascii_case(&name));
                if !known {
                    names.push(name);
                }
            }
            names
        })
    });
    // Each new name starts with its proposal, until the student picks
    // another; the form keeps the choice with the draft.
    Effect::new(move |_| {
        let names = new_names.get();
        let missing: Vec<(String, SkillCategory)> = config.with_untracked(|c| {
            form.form.with_untracked(|f| {
                names
                    .iter()
                    .filter(|n| !f.skill_categories.contains_key(&n.to_lowercase()))
                    .map(|n| (n.to_lowercase(), propose_category(n, &c.skill_categories)))
                    .collect()
            })
        });
        if !missing.is_empty() {
            form.form.update(|f| f.skill_categories.extend(missing));
        }
    });
    let options = SkillCategory::ALL
        .iter()
        .map(|c| (c.slug().to_owned(), c.label().to_owned()))
        .collect::<Vec<_>>();
    move || {
        let names = new_names.get();
        (!names.is_empty()).then(|| {
            let rows = names
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    let key = name.to_lowercase();
                    let value_key = key.clone();
                    view! {
                        <SelectField
                            id=format!("new-skill-{i}-category")
                            label=format!("Category of “{name}”")
                            options=options.clone()
                            value=Signal::derive(move || form.form.with(|f| {
                                f.skill_categories.get(&value_key).map_or("", |c| c.slug()).to_owned()
                            }))
                            on_change=Callback::new(move |v: String| {
                                if let Some(c) = SkillCategory::from_slug(&v) {
                                    form.edit(|f| {
                                        f.skill_categories.insert(key.clone(), c);
                                    });
                                }
                            })
                        />
                    }
                })
                .collect_view();
            view! {
                <div class="new-skills" role="group" aria-labelledby="new-skills-note">
                    <p class="hint" id="new-skills-note">
                        "New to your skills: saving adds them with these categories (change any that is wrong)."
                    </p>
                    {rows}
                </div>
            }
        })
    }
}
