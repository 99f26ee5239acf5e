//! The documentation's examples (issue 16): each a request the Dokumentasi
//! pages show and the answer the development gateway gave it. The answers
//! are written by `server/tests/api/docs.rs` from the real gateway, and
//! that test fails when the gateway answers otherwise — an example cannot
//! drift from what partners get.

/// One exchange: the service's path, the request body as a partner sends
/// it and the body the gateway answered (both as text, exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub name: &'static str,
    pub path: &'static str,
    pub request: &'static str,
    pub response: &'static str,
}

/// Stand-ins in the files for the values that are each partner's own:
/// the test puts in the real ones to send and takes them out of answers;
/// a page shows the signed-in partner's merchant ID in their place.
pub const MERCHANT_ID: &str = "{merchantID}";
pub const SESSION_ID: &str = domain::docs::SESSION_STAND_IN;

/// What a reader sees in their place when no partner is signed in (the
/// OpenAPI document, a page without a merchant ID yet).
pub const EXAMPLE_MERCHANT_ID: &str = "DJI100087";
pub const EXAMPLE_SESSION_ID: &str = "9f1c2e4b7a3d48e6b0c5d1f2a8e7c6b5";

macro_rules! example {
    ($name:literal, $path:literal) => {
        Example {
            name: $name,
            path: $path,
            request: include_str!(concat!("../docs/examples/", $name, ".request.json")),
            response: include_str!(concat!("../docs/examples/", $name, ".response.json")),
        }
    };
}

/// Every example, in the order the test runs them on one new partner
/// (the deposit example shows what the payments before it left).
pub const EXAMPLES: &[Example] = &[
    example!("sign-on", "/auth/Sign-On"),
    example!("inquiry-pln", "/Services/Inquiry"),
    example!("payment-pln", "/Services/Payment"),
    example!("check-status", "/Services/Check-Status"),
    example!("inquiry-bpjs", "/Services/Inquiry"),
    example!("payment-bpjs", "/Services/Payment"),
    example!("single-payment", "/Services/SinglePayment"),
    example!("single-payment-pending", "/Services/SinglePayment"),
    example!("pulsa-prices", "/Services/getPulsa-Prabayar"),
    example!("prices-by-family", "/Services/getHargaByProductID"),
    example!("deposit", "/Services/getCurrentDeposit"),
    example!("active-products", "/Services/get-Active-Product"),
];

/// A code sample: Sign On, Inquiry and Payment in one language, shown on
/// the Sign On and Payment pages and run as shown by
/// `server/tests/api/docs.rs` against a development gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    pub language: &'static str,
    /// What runs the file, which comes after it (`bash file`, `go run file`).
    pub runner: &'static [&'static str],
    pub file: &'static str,
    pub code: &'static str,
}

macro_rules! sample {
    ($language:literal, [$($runner:literal),+], $file:literal) => {
        Sample {
            language: $language,
            runner: &[$($runner),+],
            file: $file,
            code: include_str!(concat!("../docs/samples/", $file)),
        }
    };
}

pub const SAMPLES: &[Sample] = &[
    sample!("curl", ["bash"], "payment.sh"),
    sample!("Python (requests)", ["python3"], "payment.py"),
    sample!("PHP (curl)", ["php"], "payment.php"),
    sample!("Node.js", ["node"], "payment.js"),
    sample!("Go", ["go", "run"], "payment.go"),
];

/// Stand-ins of the samples besides the merchant ID: the development
/// gateway's address and the partner's development user and password
/// (which only the credentials e-mail holds).
pub const BASE_URL: &str = "{baseURL}";
pub const USER: &str = "{user}";
pub const PASSWORD: &str = "{password}";

/// The user and password the shown samples carry: the partner fills in
/// the ones of their credentials e-mail.
pub const SHOWN_USER: &str = "USER_DEVELOPMENT";
pub const SHOWN_PASSWORD: &str = "PASSWORD_DEVELOPMENT";

/// Every sample as the pages show it to a partner with `merchant_id`.
pub fn samples_for(base_url: &str, merchant_id: &str) -> Vec<domain::docs::SampleOut> {
    SAMPLES
        .iter()
        .map(|s| domain::docs::SampleOut {
            language: s.language.into(),
            runner: s.runner[0].into(),
            file: s.file.into(),
            code: s
                .code
                .replace(BASE_URL, base_url)
                .replace(USER, SHOWN_USER)
                .replace(PASSWORD, SHOWN_PASSWORD)
                .replace(MERCHANT_ID, merchant_id),
        })
        .collect()
}

/// The example of that name.
pub fn example(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}

/// `text` with the partner's own values in place of the stand-ins.
pub fn filled(text: &str, merchant_id: &str, session_id: &str) -> String {
    text.replace(MERCHANT_ID, merchant_id).replace(SESSION_ID, session_id)
}

/// A JSON text laid out one member a line, its members in the order
/// written (a `serde_json::Value` would sort them); anything that is not
/// JSON comes back as it was.
pub fn pretty(json: &str) -> String {
    if serde_json::from_str::<serde::de::IgnoredAny>(json).is_err() {
        return json.to_owned();
    }
    let (mut out, mut depth, mut in_string, mut escaped) = (String::new(), 0usize, false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    let mut chars = json.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            (in_string, escaped) = match (escaped, c) {
                (true, _) => (true, false),
                (false, '\\') => (true, true),
                (false, '"') => (false, false),
                _ => (true, false),
            };
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' if matches!(chars.peek(), Some('}' | ']')) => out.push(c),
            '{' | '[' => {
                depth += 1;
                out.push(c);
                newline(&mut out, depth);
            }
            '}' | ']' if out.ends_with(['{', '[']) => out.push(c),
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_keeps_the_order_and_the_strings() {
        let text = r#"{"rc":"00","data":{"b":"x, y: {z}","a":[1,2]},"e":{},"q":"say \"hi\""}"#;
        let out = pretty(text);
        assert!(out.starts_with("{\n  \"rc\": \"00\",\n  \"data\": {\n    \"b\": \"x, y: {z}\""), "{out}");
        assert!(out.contains("\"e\": {}") && out.contains(r#""q": "say \"hi\"""#), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
        assert_eq!(pretty("bukan json"), "bukan json");
    }

    #[test]
    fn every_request_is_json_and_every_name_is_once() {
        let names: std::collections::HashSet<_> = EXAMPLES.iter().map(|e| e.name).collect();
        assert_eq!(names.len(), EXAMPLES.len());
        for e in EXAMPLES {
            let filled = filled(e.request, EXAMPLE_MERCHANT_ID, EXAMPLE_SESSION_ID);
            assert!(serde_json::from_str::<serde_json::Value>(&filled).is_ok(), "{}", e.name);
        }
    }
}
