//! "Produk" and the product lifecycle: partners choose products, see their
//! own with states, remove what is not live; every state change follows
//! `domain::products::after`, and production answers only for Aktif.

use crate::common::{new_client, send_with, TestApp};
use app::error::AppError;
use app::server_fns::catalog::{CatalogCategories, CatalogCreate, CatalogList, CatalogUpdate, CategoryCreate};
use app::server_fns::finance::PartnerFinance;
use app::server_fns::products::{ProductRemove, ProductsChoosable, ProductsChoose, ProductsMine};
use backend::gateway::{services, Env};
use domain::finance::{CategoryIn, NewProductIn, ProductIn};
use domain::products::{ProductEvent, ProductState};
use domain::{FieldError, Problem, UserId};
use sea_orm::EntityTrait;
use serde_json::json;

/// Steps a test takes directly, as staff would.
fn tester() -> backend::audit::Actor {
    backend::audit::Actor::Staff { id: uuid::Uuid::nil(), name: "Penguji".into() }
}

fn choose(codes: &[&str]) -> ProductsChoose {
    ProductsChoose { codes: codes.iter().map(|c| c.to_string()).collect() }
}

#[tokio::test]
async fn a_partner_chooses_products_once_and_removes_what_is_not_live() {
    let app = TestApp::spawn().await;
    let (staff, m) = app.approved_merchant().await;
    let pulsa = app.send(ProductsChoosable { category: "PULSA".into() }).await.unwrap();
    // The operator's buy price and biller never reach a partner.
    assert!(pulsa.iter().all(|p| p.buy_price == 0 && p.biller.is_empty()), "{pulsa:?}");
    assert!(pulsa.iter().any(|p| p.code == "501021") && pulsa.iter().all(|p| p.category == "PULSA"));

    assert_eq!(app.send(choose(&["501021", "100301"])).await.unwrap(), 2);
    // Sent again (a double click): nothing new, nothing doubled.
    assert_eq!(app.send(choose(&["501021"])).await.unwrap(), 0);
    let mine = app.send(ProductsMine {}).await.unwrap();
    let states: Vec<_> = mine.iter().map(|p| (p.code.as_str(), p.state)).collect();
    assert_eq!(states, [("100301", ProductState::Selected), ("501021", ProductState::Selected)]);
    // Staff see where each product stands for this partner.
    let f = send_with(&staff, &app.base, PartnerFinance { user_id: UserId(m.user_id) }).await.unwrap();
    let p = f.products.iter().find(|p| p.code == "501021").unwrap();
    assert_eq!((p.state, p.active), (Some(ProductState::Selected), false));
    // Chosen products leave "Tambah Produk".
    let left = app.send(ProductsChoosable { category: "PULSA".into() }).await.unwrap();
    assert!(left.iter().all(|p| p.code != "501021"));
    // An unknown code chooses nothing.
    let err = app.send(choose(&["999999", "502521"])).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("codes", Problem::NotFound)]));
    assert_eq!(app.send(ProductsMine {}).await.unwrap().len(), 2);

    // Another partner sees none of them and cannot remove them.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    assert!(send_with(&other, &app.base, ProductsMine {}).await.unwrap().is_empty());
    let err = send_with(&other, &app.base, ProductRemove { code: "501021".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));

    // Live products stay; the rest may go.
    let db = &app.state.db;
    for e in [ProductEvent::RequestUat, ProductEvent::ApproveUat, ProductEvent::RequestLive, ProductEvent::ApproveLive]
    {
        backend::products::step(db, &tester(), m.user_id, "100301", e, None).await.unwrap();
    }
    let err = app.send(ProductRemove { code: "100301".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::WrongStep));
    app.send(ProductRemove { code: "501021".into() }).await.unwrap();
    let mine = app.send(ProductsMine {}).await.unwrap();
    assert_eq!(mine.iter().map(|p| (p.code.as_str(), p.state)).collect::<Vec<_>>(), [("100301", ProductState::Active)]);
    // Signed out: nothing.
    let err = send_with(&new_client(&app.base), &app.base, ProductsMine {}).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotLoggedIn));
}

