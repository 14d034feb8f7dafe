//! The list view: a real ARIA tree (one tab stop, arrow keys, aria-expanded, aria-level) of
//! sections, subsections, groups and resources, with status buttons and personal notes, and the
//! road map's own advice (prose) under the heading it belongs to.
//!
//! Keys on a resource: Space toggles done, P in progress, S skipped, R reset, N note,
//! Enter opens the resource.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use sb_model::paths::page;
use sb_model::progress::Status;
use sb_model::roadmap_tree::{dom_id, key_move, visible_nodes, NodeKind, TreeMove, TreeNode};
use web_sys::KeyboardEvent;

use super::state::Explorer;
use crate::browser;
use crate::components::link::Link;

/// Focuses a row after the DOM has caught up with the state change that revealed it (and with
/// the rows still to be built, built now).
pub fn focus_row(key: String) {
    let ex = Explorer::expect();
    ex.build_all_rows();
    ex.focused.set(key.clone());
    request_animation_frame(move || browser::focus_id(&dom_id(&key)));
}

/// Brings a row to the middle of the screen and focuses it (a permalink, a map station), once
/// the DOM has it: revealing its section, or the rows still being built, adds it.
pub fn jump_to_row(key: String) {
    let target = dom_id(&key);
    request_animation_frame(move || browser::scroll_to_id(&target));
    focus_row(key);
}

/// Rows built with the tree itself; the rest follow [`ROWS_PER_TASK`] at a time, one task each,
/// so building the whole road map (about 150 rows, 600 ms at a phone's speed) never blocks a
/// tap or a key for long (issue 11: Lighthouse's total blocking time).
const FIRST_ROWS: usize = 12;
const ROWS_PER_TASK: usize = 12;

/// Adds the next rows in a task of their own until every row is there (`usize::MAX`). Stops if
/// the tree has gone meanwhile.
fn build_rest(shown: RwSignal<usize>, total: Memo<Vec<TreeNode>>) {
    crate::tasks::advance_in_tasks(shown, move |now| {
        let len = total.try_with_untracked(Vec::len)?;
        let next = now.saturating_add(ROWS_PER_TASK);
        (now != usize::MAX).then_some(if next >= len { usize::MAX } else { next })
    });
}

