//! Parts of a page written after its handler rendered it: the `Set-Cookie` lines the response
//! really carries, the cross-site log, the switches banner, the challenges' announcements.
//!
//! A template leaves a slot, an HTML comment such as `<!--lab:switches-banner-->`; a response
//! fairing that has something for it calls [`fill`], and [`Writer`], attached after every such
//! fairing, takes the page and writes every filled slot in one pass. (Each fairing used to read,
//! search and copy the whole page itself.) A page rendered by `site::view` is taken as its
//! responder kept it, not read back from the body; any other page is read once. The filled page
//! goes out as its pieces (the page's bytes around each slot, and each slot's HTML), read
//! straight into the buffer Rocket sends from. A slot nobody fills stays a comment.

use std::io::{self, SeekFrom};
use std::ops::Range;
use std::pin::Pin;
use std::sync::{Arc, LazyLock, Mutex};
use std::task::{Context, Poll};

use memchr::memmem::Finder;

use rocket::fairing::{AdHoc, Fairing, Info, Kind};
use rocket::tokio::io::{AsyncRead, AsyncReadExt, AsyncSeek, ReadBuf};
use rocket::{Request, Response};

use super::view::{self, Page};

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
        let page = match sent {
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
                sent
            }
            None => match read_body(response, size).await {
                Some(body) => Page::Rendered(Arc::new(body)),
                None => return,
            },
        };
        let filled = write(page, fills, request);
        let size = filled.len();
        response.set_sized_body(size, filled);
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
fn write(page: Page, fills: Vec<(&'static str, Filler)>, request: &Request<'_>) -> Filled {
    let bytes = page.as_ref();
    // Where each slot is, found in one pass over the page's comments.
    let mut found: Vec<(usize, &'static str, Filler)> = Vec::with_capacity(fills.len());
    let mut fills: Vec<Option<(&'static str, Filler)>> = fills.into_iter().map(Some).collect();
    for at in COMMENT.find_iter(bytes) {
        let here = fills.iter_mut().find(|fill| {
            fill.as_ref()
                .is_some_and(|(slot, _)| bytes[at..].starts_with(slot.as_bytes()))
        });
        if let Some((slot, filler)) = here.and_then(Option::take) {
            found.push((at, slot, filler));
            if fills.iter().all(Option::is_none) {
                break;
            }
        }
    }
    let mut pieces = Vec::with_capacity(2 * found.len() + 1);
    let mut copied = 0;
    for (at, slot, filler) in found {
        if let Some(html) = filler(request) {
            pieces.push(Piece::Page(copied..at));
            pieces.push(Piece::Html(html));
            copied = at + slot.len();
        }
    }
    pieces.push(Piece::Page(copied..bytes.len()));
    Filled {
        page,
        pieces,
        next: 0,
        offset: 0,
    }
}

/// A page with its slots filled, as the response's body: read piece by piece (the page's
/// bytes between the slots, and each slot's HTML) straight into the buffer Rocket sends from,
/// rather than first copied into a page of its own (a lab page is about 16 KB, and copying it
/// showed among the most sampled symbols of a lab page under `perf`).
struct Filled {
    page: Page,
    pieces: Vec<Piece>,
    /// The piece being read, and how much of it has been.
    next: usize,
    offset: usize,
}

enum Piece {
    Page(Range<usize>),
    Html(String),
}

impl Filled {
    fn len(&self) -> usize {
        self.pieces
            .iter()
            .map(|piece| self.bytes(piece).len())
            .sum()
    }

    /// How far into the body reading has come.
    fn position(&self) -> usize {
        let before: usize = self.pieces[..self.next.min(self.pieces.len())]
            .iter()
            .map(|piece| self.bytes(piece).len())
            .sum();
        before + self.offset
    }

    /// Reading goes on from `position` (the end, if past it).
    fn move_to(&mut self, position: usize) {
        let mut left = position;
        self.next = 0;
        self.offset = 0;
        while let Some(piece) = self.pieces.get(self.next) {
            let len = self.bytes(piece).len();
            if left < len {
                self.offset = left;
                return;
            }
            left -= len;
            self.next += 1;
        }
    }

    fn bytes<'p>(&'p self, piece: &'p Piece) -> &'p [u8] {
        match piece {
            Piece::Page(range) => self.page.as_ref().get(range.clone()).unwrap_or_default(),
            Piece::Html(html) => html.as_bytes(),
        }
    }
}

impl AsyncRead for Filled {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        while buf.remaining() > 0 {
            let Some(piece) = this.pieces.get(this.next) else {
                break;
            };
            let rest = this.bytes(piece).get(this.offset..).unwrap_or_default();
            let taken = rest.len().min(buf.remaining());
            buf.put_slice(&rest[..taken]);
            if taken == rest.len() {
                this.next += 1;
                this.offset = 0;
            } else {
                this.offset += taken;
            }
        }
        Poll::Ready(Ok(()))
    }
}

/// Rocket asks a sized body to seek only to learn its size when it is not given (it is here);
/// a seek is served all the same, as `Cursor` serves one, except that a seek past the end
/// reads on from the end.
impl AsyncSeek for Filled {
    fn start_seek(self: Pin<&mut Self>, to: SeekFrom) -> io::Result<()> {
        let this = self.get_mut();
        let (base, delta) = match to {
            SeekFrom::Start(at) => (0, i128::from(at)),
            SeekFrom::End(delta) => (this.len(), i128::from(delta)),
            SeekFrom::Current(delta) => (this.position(), i128::from(delta)),
        };
        let position = usize::try_from(base as i128 + delta).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "a seek before the page's start",
            )
        })?;
        this.move_to(position);
        Ok(())
    }

    fn poll_complete(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<u64>> {
        Poll::Ready(Ok(self.position() as u64))
    }
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

    /// The page `<p><!--a--></p><!--b-->tail` with `a` and `b` filled, as [`Writer`] sends it.
    fn filled(request: &Request<'_>) -> Filled {
        let page = Page::Rendered(Arc::new(b"<p><!--a--></p><!--b-->tail".to_vec()));
        let fills: Vec<(&'static str, Filler)> = vec![
            ("<!--b-->", Box::new(|_| Some("B".into()))),
            ("<!--a-->", Box::new(|_| Some("<i>A</i>".into()))),
        ];
        write(page, fills, request)
    }

    const FILLED: &[u8] = b"<p><i>A</i></p>Btail";

    /// A client, for the request a filler is given.
    async fn asking() -> rocket::local::asynchronous::Client {
        rocket::local::asynchronous::Client::untracked(rocket::build())
            .await
            .expect("rocket")
    }

    #[rocket::async_test]
    async fn a_filled_page_reads_the_same_whatever_the_size_of_each_read() {
        let client = asking().await;
        let request = client.get("/");
        for size in [1, 2, 3, 7, 64] {
            let mut body = filled(request.inner());
            assert_eq!(body.len(), FILLED.len());
            let mut read = Vec::new();
            let mut buf = vec![0; size];
            // A read that makes no headway would loop forever: at most one read a byte.
            for _ in 0..=FILLED.len() {
                let n = body.read(&mut buf).await.expect("read");
                if n == 0 {
                    break;
                }
                read.extend_from_slice(&buf[..n]);
            }
            assert_eq!(read, FILLED, "reads of {size} bytes");
        }
    }

    #[rocket::async_test]
    async fn a_filled_page_seeks_as_a_cursor_over_its_bytes_would() {
        use rocket::tokio::io::AsyncSeekExt;
        let client = asking().await;
        let request = client.get("/");
        let mut body = filled(request.inner());
        for (to, at) in [
            (SeekFrom::End(0), FILLED.len()),
            (SeekFrom::Start(5), 5),
            (SeekFrom::Current(3), 8),
            (SeekFrom::End(-4), FILLED.len() - 4),
            (SeekFrom::Start(0), 0),
        ] {
            assert_eq!(body.seek(to).await.expect("seek"), at as u64, "{to:?}");
            let mut rest = Vec::new();
            body.read_to_end(&mut rest).await.expect("read");
            assert_eq!(rest, &FILLED[at..], "{to:?}");
            body.seek(SeekFrom::Start(at as u64))
                .await
                .expect("seek back");
        }
        assert!(body.seek(SeekFrom::Current(-100)).await.is_err());
    }

    #[test]
    fn each_slot_is_filled_once_in_one_pass_and_a_missing_one_is_never_worked_out() {
        let body = client().get("/").dispatch().into_string();
        // The first occurrence only; a filler that gives nothing leaves the comment.
        assert_eq!(body.as_deref(), Some("<p><i>A</i></p>B<!--c--><!--a-->"));
    }
}
