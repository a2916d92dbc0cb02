//! A page's context as a program reads it: the handler's values serialized into a tree whose
//! maps are lists of fields, not `serde_json`'s maps of owned keys.
//!
//! `serde_json::to_value` gave every field of every struct a key of its own (a `String`) and
//! every map a B-tree: on a lab page, building the context and dropping it again cost a tenth
//! of the page. Here a struct's fields keep the names serde gives them (`&'static str`) in a
//! list, in the order the struct lists them, and a value that is no map or list is the JSON
//! value `serde_json` makes of it. A template reads the same names in it: [`Node::get`] finds a
//! field as `serde_json::Map::get` finds a key, and [`Node::to_value`] gives the JSON value
//! `serde_json::to_value` gives (Tera renders from that when a page has no program).

use std::borrow::Cow;
use std::fmt;

use rocket_dyn_templates::tera::Value;
use serde::ser::{self, Serialize};

/// A field's name: a struct's own, or a map's key.
pub type Key = Cow<'static, str>;

/// One value of a context.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A string, number, boolean or null, as `serde_json` makes it (or any JSON value held
    /// as JSON: bytes serialize as a list of numbers, a value a kept fragment read may be a
    /// map worked out during the render).
    Leaf(Value),
    /// A struct's fields or a map's entries, in the order they came. Should a name come twice
    /// (a struct's field and a flattened map's key; the `lang` a page's context is given),
    /// the last one counts, as in the JSON map.
    Object(Vec<(Key, Node)>),
    Array(Vec<Node>),
}

/// A page's context: the names a template reads, and their values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Data {
    fields: Vec<(Key, Node)>,
}

impl Data {
    /// `context` serialized, which must come out as a map of names.
    pub fn of(context: &impl Serialize) -> Result<Data, String> {
        match context.serialize(Serializer) {
            Ok(Node::Object(fields)) => Ok(Data { fields }),
            Ok(_) => Err("a page's context must be a map of names".to_string()),
            Err(e) => Err(e.0),
        }
    }

    /// The value named `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        field(&self.fields, key)
    }

    /// Puts `value` under `key`: read from now on in the place of a value named so before.
    pub fn insert(&mut self, key: impl Into<Key>, value: Node) {
        self.fields.push((key.into(), value));
    }

    /// The context as the JSON map `serde_json::to_value` makes of it.
    pub fn to_value(&self) -> Value {
        object_value(&self.fields)
    }
}

/// JSON read back into a tree (the program's tests give their contexts as JSON).
#[cfg(test)]
impl From<serde_json::Map<String, Value>> for Data {
    fn from(map: serde_json::Map<String, Value>) -> Data {
        Data {
            fields: map
                .into_iter()
                .map(|(key, value)| (Key::Owned(key), Node::from(value)))
                .collect(),
        }
    }
}

#[cfg(test)]
impl From<Value> for Node {
    fn from(value: Value) -> Node {
        match value {
            Value::Object(map) => Node::Object(
                map.into_iter()
                    .map(|(key, value)| (Key::Owned(key), Node::from(value)))
                    .collect(),
            ),
            Value::Array(items) => Node::Array(items.into_iter().map(Node::from).collect()),
            leaf => Node::Leaf(leaf),
        }
    }
}

impl Node {
    /// The field `key` of an object (a leaf that holds a JSON map has none: see
    /// [`Node::Leaf`]; its values are read as JSON).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(fields) => field(fields, key),
            _ => None,
        }
    }

    /// The JSON value `serde_json::to_value` makes of what this was serialized from.
    pub fn to_value(&self) -> Value {
        match self {
            Node::Leaf(value) => value.clone(),
            Node::Object(fields) => object_value(fields),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
        }
    }

    /// Whether it is `value` (what [`Node::to_value`] gives equals it), without making it.
    pub fn same_as(&self, value: &Value) -> bool {
        match (self, value) {
            (Node::Leaf(leaf), value) => leaf == value,
            // A name given twice (the last counts): compared as JSON.
            (Node::Object(fields), Value::Object(_)) if fields.len() > 1 && has_twice(fields) => {
                self.to_value() == *value
            }
            (Node::Object(fields), Value::Object(map)) => {
                fields.len() == map.len()
                    && fields.iter().all(|(key, node)| {
                        map.get(key.as_ref())
                            .is_some_and(|value| node.same_as(value))
                    })
            }
            (Node::Array(items), Value::Array(values)) => {
                items.len() == values.len()
                    && items
                        .iter()
                        .zip(values)
                        .all(|(node, value)| node.same_as(value))
            }
            _ => false,
        }
    }
}

