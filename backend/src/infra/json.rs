//! Reading the loosely typed JSON of upstream services.

use serde_json::Value;

/// A field as text, whether it was sent as a string or a number (trimmed;
/// empty when absent or anything else).
pub fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}
