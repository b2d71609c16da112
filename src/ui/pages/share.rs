//! Sharing the portfolio: the student ticks what to include beyond the
//! public defaults ([`ShareOptions`]), sees what is left out, and makes a
//! file, a link (when small enough), or a preview of what a recipient sees.

use crate::domain::share::{
    build_with_report, encode_shared, file_name, ShareOptions, MAX_LINK_CHARS,
};
use crate::routes::Route;
use crate::ui::platform::{download, go, now, today};
use crate::ui::share_link::{make_link, Made};
use crate::ui::state::{use_doc, OpenedShare, ShareOrigin};
use crate::ui::widgets::{LinkOutput, PageHeading};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum LinkState {
    None,
    Making,
    Ready(String),
    TooLong(usize),
    Failed(String),
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
fn OptionBox(
    id: &'static str,
    label: Signal<String>,
    get: fn(&ShareOptions) -> bool,
    set: fn(&mut ShareOptions, bool),
    options: RwSignal<ShareOptions>,
    link: RwSignal<LinkState>,
) -> impl IntoView {
    view! {
        <div class="check">
            <input
                type="checkbox"
                id=id
                prop:checked=move || options.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    options.update(|o| set(o, on));
                    link.set(LinkState::None);
                }
            />
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
pub fn SharePage() -> impl IntoView {
    let doc = use_doc();
    let opened = expect_context::<OpenedShare>().0;
    let options = RwSignal::new(ShareOptions::default());
    let link = RwSignal::new(LinkState::None);
    // One build per change of the data or the choices; the summary and
    // the "left out" counts both read it. Files and links are built again
    // when made, so they carry the time they were made.
    let built = Memo::new(move |_| doc.with(|d| build_with_report(d, &options.get(), now())));
    let report = Memo::new(move |_| built.with(|b| b.1));
    let share =
        move || doc.with_untracked(|d| build_with_report(d, &options.get_untracked(), now()).0);

    let summary = move || {
        built.with(|(s, _)| {
        let mut parts = vec![
            plural(s.entries.len(), "entry", "entries"),
            plural(
                s.skills.len(),
                "skill with its evidence",
                "skills with their evidence",
            ),
        ];
        if !s.people.is_empty() {
            parts.push(format!(
                "the {} of {}",
                if s.people.len() == 1 { "name" } else { "names" },
                plural(s.people.len(), "supervisor", "supervisors")
            ));
        }
        format!("Your profile’s public fields (name, headline, school, program, graduation, links, aspirations), {}. Each entry shows the objectives you met or partly met, as “Objectives met”.", parts.join(", "))
        })
    };
    let email_label = Signal::derive(move || {
        let email = doc.with(|d| d.profile.email.clone());
        if email.is_empty() {
            "My e-mail address (none in your profile)".to_owned()
        } else {
            format!("My e-mail address ({email})")
        }
    });
    let private_label = Signal::derive(move || {
        let n = doc.with(|d| {
            d.entries
                .iter()
                .filter(|e| e.visibility == crate::domain::portfolio::Visibility::Private)
                .count()
        });
        format!("Private entries ({n})")
    });
    let left_label = |what: &'static str, count: fn(&crate::domain::share::LeftOut) -> usize| {
        Signal::derive(move || {
            let n = count(&report.get());
            if n == 0 {
                what.to_owned()
            } else {
                format!("{what} ({n} left out)")
            }
        })
    };

    let on_download = move |_| {
        let s = share();
        let _ = download(
            &file_name(&s, today()),
            "application/json",
            &encode_shared(&s),
        );
    };
    let on_link = move |_| {
        let s = share();
        link.set(LinkState::Making);
        leptos::task::spawn_local(async move {
            link.set(match make_link(&s).await {
                Ok(Made::Link(url)) => LinkState::Ready(url),
                Ok(Made::TooLong(n)) => LinkState::TooLong(n),
                Err(e) => LinkState::Failed(e),
            });
        });
    };
    let on_preview = move |_| {
        opened.set(Some((share(), ShareOrigin::Preview)));
        go(&Route::Shared(None));
    };
    let link_view = move || {
        match link.get() {
        LinkState::None => None,
        LinkState::Making => Some(view! { <p role="status">"Making the link…"</p> }.into_any()),
        LinkState::Failed(e) => Some(view! { <p class="error" role="alert">{e}</p> }.into_any()),
        LinkState::TooLong(n) => Some(
            view! {
                <div class="panel callout" role="alert">
                    <p>{format!(
                        "Your portfolio is too large for a link: it would be {n} characters long, and links over {MAX_LINK_CHARS} characters get cut or broken by e-mail and chat apps. Share the file instead."
                    )}</p>
                    <button type="button" class="button primary" on:click=on_download>"Download share file"</button>
                </div>
            }
            .into_any(),
        ),
        LinkState::Ready(url) => Some(
            view! {
                <LinkOutput id="share-link" label="Share link" url=url.clone() hint=format!(
                    "{} characters. The portfolio travels inside the link (after the #), which browsers never send to a server. Anyone with the link can read it. Later changes are not in it: make a new link.",
                    url.chars().count()
                ) />
            }
            .into_any(),
        ),
    }
    };

    view! {
        <p class="breadcrumb"><a href=Route::Portfolio.href()>"← Portfolio"</a></p>
        <PageHeading>"Share your portfolio"</PageHeading>
        <p class="lead">
            "Make a file or a link that shows your portfolio, read-only, to an employer, advisor or mentor. "
            "They open it in Microfolio; nothing passes through a server."
        </p>
        <section class="panel" aria-labelledby="share-what">
            <h2 id="share-what">"What the share holds"</h2>
            <p>{summary}</p>
            <fieldset>
                <legend>"Also include"</legend>
                <OptionBox id="share-email" label=email_label get=|o| o.my_email set=|o, v| o.my_email = v options=options link=link />
                <OptionBox id="share-private" label=private_label get=|o| o.private_entries set=|o, v| o.private_entries = v options=options link=link />
                <OptionBox id="share-fees" label=left_label("Fees and payment status", |l| l.fees) get=|o| o.fees set=|o, v| o.fees = v options=options link=link />
                <OptionBox id="share-notes" label=left_label("My notes on skills and supervisors", |l| l.notes) get=|o| o.notes set=|o, v| o.notes = v options=options link=link />
                <OptionBox id="share-contacts" label=left_label("Supervisors’ e-mail and phone", |l| l.contact_details) get=|o| o.contact_details set=|o, v| o.contact_details = v options=options link=link />
            </fieldset>
            <p class="hint">
                "Never shared: your applications, other contacts, tags, your profile’s learning objectives, "
                "objectives not met or not reflected on yet, skill targets, "
                "and feedback you have not marked as shareable"
                {move || {
                    let n = report.get().unshareable_feedback;
                    (n > 0).then(|| format!(" ({n} left out)"))
                }}
                "."
            </p>
        </section>
        <section class="panel" aria-labelledby="share-how">
            <h2 id="share-how">"Share it"</h2>
            <div class="actions">
                <button type="button" class="button primary" on:click=on_download>"Download share file"</button>
                <button type="button" class="button" on:click=on_link>"Make a share link"</button>
                <button type="button" class="button" on:click=on_preview>"Preview what they will see"</button>
            </div>
            {link_view}
        </section>
    }
}