#[tokio::test]
async fn production_answers_only_for_products_that_went_live() {
    let app = TestApp::spawn().await;
    let (_staff, dev) = app.approved_merchant().await;
    let prod = backend::gateway::Merchant { env: Env::Production, ..dev.clone() };
    let inquiry =
        |reference: &str| json!({"productID": "100301", "customerID": "110100019766", "referenceID": reference});
    let rc = |out: serde_json::Value| out["rc"].as_str().unwrap_or_default().to_owned();
    app.send(choose(&["100301"])).await.unwrap();
    let db = &app.state.db;
    // Chosen, UAT asked and approved, Live asked: still not production.
    let path = [
        (ProductEvent::ApproveUat, Err(Problem::WrongStep)),
        (ProductEvent::RequestUat, Ok(ProductState::UatRequested)),
        (ProductEvent::RejectUat, Ok(ProductState::UatRejected)),
        (ProductEvent::RequestUat, Ok(ProductState::UatRequested)),
        (ProductEvent::ApproveUat, Ok(ProductState::UatApproved)),
        (ProductEvent::ApproveLive, Err(Problem::WrongStep)),
        (ProductEvent::RequestLive, Ok(ProductState::LiveRequested)),
    ];
    for (i, (event, expected)) in path.into_iter().enumerate() {
        let got =
            backend::products::step(db, &tester(), dev.user_id, "100301", event, None).await.map_err(|e| match e {
                backend::Error::Refused(p) => p,
                other => panic!("{other:?}"),
            });
        assert_eq!(got, expected, "{event:?}");
        let out = services::inquiry(&app.state, &prod, &inquiry(&format!("p{i}"))).await.unwrap();
        assert_eq!(rc(out), "41", "production before Live approval ({event:?})");
    }
    backend::products::step(db, &tester(), dev.user_id, "100301", ProductEvent::ApproveLive, None).await.unwrap();
    let out = services::inquiry(&app.state, &prod, &inquiry("live")).await.unwrap();
    assert_ne!(rc(out), "41", "Aktif: production reaches the biller layer");
    let active = services::active_products(&app.state, &prod).await.unwrap();
    assert_eq!(active["active"], "100301");
    // Maintenance pauses it in production with the maintenance answer.
    backend::products::step(db, &tester(), dev.user_id, "100301", ProductEvent::Maintenance, None).await.unwrap();
    let out = services::inquiry(&app.state, &prod, &inquiry("paused")).await.unwrap();
    assert_eq!(rc(out), backend::gateway::rc::Rc::BillerLinkDown.code());
}

