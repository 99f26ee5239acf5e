pub mod form;
pub mod layout;
pub mod nav;
pub mod outages;
