//! One record given as any `Serialize` value, written straight into the cells of its fields:
//! no JSON text and no map in between, and the cells' buffers reused from record to record.
//!
//! The objects of JSON and JSON Lines files go through the same writer once parsed, and any
//! other value gets the cells `serde_json` would give it read back as a JSON object (a float is
//! written as `serde_json` writes it, a unit variant as its name, an option as its content), so
//! a record checked alone is validated exactly as the same object in a JSON file.

use super::cells::OwnedCell;
use crate::ast::Field;
use serde::ser::{self, Impossible, Serialize};
use std::collections::BTreeSet;
use std::fmt::{Display, Write};

/// The name under which `serde_json` (with exact numbers) serialises a number: a struct whose one
/// field holds the number's text.
const JSON_NUMBER: &str = "$serde_json::private::Number";

/// Why a record could not be taken apart into cells.
#[derive(Debug)]
pub enum NotCells {
    /// The value is not an object: what it is instead (`a list`, `a number`, …).
    NotAnObject(&'static str),
    /// The value's own `Serialize` failed, or a key is not text: the reason.
    Failed(String),
}

impl Display for NotCells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotCells::NotAnObject(kind) => write!(f, "the record is {kind}, not an object"),
            NotCells::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for NotCells {}

impl ser::Error for NotCells {
    fn custom<T: Display>(msg: T) -> Self {
        NotCells::Failed(msg.to_string())
    }
}

/// The cells of one record type's rows, rewritten for every record: the text buffers of one
/// record's cells are kept for the next.
#[derive(Debug, Default)]
pub struct RecordCells {
    fields: Vec<String>,
    cells: Vec<OwnedCell>,
    spare: Vec<String>,
    /// Where the next key is looked for first: rows mostly give their keys in field order.
    next: usize,
    /// The buffer a map's keys are written into, kept from record to record.
    key: String,
    /// Keys of the last record that name no field.
    pub unknown: BTreeSet<String>,
}

impl RecordCells {
    /// Cells for the fields of a record type, in declaration order.
    pub fn for_fields(fields: &[Field]) -> Self {
        RecordCells {
            fields: fields.iter().map(|f| f.name.text.clone()).collect(),
            cells: fields.iter().map(|_| OwnedCell::Empty).collect(),
            spare: Vec::new(),
            next: 0,
            key: String::new(),
            unknown: BTreeSet::new(),
        }
    }

    /// The cells of the last record written, one per field.
    pub fn cells(&self) -> &[OwnedCell] {
        &self.cells
    }

    /// Writes `row` into the cells; keys that name no field go to `unknown`.
    pub fn write<T: Serialize + ?Sized>(&mut self, row: &T) -> Result<(), NotCells> {
        for i in 0..self.cells.len() {
            let old = std::mem::replace(&mut self.cells[i], OwnedCell::Empty);
            self.recycle(old);
        }
        self.unknown.clear();
        self.next = 0;
        let key = std::mem::take(&mut self.key);
        row.serialize(RecordSerializer { cells: self, key })
    }

    /// Keeps the text buffer of a cell that is done with, emptied, for the next text.
    fn recycle(&mut self, cell: OwnedCell) {
        if let OwnedCell::Text(mut s) | OwnedCell::Number(mut s) = cell {
            s.clear();
            self.spare.push(s);
        }
    }

    /// The field named `key`: the one after the last key's first, then any.
    fn field(&self, key: &str) -> Option<usize> {
        match self.fields.get(self.next) {
            Some(f) if f == key => Some(self.next),
            _ => self.fields.iter().position(|f| f == key),
        }
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), NotCells> {
        match self.field(key) {
            Some(i) => {
                self.next = i + 1;
                let mut text = self.spare.pop().unwrap_or_default();
                let cell = value.serialize(CellSerializer { text: &mut text })?;
                if text.capacity() > 0 {
                    // Not taken by the cell (a number, a boolean, nothing).
                    self.recycle(OwnedCell::Text(text));
                }
                // A key given twice: the last value counts, as in a JSON object.
                let old = std::mem::replace(&mut self.cells[i], cell);
                self.recycle(old);
                Ok(())
            }
            None => {
                self.unknown.insert(key.to_string());
                Ok(())
            }
        }
    }
}

/// The top level: an object (map or struct) whose values become cells.
struct RecordSerializer<'a> {
    cells: &'a mut RecordCells,
    key: String,
}

macro_rules! not_an_object {
    ($($method:ident($($arg:ty),*) => $kind:literal;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), NotCells> {
            Err(NotCells::NotAnObject($kind))
        })*
    };
}

impl<'a> ser::Serializer for RecordSerializer<'a> {
    type Ok = ();
    type Error = NotCells;
    type SerializeSeq = Impossible<(), NotCells>;
    type SerializeTuple = Impossible<(), NotCells>;
    type SerializeTupleStruct = Impossible<(), NotCells>;
    type SerializeTupleVariant = Impossible<(), NotCells>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotCells>;

