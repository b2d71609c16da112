//! A skill's level against its target, drawn as five steps: filled up to
//! the level, the target step outlined. One text alternative says it all.

use leptos::prelude::*;

#[component]
pub fn LevelBar(level: Option<u8>, target: Option<u8>) -> impl IntoView {
    let label = match (level, target) {
        (Some(l), Some(t)) => format!("Level {l} of 5, target {t}"),
        (Some(l), None) => format!("Level {l} of 5, no target"),
        (None, Some(t)) => format!("Not rated, target {t}"),
        (None, None) => "Not rated".to_owned(),
    };
    let steps = (1..=5u8)
        .map(|i| {
            let mut class = String::from("step");
            if level.is_some_and(|l| i <= l) {
                class.push_str(" filled");
            }
            if target == Some(i) {
                class.push_str(" target");
            }
            view! { <span class=class></span> }
        })
        .collect_view();
    view! {
        <span class="level-bar" role="img" aria-label=label.clone() title=label>
            {steps}
        </span>
    }
}
