//! A horizontal bar chart drawn as SVG by the app (no chart library). Each
//! bar carries its value as text, an optional target is drawn as a mark,
//! and the whole chart has a text alternative that lists every value, so
//! the chart says the same to a screen reader as to the eye.

use leptos::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as shown ("3 of 5 answered (60%)").
    pub text: String,
    /// Where a target mark goes, on the same scale.
    pub target: Option<f64>,
}

/// Horizontal layout in percent of the chart's width, so text keeps its
/// real size on a phone and on a desktop alike.
const LABEL_END: f64 = 35.0;
const BAR_START: f64 = 36.0;
const BAR_SPAN: f64 = 40.0;
const VALUE_START: f64 = 78.0;
const ROW: f64 = 28.0;
const BAR: f64 = 16.0;

/// `max`: the value of a full-length bar (at least the largest value).
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    bars: Vec<Bar>,
    #[prop(optional)] max: Option<f64>,
) -> impl IntoView {
    let largest = bars
        .iter()
        .flat_map(|b| [b.value, b.target.unwrap_or(0.0)])
        .fold(0.0f64, f64::max);
    let max = max.unwrap_or(largest).max(largest).max(f64::MIN_POSITIVE);
    let pct = |v: f64| format!("{:.2}%", v);
    let height = ROW * bars.len() as f64;
    let alt = {
        let values: Vec<String> = bars
            .iter()
            .map(|b| format!("{}: {}", b.label, b.text))
            .collect();
        format!("{title}. {}.", values.join("; "))
    };
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * ROW + 4.0;
            let w = b.value / max * BAR_SPAN;
            let w = if b.value > 0.0 { w.max(0.5) } else { 0.0 };
            let label = if b.label.chars().count() > 18 {
                format!("{}…", b.label.chars().take(17).collect::<String>())
            } else {
                b.label.clone()
            };
            let target = b.target.map(|t| {
                let x = pct(BAR_START + t / max * BAR_SPAN);
                view! { <line class="chart-target" x1=x.clone() x2=x y1=y - 3.0 y2=y + BAR + 3.0 /> }
            });
            view! {
                <g>
                    <text class="chart-label" x=pct(LABEL_END) y=y + BAR * 0.8 text-anchor="end">{label}</text>
                    <rect class="chart-track" x=pct(BAR_START) y=y width=pct(BAR_SPAN) height=BAR rx="3" />
                    <rect class="chart-bar" x=pct(BAR_START) y=y width=pct(w) height=BAR rx="3" />
                    {target}
                    <text class="chart-value" x=pct(VALUE_START) y=y + BAR * 0.8>{b.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg width="100%" height=height role="img" aria-label=alt>
                {rows}
            </svg>
        </figure>
    }
}