/// The field `key` among `fields`, the last of that name (the names differ in length more
/// often than not).
fn field<'n>(fields: &'n [(Key, Node)], key: &str) -> Option<&'n Node> {
    fields
        .iter()
        .rev()
        .find(|(name, _)| name.len() == key.len() && name.as_ref() == key)
        .map(|(_, node)| node)
}

/// Whether a name comes twice among `fields`.
fn has_twice(fields: &[(Key, Node)]) -> bool {
    fields
        .iter()
        .enumerate()
        .any(|(at, (key, _))| fields[..at].iter().any(|(before, _)| before == key))
}

fn object_value(fields: &[(Key, Node)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(key, node)| (key.to_string(), node.to_value()))
            .collect(),
    )
}

/// Why a value could not be serialized (as `serde_json` words it).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error(e.to_string())
    }
}

/// Makes a [`Node`] of a value: a leaf as `serde_json`'s own value serializer makes it.
struct Serializer;

/// `Serializer`'s method for each kind of leaf: the JSON value `serde_json` makes of it.
macro_rules! leaves {
    ($($method:ident($kind:ty)),* $(,)?) => {
        $(
            fn $method(self, v: $kind) -> Result<Node, Error> {
                Ok(Node::Leaf(serde_json::value::Serializer.$method(v)?))
            }
        )*
    };
}

impl ser::Serializer for Serializer {
    type Ok = Node;
    type Error = Error;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Variant<Items>;
    type SerializeMap = Entries;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Variant<Fields>;

