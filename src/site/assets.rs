//! `/static`: the stylesheet, scripts and images, held in memory with a validator each.
//!
//! Every file under `static_dir` is read at start-up with its SHA-256 digest. A response
//! carries `ETag` (the digest), so a browser that has the file asks `If-None-Match` and gets a
//! bodiless `304`. A URL with `?v=<digest>` (what `asset(path=…)` in a template writes) names
//! one exact version, so it may be kept for a year without asking (`immutable`); a plain URL
//! must be revalidated each time (`no-cache`), so an edited file is never served stale. Text
//! files are also kept gzip-compressed (the stylesheet shrinks to about a quarter) and sent so
//! to a browser that says `Accept-Encoding: gzip`, with `Vary: Accept-Encoding`. In the
//! `debug` profile a file changed on disk is read again, so editing CSS needs no restart (a new
//! file needs one).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use rocket::fairing::AdHoc;
use rocket::http::uri::fmt::Path as UriPath;
use rocket::http::uri::Segments;
use rocket::http::{ContentType, Header, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::response::{self, Responder};
use rocket::{get, routes, Request, Response, State};
use rocket_dyn_templates::tera;
use sha2::{Digest, Sha256};

/// One file as served.
#[derive(Debug, Clone)]
struct Asset {
    bytes: Arc<[u8]>,
    content_type: ContentType,
    /// The first 16 hex digits of the SHA-256 digest: the `ETag` and the `?v=` fingerprint.
    digest: String,
    /// The bytes gzip-compressed, for a text file that compresses (`None` otherwise).
    gzipped: Option<Arc<[u8]>>,
    modified: Option<SystemTime>,
}

/// The file gzip-compressed, if it is text and that saves at least a tenth.
fn gzip(bytes: &[u8], content_type: &ContentType) -> Option<Arc<[u8]>> {
    use std::io::Write;
    let text = content_type.top() == "text"
        || [ContentType::JavaScript, ContentType::JSON, ContentType::SVG].contains(content_type);
    if !text {
        return None;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    let compressed = encoder.finish().ok()?;
    (compressed.len() * 10 < bytes.len() * 9).then(|| compressed.into())
}

/// Every file under `static_dir`, by its path below it (`css/style.css`).
pub struct Assets {
    root: PathBuf,
    files: RwLock<HashMap<String, Asset>>,
    /// Re-read a file whose modification time changed (the `debug` profile).
    reload: bool,
}

fn read(path: &Path) -> Option<Asset> {
    let bytes = std::fs::read(path).ok()?;
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let content_type = path
        .extension()
        .and_then(|ext| ext.to_str())
        .and_then(ContentType::from_extension)
        .unwrap_or(ContentType::Binary);
    Some(Asset {
        gzipped: gzip(&bytes, &content_type),
        bytes: bytes.into(),
        content_type,
        digest: hex,
        modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
    })
}

/// The files below `dir`, recursively, by their `/`-separated path below it.
fn walk(dir: &Path, below: &str, into: &mut HashMap<String, Asset>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Hidden files (editor swap files, `.DS_Store`) are not part of the site.
        if name.starts_with('.') {
            continue;
        }
        let key = if below.is_empty() {
            name.clone()
        } else {
            format!("{below}/{name}")
        };
        let path = entry.path();
        if path.is_dir() {
            walk(&path, &key, into);
        } else if let Some(asset) = read(&path) {
            into.insert(key, asset);
        }
    }
}

impl Assets {
    pub fn load(root: PathBuf, reload: bool) -> Assets {
        let mut files = HashMap::new();
        walk(&root, "", &mut files);
        Assets {
            root,
            files: RwLock::new(files),
            reload,
        }
    }

    /// The file at `key`, re-read first if reloading is on and it changed on disk. Only the
    /// files found at start-up exist: a `key` is never joined to the folder unless it names
    /// one of them, so no request can reach outside it.
    fn get(&self, key: &str) -> Option<Asset> {
        let cached = self
            .files
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(key)
            .cloned()?;
        if !self.reload {
            return Some(cached);
        }
        let path = self.root.join(key);
        let on_disk = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        match on_disk {
            modified if modified == cached.modified => Some(cached),
            _ => {
                let fresh = read(&path)?;
                self.files
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .insert(key.to_string(), fresh.clone());
                Some(fresh)
            }
        }
    }

    /// `/static/<key>?v=<digest>`, or the plain path for a file that does not exist.
    pub fn url(&self, key: &str) -> String {
        match self.get(key) {
            Some(asset) => format!("/static/{key}?v={}", asset.digest),
            None => format!("/static/{key}"),
        }
    }
}

/// The `If-None-Match` header, if the browser sent one.
pub struct IfNoneMatch(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for IfNoneMatch {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let value = super::headers::first(request.headers(), "If-None-Match").map(str::to_string);
        Outcome::Success(IfNoneMatch(value))
    }
}

impl IfNoneMatch {
    /// RFC 9110 §13.1.2: a list of entity tags, or `*`; weak tags compare too.
    fn matches(&self, etag: &str) -> bool {
        self.0.as_deref().is_some_and(|value| {
            value
                .split(',')
                .map(str::trim)
                .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
        })
    }
}

/// Whether the browser takes a gzip-compressed body (RFC 9110 §12.5.3: `gzip` or `*`, not
/// with `q=0`).
pub struct AcceptsGzip(bool);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for AcceptsGzip {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let header = super::headers::first(request.headers(), "Accept-Encoding").unwrap_or("");
        Outcome::Success(AcceptsGzip(accepts_gzip(header)))
    }
}

