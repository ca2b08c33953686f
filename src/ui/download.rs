//! Files and the clipboard: save text or a blob under a name, render a chart to a PNG at twice
//! the pixel density, copy an image or text to the clipboard where the browser allows it.
//!
//! Layer: ui (browser only). Errors come back as text for a visible message; nothing panics.

use crate::chart::{canvas, ChartSpec, Frame, Theme, View};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

fn err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}

/// How long a download's object URL lives: long enough for any engine to start reading it.
const REVOKE_AFTER_MS: u32 = 40_000;

/// Offer a blob for download.
pub fn save_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(err)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: HtmlAnchorElement = doc.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").map_err(err)?;
    doc.body().ok_or("no body")?.append_child(&a).map_err(err)?;
    a.click();
    a.remove();
    // Revoked later, not at once: Safari (and older Firefox) start the download after `click`
    // returns, and a URL revoked by then gives a failed download.
    gloo::timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Offer text as a file of a MIME type.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    save_blob(name, &Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &opts).map_err(err)?)
}

/// Draw a chart with its title, legend and source on a detached canvas at `scale` × density.
pub fn render_png_canvas(
    spec: &ChartSpec,
    frame: &Frame,
    theme: &Theme,
    css_w: f64,
    scale: f64,
    view: &View,
) -> Result<HtmlCanvasElement, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let c: HtmlCanvasElement = doc.create_element("canvas").map_err(err)?.unchecked_into();
    canvas::render(&c, spec, frame, theme, view, css_w, scale)?;
    Ok(c)
}

/// The canvas content as a PNG blob.
pub async fn png_blob(c: &HtmlCanvasElement) -> Result<Blob, String> {
    let c2 = c.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let reject2 = reject.clone();
        let cb = Closure::once_into_js(move |b: JsValue| {
            if b.is_null() {
                let _ = reject2.call1(&JsValue::NULL, &JsValue::from_str("the browser could not encode the image"));
            } else {
                let _ = resolve.call1(&JsValue::NULL, &b);
            }
        });
        if let Err(e) = c2.to_blob(cb.unchecked_ref()) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    JsFuture::from(promise).await.map(|b| b.unchecked_into()).map_err(err)
}

/// Call the clipboard's `method` with `arg` and wait for it (needs a secure context and, for
/// images, `ClipboardItem` and permission).
async fn clipboard(method: &str, arg: &JsValue) -> Result<(), String> {
    let clipboard =
        Reflect::get(&web_sys::window().ok_or("no window")?.navigator(), &"clipboard".into()).map_err(err)?;
    if clipboard.is_undefined() {
        return Err("the clipboard is not available here".into());
    }
    let f: Function = Reflect::get(&clipboard, &method.into()).map_err(err)?.dyn_into().map_err(err)?;
    let p: Promise = f.call1(&clipboard, arg).map_err(err)?.dyn_into().map_err(err)?;
    JsFuture::from(p).await.map(|_| ()).map_err(err)
}

/// Copy a PNG blob to the clipboard.
pub async fn copy_png(blob: &Blob) -> Result<(), String> {
    let win: JsValue = web_sys::window().ok_or("no window")?.into();
    let ctor = Reflect::get(&win, &"ClipboardItem".into()).map_err(err)?;
    if ctor.is_undefined() {
        return Err("this browser cannot copy images".into());
    }
    let data = Object::new();
    Reflect::set(&data, &"image/png".into(), blob).map_err(err)?;
    let item = Reflect::construct(&ctor.dyn_into::<Function>().map_err(err)?, &Array::of1(&data)).map_err(err)?;
    clipboard("write", &Array::of1(&item)).await
}

/// Copy text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    clipboard("writeText", &JsValue::from_str(text)).await
}