    leaves! {
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
    }
    fn serialize_none(self) -> Result<Node, Error> {
        Ok(Node::Leaf(Value::Null))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Error> {
        Ok(Node::Leaf(Value::Null))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, Error> {
        Ok(Node::Leaf(Value::Null))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, Error> {
        Ok(Node::Leaf(Value::String(variant.to_string())))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        Ok(tagged(variant, value.serialize(Serializer)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, Error> {
        Ok(Items(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, Error> {
        Ok(Items(Vec::with_capacity(len)))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Items, Error> {
        Ok(Items(Vec::with_capacity(len)))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Items>, Error> {
        Ok(Variant {
            variant,
            inner: Items(Vec::with_capacity(len)),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Entries, Error> {
        Ok(Entries {
            fields: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Fields, Error> {
        Ok(Fields(Vec::with_capacity(len)))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Fields>, Error> {
        Ok(Variant {
            variant,
            inner: Fields(Vec::with_capacity(len)),
        })
    }
}

/// A sequence's items so far.
struct Items(Vec<Node>);

impl ser::SerializeSeq for Items {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(value.serialize(Serializer)?);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Array(self.0))
    }
}

impl ser::SerializeTuple for Items {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Items {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Error> {
        ser::SerializeSeq::end(self)
    }
}

/// A struct's fields so far.
struct Fields(Vec<(Key, Node)>);

impl ser::SerializeStruct for Fields {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0
            .push((Key::Borrowed(key), value.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Object(self.0))
    }
}

/// A map's entries so far, and the key whose value comes next.
struct Entries {
    fields: Vec<(Key, Node)>,
    key: Option<String>,
}

impl ser::SerializeMap for Entries {
    type Ok = Node;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        // A key as `serde_json` takes it: a string, or a number or boolean written as one.
        self.key = Some(match serde_json::to_value(key)? {
            Value::String(key) => key,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return Err(Error("key must be a string".to_string())),
        });
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map's value came before its key".to_string()))?;
        self.fields
            .push((Key::Owned(key), value.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Object(self.fields))
    }
}

/// An enum variant that holds something, as `serde_json` writes it: a map of one name, the
/// variant's, to what it holds.
fn tagged(variant: &'static str, inner: Node) -> Node {
    Node::Object(vec![(Key::Borrowed(variant), inner)])
}

/// An enum variant's fields or items, under the variant's name.
struct Variant<T> {
    variant: &'static str,
    inner: T,
}

impl ser::SerializeTupleVariant for Variant<Items> {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.inner, value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(tagged(self.variant, ser::SerializeSeq::end(self.inner)?))
    }
}

impl ser::SerializeStructVariant for Variant<Fields> {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(tagged(self.variant, ser::SerializeStruct::end(self.inner)?))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::json;

    use super::*;

    #[derive(Serialize)]
    enum Shape {
        Dot,
        Size(u32),
        Pair(i8, i8),
        Box { w: u8, h: u8 },
    }

    #[derive(Serialize)]
    struct Inner {
        at: String,
        unix: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        gone: Option<u8>,
    }

    #[derive(Serialize)]
    struct Page<'a> {
        name: &'a str,
        ratio: f64,
        not_a_number: f64,
        big: u128,
        flag: bool,
        nothing: Option<u8>,
        letter: char,
        list: Vec<Inner>,
        tuple: (u8, &'a str),
        map: BTreeMap<u16, bool>,
        shapes: Vec<Shape>,
        json: Value,
        #[serde(flatten)]
        more: BTreeMap<&'a str, u8>,
    }

    #[test]
    fn a_context_reads_as_the_json_serde_json_makes_of_it() {
        let page = Page {
            name: "<alice & \"bob\">",
            ratio: 0.5,
            not_a_number: f64::NAN,
            big: u128::from(u64::MAX),
            flag: true,
            nothing: None,
            letter: 'é',
            list: vec![Inner {
                at: "2026-12-07T10:00:00Z".into(),
                unix: -1,
                gone: None,
            }],
            tuple: (7, "seven"),
            map: BTreeMap::from([(2, true), (10, false)]),
            shapes: vec![
                Shape::Dot,
                Shape::Size(3),
                Shape::Pair(-1, 1),
                Shape::Box { w: 2, h: 4 },
            ],
            json: json!({"z": [1, {"y": null}], "a": "b"}),
            more: BTreeMap::from([("extra", 1), ("name", 9)]),
        };
        let data = Data::of(&page).expect("a map of names");
        let expected = serde_json::to_value(&page).expect("serde_json serializes it");
        assert_eq!(data.to_value(), expected);
        assert!(Node::Object(data.fields.clone()).same_as(&expected));
        // A flattened map's key given twice keeps its last value, as in serde_json's map.
        assert_eq!(data.get("name"), Some(&Node::Leaf(json!(9))));
        assert_eq!(
            data.get("list")
                .and_then(|list| match list {
                    Node::Array(items) => items.first(),
                    _ => None,
                })
                .and_then(|inner| inner.get("unix")),
            Some(&Node::Leaf(json!(-1)))
        );
        // A value read back from JSON reads the same.
        assert_eq!(
            Data::from(expected.as_object().cloned().unwrap_or_default()).to_value(),
            expected
        );
    }

    #[derive(Serialize)]
    struct Twice {
        #[serde(rename = "name")]
        first: u8,
        name: u8,
    }

    #[test]
    fn of_two_fields_with_one_name_the_last_counts_as_in_serde_jsons_map() {
        let data = Data::of(&Twice { first: 1, name: 2 }).expect("a map of names");
        assert_eq!(data.get("name"), Some(&Node::Leaf(json!(2))));
        assert_eq!(data.to_value(), json!({"name": 2}));
        assert_eq!(
            data.to_value(),
            serde_json::to_value(Twice { first: 1, name: 2 }).expect("serializes")
        );
    }

    #[test]
    fn a_context_that_is_not_a_map_of_names_is_refused_as_serde_json_refuses_it() {
        assert!(Data::of(&[1, 2]).is_err());
        assert!(Data::of(&"text").is_err());
        let bad_key = std::collections::HashMap::from([(vec![1u8], 1u8)]);
        assert_eq!(
            Data::of(&json!({"a": 1})).map(|data| data.to_value()),
            Ok(json!({"a": 1}))
        );
        assert!(Data::of(&bad_key).is_err());
        assert!(serde_json::to_value(&bad_key).is_err());
    }

    #[test]
    fn a_node_is_the_same_as_a_value_only_when_its_json_is_equal() {
        let node = Node::from(json!({"a": [1, "x"], "b": {"c": null}}));
        assert!(node.same_as(&json!({"b": {"c": null}, "a": [1, "x"]})));
        assert!(!node.same_as(&json!({"a": [1, "x"], "b": {"c": 0}})));
        assert!(!node.same_as(&json!({"a": [1, "x"]})));
        assert!(!node.same_as(&json!({"a": [1, "x"], "b": {"c": null}, "d": 1})));
        assert!(!node.same_as(&json!([1, "x"])));
        assert!(!Node::from(json!([1])).same_as(&json!([1, 1])));
    }
}
