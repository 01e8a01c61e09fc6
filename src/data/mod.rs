//! Submitted data: files bound to record types, read row by row and validated.

pub mod bind;
pub mod cells;
pub mod columns;
pub mod convert;
pub mod csv_file;
pub mod json_file;
pub mod keys;
pub mod lines;
pub mod names;
pub mod problem;
pub mod row;
pub mod shape;
pub mod sink;
pub mod stray_quote;
pub mod value;
pub mod xlsx_file;
