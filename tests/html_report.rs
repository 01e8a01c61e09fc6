//! `--format html`: the page parses (strictly, as XML), has no external reference, and every
//! chart holds its data; and in real headless Chromium it renders without a console message and
//! its 1280×800 screenshot is neither empty nor blank.

mod common;

use common::{duikou, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-html-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Runs duikou with `args` and `--format html -o FILE`; the page's text.
fn page(args: &[&str], name: &str) -> (String, Option<i32>) {
    let file = scratch(name).join("report.html");
    let mut all: Vec<&str> = args.to_vec();
    let path = file.to_str().expect("a UTF-8 path").to_string();
    all.extend(["--format", "html", "-o", &path]);
    let o = duikou(&all);
    assert!(stdout(&o).is_empty(), "the page goes to the file only");
    let text = std::fs::read_to_string(&file).expect("the page is written");
    (text, o.status.code())
}

/// The attributes that would load something.
const LOADING: &[&str] = &[
    "src",
    "href",
    "srcset",
    "action",
    "poster",
    "data",
    "background",
];

/// Parses the page and checks that nothing in it reaches outside the file.
fn self_contained(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the page does not parse: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        for a in node.attributes() {
            if LOADING.contains(&a.name()) {
                assert!(
                    a.value().starts_with('#'),
                    "external reference {}={:?}",
                    a.name(),
                    a.value()
                );
            }
        }
    }
    let without_namespaces = html
        .replace("http://www.w3.org/1999/xhtml", "")
        .replace("http://www.w3.org/2000/svg", "");
    for needle in [
        "http://",
        "https://",
        "@import",
        "url(http",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(
            !without_namespaces.contains(needle),
            "the page holds {needle:?}"
        );
    }
    doc
}

/// The values of the marks of chart `id`.
fn marks<'a>(doc: &'a roxmltree::Document<'a>, id: &str) -> Vec<(String, String)> {
    let chart = doc
        .descendants()
        .find(|n| n.attribute("data-chart") == Some(id))
        .unwrap_or_else(|| panic!("no chart {id}"));
    chart
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("mark ")))
        .map(|n| {
            let title = n
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string();
            (
                n.attribute("data-value").unwrap_or_default().to_string(),
                title,
            )
        })
        .collect()
}

fn every_chart_has_data(doc: &roxmltree::Document<'_>) -> usize {
    let charts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg") && n.attribute("class") == Some("chart"))
        .collect();
    for c in &charts {
        let id = c.attribute("data-chart").expect("a chart names itself");
        let data = marks(doc, id);
        assert!(!data.is_empty(), "chart {id} has no data");
        // Every mark carries its value and a tooltip, so nothing is told by colour alone.
        assert!(
            data.iter().all(|(v, t)| !v.is_empty() && !t.is_empty()),
            "chart {id} has a mark without its value: {data:?}"
        );
        assert!(
            c.children().any(|t| t.has_tag_name("title")),
            "chart {id} has no title"
        );
    }
    charts.len()
}

#[test]
fn check_page_has_every_chart_with_its_data() {
    let (html, code) = page(&["check", "rules"], "check");
    assert_eq!(code, Some(2), "the demo data has a rejected row");
    let doc = self_contained(&html);
    assert!(every_chart_has_data(&doc) >= 6);
    // Readable in print and in black and white: patterns, and a print style.
    for pattern in [
        "id=\"p-hatch\"",
        "id=\"p-dots\"",
        "id=\"p-lines\"",
        "@media print",
    ] {
        assert!(html.contains(pattern), "{pattern}");
    }
    assert!(
        html.contains("fill=\"url(#p-hatch)\""),
        "violations are hatched"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&duikou(&["check", "rules", "--format", "json"]))).unwrap();
    let expected: u64 = json["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["violations"].as_u64().unwrap() + r["undetermined"].as_u64().unwrap())
        .sum();
    let drawn: u64 = marks(&doc, "violations-by-rule")
        .iter()
        .map(|(v, _)| v.parse::<u64>().unwrap())
        .sum();
    assert_eq!(drawn, expected, "violations by rule");
    let pairing = marks(&doc, "compliance-by-pairing");
    assert!(
        pairing
            .iter()
            .any(|(v, t)| v == "✗" && t.starts_with("河北省 → 巴州")),
        "{pairing:?}"
    );
    let grades = marks(&doc, "grades-援疆考核");
    assert_eq!(grades.len(), 15, "one cell per scored group");
    assert!(
        grades
            .iter()
            .any(|(v, t)| v == "B" && t.starts_with("河北省→巴州 2017"))
    );
    let shares = marks(&doc, "share-援疆考核-民生占比");
    assert!(shares.iter().any(|(v, _)| v == "40.0%"), "{shares:?}");
    let matrix: serde_json::Value = serde_json::from_str(&stdout(&duikou(&[
        "gaps", "rules", "--matrix", "--format", "json",
    ])))
    .unwrap();
    let cells = matrix["matrix"].as_array().unwrap().len();
    assert_eq!(marks(&doc, "gap-matrix").len(), cells);
    // The findings table holds every finding, with the article of the broken rule and its rows.
    assert!(html.contains("XJ2018-055"));
    assert!(html.contains("<td>援疆工作部署 art 5</td>"));
    assert!(html.contains("class=\"filter\""), "a filter box");
    for (_, file) in json["receipt"]["rules"].as_object().unwrap() {
        assert!(html.contains(file.as_str().unwrap()), "receipt has {file}");
    }
    assert!(
        html.contains(
            json["receipt"]["data"]["rules/data/project.csv"]
                .as_str()
                .unwrap()
        )
    );
}

