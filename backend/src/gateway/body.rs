//! Reading a request body as the partners' clients send it.

use crate::error::{Error, Result};
use domain::{FieldError, Problem};
use serde_json::Value;

/// A JSON field as the clients send it: a string, or a number.
pub fn field(body: &Value, name: &str) -> Option<String> {
    match body.get(name)? {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The named fields, each present, not blank and at most `max_len` bytes;
/// else every missing one, as field problems.
pub fn required(body: &Value, names: &[&str], max_len: usize) -> Result<Vec<String>> {
    let mut errs = Vec::new();
    let values = names
        .iter()
        .map(|n| {
            let v = field(body, n).filter(|v| !v.is_empty() && v.len() <= max_len);
            if v.is_none() {
                errs.push(FieldError::new(n, Problem::Required));
            }
            v.unwrap_or_default()
        })
        .collect();
    if errs.is_empty() {
        Ok(values)
    } else {
        Err(Error::Invalid(errs))
    }
}
