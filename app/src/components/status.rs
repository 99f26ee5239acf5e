//! Status chips: one look per tone, so every page colours a state alike
//! (and the colours meet WCAG AA contrast once, in the stylesheet).

use domain::finance::IpStatus;
use domain::profile::{DocStatus, ProfileStatus};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Pending,
    Bad,
    None,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "status status-ok",
            Tone::Pending => "status status-pending",
            Tone::Bad => "status status-bad",
            Tone::None => "status status-none",
        }
    }

    pub fn of_profile(s: ProfileStatus) -> Tone {
        match s {
            ProfileStatus::Approved => Tone::Ok,
            ProfileStatus::Rejected => Tone::Bad,
            ProfileStatus::Submitted | ProfileStatus::Draft => Tone::Pending,
        }
    }

    pub fn of_topup(s: domain::topup::TopupStatus) -> Tone {
        use domain::topup::TopupStatus as S;
        match s {
            S::Paid => Tone::Ok,
            S::Waiting => Tone::Pending,
            S::Mismatch | S::Failed => Tone::Bad,
            S::Expired => Tone::None,
        }
    }

    pub fn of_doc(s: Option<DocStatus>) -> Tone {
        match s {
            None => Tone::None,
            Some(DocStatus::Pending) => Tone::Pending,
            Some(DocStatus::Accepted) => Tone::Ok,
            Some(DocStatus::Rejected) => Tone::Bad,
        }
    }

    pub fn of_ip(s: IpStatus) -> Tone {
        match s {
            IpStatus::Approved => Tone::Ok,
            IpStatus::Pending => Tone::Pending,
            IpStatus::Rejected => Tone::Bad,
        }
    }
}

/// A state as a coloured chip: `<Chip tone text />`.
#[component]
pub fn Chip(
    #[prop(into)] tone: Signal<Tone>,
    #[prop(into)] text: Signal<&'static str>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! { <span class=move || tone.get().class() data-testid=testid>{move || text.get()}</span> }
}
