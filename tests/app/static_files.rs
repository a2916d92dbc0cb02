//! `/static`: validators, `304`s and fingerprinted URLs, so a browser does not fetch the
//! stylesheet and scripts again on every page.

use rocket::http::{Header, Status};

use crate::support::{body, client, client_with, figment};

fn fingerprinted_stylesheet(page: &str) -> String {
    let start = page
        .find("/static/css/style.css?v=")
        .expect("a fingerprinted stylesheet");
    page[start..].split('"').next().expect("url").to_string()
}

#[test]
fn static_files_carry_an_etag_and_a_browser_that_has_them_gets_a_bodiless_304() {
    let client = client();
    let first = client.get("/static/css/style.css").dispatch();
    assert_eq!(first.status(), Status::Ok);
    assert_eq!(first.content_type(), Some(rocket::http::ContentType::CSS));
    let etag = first
        .headers()
        .get_one("ETag")
        .expect("an ETag")
        .to_string();
    assert_eq!(first.headers().get_one("Cache-Control"), Some("no-cache"));
    assert!(!body(first).is_empty());
    let again = client
        .get("/static/css/style.css")
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch();
    assert_eq!(again.status(), Status::NotModified);
    assert_eq!(again.headers().get_one("ETag"), Some(etag.as_str()));
    assert!(again.into_bytes().unwrap_or_default().is_empty());
    let other = client
        .get("/static/css/style.css")
        .header(Header::new("If-None-Match", "\"someone-elses\""))
        .dispatch();
    assert_eq!(other.status(), Status::Ok, "another version gets the file");
}

#[test]
fn pages_link_fingerprinted_assets_kept_for_a_year_while_pages_stay_no_store() {
    let client = client();
    let home = client.get("/").dispatch();
    assert_eq!(home.headers().get_one("Cache-Control"), Some("no-store"));
    let url = fingerprinted_stylesheet(&body(home));
    let css = client.get(url.clone()).dispatch();
    assert_eq!(css.status(), Status::Ok);
    assert_eq!(
        css.headers().get_one("Cache-Control"),
        Some("public, max-age=31536000, immutable")
    );
    let digest = url.rsplit("v=").next().expect("digest");
    assert_eq!(
        css.headers().get_one("ETag"),
        Some(format!("\"{digest}\"").as_str())
    );
    // A stale fingerprint is not this version: revalidate rather than keep it for a year.
    let stale = client
        .get("/static/css/style.css?v=0000000000000000")
        .dispatch();
    assert_eq!(stale.headers().get_one("Cache-Control"), Some("no-cache"));
}

#[test]
fn an_edited_static_file_is_served_fresh_in_the_debug_profile() {
    let dir = std::env::temp_dir().join(format!("auth-labs-static-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("css")).expect("dir");
    std::fs::write(dir.join("css/style.css"), "body { color: red }").expect("write");
    let client = client_with(figment().merge(("static_dir", dir.to_str().expect("utf-8"))));
    let before = client.get("/static/css/style.css").dispatch();
    let etag = before.headers().get_one("ETag").expect("etag").to_string();
    assert_eq!(body(before), "body { color: red }");
    // A different length and a later modification time, whatever the file system's clock.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join("css/style.css"), "body { color: blue; }").expect("write");
    let after = client.get("/static/css/style.css").dispatch();
    assert_ne!(after.headers().get_one("ETag"), Some(etag.as_str()));
    assert_eq!(body(after), "body { color: blue; }");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn only_the_files_under_static_are_served_even_through_an_encoded_dot_dot() {
    let client = client();
    for path in [
        "/static/nope.css",
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/css/../../Rocket.toml",
        "/static/..%2FCargo.toml",
        "/static/..%2F..%2FCargo.toml",
        "/static/css%2F..%2F..%2FRocket.toml",
    ] {
        assert_eq!(
            client.get(path).dispatch().status(),
            Status::NotFound,
            "{path}"
        );
    }
    assert_eq!(
        client.get("/static/js/jwt-header.js").dispatch().status(),
        Status::Ok
    );
}

#[test]
fn a_browser_that_takes_gzip_gets_the_stylesheet_compressed_under_its_own_etag() {
    use std::io::Read;
    let client = client();
    let on_disk = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/static/css/style.css"))
        .expect("the stylesheet");
    let plain = client.get("/static/css/style.css").dispatch();
    assert_eq!(plain.headers().get_one("Content-Encoding"), None);
    assert_eq!(plain.headers().get_one("Vary"), Some("Accept-Encoding"));
    let plain_etag = plain.headers().get_one("ETag").expect("ETag").to_string();
    assert_eq!(plain.into_bytes().expect("body"), on_disk);

    let gzip = client
        .get("/static/css/style.css")
        .header(Header::new("Accept-Encoding", "gzip, deflate, br"))
        .dispatch();
    assert_eq!(gzip.headers().get_one("Content-Encoding"), Some("gzip"));
    assert_eq!(gzip.headers().get_one("Vary"), Some("Accept-Encoding"));
    let gzip_etag = gzip.headers().get_one("ETag").expect("ETag").to_string();
    assert_ne!(
        gzip_etag, plain_etag,
        "each encoding is its own representation"
    );
    let compressed = gzip.into_bytes().expect("body");
    assert!(
        compressed.len() * 2 < on_disk.len(),
        "{} bytes",
        compressed.len()
    );
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut unpacked)
        .expect("valid gzip");
    assert_eq!(unpacked, on_disk);

    let revalidated = client
        .get("/static/css/style.css")
        .header(Header::new("Accept-Encoding", "gzip"))
        .header(Header::new("If-None-Match", gzip_etag))
        .dispatch();
    assert_eq!(revalidated.status(), Status::NotModified);
}