    not_an_object! {
        serialize_bool(bool) => "a boolean";
        serialize_i8(i8) => "a number";
        serialize_i16(i16) => "a number";
        serialize_i32(i32) => "a number";
        serialize_i64(i64) => "a number";
        serialize_i128(i128) => "a number";
        serialize_u8(u8) => "a number";
        serialize_u16(u16) => "a number";
        serialize_u32(u32) => "a number";
        serialize_u64(u64) => "a number";
        serialize_u128(u128) => "a number";
        serialize_f32(f32) => "a number";
        serialize_f64(f64) => "a number";
        serialize_char(char) => "a string";
        serialize_str(&str) => "a string";
        serialize_bytes(&[u8]) => "a list";
        serialize_none() => "null";
        serialize_unit() => "null";
        serialize_unit_struct(&'static str) => "null";
        serialize_unit_variant(&'static str, u32, &'static str) => "a string";
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), NotCells> {
        // `{"variant": value}`, as serde_json writes it.
        self.cells.value(variant, value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotCells> {
        Err(NotCells::NotAnObject("a list"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotCells> {
        Err(NotCells::NotAnObject("a list"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotCells> {
        Err(NotCells::NotAnObject("a list"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotCells> {
        Err(NotCells::NotAnObject("an object"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, NotCells> {
        Ok(self)
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, NotCells> {
        if name == JSON_NUMBER {
            return Err(NotCells::NotAnObject("a number"));
        }
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotCells> {
        Err(NotCells::NotAnObject("an object"))
    }
}

impl ser::SerializeMap for RecordSerializer<'_> {
    type Ok = ();
    type Error = NotCells;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotCells> {
        self.key.clear();
        key.serialize(KeySerializer {
            text: &mut self.key,
        })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCells> {
        self.cells.value(&self.key, value)
    }
    fn end(self) -> Result<(), NotCells> {
        // The key buffer goes back for the next record.
        self.cells.key = self.key;
        Ok(())
    }
}

impl ser::SerializeStruct for RecordSerializer<'_> {
    type Ok = ();
    type Error = NotCells;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotCells> {
        self.cells.value(key, value)
    }
    fn end(self) -> Result<(), NotCells> {
        Ok(())
    }
}

/// A key of the object: text, or a number or boolean written as text (as serde_json does).
struct KeySerializer<'a> {
    text: &'a mut String,
}

fn key_is_not_text() -> NotCells {
    NotCells::Failed("key must be a string".into())
}

macro_rules! key_as_text {
    ($($method:ident($arg:ty);)*) => {
        $(fn $method(self, v: $arg) -> Result<(), NotCells> {
            let _ = write!(self.text, "{v}");
            Ok(())
        })*
    };
}

macro_rules! key_refused {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), NotCells> {
            Err(key_is_not_text())
        })*
    };
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = NotCells;
    type SerializeSeq = Impossible<(), NotCells>;
    type SerializeTuple = Impossible<(), NotCells>;
    type SerializeTupleStruct = Impossible<(), NotCells>;
    type SerializeTupleVariant = Impossible<(), NotCells>;
    type SerializeMap = Impossible<(), NotCells>;
    type SerializeStruct = Impossible<(), NotCells>;
    type SerializeStructVariant = Impossible<(), NotCells>;

    key_as_text! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
        serialize_str(&str);
    }
    key_refused! {
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotCells> {
        self.text.push_str(variant);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotCells> {
        Err(key_is_not_text())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotCells> {
        Err(key_is_not_text())
    }
}

/// One field's value: a scalar becomes a cell; a list or an object is an invalid cell.
struct CellSerializer<'a> {
    text: &'a mut String,
}

impl CellSerializer<'_> {
    fn text(self, s: &str) -> OwnedCell {
        self.text.push_str(s);
        OwnedCell::Text(std::mem::take(self.text))
    }
    fn number(self, n: impl Display) -> OwnedCell {
        let _ = write!(self.text, "{n}");
        OwnedCell::Number(std::mem::take(self.text))
    }
    fn float(self, n: Option<serde_json::Number>) -> OwnedCell {
        // serde_json writes a float that is not finite as `null`.
        match n {
            Some(n) => self.number(n),
            None => OwnedCell::Empty,
        }
    }
}

macro_rules! cell_number {
    ($($method:ident($arg:ty);)*) => {
        $(fn $method(self, v: $arg) -> Result<OwnedCell, NotCells> {
            Ok(self.number(v))
        })*
    };
}

impl ser::Serializer for CellSerializer<'_> {
    type Ok = OwnedCell;
    type Error = NotCells;
    type SerializeSeq = Skipped;
    type SerializeTuple = Skipped;
    type SerializeTupleStruct = Skipped;
    type SerializeTupleVariant = Skipped;
    type SerializeMap = Skipped;
    type SerializeStruct = Skipped;
    type SerializeStructVariant = Skipped;

    cell_number! {
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
    }

    fn serialize_bool(self, v: bool) -> Result<OwnedCell, NotCells> {
        Ok(OwnedCell::Bool(v))
    }
    fn serialize_f32(self, v: f32) -> Result<OwnedCell, NotCells> {
        Ok(self.float(serde_json::Number::from_f64(f64::from(v))))
    }
    fn serialize_f64(self, v: f64) -> Result<OwnedCell, NotCells> {
        Ok(self.float(serde_json::Number::from_f64(v)))
    }
    fn serialize_char(self, v: char) -> Result<OwnedCell, NotCells> {
        Ok(self.text(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<OwnedCell, NotCells> {
        Ok(self.text(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<OwnedCell, NotCells> {
        Ok(OwnedCell::Invalid("a list"))
    }
    fn serialize_none(self) -> Result<OwnedCell, NotCells> {
        Ok(OwnedCell::Empty)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<OwnedCell, NotCells> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<OwnedCell, NotCells> {
        Ok(OwnedCell::Empty)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<OwnedCell, NotCells> {
        Ok(OwnedCell::Empty)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<OwnedCell, NotCells> {
        Ok(self.text(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<OwnedCell, NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<OwnedCell, NotCells> {
        value.serialize(Skipped::of("an object"))?;
        Ok(OwnedCell::Invalid("an object"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("a list"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("a list"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("a list"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("an object"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("an object"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Skipped, NotCells> {
        if name == JSON_NUMBER {
            return Ok(Skipped::number());
        }
        Ok(Skipped::of("an object"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skipped, NotCells> {
        Ok(Skipped::of("an object"))
    }
}

/// A nested list or object: its content is walked (so the value's own errors still surface)
/// and dropped, and the cell is invalid.
struct Skipped {
    kind: &'static str,
    /// For a number as serde_json writes it: its text, once read.
    number: Option<String>,
}

impl Skipped {
    fn of(kind: &'static str) -> Self {
        Skipped { kind, number: None }
    }

    fn number() -> Self {
        Skipped {
            kind: "a number",
            number: Some(String::new()),
        }
    }

    fn end_cell(self) -> OwnedCell {
        match self.number {
            Some(n) if !n.is_empty() => OwnedCell::Number(n),
            _ => OwnedCell::Invalid(self.kind),
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCells> {
        value.serialize(Skipped::of(self.kind)).map(drop)
    }
}

macro_rules! skipped_scalars {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<OwnedCell, NotCells> {
            Ok(OwnedCell::Invalid(self.kind))
        })*
    };
}

macro_rules! skipped_compound {
    ($($trait:ident :: $method:ident ($($arg:ty),*);)*) => {
        $(impl ser::$trait for Skipped {
            type Ok = OwnedCell;
            type Error = NotCells;
            fn $method<T: Serialize + ?Sized>(&mut self, $(_: $arg,)* value: &T) -> Result<(), NotCells> {
                self.element(value)
            }
            fn end(self) -> Result<OwnedCell, NotCells> {
                Ok(self.end_cell())
            }
        })*
    };
}

skipped_compound! {
    SerializeSeq::serialize_element();
    SerializeTuple::serialize_element();
    SerializeTupleStruct::serialize_field();
    SerializeTupleVariant::serialize_field();
    SerializeStructVariant::serialize_field(&'static str);
}

impl ser::SerializeStruct for Skipped {
    type Ok = OwnedCell;
    type Error = NotCells;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotCells> {
        match &mut self.number {
            Some(text) => match value.serialize(CellSerializer { text })? {
                OwnedCell::Text(n) => {
                    *text = n;
                    Ok(())
                }
                _ => Err(NotCells::Failed("a number without its digits".into())),
            },
            None => self.element(value),
        }
    }
    fn end(self) -> Result<OwnedCell, NotCells> {
        Ok(self.end_cell())
    }
}

impl ser::SerializeMap for Skipped {
    type Ok = OwnedCell;
    type Error = NotCells;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotCells> {
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCells> {
        self.element(value)
    }
    fn end(self) -> Result<OwnedCell, NotCells> {
        Ok(self.end_cell())
    }
}

/// Walking a nested value: every scalar is accepted and dropped.
impl ser::Serializer for Skipped {
    type Ok = OwnedCell;
    type Error = NotCells;
    type SerializeSeq = Skipped;
    type SerializeTuple = Skipped;
    type SerializeTupleStruct = Skipped;
    type SerializeTupleVariant = Skipped;
    type SerializeMap = Skipped;
    type SerializeStruct = Skipped;
    type SerializeStructVariant = Skipped;

    skipped_scalars! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<OwnedCell, NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<OwnedCell, NotCells> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<OwnedCell, NotCells> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Skipped, NotCells> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Skipped, NotCells> {
        Ok(self)
    }
}
