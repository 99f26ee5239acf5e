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

/// `v[key]` as text (see `text`).
pub fn field(v: &Value, key: &str) -> String {
    text(v.get(key))
}

/// `v[key]` in whole Rupiah, from `"2000.00"`, `2000` or `"3000"`; `None`
/// when it is not a number (or absurdly large).
pub fn rupiah(v: &Value, key: &str) -> Option<i64> {
    field(v, key).parse::<f64>().ok().filter(|f| f.is_finite() && f.abs() < 1e15).map(|f| f.round() as i64)
}
