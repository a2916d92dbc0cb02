// The express-session tutorial's counter, run by bench/run.py beside Auth Labs' own
// sessions counter so that the README states the ratio between them as measured, not guessed.
//
// It is the tutorial's app as written (docs/08-from-express-session.md maps each option) with
// three changes, each needed to measure it at all:
// - `secure: false`: the benchmark speaks plain HTTP on loopback, and over HTTP express-session
//   never sends a `Secure` cookie, so with `secure: true` every request would be a new visitor
//   and the counter would never pass 1;
// - the port comes from `PORT` and it listens on 127.0.0.1 only;
// - the secret comes from `SESSION_SECRET` (run.py passes a random one), not a literal.
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: true,
  cookie: {
    secure: false,
    httpOnly: true,
    maxAge: 60000,
  },
}));

app.get('/', (req, res) => {
  if (!req.session.views) {
    req.session.views = 1;
  } else {
    req.session.views++;
  }
  res.send(`You visited this page ${req.session.views} times`);
});

const port = Number(process.env.PORT);
app.listen(port, '127.0.0.1', () => console.log(`peer on http://127.0.0.1:${port}`));