#[component]
pub fn Tree() -> impl IntoView {
    let ex = Explorer::expect();
    let nodes = Memo::new(move |_| {
        let filter = ex.filter.get();
        let collapsed = ex.collapsed.get();
        // Progress only changes which rows show when a filter looks at it.
        let progress = if filter.is_active() {
            ex.progress.get()
        } else {
            ex.progress.get_untracked()
        };
        ex.roadmap
            .with_value(|r| visible_nodes(r, &collapsed, &filter, &progress))
    });
    // Keep the tab stop on a visible row.
    Effect::new(move |_| {
        nodes.with(|n| {
            if !n.is_empty() && !n.iter().any(|x| ex.focused.with_untracked(|f| *f == x.key)) {
                ex.focused.set(n[0].key.clone());
            }
        })
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if is_text_field(&ev) {
            return;
        }
        let focused = ex.focused.get_untracked();
        let key = ev.key();
        let node = nodes.with_untracked(|n| n.iter().find(|x| x.key == focused).cloned());
        match nodes.with_untracked(|n| key_move(n, &focused, &key)) {
            TreeMove::Focus(k) => {
                ev.prevent_default();
                focus_row(k);
                return;
            }
            TreeMove::Toggle(k) => {
                ev.prevent_default();
                ex.toggle(&k);
                return;
            }
            TreeMove::Nothing => {}
        }
        let Some(node) = node else { return };
        if let Some(resource) = node.resource.as_deref().filter(|_| ex.interactive) {
            let status = ex.progress.with_untracked(|p| p.status(resource));
            let next = match key.as_str() {
                " " => Some(if status == Status::Done {
                    Status::NotStarted
                } else {
                    Status::Done
                }),
                "p" | "P" => Some(Status::InProgress),
                "s" | "S" => Some(Status::Skipped),
                "r" | "R" => Some(Status::NotStarted),
                "n" | "N" if !ex.embedded => {
                    ev.prevent_default();
                    edit_note(ex, node.key.clone());
                    None
                }
                "Enter" => {
                    if let Some(url) = ex
                        .roadmap
                        .with_value(|r| r.resource(resource).map(|x| x.links[0].url.clone()))
                    {
                        browser::open_new_tab(&url);
                    }
                    None
                }
                _ => None,
            };
            if let Some(next) = next {
                ev.prevent_default();
                ex.set_status(resource, next);
            }
        } else if node.is_container() && (key == " " || key == "Enter") {
            ev.prevent_default();
            ex.toggle(&node.key);
        }
    };
    // A permalink scrolls to its row at once: then every row is built together.
    let permalink = use_params_map().with_untracked(|p| p.get("section").is_some());
    let shown = ex.rows_built;
    if !permalink {
        shown.set(FIRST_ROWS);
        build_rest(shown, nodes);
    }
    let rows = move || {
        let shown = shown.get();
        nodes.with(|n| n.iter().take(shown).cloned().collect::<Vec<_>>())
    };
    view! {
        <p class="tree-keys" id="tree-keys">{keys_hint(ex.interactive, ex.embedded)}</p>
        <ul
            role="tree"
            aria-label="Road map"
            aria-describedby="tree-keys"
            aria-busy=move || (shown.get() != usize::MAX).to_string()
            class="tree"
            on:keydown=on_keydown
        >
            <For each=rows key=|n| n.key.clone() let:node>
                <Row node />
            </For>
        </ul>
        <Show when=move || nodes.with(Vec::is_empty)>
            <p class="tree-empty">"Nothing in the road map matches these filters."</p>
        </Show>
    }
}

/// The keyboard help above the tree, naming only the keys that do something here.
fn keys_hint(interactive: bool, embedded: bool) -> &'static str {
    match (interactive, embedded) {
        (false, _) => "Keyboard: arrows move and open, Enter opens.",
        (true, true) => "Keyboard: arrows move and open, Space marks done, P in progress, S skip, R reset, Enter opens.",
        (true, false) => "Keyboard: arrows move and open, Space marks done, P in progress, S skip, R reset, N note, Enter opens.",
    }
}

/// `aria-level` (tachys has no typed method for it).
fn aria_level(level: u32) -> impl leptos::attr::Attribute {
    leptos::tachys::html::attribute::custom::custom_attribute("aria-level", level.to_string())
}

fn is_text_field(ev: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

#[component]
fn Row(node: TreeNode) -> impl IntoView {
    let ex = Explorer::expect();
    let key = node.key.clone();
    let tabindex = {
        let key = key.clone();
        move || {
            if ex.focused.with(|f| *f == key) {
                "0"
            } else {
                "-1"
            }
        }
    };
    let on_focus = {
        let key = key.clone();
        move |_| {
            if ex.focused.with_untracked(|f| *f != key) {
                ex.focused.set(key.clone());
            }
        }
    };
    match node.kind {
        NodeKind::Entry => view! { <EntryRow node tabindex on_focus /> }.into_any(),
        NodeKind::Prose => view! { <ProseRow node tabindex on_focus /> }.into_any(),
        _ => {
            let expanded = {
                let key = key.clone();
                move || {
                    (ex.filter.with(|f| f.is_active()) || !ex.collapsed.with(|c| c.contains(&key)))
                        .to_string()
                }
            };
            let toggle_key = key.clone();
            let section_id = node.section.clone();
            let is_section = node.kind == NodeKind::Section;
            view! {
                <li
                    role="treeitem"
                    id=dom_id(&key)
                    {..aria_level(node.level)}
                    aria-expanded=expanded
                    tabindex=tabindex
                    class=format!("tree-row tree-container level-{} kind-{:?}", node.level, node.kind).to_lowercase()
                    on:focus=on_focus
                    on:click=move |_| ex.toggle(&toggle_key)
                >
                    <span class="twisty" aria-hidden="true"></span>
                    <span class="row-label">{node.label.clone()}</span>
                    {(is_section && ex.interactive).then(|| view! { <SectionTally section=section_id /> })}
                </li>
            }
            .into_any()
        }
    }
}

/// A line of the road map's advice: text (escaped by the renderer), with links only to http(s)
/// pages, opening in a new tab.
#[component]
fn ProseRow<T, F>(node: TreeNode, tabindex: T, on_focus: F) -> impl IntoView
where
    T: Fn() -> &'static str + Send + Sync + 'static,
    F: Fn(web_sys::FocusEvent) + 'static,
{
    let parts = node.prose.map(|p| p.parts).unwrap_or_default();
    view! {
        <li
            role="treeitem"
            id=dom_id(&node.key)
            {..aria_level(node.level)}
            tabindex=tabindex
            class=format!("tree-row tree-prose level-{}", node.level)
            on:focus=on_focus
        >
            <p class="prose-line">
                {parts
                    .into_iter()
                    .map(|part| match part.url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                        Some(url) => view! {
                            <a href=url target="_blank" rel="noopener noreferrer" tabindex="-1">{part.text}</a>
                        }
                        .into_any(),
                        None => view! { {part.text} }.into_any(),
                    })
                    .collect_view()}
            </p>
        </li>
    }
}

