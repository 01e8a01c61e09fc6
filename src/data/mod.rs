//! Submitted data: files bound to record types, read row by row and validated.

pub mod bind;
pub mod boundary;
pub mod cells;
pub mod columns;
pub mod convert;
pub mod csv_file;
pub mod delimiter;
pub mod grid;
pub mod grid_reader;
pub mod header;
pub mod header_text;
pub mod json_file;
pub mod keys;
pub mod lines;
pub mod names;
pub mod problem;
pub mod row;
pub mod row_serializer;
pub mod shape;
pub mod sink;
pub mod stray_quote;
pub mod totals;
pub mod value;
pub mod workbook;
pub mod xlsx_file;
pub mod xlsx_scan;
