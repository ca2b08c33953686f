//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, every canvas chart
//! gets drawn with visible pixels at the device pixel ratio, and the language switch redraws.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use trade_atlas::spec::CHARTS;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Poll a condition every 20 ms, failing after `secs` seconds.
async fn wait_for(what: &str, secs: u32, cond: impl Fn() -> bool) {
    for _ in 0..secs * 50 {
        if cond() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("timed out after {secs} s waiting for {what}");
}

fn canvases() -> Vec<HtmlCanvasElement> {
    let list = document().query_selector_all("figure.card canvas").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn all_drawn() -> bool {
    let c = canvases();
    !c.is_empty() && c.iter().all(|c| c.get_attribute("data-drawn").as_deref() == Some("1"))
}

/// Share of pixels that differ from the top-left (background) pixel.
fn ink(c: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (c.width() as f64, c.height() as f64);
    let data = ctx.get_image_data(0.0, 0.0, w, h).unwrap().data();
    let bg = [data[0], data[1], data[2]];
    let px = data.len() / 4;
    let differing = (0..px).filter(|i| data[i * 4..i * 4 + 3] != bg).count();
    differing as f64 / px as f64
}

fn mount() -> HtmlElement {
    let _ = web_sys::window().unwrap().local_storage().unwrap().unwrap().clear();
    let host: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    host.style().set_property("width", "900px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), trade_atlas::ui::App);
    std::mem::forget(handle);
    host
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_draws_every_canvas_chart() {
    let host = mount();
    // The map shows one layer at a time: one card and one canvas for all its layers.
    let maps = CHARTS.iter().filter(|c| c.kind.is_map()).count();
    let expected = CHARTS.iter().filter(|c| c.kind.is_canvas()).count() - maps + 1;
    let cards = CHARTS.len() - maps + 1;
    wait_for("every chart card", 10, || {
        document().query_selector_all("figure.card").unwrap().length() as usize == cards
    })
    .await;
    assert_eq!(canvases().len(), expected, "one canvas per canvas chart");
    wait_for("every canvas to be drawn", 20, all_drawn).await;
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    for c in canvases() {
        let css_w = c.get_bounding_client_rect().width();
        assert!((c.width() as f64 - (css_w * dpr).round()).abs() <= 1.0, "backing store follows devicePixelRatio");
        let share = ink(&c);
        let id = c.closest("figure").unwrap().unwrap().get_attribute("data-chart").unwrap();
        assert!(share > 0.01, "chart {id} looks blank ({:.3}% ink)", share * 100.0);
    }
    host.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_relabels_and_redraws_charts() {
    let host = mount();
    wait_for("every canvas to be drawn", 20, all_drawn).await;
    let root = document().document_element().unwrap();
    let before_lang = root.get_attribute("lang").unwrap();
    let title =
        || host.query_selector("figure[data-chart=partners-exports] h4").unwrap().unwrap().text_content().unwrap();
    let before = title();
    let first = canvases().into_iter().find(|c| c.closest("[data-chart=partners-exports]").unwrap().is_some()).unwrap();
    let pixels_before = first.to_data_url().unwrap();
    let button: HtmlElement = host.query_selector("[data-testid=lang-toggle]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    wait_for("the page language to change", 5, || root.get_attribute("lang").unwrap() != before_lang).await;
    let after = title();
    assert_ne!(before, after, "the chart title follows the language");
    assert!(
        after == "Table 3: China's ten main trading partners" || after == "表 3:中国十大对外主要贸易伙伴",
        "{after}"
    );
    wait_for("the chart to redraw in the new language", 5, || first.to_data_url().unwrap() != pixels_before).await;
    host.remove();
}
