//! Interaction decisions as pure functions: which cell a pointer or key reaches, which entity a
//! row selects, what a tooltip says, what the map's table lists, how the map's camera moves and
//! how pointer presses become pans, pinches and clicks; where the optional flow animation's dots are.
//!
//! Layer: views. The UI components call these and only wire the results to signals and the DOM;
//! every rule here has a sentence-named native test, so the mouse, touch and keyboard paths
//! cannot drift apart.

pub mod camera;
pub mod drawn;
pub mod gesture;
pub mod keys;
pub mod motion;
pub mod redraw;
pub mod table;
pub mod tooltip;

pub use camera::{key_move, panned, zoomed, zoomed_at_centre, CameraMove, KEY_PAN_PX, KEY_ZOOM};
pub use drawn::Drawn;
pub use gesture::{Gesture, Press};
pub use keys::{chart_key, next_focus, tab_after, toggle_series, toggled, ChartKey};
pub use redraw::should_draw;
pub use table::{table_rows, TableRow};
pub use tooltip::{announce, tooltip, Tip};
