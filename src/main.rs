//! Browser entry point: install the panic hook, then mount the app. Nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    trade_atlas::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("trade-atlas is the browser app: build it with `cargo xtask serve` or `cargo xtask dist`.");
    eprintln!("For the native exporter run `cargo run --bin atlas-export -- --help`.");
    std::process::exit(2);
}
