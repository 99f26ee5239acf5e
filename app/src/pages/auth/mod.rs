pub mod activate;
pub mod forgot_password;
pub mod login;
pub mod register;
pub mod reset_password;
pub mod verify_email;
