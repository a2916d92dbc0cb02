// Lighthouse's accessibility audit over many pages with one headless Chromium (starting one
// per page would cost seconds each), for tests/app/accessibility.rs.
//
// Usage: node lighthouse.mjs <node_modules folder holding lighthouse> <url>...
// Prints one JSON line per page: {"url", "score" (0 to 1, null if the audit could not run),
// "failed": [{"id", "title", "where"}], "error" (why it could not run)}.
// Chromium is CHROME_PATH, else /usr/bin/chromium.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...urls] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(join(modules, file)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const launcher = await load("chrome-launcher/dist/index.js");
// Before every page Lighthouse times a CPU benchmark: a second of busy loops, whose index only
// the performance report and a warning for its command line read, never an accessibility
// audit. Skipped here, it costs the audit nothing it uses.
const { pageFunctions } = await load("lighthouse/core/lib/page-functions.js");
if (typeof pageFunctions.computeBenchmarkIndex === "function") {
  pageFunctions.computeBenchmarkIndex = function computeBenchmarkIndex() {
    return -1;
  };
}

const chrome = await launcher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const url of urls) {
    // The audit reads the page once it has loaded: no waiting for the network and the CPU to
    // go quiet and no screenshot, which only the performance report needs (2 s a page, not 6).
    const { lhr } = await lighthouse(
      url,
      {
        port: chrome.port,
        onlyCategories: ["accessibility"],
        logLevel: "error",
        disableFullPageScreenshot: true,
        // An error page (404) is a page a learner reads too.
        ignoreStatusCode: true,
      },
      {
        extends: "lighthouse:default",
        settings: {
          pauseAfterFcpMs: 0,
          pauseAfterLoadMs: 0,
          networkQuietThresholdMs: 0,
          cpuQuietThresholdMs: 0,
        },
      },
    );
    const failed = Object.values(lhr.audits)
      .filter((audit) => audit.scoreDisplayMode === "binary" && audit.score === 0)
      .map((audit) => ({
        id: audit.id,
        title: audit.title,
        where: ((audit.details && audit.details.items) || [])
          .slice(0, 3)
          .map((item) => (item.node && (item.node.selector || item.node.snippet)) || ""),
      }));
    const error = lhr.runtimeError && lhr.runtimeError.message;
    console.log(JSON.stringify({ url, score: lhr.categories.accessibility.score, failed, error }));
  }
} finally {
  await chrome.kill();
}
