//! The administrative areas are loaded by the migration and served to the
//! cascading selects.

use crate::common::TestApp;
use domain::region::RegionOut;

async fn list(app: &TestApp, level: &str, parent: &str) -> Vec<RegionOut> {
    let res =
        app.client.get(app.url("/api/regions")).query(&[("level", level), ("parent", parent)]).send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    res.json().await.unwrap()
}

#[tokio::test]
async fn every_level_of_the_real_areas_is_there() {
    let app = TestApp::spawn().await;
    for (table, count) in [("provinces", 38), ("regencies", 514), ("districts", 7285), ("villages", 83762)] {
        let n: i64 = sea_orm::ConnectionTrait::query_one_raw(
            &app.state.db,
            sea_orm::Statement::from_string(
                app.state.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ),
        )
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
        assert_eq!(n, count, "{table}");
    }
}

#[tokio::test]
async fn the_cascade_goes_from_province_to_village() {
    let app = TestApp::spawn().await;
    let provinces = list(&app, "Province", "").await;
    assert_eq!(provinces.len(), 38);
    let jabar = provinces.iter().find(|p| p.name == "Jawa Barat").expect("Jawa Barat");
    let regencies = list(&app, "Regency", &jabar.code).await;
    let bandung = regencies.iter().find(|r| r.name == "Kota Bandung").expect("Kota Bandung");
    let districts = list(&app, "District", &bandung.code).await;
    let coblong = districts.iter().find(|d| d.name == "Coblong").expect("Coblong");
    let villages = list(&app, "Village", &coblong.code).await;
    assert!(villages.iter().any(|v| v.name == "Dago"), "{villages:?}");
    assert!(backend::regions::is_valid_path(
        &app.state.db,
        [&jabar.code, &bandung.code, &coblong.code, &villages[0].code]
    )
    .await
    .unwrap());
    // A village from another district does not fit the path.
    assert!(!backend::regions::is_valid_path(
        &app.state.db,
        [&jabar.code, &bandung.code, &coblong.code, "11.01.01.2001"]
    )
    .await
    .unwrap());
    assert!(list(&app, "Village", "no-such-district").await.is_empty());
}
