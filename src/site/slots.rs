//! Parts of a page written after its handler rendered it: the `Set-Cookie` lines the response
//! really carries, the cross-site log, the switches banner, the challenges' announcements.
//!
//! A template leaves a slot, an HTML comment such as `<!--lab:switches-banner-->`; a response
//! fairing that has something for it calls [`fill`], and [`Writer`], attached after every such
//! fairing, takes the page and writes every filled slot in one pass. (Each fairing used to read,
//! search and copy the whole page itself.) A page rendered by `site::view` is taken as its
//! responder kept it, not read back from the body; any other page is read once. A slot nobody
//! fills stays a comment.

use std::io::Cursor;
use std::sync::{LazyLock, Mutex};

use memchr::memmem::Finder;

use rocket::fairing::{AdHoc, Fairing, Info, Kind};
use rocket::tokio::io::AsyncReadExt;
use rocket::{Request, Response};

use super::view;

/// What goes into a slot, worked out only if the page has the slot.
type Filler = Box<dyn FnOnce(&Request<'_>) -> Option<String> + Send>;

/// The fills asked for while this request's response fairings ran.
#[derive(Default)]
struct Pending(Mutex<Vec<(&'static str, Filler)>>);

/// Asks for `slot` to hold what `filler` returns (nothing when it returns `None`), if the page
/// has that slot. `filler` runs once the page is read, after every response fairing.
pub fn fill<F>(request: &Request<'_>, slot: &'static str, filler: F)
where
    F: FnOnce(&Request<'_>) -> Option<String> + Send + 'static,
{
    let pending = request.local_cache(Pending::default);
    if let Ok(mut pending) = pending.0.lock() {
        pending.push((slot, Box::new(filler)));
    }
}

/// Attaches the [`Writer`] when the app ignites, after the fairings attached before it (and
/// those they attach when they ignite): attach this last.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Page slots", |rocket| async { rocket.attach(Writer) })
}

/// The start of an HTML comment, as a searcher built once (building one costs about as much as
/// searching a page).
static COMMENT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<!--"));

/// Spare room for the read that finds the end of a body.
const READ_PROBE: usize = 32;

/// Writes the filled slots into the page.
pub struct Writer;

#[rocket::async_trait]
impl Fairing for Writer {
    fn info(&self) -> Info {
        Info {
            name: "Page slots",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let fills = match request.local_cache(Pending::default).0.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return,
        };
        // Most responses have nothing to fill: their body is never read.
        if fills.is_empty() || !super::headers::is_html(response) {
            return;
        }
        let size = response.body().preset_size();
        let sent = view::sent_page(request).filter(|page| Some(page.as_ref().len()) == size);
        let read;
        let page: &[u8] = match &sent {
            // A page its responder gave is not read back: the body holds its bytes. Debug
            // builds read it anyway and check that it does.
            Some(sent) => {
                if cfg!(debug_assertions) {
                    let body = read_body(response, size).await;
                    debug_assert!(
                        body.as_deref() == Some(sent.as_ref()),
                        "the body of a page is the page its responder gave"
                    );
                }
                sent.as_ref()
            }
            None => {
                let Some(body) = read_body(response, size).await else {
                    return;
                };
                read = body;
                &read
            }
        };
        let written = write(page, fills, request);
        let size = written.len();
        response.set_sized_body(size, Cursor::new(written));
        // In one write, as `site::view` sends a page (setting the body resets the chunk size).
        response.set_max_chunk_size(size.max(1));
    }
}

/// The body, read into room for the whole of it (its size is known), not a growing buffer.
async fn read_body(response: &mut Response<'_>, size: Option<usize>) -> Option<Vec<u8>> {
    let mut page = Vec::with_capacity(size.unwrap_or(0) + READ_PROBE);
    response.body_mut().read_to_end(&mut page).await.ok()?;
    Some(page)
}

/// `page` with the first occurrence of each filled slot replaced by its filler's HTML.
fn write(page: &[u8], fills: Vec<(&'static str, Filler)>, request: &Request<'_>) -> Vec<u8> {
    // Where each slot is, found in one pass over the page's comments.
    let mut found: Vec<(usize, &'static str, Filler)> = Vec::with_capacity(fills.len());
    let mut fills: Vec<Option<(&'static str, Filler)>> = fills.into_iter().map(Some).collect();
    for at in COMMENT.find_iter(page) {
        let here = fills.iter_mut().find(|fill| {
            fill.as_ref()
                .is_some_and(|(slot, _)| page[at..].starts_with(slot.as_bytes()))
        });
        if let Some((slot, filler)) = here.and_then(Option::take) {
            found.push((at, slot, filler));
            if fills.iter().all(Option::is_none) {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(page.len() + 4096);
    let mut copied = 0;
    for (at, slot, filler) in found {
        if let Some(html) = filler(request) {
            out.extend_from_slice(&page[copied..at]);
            out.extend_from_slice(html.as_bytes());
            copied = at + slot.len();
        }
    }
    out.extend_from_slice(&page[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::local::blocking::Client;
    use rocket::response::content::RawHtml;

    #[rocket::get("/")]
    fn page() -> RawHtml<&'static str> {
        RawHtml("<p><!--a--></p><!--b--><!--c--><!--a-->")
    }

    /// A page whose fairing asks for three slots and one the page lacks.
    fn client() -> Client {
        let ask = AdHoc::on_response("asks for slots", |request, _| {
            Box::pin(async move {
                fill(request, "<!--b-->", |_| Some("B".into()));
                fill(request, "<!--a-->", |_| Some("<i>A</i>".into()));
                fill(request, "<!--c-->", |_| None);
                fill(request, "<!--missing-->", |_| {
                    panic!("worked out for a slot not there")
                });
            })
        });
        let rocket = rocket::build()
            .mount("/", rocket::routes![page])
            .attach(ask)
            .attach(stage());
        Client::tracked(rocket).expect("rocket")
    }

    #[test]
    fn each_slot_is_filled_once_in_one_pass_and_a_missing_one_is_never_worked_out() {
        let body = client().get("/").dispatch().into_string();
        // The first occurrence only; a filler that gives nothing leaves the comment.
        assert_eq!(body.as_deref(), Some("<p><i>A</i></p>B<!--c--><!--a-->"));
    }
}
