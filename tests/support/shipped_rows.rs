//! The shipped `project` rows as JSON objects, every non-empty cell as written: what a form
//! would submit for each of them.

/// Each row of `rules/data/project.csv` under the crate root, as an object of its cells' texts.
pub fn shipped_project_rows() -> Vec<serde_json::Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(root.join("rules/data/project.csv"))
        .expect("the shipped project data is readable");
    let header = reader.headers().expect("it has a header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a shipped row is valid CSV");
            let object: serde_json::Map<String, serde_json::Value> = header
                .iter()
                .zip(r.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect();
            serde_json::Value::Object(object)
        })
        .collect()
}
