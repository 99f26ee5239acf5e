pub mod callbacks;
pub mod change_password;
pub mod connections;
pub mod dashboard;
pub mod dev_numbers;

use crate::components::form::LoadError;
use crate::components::layout::PortalShell;
use crate::i18n::use_texts;
use crate::server_fns::account::current_user;
use domain::account::UserOut;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// A page for signed-in partner users: the shell around `render(user)`, or
/// a redirect to the login page.
#[component]
pub fn PartnerPage<F, V>(render: F) -> impl IntoView
where
    F: Fn(UserOut) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <Suspense fallback=move || view! { <p class="muted page-loading">{t.loading}</p> }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    user.get()
                        .map(move |r| match r {
                            Ok(Some(u)) => view! { <PortalShell user=u.clone()>{render(u)}</PortalShell> }.into_any(),
                            Ok(None) => view! { <Redirect path="/login" /> }.into_any(),
                            Err(e) => view! {
                                <LoadError e />
                            }
                            .into_any(),
                        })
                }
            }
        </Suspense>
    }
}