#[test]
fn score_gaps_and_conflicts_pages_parse_and_hold_their_data() {
    let (html, code) = page(&["score", "rules"], "score");
    assert_eq!(code, Some(2), "the demo data has a rejected row");
    let doc = self_contained(&html);
    assert!(every_chart_has_data(&doc) >= 3);
    assert_eq!(marks(&doc, "grades-援疆考核").len(), 15);
    assert!(html.contains("id=\"t-scores\""));
    let (html, code) = page(&["gaps", "rules"], "gaps");
    assert_eq!(code, Some(1));
    let doc = self_contained(&html);
    assert_eq!(every_chart_has_data(&doc), 2);
    let g003: u64 = marks(&doc, "gaps-by-code")
        .iter()
        .filter(|(_, t)| t.starts_with("G003: "))
        .map(|(v, _)| v.parse::<u64>().unwrap())
        .sum();
    assert_eq!(g003, 192);
    let (html, _) = page(&["conflicts", "rules"], "conflicts");
    let doc = self_contained(&html);
    assert_eq!(every_chart_has_data(&doc), 1);
    assert!(html.contains("江苏产业投入"));
    let (html, _) = page(&["gaps", "rules", "--matrix"], "matrix");
    every_chart_has_data(&self_contained(&html));
}

#[test]
fn the_page_is_byte_identical_across_runs() {
    let (a, _) = page(&["check", "rules"], "same-a");
    let (b, _) = page(&["check", "rules"], "same-b");
    assert!(a == b, "two runs differ");
}

/// The Chromium binary, or why there is none. On CI (`CI=true`) a missing Chromium fails.
fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        let message = "chromium is not installed: `apt-get install -y chromium` (CI installs it in .ci/stages/20-chromium.sh)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
        eprintln!("note: {message}; the browser tests did not run");
    }
    found
}

/// Runs headless Chromium on `page` with `extra` arguments: stdout, and the console messages.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str], name: &str) -> (String, Vec<String>) {
    let profile = scratch(&format!("profile-{name}"));
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    std::fs::remove_dir_all(&profile).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let console = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(String::from)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

#[test]
fn chromium_sees_a_console_error_when_there_is_one() {
    let Some(browser) = chromium() else { return };
    let file = scratch("control").join("broken.html");
    std::fs::write(
        &file,
        "<!DOCTYPE html><html><body><script>nosuch();</script></body></html>",
    )
    .unwrap();
    let (_, console) = run_chromium(&browser, &file, &["--dump-dom"], "control");
    assert!(
        console.iter().any(|l| l.contains("nosuch")),
        "the console is not captured: {console:?}"
    );
}

#[test]
fn chromium_renders_the_check_page_without_console_messages() {
    let Some(browser) = chromium() else { return };
    let dir = scratch("render");
    let file = dir.join("report.html");
    let o = duikou(&[
        "check",
        "rules",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let (dom, console) = run_chromium(&browser, &file, &["--dump-dom"], "dom");
    assert!(console.is_empty(), "console messages: {console:#?}");
    // The script ran: it counts the rows each filter shows.
    assert!(
        dom.contains(" shown</span>"),
        "the table script did not run"
    );
    let shot = dir.join("shot.png");
    let (_, console) = run_chromium(
        &browser,
        &file,
        &[
            "--window-size=1280,800",
            &format!("--screenshot={}", shot.display()),
        ],
        "shot",
    );
    assert!(console.is_empty(), "console messages: {console:#?}");
    let (width, height, dark, colours) = picture(&shot);
    assert_eq!((width, height), (1280, 800));
    assert!(dark > 2_000, "the screenshot is blank: {dark} dark pixels");
    assert!(colours > 20, "the screenshot has {colours} colours");
    if let Some(keep) = std::env::var_os("DUIKOU_SCREENSHOT") {
        std::fs::copy(&shot, keep).expect("keep the screenshot");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Width, height, the number of dark pixels and of distinct colours of a PNG.
fn picture(path: &Path) -> (u32, u32, usize, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("a screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let mut dark = 0;
    let mut colours = std::collections::HashSet::new();
    for px in buf[..info.buffer_size()].chunks(channels) {
        let rgb = (px[0], px[1.min(channels - 1)], px[2.min(channels - 1)]);
        if u32::from(rgb.0) + u32::from(rgb.1) + u32::from(rgb.2) < 384 {
            dark += 1;
        }
        colours.insert(rgb);
    }
    (info.width, info.height, dark, colours.len())
}

#[test]
fn a_page_for_rule_files_with_errors_says_what_was_not_checked() {
    let (html, code) = page(&["check", "tests/cases/name/unknown_actor.dk"], "broken");
    assert_eq!(code, Some(2));
    let doc = self_contained(&html);
    assert!(
        doc.descendants()
            .any(|n| n.attribute("data-chart") == Some("not-checked")),
        "the page says nothing else was checked"
    );
    assert!(html.contains("unknown actor `河北`"));
    assert!(html.contains("did you mean `河北省`?"));
}
