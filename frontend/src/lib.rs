//! The wasm entry point: hydrates the server-rendered page.
//!
//! Every page is a lazy route (`app::routes`), so hydration is asynchronous:
//! the chunks of the page's section are loaded before its DOM is claimed.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // An Err only says the executor was set up already.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else { return };
        leptos::mount::hydrate_from_async(body.clone(), app::App).await.forget();
        // A marker for people and tests: the page is interactive from now on.
        let _ = body.set_attribute("data-hydrated", "1");
    });
}