/// A section's progress bar and count, with its permalink.
#[component]
pub fn SectionTally(section: String) -> impl IntoView {
    let ex = Explorer::expect();
    let id = section.clone();
    let tally = Memo::new(move |_| ex.tally(&id));
    let title = ex.roadmap.with_value(|r| {
        r.section(&section)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    });
    view! {
        <span class="tally" on:click=|ev| ev.stop_propagation()>
            <progress max="100" value=move || tally.get().percent() aria-label=format!("{title} progress")></progress>
            <span class="tally-text">{move || tally.get().summary()}</span>
            {(!ex.embedded).then(|| view! {
                <Link href=page::roadmap_section(&section) attr:class="permalink" attr:tabindex="-1" attr:aria-label=format!("Link to {title}")>
                    "#"
                </Link>
            })}
        </span>
    }
}

#[component]
fn EntryRow<T, F>(node: TreeNode, tabindex: T, on_focus: F) -> impl IntoView
where
    T: Fn() -> &'static str + Send + Sync + 'static,
    F: Fn(web_sys::FocusEvent) + 'static,
{
    let ex = Explorer::expect();
    let resource_id = node.resource.clone().unwrap_or_default();
    let Some(resource) = ex.roadmap.with_value(|r| r.resource(&resource_id).cloned()) else {
        return ().into_any();
    };
    let Some(cell) = ex.cell(&resource_id) else {
        return ().into_any();
    };
    let status = cell.status;
    let highlighted = {
        let key = node.key.clone();
        move || ex.highlighted.with(|h| h.as_deref() == Some(key.as_str()))
    };
    let row_id = dom_id(&node.key);
    let title_id = format!("{row_id}-title");
    let permalink = page::roadmap_resource(&node.section, &resource.id);
    let kind = resource.kind;
    let set = move |s: Status| {
        let id = resource_id.clone();
        move |ev: web_sys::MouseEvent| {
            ev.stop_propagation();
            ex.set_status(
                &id,
                if status.get_untracked() == s {
                    Status::NotStarted
                } else {
                    s
                },
            );
        }
    };
    let note_resource = resource.id.clone();
    let note_value = cell.note;
    let status_button = move |s: Status, text: &'static str| {
        view! {
            <button
                type="button"
                tabindex="-1"
                class=format!("status-button status-{}", s.key())
                aria-pressed=move || (status.get() == s).to_string()
                on:click=set(s)
            >
                {text}
            </button>
        }
    };
    view! {
        <li
            role="treeitem"
            id=row_id.clone()
            {..aria_level(node.level)}
            aria-labelledby=title_id.clone()
            aria-describedby=format!("{row_id}-state")
            tabindex=tabindex
            class=move || format!("tree-row tree-entry status-{}", status.get().key())
            class:is-highlighted=highlighted
            on:focus=on_focus
        >
            <div class="entry-line">
                <span class=format!("badge type-{}", kind.key())>{kind.label()}</span>
                <span class="entry-links">
                    {resource
                        .links
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            view! {
                                <a
                                    id=(i == 0).then(|| title_id.clone())
                                    class="resource-link"
                                    href=l.url.clone()
                                    target="_blank"
                                    rel="noopener noreferrer"
                                    tabindex="-1"
                                >
                                    {if resource.links.len() > 1 { l.label.clone() } else { resource.title.clone() }}
                                </a>
                            }
                        })
                        .collect_view()}
                </span>
                {resource.author.clone().map(|a| match resource.author_url.clone() {
                    Some(url) => view! { <span class="entry-author">"by " <a href=url target="_blank" rel="noopener noreferrer" tabindex="-1">{a}</a></span> }.into_any(),
                    None => view! { <span class="entry-author">{format!("by {a}")}</span> }.into_any(),
                })}
                {(!resource.free).then(|| view! { <span class="badge not-free">"Not free"</span> })}
                {(!ex.embedded).then(|| view! {
                    <Link href=permalink attr:class="permalink" attr:tabindex="-1" attr:aria-label=format!("Link to {}", resource.title)>
                        "#"
                    </Link>
                })}
            </div>
            {node.note.clone().map(|n| view! { <p class="entry-note">{n}</p> })}
            <span class="sr-only" id=format!("{row_id}-state")>{move || status.get().label()}</span>
            {ex.interactive.then(|| view! {
            <div class="entry-actions" on:click=|ev| ev.stop_propagation()>
                {status_button(Status::Done, "Done")}
                {status_button(Status::InProgress, "In progress")}
                {status_button(Status::Skipped, "Skip")}
                {(!ex.embedded).then(|| view! {
                    <NoteField row_key=node.key.clone() resource=note_resource note=note_value />
                })}
            </div>
            })}
        </li>
    }
    .into_any()
}