fn accepts_gzip(header: &str) -> bool {
    header.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let coding = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

/// A file, or `304 Not Modified` for a browser that already has this version.
pub struct Served {
    body: Option<Arc<[u8]>>,
    content_type: ContentType,
    gzipped: bool,
    /// The file has a compressed form, so the answer depends on `Accept-Encoding`.
    varies: bool,
    etag: String,
    cache: &'static str,
}

impl<'r> Responder<'r, 'static> for Served {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let mut response = Response::build();
        response
            .header(Header::new("ETag", self.etag))
            .header(Header::new("Cache-Control", self.cache));
        if self.varies {
            response.header(Header::new("Vary", "Accept-Encoding"));
        }
        match self.body {
            Some(bytes) => {
                if self.gzipped {
                    response.header(Header::new("Content-Encoding", "gzip"));
                }
                // The file in one piece: in Rocket's default 4 KiB chunks the connection
                // writes it with one system call per chunk. (Set after the body, which resets it.)
                let size = bytes.len();
                response
                    .header(self.content_type)
                    .sized_body(size, std::io::Cursor::new(bytes))
                    .max_chunk_size(size.max(1))
                    .ok()
            }
            None => response.status(Status::NotModified).ok(),
        }
    }
}

/// The path is looked up among the files read at start-up, never joined to a folder, so
/// `..` or an encoded slash can only name nothing (a 404).
#[get("/<path..>?<v>")]
fn file(
    path: Segments<'_, UriPath>,
    v: Option<&str>,
    assets: &State<Arc<Assets>>,
    known: IfNoneMatch,
    gzip: AcceptsGzip,
) -> Option<Served> {
    let key = path.collect::<Vec<_>>().join("/");
    let asset = assets.get(&key)?;
    let gzipped = gzip.0 && asset.gzipped.is_some();
    // Each encoding is its own representation with its own tag (RFC 9110 §8.8.3).
    let etag = if gzipped {
        format!("\"{}-gz\"", asset.digest)
    } else {
        format!("\"{}\"", asset.digest)
    };
    // Only the exact version a fingerprinted URL names may be kept without asking again.
    let cache = if v == Some(asset.digest.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let body = match (&asset.gzipped, gzipped) {
        (Some(compressed), true) => compressed.clone(),
        _ => asset.bytes.clone(),
    };
    Some(Served {
        body: (!known.matches(&etag)).then_some(body),
        content_type: asset.content_type,
        gzipped,
        varies: asset.gzipped.is_some(),
        etag,
        cache,
    })
}

/// Mounts `/static` and manages the files.
pub fn stage(assets: Arc<Assets>) -> AdHoc {
    AdHoc::on_ignite("Static files", move |rocket| async move {
        rocket.manage(assets).mount("/static", routes![file])
    })
}

/// `asset(path="css/style.css")` in a template: the file's fingerprinted URL.
pub fn asset_function(assets: Arc<Assets>) -> impl tera::Function {
    move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
        let path = args
            .get("path")
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::msg("asset() needs path=\"…\""))?;
        Ok(tera::Value::String(assets.url(path)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_strong_weak_lists_and_star() {
        let header = |v: &str| IfNoneMatch(Some(v.to_string()));
        assert!(header("\"abc\"").matches("\"abc\""));
        assert!(header("W/\"abc\"").matches("\"abc\""));
        assert!(header("\"x\", \"abc\"").matches("\"abc\""));
        assert!(header("*").matches("\"abc\""));
        assert!(!header("\"abd\"").matches("\"abc\""));
        assert!(!IfNoneMatch(None).matches("\"abc\""));
    }

    #[test]
    fn gzip_is_taken_when_named_or_starred_unless_its_weight_is_zero() {
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0, br"));
        assert!(!accepts_gzip("br, deflate"));
        assert!(!accepts_gzip(""));
        assert!(!accepts_gzip("x-gzip-ish"));
    }

    #[test]
    fn text_files_are_kept_compressed_and_the_compressed_bytes_unpack_to_the_file() {
        use std::io::Read;
        let css = "body { color: black; }\n".repeat(200);
        let compressed = gzip(css.as_bytes(), &ContentType::CSS).expect("compresses");
        assert!(compressed.len() < css.len() / 4);
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_string(&mut unpacked)
            .expect("valid gzip");
        assert_eq!(unpacked, css);
        assert!(gzip(&[0x89, b'P', b'N', b'G'], &ContentType::PNG).is_none());
    }
}