#[tokio::test]
async fn the_catalog_has_the_manuals_categories_and_answers_each_sub_family() {
    let app = TestApp::spawn().await;
    let (staff, m) = app.approved_merchant_with_products().await;
    let cats = send_with(&staff, &app.base, CatalogCategories {}).await.unwrap();
    let codes: Vec<&str> = cats.iter().map(|c| c.code.as_str()).collect();
    let manual = [
        "ASURANSI",
        "LISTRIK",
        "MULTIFINANCE",
        "PAJAK",
        "PDAM",
        "PULSA",
        "REMITTANCE",
        "STREAMING",
        "TELEKOMUNIKASI",
        "TRANSFER DANA",
        "TV BERBAYAR",
        "UANG ELEKTRONIK",
        "VOUCHER GAME",
        "ZAKAT",
    ];
    assert_eq!(&codes[..14], manual);
    // Every category has products.
    let all = send_with(&staff, &app.base, CatalogList {}).await.unwrap();
    for c in manual {
        assert!(all.iter().any(|p| p.category == c), "no product in {c}");
    }
    let family = |code: &str| {
        let body = json!({ "prefixID": code });
        let (app, m) = (&app, &m);
        async move {
            let out = services::category_prices(&app.state, m, &body).await.unwrap();
            out["record"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    assert_eq!(family("AAB.AAAA").await, ["NFX054", "NFX186"], "Netflix only");
    assert_eq!(family("AAO.AABA").await, ["STM060"]);
    assert_eq!(family("AAH.AAAL").await, ["520031", "520041", "550031"], "the whole pay-TV category");
    // Our first category names still answer, now from the manual's categories.
    assert_eq!(family("PLN").await, ["100301", "100302", "100311"]);
    assert_eq!(family("LISTRIK").await, ["100301", "100302", "100311"]);
}

#[tokio::test]
async fn staff_add_categories_and_products_that_partners_can_use_at_once_and_retire_them() {
    let app = TestApp::spawn().await;
    let (staff, m) = app.approved_merchant().await;
    let category = CategoryIn { code: "DONASI".into(), name: "Donasi".into() };
    send_with(&staff, &app.base, CategoryCreate { input: category.clone() }).await.unwrap();
    let again = send_with(&staff, &app.base, CategoryCreate { input: category }).await.unwrap_err();
    assert_eq!(again, AppError::Invalid(vec![FieldError::new("code", Problem::CodeTaken)]));
    let new = |code: &str, category: &str| NewProductIn {
        code: code.into(),
        category: category.into(),
        flow: "dual".into(),
        details: ProductIn {
            name: "Donasi Kitabisa".into(),
            biller: "zakat".into(),
            admin_fee: 1_000,
            status: "aktif".into(),
            ..ProductIn::default()
        },
        ..NewProductIn::default()
    };
    // Bad input is refused field by field and stores nothing.
    let err = send_with(&staff, &app.base, CatalogCreate { input: new("x!", "DONASI") }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("code", Problem::CodeInvalid)]));
    let err = send_with(&staff, &app.base, CatalogCreate { input: new("810011", "TIDAKADA") }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("category", Problem::NotFound)]));
    let err = send_with(&staff, &app.base, CatalogCreate { input: new("100301", "DONASI") }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![FieldError::new("code", Problem::CodeTaken)]));
    let created = send_with(&staff, &app.base, CatalogCreate { input: new("810011", "DONASI") }).await.unwrap();
    assert_eq!((created.biller.as_str(), created.admin_fee), ("zakat", 1_000));
    // A partner sees it at once, chooses it, and development serves it.
    let donasi = app.send(ProductsChoosable { category: "DONASI".into() }).await.unwrap();
    assert_eq!(donasi.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["810011"]);
    app.send(choose(&["810011"])).await.unwrap();
    let body = json!({"productID": "810011", "customerID": "3200000100", "referenceID": "don1"});
    let rc = |out: serde_json::Value| out["rc"].as_str().unwrap_or_default().to_owned();
    assert_eq!(rc(services::inquiry(&app.state, &m, &body).await.unwrap()), "00");
    // Another biller, then retired: gone from the list, unknown to the gateway.
    let retire = ProductIn {
        name: "Donasi Kitabisa".into(),
        biller: "pdam".into(),
        admin_fee: 1_000,
        status: "nonaktif".into(),
        ..ProductIn::default()
    };
    let saved = send_with(&staff, &app.base, CatalogUpdate { code: "810011".into(), input: retire }).await.unwrap();
    assert_eq!(saved.biller, "pdam");
    assert!(app.send(ProductsChoosable { category: "DONASI".into() }).await.unwrap().is_empty());
    let body = json!({"productID": "810011", "customerID": "3200000100", "referenceID": "don2"});
    assert_eq!(rc(services::inquiry(&app.state, &m, &body).await.unwrap()), "15");
    // Audited.
    let audit = backend::entity::audit_log::Entity::find().all(&app.state.db).await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert!(
        ["category.created", "product.created", "product.updated"].iter().all(|a| actions.contains(a)),
        "{actions:?}"
    );
}
