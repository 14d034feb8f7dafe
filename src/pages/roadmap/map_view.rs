//! The visual map: the sections as stations along one route, each ring filled by the reader's
//! progress in that section. It reads the same state as the tree; activating a station opens
//! that section in the list.

use leptos::prelude::*;
use sb_model::roadmap_tree::section_key;

use super::state::Explorer;
use super::tree::jump_to_row;

// Integer coordinates: formatting floats would pull float printing into the wasm.
const RADIUS: i32 = 22;
const STEP: i32 = 88;

#[component]
pub fn MapView() -> impl IntoView {
    let ex = Explorer::expect();
    let sections: Vec<(String, String)> = ex.roadmap.with_value(|r| {
        r.sections
            .iter()
            .map(|s| (s.id.clone(), s.title.clone()))
            .collect()
    });
    let count = sections.len();
    let height = 40 + STEP * count as i32;
    let x_of = |i: usize| if i.is_multiple_of(2) { 36 } else { 84 };
    let y_of = |i: usize| 50 + STEP * i as i32;
    let route: String = (0..count)
        .map(|i| {
            let (x, y) = (x_of(i), y_of(i));
            if i == 0 {
                format!("M{x} {y}")
            } else {
                let (px, py) = (x_of(i - 1), y_of(i - 1));
                format!(" C{px} {} {x} {} {x} {y}", py + STEP / 2, y - STEP / 2)
            }
        })
        .collect();
    let stations = sections
        .into_iter()
        .enumerate()
        .map(|(i, (id, title))| {
            let (x, y) = (x_of(i), y_of(i));
            let tally_id = id.clone();
            let tally = Memo::new(move |_| ex.tally(&tally_id));
            let dash = move || format!("{} 100", tally.get().percent());
            let label = {
                let title = title.clone();
                move || format!("{title}: {}. Show this section.", tally.get().summary())
            };
            let open = move || {
                ex.reveal(&id);
                jump_to_row(section_key(&id));
            };
            let open_on_key = open.clone();
            view! {
                <g
                    class="station"
                    role="button"
                    tabindex="0"
                    aria-label=label
                    on:click=move |_| open()
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            open_on_key();
                        }
                    }
                >
                    <circle class="station-track" cx=x cy=y r=RADIUS></circle>
                    <circle
                        class="station-fill"
                        cx=x
                        cy=y
                        r=RADIUS
                        pathLength="100"
                        stroke-dasharray=dash
                        transform=format!("rotate(-90 {x} {y})")
                    ></circle>
                    <text class="station-count" x=x y=y + 5 text-anchor="middle">
                        {move || format!("{}%", tally.get().percent())}
                    </text>
                    <text class="station-label" x=x + 32 y=y + 5>
                        {title.clone()}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="roadmap-svg" viewBox=format!("0 0 250 {height}") role="group" aria-label="Road map overview">
            <path class="route" d=route fill="none"></path>
            {stations}
        </svg>
    }
}
