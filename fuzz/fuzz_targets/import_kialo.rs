#![no_main]

mod common;

use agon::formats::{InputFormat, load_str_as};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::check(load_str_as(InputFormat::Kialo, "fuzz.kialo", text));
    }
});
