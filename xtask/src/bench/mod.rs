//! `bench`: measurements of a built site, or of two side by side (`--compare BEFORE`): the shipped
//! sizes (`sizes`) and the browser figures (`timing`: first painted canvas, start-up tasks on a
//! phone-sized page, Lighthouse mobile and desktop, main-thread time per language switch, theme
//! switch and hover, WebAssembly memory over language switches, DOM size), and with `--charts` the
//! per-chart draw and hover timings and the native geometry timings (hit test, projection, the
//! Pacific cut) of this source tree. With `--phone`, the sizes and the phone profile alone
//! (`timing::phone`: a throttled phone's first paint, the map first seen, its first interactive
//! frame and the bytes before it).

pub mod sizes;
mod timing;

use std::path::Path;

use crate::util;

/// What `bench` measures.
pub struct Plan<'a> {
    /// The build measured (the "after" column when comparing).
    pub dir: &'a Path,
    /// Another build to measure in the same run, shown first as "before".
    pub before: Option<&'a Path>,
    /// Also sweep every chart for its first-draw and hover timings.
    pub charts: bool,
    /// Only the sizes and the phone profile (in place of the other browser figures).
    pub phone: bool,
}

/// Runs every bench section.
pub fn bench(plan: &Plan) -> util::Result {
    let mut builds: Vec<(&str, &Path)> = Vec::new();
    if let Some(before) = plan.before {
        builds.push(("before", before));
        builds.push(("after", plan.dir));
    } else {
        builds.push(("this build", plan.dir));
    }
    let last = sizes::report(&builds)?;
    crate::budget::report(last.brotli)?;
    if plan.phone {
        return timing::phone(&builds);
    }
    timing::report(&builds)?;
    if plan.charts {
        timing::charts(plan.dir)?;
        native()?;
    }
    Ok(())
}

/// The native timings the tests print but do not assert (the `#[ignore]`d `timing_` tests), in a
/// release build of this tree.
fn native() -> util::Result {
    util::step("native geometry timings (release build of this tree)");
    let mut cmd = std::process::Command::new("cargo");
    cmd.args(["test", "--release", "--test", "geo", "--", "--ignored", "--nocapture", "--exact"])
        .arg("timing_of_hit_tests_and_projection")
        .current_dir(util::root());
    util::run(&mut cmd)
}