/// Opens a row's note field (the "Add note" button, or N on the row) and moves focus into it
/// once it is drawn.
fn edit_note(ex: Explorer, row_key: String) {
    let id = format!("{}-note", dom_id(&row_key));
    ex.note_editing.set(Some(row_key));
    request_animation_frame(move || browser::focus_id(&id));
}

/// A resource's private note: its text field while it has a note or the reader is writing one,
/// else an "Add note" button that opens it.
#[component]
fn NoteField(row_key: String, resource: String, note: RwSignal<String>) -> impl IntoView {
    let ex = Explorer::expect();
    let row_id = dom_id(&row_key);
    let note_id = format!("{row_id}-note");
    let open = {
        let key = row_key.clone();
        move || {
            !note.with(String::is_empty) || ex.note_editing.with(|k| k.as_deref() == Some(&*key))
        }
    };
    let add = move |_| edit_note(ex, row_key.clone());
    let save = move |ev: web_sys::Event| {
        let typed = event_target_value(&ev);
        if note.with_untracked(|n| *n != typed) {
            ex.set_note(&resource, &typed);
        }
    };
    view! {
        <Show
            when=open
            fallback=move || {
                let add = add.clone();
                view! {
                    <button type="button" tabindex="-1" class="status-button note-button" on:click=add>
                        "Add note"
                    </button>
                }
            }
        >
            <label class="note-label" for=note_id.clone()>"My note"</label>
            <input
                id=note_id.clone()
                class="note-input"
                type="text"
                tabindex="-1"
                placeholder="Add a private note"
                prop:value=note
                on:change=save.clone()
                // Saves too: a window losing focus blurs the field without a `change`, and the
                // words typed must stay. A field left empty closes.
                on:blur={
                    let save = save.clone();
                    move |ev: web_sys::FocusEvent| {
                        save(ev.into());
                        ex.note_editing.set(None);
                    }
                }
                on:keydown={
                    let row_id = row_id.clone();
                    move |ev: KeyboardEvent| {
                        if ev.key() == "Escape" {
                            browser::focus_id(&row_id);
                        }
                    }
                }
            />
        </Show>
    }
}
